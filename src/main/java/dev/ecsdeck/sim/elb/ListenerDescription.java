package dev.ecsdeck.sim.elb;

import java.util.List;

/** A listener as DescribeListeners returns it (ELB's {@code Listener}). */
public record ListenerDescription(
        String listenerArn,
        String loadBalancerArn,
        Integer port,
        String protocol,
        List<Certificate> certificates,
        String sslPolicy,
        List<Action> defaultActions) {

    public ListenerDescription {
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        defaultActions = List.copyOf(defaultActions);
    }
}
