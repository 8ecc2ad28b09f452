package dev.ecsdeck.sim.ecs;

import java.time.Instant;

/** One deployment of a service: a task definition and how many of its tasks the service wants. */
final class SimDeployment {
    final String id;
    final String taskDefinitionArn;
    final Instant createdAt;
    final String launchType;
    String status = "PRIMARY";
    int desiredCount;
    int failedTasks;
    Instant updatedAt;
    String rolloutState = "IN_PROGRESS";
    String rolloutStateReason;
    /** The service revision it deploys. */
    String revisionArn;
    /** Whether its tasks go to each load balancer's alternate target group (the green side of a traffic-shifting deployment). */
    boolean onAlternate;

    public SimDeployment(String id, String taskDefinitionArn, int desiredCount, String launchType, Instant createdAt) {
        this.id = id;
        this.taskDefinitionArn = taskDefinitionArn;
        this.desiredCount = desiredCount;
        this.launchType = launchType;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.rolloutStateReason = "ECS deployment " + id + " in progress.";
    }

    public void setRollout(String state, String reason, Instant now) {
        this.rolloutState = state;
        this.rolloutStateReason = reason;
        this.updatedAt = now;
    }
}
