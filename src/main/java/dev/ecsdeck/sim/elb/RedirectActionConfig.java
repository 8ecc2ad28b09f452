package dev.ecsdeck.sim.elb;

/** Where a redirect action sends the client (ELB's {@code RedirectActionConfig}); stored, not followed. */
public record RedirectActionConfig(String protocol, String port, String host, String path, String query, String statusCode) {}
