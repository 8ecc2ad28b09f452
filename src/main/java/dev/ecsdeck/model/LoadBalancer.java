package dev.ecsdeck.model;

/** A load balancer target of a service. */
public record LoadBalancer(String targetGroupArn, String loadBalancerName, String containerName, Integer containerPort) {}
