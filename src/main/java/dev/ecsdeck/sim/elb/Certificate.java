package dev.ecsdeck.sim.elb;

/** A listener's certificate (ELB's {@code Certificate}). */
public record Certificate(String certificateArn, Boolean isDefault) {}
