package dev.ecsdeck.sim.elb;

/** A target: an IP address or an EC2 instance id, the port it listens on and its zone (ELB's {@code TargetDescription}). */
public record TargetDescription(String id, Integer port, String availabilityZone) {}
