package dev.ecsdeck.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console shows times and ages: local time, and "3m 20s ago" style ages. */
public final class TimeFormat {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private static final DateTimeFormatter DAY_AND_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private TimeFormat() {}

    public static String local(Instant t) {
        return t == null ? "—" : LOCAL.format(t);
    }

    public static String clock(Instant t) {
        return t == null ? "—" : CLOCK.format(t);
    }

    /**
     * A time in little room: "HH:mm:ss" when it was on {@code now}'s local day, else
     * "yyyy-MM-dd HH:mm"; "—" when there is none.
     */
    public static String compact(Instant t, Instant now) {
        if (t == null) {
            return "—";
        }
        ZoneId zone = ZoneId.systemDefault();
        return t.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate()) ? CLOCK.format(t) : DAY_AND_MINUTE.format(t);
    }

    /** A short age: "42s", "5m 3s", "2h 10m", "3d 4h". */
    public static String age(Instant from, Instant now) {
        if (from == null || now == null) {
            return "—";
        }
        long s = Math.max(0, Duration.between(from, now).getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m " + s % 60 + "s";
        }
        if (s < 86400) {
            return s / 3600 + "h " + s % 3600 / 60 + "m";
        }
        return s / 86400 + "d " + s % 86400 / 3600 + "h";
    }
}
