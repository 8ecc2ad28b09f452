package dev.ecsdeck.sim.ecs;

import java.time.Instant;

/** A running (or stopped) container of a task. */
final class SimContainer {
    final ContainerSpec spec;
    final String arn;
    final String runtimeId;
    String lastStatus = "PENDING";
    Integer exitCode;
    String reason;
    String healthStatus;
    /**
     * When its health check turns it HEALTHY and UNHEALTHY (null: never), worked out from its start by
     * {@link ContainerHealth}; not kept in the state file (it is worked out again after a restore).
     */
    Instant healthyAt;
    Instant unhealthyAt;
    boolean healthScheduled;

    SimContainer(ContainerSpec spec, String arn, String runtimeId) {
        this.spec = spec;
        this.arn = arn;
        this.runtimeId = runtimeId;
        this.healthStatus = spec.hasHealthCheck() ? "UNKNOWN" : null;
    }
}
