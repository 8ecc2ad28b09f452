package dev.ecsdeck.sim.elb;

/** A target group attribute, e.g. {@code deregistration_delay.timeout_seconds} (ELB's {@code TargetGroupAttribute}). */
public record TargetGroupAttribute(String key, String value) {}
