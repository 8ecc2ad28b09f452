package dev.ecsdeck.sim.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Scheduler's one-time {@code at(2026-12-24T18:00:00)}: a local date and time in the schedule's time zone. */
public record AtExpression(LocalDateTime at) implements ScheduleExpression {

    static AtExpression parse(String inside) {
        if (!inside.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("An at expression is at(yyyy-mm-ddThh:mm:ss), found at(" + inside + ").");
        }
        try {
            return new AtExpression(LocalDateTime.parse(inside));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("No such date and time: at(" + inside + ").");
        }
    }

    @Override
    public Instant next(Instant after, Instant anchor, ZoneId zone) {
        Instant t = at.atZone(zone).toInstant();
        return t.isAfter(after) ? t : null;
    }
}
