package dev.ecsdeck.sim.ecs;

import java.time.Instant;

/** One deployment of a service: a task definition and how many of its tasks the service wants. */
public final class SimDeployment {
    public final String id;
    public final String taskDefinitionArn;
    public final Instant createdAt;
    public final String launchType;
    public String status = "PRIMARY";
    public int desiredCount;
    public int failedTasks;
    public Instant updatedAt;
    public String rolloutState = "IN_PROGRESS";
    public String rolloutStateReason;

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
