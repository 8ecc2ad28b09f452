package dev.ecsdeck.sim.ecs;

/** A running (or stopped) container of a task. */
final class SimContainer {
    final ContainerSpec spec;
    final String arn;
    final String runtimeId;
    String lastStatus = "PENDING";
    Integer exitCode;
    String reason;
    String healthStatus;

    public SimContainer(ContainerSpec spec, String arn, String runtimeId) {
        this.spec = spec;
        this.arn = arn;
        this.runtimeId = runtimeId;
        this.healthStatus = spec.healthCheck() ? "UNKNOWN" : null;
    }
}
