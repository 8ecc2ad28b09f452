package dev.ecsdeck.sim.elb;

import java.util.List;

/** A ModifyListener request; null members (and null lists) leave a setting as it is. */
public record ModifyListenerRequest(
        String listenerArn,
        Integer port,
        String protocol,
        String sslPolicy,
        List<Certificate> certificates,
        List<Action> defaultActions) {}
