package dev.ecsdeck.sim.elb;

/** A load balancer's state, ELB's {@code LoadBalancerState}: code {@code provisioning}, {@code active}, {@code active_impaired} or {@code failed}. */
public record LoadBalancerState(String code, String reason) {}
