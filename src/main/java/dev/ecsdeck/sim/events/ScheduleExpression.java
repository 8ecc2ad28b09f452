package dev.ecsdeck.sim.events;

import java.time.Instant;
import java.time.ZoneId;

/**
 * When a rule or a schedule fires: {@code rate(value unit)}, {@code cron(six fields)} or, for
 * EventBridge Scheduler only, {@code at(yyyy-mm-ddThh:mm:ss)}, as the EventBridge and Scheduler
 * user guides define them. Parsing refuses what EventBridge refuses with an IllegalArgumentException
 * whose message says why; the services answer that with a ValidationException.
 */
public sealed interface ScheduleExpression permits RateExpression, CronExpression, AtExpression {

    /**
     * The first fire time strictly after {@code after}, or null when there is none (an {@code at}
     * already past, a cron whose years are over). {@code anchor} is when a rate started counting
     * (rates fire at anchor + k × period); {@code zone} is the time zone cron and at fields are in.
     */
    Instant next(Instant after, Instant anchor, ZoneId zone);

    /** A rule's expression: rate or cron (EventBridge rules have no at). */
    static ScheduleExpression parseRule(String text) {
        ScheduleExpression e = parse(text);
        if (e instanceof AtExpression) {
            throw new IllegalArgumentException("at() expressions are for EventBridge Scheduler, not for rules.");
        }
        return e;
    }

    /** A schedule's expression: at, rate or cron. */
    static ScheduleExpression parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("The schedule expression is missing.");
        }
        String t = text.trim();
        int open = t.indexOf('(');
        if (open < 0 || !t.endsWith(")")) {
            throw new IllegalArgumentException("Expected rate(...), cron(...) or at(...).");
        }
        String kind = t.substring(0, open);
        String inside = t.substring(open + 1, t.length() - 1).trim();
        return switch (kind) {
            case "rate" -> RateExpression.parse(inside);
            case "cron" -> CronExpression.parse(inside);
            case "at" -> AtExpression.parse(inside);
            default -> throw new IllegalArgumentException("Expected rate(...), cron(...) or at(...), found '" + kind + "'.");
        };
    }
}
