package dev.ecsdeck.ui.logs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a line's level (error, warn, info, debug) in plain text ("ERROR ...") or JSON ("level":"WARN"). */
final class LogLevels {
    private static final Pattern JSON_LEVEL = Pattern.compile("\"(?:level|severity|lvl)\"\\s*:\\s*\"(\\w+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN_LEVEL = Pattern.compile("\\b(ERROR|ERR|FATAL|WARN|WARNING|INFO|DEBUG|TRACE)\\b");
    private static final Pattern HTTP_STATUS = Pattern.compile("\" ([1-5]\\d\\d) \\d+");

    private LogLevels() {}

    static String of(String message) {
        Matcher m = JSON_LEVEL.matcher(message);
        String level = null;
        if (m.find()) {
            level = m.group(1);
        } else {
            Matcher p = PLAIN_LEVEL.matcher(message);
            if (p.find()) {
                level = p.group(1);
            } else {
                Matcher h = HTTP_STATUS.matcher(message);
                if (h.find()) {
                    char c = h.group(1).charAt(0);
                    return c == '5' ? "error" : c == '4' ? "warn" : null;
                }
            }
        }
        if (level == null) {
            return null;
        }
        return switch (level.toUpperCase(Locale.ROOT)) {
            case "ERROR", "ERR", "FATAL", "CRITICAL" -> "error";
            case "WARN", "WARNING" -> "warn";
            case "INFO" -> "info";
            case "DEBUG", "TRACE" -> "debug";
            default -> null;
        };
    }
}
