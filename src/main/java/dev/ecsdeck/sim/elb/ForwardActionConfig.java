package dev.ecsdeck.sim.elb;

import java.util.List;

/** The target groups a forward action spreads requests over, by weight (ELB's {@code ForwardActionConfig}). */
public record ForwardActionConfig(List<TargetGroupTuple> targetGroups, TargetGroupStickinessConfig targetGroupStickinessConfig) {

    public ForwardActionConfig {
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
    }
}
