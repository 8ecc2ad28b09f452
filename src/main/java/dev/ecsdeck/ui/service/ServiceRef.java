package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.EcsService;

/** The service a panel shows: its cluster's name and its own. */
public record ServiceRef(String cluster, String service) {
    /** Whether {@code s} is this service: its name, in this cluster (by name or ARN). */
    public boolean is(EcsService s) {
        return service.equals(s.serviceName()) && (cluster.equals(s.clusterArn()) || cluster.equals(Arns.lastSegment(s.clusterArn())));
    }

    @Override
    public String toString() {
        return service + " in " + cluster;
    }
}
