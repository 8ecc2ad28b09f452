package dev.ecsdeck.model;

import java.util.List;

/** All of a service's auto scaling set-up; {@code target} is null when the service is not registered. */
public record ServiceScaling(ScalableTarget target, List<ScalingPolicy> policies, List<ScheduledAction> scheduledActions) {
    public ServiceScaling {
        policies = Lists.copy(policies);
        scheduledActions = Lists.copy(scheduledActions);
    }

    public static ServiceScaling none() {
        return new ServiceScaling(null, List.of(), List.of());
    }

    public boolean enabled() {
        return target != null;
    }
}
