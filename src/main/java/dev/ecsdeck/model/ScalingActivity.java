package dev.ecsdeck.model;

import java.time.Instant;

/** One scaling activity: statusCode Pending, InProgress, Successful, Overridden, Unfulfilled or Failed. */
public record ScalingActivity(
        String activityId,
        String resourceId,
        String description,
        String cause,
        String statusCode,
        String statusMessage,
        Instant startTime,
        Instant endTime) {}
