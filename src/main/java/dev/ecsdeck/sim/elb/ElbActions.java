package dev.ecsdeck.sim.elb;

import dev.ecsdeck.sim.SimApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a listener's or rule's actions as ELB does, and stores a forward action the way DescribeRules shows it. */
final class ElbActions {
    static final int MAX_WEIGHT = 999;
    /** ELB's limit of target groups in one forward action. */
    static final int MAX_TARGET_GROUPS = 5;

    private ElbActions() {}

    /** Throws ELB's error unless {@code actions} is one forward, redirect or fixed-response action a listener of {@code loadBalancerArn} may have. */
    static void check(SimElb elb, List<Action> actions, String loadBalancerArn) {
        if (actions == null || actions.isEmpty()) {
            throw ElbErrors.validation("At least one action must be specified");
        }
        if (actions.size() > 1) {
            throw new SimApiException("TooManyActions", "The simulator supports one action per rule (forward, redirect or fixed-response)");
        }
        Action a = actions.get(0);
        String type = a.type();
        if ("forward".equals(type)) {
            checkForward(elb, a, loadBalancerArn);
        } else if ("redirect".equals(type)) {
            RedirectActionConfig r = a.redirectConfig();
            if (r == null || !List.of("HTTP_301", "HTTP_302").contains(r.statusCode())) {
                throw ElbErrors.validation("A redirect action needs a RedirectConfig with StatusCode HTTP_301 or HTTP_302");
            }
        } else if ("fixed-response".equals(type)) {
            FixedResponseActionConfig f = a.fixedResponseConfig();
            if (f == null || f.statusCode() == null || !f.statusCode().matches("[245]\\d\\d")) {
                throw ElbErrors.validation("A fixed-response action needs a FixedResponseConfig with a StatusCode of 2XX, 4XX or 5XX");
            }
        } else {
            throw new SimApiException("InvalidLoadBalancerAction",
                    "Action type '" + type + "' is not supported by the simulator (forward, redirect and fixed-response are)");
        }
    }

    private static void checkForward(SimElb elb, Action a, String loadBalancerArn) {
        List<TargetGroupTuple> tuples = a.forwardConfig() == null ? List.of() : a.forwardConfig().targetGroups();
        if (a.targetGroupArn() != null && !tuples.isEmpty()
                && (tuples.size() != 1 || !a.targetGroupArn().equals(tuples.get(0).targetGroupArn()))) {
            throw ElbErrors.validation("With both TargetGroupArn and ForwardConfig, the ForwardConfig must name that one target group only");
        }
        if (a.targetGroupArn() == null && tuples.isEmpty()) {
            throw ElbErrors.validation("A forward action must specify a target group (TargetGroupArn or ForwardConfig)");
        }
        if (tuples.size() > MAX_TARGET_GROUPS) {
            throw new SimApiException("TooManyTargetGroups", "A forward action can have at most " + MAX_TARGET_GROUPS + " target groups");
        }
        List<String> arns = new ArrayList<>();
        if (tuples.isEmpty()) {
            arns.add(a.targetGroupArn());
        }
        Set<String> seen = new HashSet<>();
        for (TargetGroupTuple t : tuples) {
            if (t.weight() != null && (t.weight() < 0 || t.weight() > MAX_WEIGHT)) {
                throw ElbErrors.validation("Target group weight '" + t.weight() + "' must be from 0 to " + MAX_WEIGHT);
            }
            if (!seen.add(String.valueOf(t.targetGroupArn()))) {
                throw ElbErrors.validation("Target group '" + t.targetGroupArn() + "' is named more than once in the ForwardConfig");
            }
            arns.add(t.targetGroupArn());
        }
        for (String arn : arns) {
            ElbTargetGroup g = elb.targetGroups.get(arn);
            if (g == null) {
                throw ElbErrors.targetGroupNotFound();
            }
            if (g.inUse() && !g.loadBalancerArns.contains(loadBalancerArn)) {
                throw new SimApiException("TargetGroupAssociationLimit",
                        "The following target groups cannot be associated with more than one load balancer: " + arn);
            }
        }
    }

    /**
     * The actions as ELB stores them: a forward action always has its ForwardConfig (weight 1 when not
     * given), and its TargetGroupArn when it names one group.
     */
    static List<Action> normalise(List<Action> actions) {
        List<Action> out = new ArrayList<>();
        for (Action a : actions) {
            if (!"forward".equals(a.type())) {
                out.add(a);
                continue;
            }
            List<TargetGroupTuple> tuples = new ArrayList<>();
            if (a.forwardConfig() == null || a.forwardConfig().targetGroups().isEmpty()) {
                tuples.add(new TargetGroupTuple(a.targetGroupArn(), 1));
            } else {
                for (TargetGroupTuple t : a.forwardConfig().targetGroups()) {
                    tuples.add(new TargetGroupTuple(t.targetGroupArn(), t.weight() == null ? 1 : t.weight()));
                }
            }
            TargetGroupStickinessConfig stickiness = a.forwardConfig() == null || a.forwardConfig().targetGroupStickinessConfig() == null
                    ? new TargetGroupStickinessConfig(false, null) : a.forwardConfig().targetGroupStickinessConfig();
            String single = tuples.size() == 1 ? tuples.get(0).targetGroupArn() : null;
            out.add(new Action("forward", single, a.order(), null, null, new ForwardActionConfig(tuples, stickiness)));
        }
        return out;
    }
}
