package dev.ecsdeck.sim.elb;

/** The HTTP codes a health check expects (ELB's {@code Matcher}): "200", "200,202" or "200-299". */
public record Matcher(String httpCode) {}
