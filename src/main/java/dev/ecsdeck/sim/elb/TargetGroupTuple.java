package dev.ecsdeck.sim.elb;

/** One target group of a forward action and its weight, 0–999 (ELB's {@code TargetGroupTuple}). */
public record TargetGroupTuple(String targetGroupArn, Integer weight) {}
