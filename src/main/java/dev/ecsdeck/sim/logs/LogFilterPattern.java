package dev.ecsdeck.sim.logs;

import dev.ecsdeck.sim.SimApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The part of CloudWatch Logs' filter pattern syntax that matches terms in unstructured messages:
 * {@code ERROR timeout} (every term), {@code "exact phrase"}, {@code ?ERROR ?WARN} (any of them),
 * {@code -healthcheck} (none of them). Terms are case-sensitive substrings, as in CloudWatch. JSON
 * patterns ({@code { $.x = ... }}) are {@link JsonFilterPattern}'s; space-delimited ({@code [a, b]}) ones are refused.
 */
public final class LogFilterPattern {
    private final List<String> all = new ArrayList<>();
    private final List<String> any = new ArrayList<>();
    private final List<String> none = new ArrayList<>();
    /** A JSON pattern's test, or null for terms. */
    private Predicate<String> json;

    private LogFilterPattern() {}

    public static LogFilterPattern parse(String pattern) {
        LogFilterPattern p = new LogFilterPattern();
        if (pattern == null || pattern.isBlank()) {
            return p;
        }
        String s = pattern.trim();
        if (s.startsWith("{")) {
            p.json = JsonFilterPattern.parse(s);
            return p;
        }
        if (s.startsWith("[")) {
            throw new SimApiException("InvalidParameterException",
                    "The simulator supports term and JSON filter patterns (words, \"phrases\", ?any, -none, { $.x = ... }), "
                            + "not space-delimited ones.");
        }
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<String> into = p.all;
            if (c == '?' || c == '-') {
                into = c == '?' ? p.any : p.none;
                i++;
            }
            int end;
            String term;
            if (i < s.length() && s.charAt(i) == '"') {
                end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new SimApiException("InvalidParameterException", "Invalid filter pattern: unclosed quote.");
                }
                term = s.substring(i + 1, end);
                end++;
            } else {
                end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                    end++;
                }
                term = s.substring(i, end);
            }
            if (!term.isEmpty()) {
                into.add(term);
            }
            i = end;
        }
        return p;
    }

    public boolean matches(String message) {
        if (json != null) {
            return json.test(message);
        }
        for (String t : all) {
            if (!message.contains(t)) {
                return false;
            }
        }
        for (String t : none) {
            if (message.contains(t)) {
                return false;
            }
        }
        if (any.isEmpty()) {
            return true;
        }
        for (String t : any) {
            if (message.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
