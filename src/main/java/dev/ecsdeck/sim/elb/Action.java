package dev.ecsdeck.sim.elb;

import java.util.List;

/**
 * A listener's or rule's action (ELB's {@code Action}): {@code forward} (to {@link #targetGroupArn} or by
 * {@link #forwardConfig}), {@code redirect} or {@code fixed-response}.
 */
public record Action(
        String type,
        String targetGroupArn,
        Integer order,
        RedirectActionConfig redirectConfig,
        FixedResponseActionConfig fixedResponseConfig,
        ForwardActionConfig forwardConfig) {

    /** Forwards everything to one target group. */
    public static Action forward(String targetGroupArn) {
        return new Action("forward", targetGroupArn, null, null, null, null);
    }

    /** Spreads requests over target groups by weight. */
    public static Action forward(List<TargetGroupTuple> targetGroups) {
        return new Action("forward", null, null, null, null, new ForwardActionConfig(targetGroups, null));
    }
}
