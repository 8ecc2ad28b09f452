package dev.ecsdeck.model;

import java.time.Instant;

/** A scheduled scaling action; min/max are null where the action leaves them as they are. */
public record ScheduledAction(
        String scheduledActionName,
        String scheduledActionArn,
        String resourceId,
        String schedule,
        String timezone,
        Integer minCapacity,
        Integer maxCapacity,
        Instant startTime,
        Instant endTime) {}
