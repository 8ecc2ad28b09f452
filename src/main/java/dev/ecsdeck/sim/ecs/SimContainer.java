package dev.ecsdeck.sim.ecs;

/** A running (or stopped) container of a task. */
public final class SimContainer {
    public final ContainerSpec spec;
    public final String arn;
    public final String runtimeId;
    public String lastStatus = "PENDING";
    public Integer exitCode;
    public String reason;
    public String healthStatus;

    public SimContainer(ContainerSpec spec, String arn, String runtimeId) {
        this.spec = spec;
        this.arn = arn;
        this.runtimeId = runtimeId;
        this.healthStatus = spec.healthCheck() ? "UNKNOWN" : null;
    }
}
