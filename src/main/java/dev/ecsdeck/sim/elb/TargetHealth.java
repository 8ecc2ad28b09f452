package dev.ecsdeck.sim.elb;

/** A target's health (ELB's {@code TargetHealth}): no reason nor description when healthy. */
public record TargetHealth(String state, String reason, String description) {}
