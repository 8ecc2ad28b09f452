package dev.ecsdeck.ui.logs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Where a new tail starts, then follows: live from the moment it opens, a span back from then, or a
 * chosen time. {@code lookback} is set for {@link Kind#SINCE}, {@code at} for {@link Kind#AT}.
 */
public record TailStart(Kind kind, Duration lookback, Instant at) {
    public enum Kind { LIVE, SINCE, AT }

    /** What the start-point controls offer. */
    public enum Choice {
        LIVE("Live from now"), ONE_MINUTE("Since 1 m"), FIVE_MINUTES("Since 5 m"), ONE_HOUR("Since 1 h"), CHOSEN("Since a time…");

        private final String label;

        Choice(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The form a chosen time is typed in, e.g. "2026-11-22 08:30" (seconds optional). */
    public static final String TIME_FORMAT = "yyyy-MM-dd HH:mm[:ss]";
    private static final DateTimeFormatter PARSE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("yyyy-MM-dd").optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T')
            .optionalEnd().appendPattern("HH:mm").optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalEnd().toFormatter(Locale.ROOT);
    private static final DateTimeFormatter SHOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    public static TailStart live() {
        return new TailStart(Kind.LIVE, null, null);
    }

    public static TailStart since(Duration lookback) {
        return new TailStart(Kind.SINCE, lookback, null);
    }

    public static TailStart at(Instant at) {
        return new TailStart(Kind.AT, null, at);
    }

    /** The start of a preset choice; CHOSEN needs the typed time, see {@link #parse}. */
    public static TailStart of(Choice choice) {
        return switch (choice) {
            case LIVE -> live();
            case ONE_MINUTE -> since(Duration.ofMinutes(1));
            case FIVE_MINUTES -> since(Duration.ofMinutes(5));
            case ONE_HOUR -> since(Duration.ofHours(1));
            case CHOSEN -> throw new IllegalArgumentException("A chosen start needs its time");
        };
    }

    /**
     * A typed time in {@code zone}, which must not be after {@code nowMillis}. Bad input is an
     * {@link IllegalArgumentException} whose message names the field and the expected form.
     */
    public static TailStart parse(String text, ZoneId zone, long nowMillis) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Start time: enter a date and time as " + TIME_FORMAT + ", e.g. "
                    + SHOW.format(Instant.ofEpochMilli(nowMillis).atZone(zone)).substring(0, 16) + ".");
        }
        Instant at;
        try {
            at = LocalDateTime.parse(t, PARSE).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Start time: '" + t + "' is not a date and time as " + TIME_FORMAT + ".");
        }
        if (at.toEpochMilli() > nowMillis) {
            throw new IllegalArgumentException("Start time: " + t + " is in the future; choose a time before now.");
        }
        return at(at);
    }

    /** The epoch millisecond the tail reads from, for a tail opened at {@code nowMillis}. */
    public long startMillis(long nowMillis) {
        return switch (kind) {
            case LIVE -> nowMillis;
            case SINCE -> nowMillis - lookback.toMillis();
            case AT -> at.toEpochMilli();
        };
    }

    /** For the status line: "live from 09:00:00", "since 08:55:00 (5 min back)", "since 2026-11-22 08:30:00". */
    public String describe(long nowMillis, ZoneId zone) {
        String from = SHOW.format(Instant.ofEpochMilli(startMillis(nowMillis)).atZone(zone));
        return switch (kind) {
            case LIVE -> "live from " + from;
            case SINCE -> "since " + from + " (" + span(lookback) + " back)";
            case AT -> "since " + from;
        };
    }

    private static String span(Duration d) {
        return d.toHours() >= 1 && d.toMinutesPart() == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
