package dev.ecsdeck.sim.ecs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A task and where it is in ECS's lifecycle. */
public final class SimTask {
    public final String id;
    public final String arn;
    final String clusterName;
    public final SimTaskDefinition taskDefinition;
    public final String launchType;
    public final Instant createdAt;
    public final List<SimContainer> containers = new ArrayList<>();
    /** The service and deployment that started it; null for a RunTask task. */
    public String serviceName;
    public String deploymentId;
    public String group;
    public String startedBy;
    public String containerInstanceId;
    public String availabilityZone;
    public String lastStatus;
    public String desiredStatus = "RUNNING";
    public String healthStatus = "UNKNOWN";
    public Instant pullStartedAt;
    public Instant pullStoppedAt;
    public Instant startedAt;
    public Instant stoppingAt;
    public Instant stoppedAt;
    public Instant executionStoppedAt;
    public String stoppedReason;
    public String stopCode;
    public long version = 1;
    /** When the next lifecycle step is due. */
    public Instant nextTransitionAt;
    /** When the task counts as healthy for its deployment (null until known). */
    public Instant healthyAt;
    /** Set once the task has counted as healthy. */
    public boolean wasHealthy;
    /** The failure that will stop it (a crash or failed health check), if any, and when. */
    public Instant failsAt;
    public String failureReason;
    public Integer failureExitCode;
    /** Set once its instance resources were given back after it STOPPED. */
    public boolean resourcesReleased;
    /** Set once the scheduler saw it healthy (which ends a run of failed starts). */
    public boolean healthNoticed;
    /** Set once the scheduler counted its failure against its deployment. */
    public boolean failureCounted;
    /** Host ports taken on its container instance (bridge or host mode). */
    public final List<Integer> hostPorts = new ArrayList<>();
    /** Its elastic network interface (awsvpc tasks only); kept after it stops, as ECS keeps the attachment. */
    public SimEni eni;

    public SimTask(String id, String arn, String clusterName, SimTaskDefinition taskDefinition, String launchType, Instant createdAt) {
        this.id = id;
        this.arn = arn;
        this.clusterName = clusterName;
        this.taskDefinition = taskDefinition;
        this.launchType = launchType;
        this.createdAt = createdAt;
    }

    /** Nothing in its lifecycle can happen by itself: running, healthy, no failure ahead. Steps skip it. */
    public boolean idle() {
        return nextTransitionAt == null && wasHealthy && failsAt == null && isRunning() && wantsRunning();
    }

    public boolean isStopped() {
        return "STOPPED".equals(lastStatus);
    }

    public boolean wantsRunning() {
        return "RUNNING".equals(desiredStatus);
    }

    public boolean isRunning() {
        return "RUNNING".equals(lastStatus);
    }

    boolean awsvpc() {
        return "awsvpc".equals(taskDefinition.networkMode);
    }

    boolean fargate() {
        return "FARGATE".equals(launchType);
    }

    void bump() {
        version++;
    }
}
