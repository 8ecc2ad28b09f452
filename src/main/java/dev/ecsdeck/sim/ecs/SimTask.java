package dev.ecsdeck.sim.ecs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A task and where it is in ECS's lifecycle. */
final class SimTask {
    final String id;
    final String arn;
    final String clusterName;
    final SimTaskDefinition taskDefinition;
    final String launchType;
    final Instant createdAt;
    final List<SimContainer> containers = new ArrayList<>();
    /** The service and deployment that started it; null for a RunTask task. */
    String serviceName;
    String deploymentId;
    String group;
    String startedBy;
    /** RunTask's overrides as given (null: none); shown by DescribeTasks, see {@link TaskDetailsApi}. */
    com.fasterxml.jackson.databind.node.ObjectNode overrides;
    /** The Fargate platform version RunTask asked for (null: LATEST, or its service's). */
    String platformVersion;
    String containerInstanceId;
    String availabilityZone;
    /** The capacity provider it runs on (FARGATE, FARGATE_SPOT or an Auto Scaling group provider), or null with a launch type. */
    String capacityProviderName;
    /** Waiting in PROVISIONING for its Auto Scaling group provider to launch an instance it fits on. */
    boolean awaitingCapacity;
    String lastStatus;
    String desiredStatus = "RUNNING";
    String healthStatus = "UNKNOWN";
    Instant pullStartedAt;
    Instant pullStoppedAt;
    Instant startedAt;
    Instant stoppingAt;
    Instant stoppedAt;
    Instant executionStoppedAt;
    String stoppedReason;
    String stopCode;
    long version = 1;
    /** ECS Exec was on when the task started (from its service, or RunTask/StartTask's enableExecuteCommand). */
    boolean enableExecuteCommand;
    /** When the next lifecycle step is due. */
    Instant nextTransitionAt;
    /** When the task counts as healthy for its deployment (null until known). */
    Instant healthyAt;
    /** When a container's health check result changes next (null: none will); not in the state file, worked out again on restore. */
    Instant healthChangesAt;
    /** Set once the task has counted as healthy. */
    boolean wasHealthy;
    /** The failure that will stop it (a crash or failed health check), if any, and when. */
    Instant failsAt;
    String failureReason;
    Integer failureExitCode;
    /** Set once its instance resources were given back after it STOPPED. */
    boolean resourcesReleased;
    /** Set once the scheduler saw it healthy (which ends a run of failed starts). */
    boolean healthNoticed;
    /** Set once the scheduler counted its failure against its deployment. */
    boolean failureCounted;
    /** Host ports taken on its container instance (bridge or host mode). */
    final List<Integer> hostPorts = new ArrayList<>();
    /** Whether its service has load balancers: then it counts as healthy only once healthy in its target groups. */
    boolean loadBalanced;
    /** Healthy by its own lights (container health checks, or running long enough); for a load-balanced task, half of being healthy. */
    boolean lifecycleHealthy;
    /** Set when it was stopped for failing its load balancer's health checks (which counts against its deployment). */
    boolean failedHealthChecks;
    /** The targets it is registered as, in its service's target groups. */
    final List<Target> targets = new ArrayList<>();
    /** Its elastic network interface (awsvpc tasks only); kept after it stops, as ECS keeps the attachment. */
    SimEni eni;
    /** Its resource tags (TagResource, or given at launch). */
    final List<dev.ecsdeck.model.Tag> tags = new ArrayList<>();

    SimTask(String id, String arn, String clusterName, SimTaskDefinition taskDefinition, String launchType, Instant createdAt) {
        this.id = id;
        this.arn = arn;
        this.clusterName = clusterName;
        this.taskDefinition = taskDefinition;
        this.launchType = launchType;
        this.createdAt = createdAt;
    }

    /** Nothing in its lifecycle can happen by itself: running, healthy, no failure or health change ahead. Steps skip it. */
    boolean idle() {
        return nextTransitionAt == null && wasHealthy && failsAt == null && healthChangesAt == null && isRunning() && wantsRunning();
    }

    boolean isStopped() {
        return "STOPPED".equals(lastStatus);
    }

    boolean wantsRunning() {
        return "RUNNING".equals(desiredStatus);
    }

    boolean isRunning() {
        return "RUNNING".equals(lastStatus);
    }

    boolean awsvpc() {
        return "awsvpc".equals(taskDefinition.networkMode);
    }

    boolean fargate() {
        return "FARGATE".equals(launchType);
    }

    /** A registration of the task in a target group: by IP or EC2 instance id, and port. */
    record Target(String targetGroupArn, String id, int port) {}

    void bump() {
        version++;
    }
}
