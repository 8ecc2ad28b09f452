package dev.ecsdeck.sim.elb;

/** One target with its health, as DescribeTargetHealth returns it (ELB's {@code TargetHealthDescription}). */
public record TargetHealthDescription(TargetDescription target, String healthCheckPort, TargetHealth targetHealth) {}
