package dev.ecsdeck.sim.elb;

/** What a fixed-response action answers (ELB's {@code FixedResponseActionConfig}); stored as given. */
public record FixedResponseActionConfig(String messageBody, String statusCode, String contentType) {}
