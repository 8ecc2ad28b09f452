package dev.ecsdeck.sim.elb;

/** Whether a forward action keeps a client on one target group (ELB's {@code TargetGroupStickinessConfig}). */
public record TargetGroupStickinessConfig(Boolean enabled, Integer durationSeconds) {}
