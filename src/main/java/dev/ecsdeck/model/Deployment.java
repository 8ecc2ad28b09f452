package dev.ecsdeck.model;

import java.time.Instant;

/** One deployment of a service: status PRIMARY, ACTIVE or INACTIVE; rolloutState IN_PROGRESS, COMPLETED or FAILED. */
public record Deployment(
        String id,
        String status,
        String taskDefinition,
        int desiredCount,
        int pendingCount,
        int runningCount,
        int failedTasks,
        Instant createdAt,
        Instant updatedAt,
        String launchType,
        String rolloutState,
        String rolloutStateReason) {

    public boolean isPrimary() {
        return "PRIMARY".equals(status);
    }

    public boolean inProgress() {
        return "IN_PROGRESS".equals(rolloutState);
    }

    public boolean failed() {
        return "FAILED".equals(rolloutState);
    }
}
