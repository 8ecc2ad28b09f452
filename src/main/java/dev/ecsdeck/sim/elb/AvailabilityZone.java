package dev.ecsdeck.sim.elb;

/** A zone a load balancer is in, with the subnet it uses there (ELB's {@code AvailabilityZone}). */
public record AvailabilityZone(String zoneName, String subnetId) {}
