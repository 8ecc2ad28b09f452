package dev.ecsdeck.sim.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.sim.events.ScheduleExpression;
import java.time.Instant;
import java.time.ZoneId;

/** One EventBridge Scheduler schedule, as CreateSchedule or UpdateSchedule last set it. */
final class SimSchedule {
    final String group;
    final String name;
    final String arn;
    final Instant creationDate;
    SchedulerApi.ScheduleSpec spec;
    ScheduleExpression expression;
    ZoneId zone;
    Instant lastModificationDate;
    /** When a rate started counting: StartDate, or when the schedule was last set. */
    Instant anchor;
    /** The next invocation, or null when there is none (disabled, or done). */
    Instant nextFire;

    SimSchedule(String group, String name, String arn, Instant creationDate) {
        this.group = group;
        this.name = name;
        this.arn = arn;
        this.creationDate = creationDate;
    }

    JsonNode target() {
        return spec.target();
    }
}
