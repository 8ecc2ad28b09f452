package dev.ecsdeck.sim.events;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** {@code rate(5 minutes)}: a positive whole number and minute(s), hour(s) or day(s); 1 takes the singular, more the plural. */
public record RateExpression(long value, Duration period) implements ScheduleExpression {

    static RateExpression parse(String inside) {
        String[] parts = inside.split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("A rate expression is rate(value unit), as rate(5 minutes).");
        }
        long value;
        try {
            value = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The rate value must be a positive whole number, found '" + parts[0] + "'.");
        }
        if (value < 1) {
            throw new IllegalArgumentException("The rate value must be a positive whole number, found " + value + ".");
        }
        String unit = parts[1];
        String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        Duration one = switch (singular) {
            case "minute" -> Duration.ofMinutes(1);
            case "hour" -> Duration.ofHours(1);
            case "day" -> Duration.ofDays(1);
            default -> throw new IllegalArgumentException("The rate unit must be minute(s), hour(s) or day(s), found '" + unit + "'.");
        };
        boolean plural = unit.endsWith("s");
        if (value == 1 && plural || value > 1 && !plural) {
            throw new IllegalArgumentException("The rate unit is singular for 1 and plural for more ('rate(1 " + singular
                    + ")', 'rate(" + (value == 1 ? 2 : value) + " " + singular + "s)').");
        }
        return new RateExpression(value, one.multipliedBy(value));
    }

    @Override
    public Instant next(Instant after, Instant anchor, ZoneId zone) {
        if (after.isBefore(anchor)) {
            return anchor.plus(period);
        }
        long periods = Duration.between(anchor, after).toMillis() / period.toMillis();
        return anchor.plus(period.multipliedBy(periods + 1));
    }
}
