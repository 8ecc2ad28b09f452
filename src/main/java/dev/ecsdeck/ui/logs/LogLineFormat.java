package dev.ecsdeck.ui.logs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A line as text, the same on screen, in the clipboard and in a saved file: [time] [task/container]
 * message. The time shows when timestamps are on; the task and container when the tail follows
 * more than one stream (with one, a saved file holds exactly the lines the container wrote).
 */
public record LogLineFormat(boolean timestamps, boolean origins, ZoneId zone) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    public LogLineFormat {
        if (zone == null) {
            throw new IllegalArgumentException("zone is required");
        }
    }

    /** The prefix before the message (may be empty), e.g. "2026-11-22 09:00:01.250  3f2a9c1e/web  ". */
    public String prefix(LogLine line) {
        if (!timestamps && !origins) {
            return "";
        }
        StringBuilder b = new StringBuilder(48);
        if (timestamps) {
            TIME.formatTo(java.time.Instant.ofEpochMilli(line.timestamp()).atZone(zone), b);
            b.append("  ");
        }
        if (origins) {
            b.append(origin(line)).append("  ");
        }
        return b.toString();
    }

    /** The same format without the task and container (the view shows them in their own colour). */
    public LogLineFormat withoutOrigins() {
        return new LogLineFormat(timestamps, false, zone);
    }

    /** The short task id and container, e.g. "3f2a9c1e/web" (empty for a stream not tied to a task). */
    public static String origin(LogLine line) {
        String task = line.taskId();
        if (task == null) {
            return "";
        }
        String shortId = task.length() > 8 ? task.substring(0, 8) : task;
        return line.container() == null ? shortId : shortId + "/" + line.container();
    }

    public String format(LogRow row) {
        if (row instanceof LogLine line) {
            return prefix(line) + line.message();
        }
        return LogRow.Gap.TEXT;
    }
}
