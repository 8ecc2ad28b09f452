package dev.ecsdeck.sim.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Plausible log lines for a container, as a pure function of (seed, line number, time): a web
 * server's access log, an application's JSON log, a worker's plain-text log, or numbered lines
 * ("seq") that tests count.
 */
public record LogLines(Kind kind, long seed, String source) {

    public enum Kind { ACCESS, JSON, PLAIN, SEQ }

    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PLAIN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] PATHS = {"/", "/health", "/api/orders", "/api/orders/{id}", "/api/items/{id}", "/static/app.js",
        "/api/cart", "/login", "/api/search?q=boots", "/favicon.ico"};
    private static final String[] AGENTS = {"ELB-HealthChecker/2.0", "Mozilla/5.0 (X11; Linux x86_64)", "curl/8.5.0",
        "okhttp/4.12.0", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)"};
    private static final String[] INFO = {"order %d created", "cache refreshed in %d ms", "request handled in %d ms",
        "user %d signed in", "payment %d authorised", "published event %d to queue"};
    private static final String[] WARN = {"slow query took %d ms", "retrying call to inventory (attempt %d)",
        "connection pool at %d%% capacity"};
    private static final String[] ERROR = {"timeout calling payments after %d ms", "failed to process message %d: NullPointerException",
        "upstream returned 503 for request %d"};
    private static final String[] LOGGERS = {"app.OrderService", "app.http.Server", "app.PaymentClient", "app.Cache", "app.Auth"};

    /** Picks the kind of log a container's image suggests ("seq-logger" images write numbered lines). */
    public static Kind kindForImage(String image) {
        String i = image.toLowerCase(Locale.ROOT);
        if (i.contains("seq-logger")) {
            return Kind.SEQ; // numbered lines, for tests that count every line
        }
        if (i.contains("nginx") || i.contains("httpd") || i.contains("envoy") || i.contains("haproxy") || i.contains("traefik")) {
            return Kind.ACCESS;
        }
        if (i.contains("worker") || i.contains("agent") || i.contains("fluent") || i.contains("cron") || i.contains("xray")) {
            return Kind.PLAIN;
        }
        return Kind.JSON;
    }

    String line(long k, long timestampMs) {
        long h = SimLogs.mix(seed, k);
        int n = (int) Math.floorMod(h >>> 11, 10_000);
        Instant t = Instant.ofEpochMilli(timestampMs);
        return switch (kind) {
            case SEQ -> "seq=" + k + " source=" + source;
            case ACCESS -> {
                int status = n % 50 == 0 ? 502 : n % 17 == 0 ? 404 : n % 9 == 0 ? 304 : 200;
                String path = PATHS[(int) Math.floorMod(h >>> 3, PATHS.length)].replace("{id}", String.valueOf(n));
                yield "10.0." + (n % 4) + "." + (n % 250 + 2) + " - - [" + CLF.format(t) + "] \"GET " + path + " HTTP/1.1\" "
                        + status + " " + (200 + n % 9000) + " \"-\" \"" + AGENTS[(int) Math.floorMod(h >>> 17, AGENTS.length)] + "\"";
            }
            case JSON -> {
                String level = n % 97 == 0 ? "ERROR" : n % 23 == 0 ? "WARN" : n % 5 == 0 ? "DEBUG" : "INFO";
                String[] pool = level.equals("ERROR") ? ERROR : level.equals("WARN") ? WARN : INFO;
                String msg = String.format(Locale.ROOT, pool[(int) Math.floorMod(h >>> 5, pool.length)], n);
                yield "{\"time\":\"" + t + "\",\"level\":\"" + level + "\",\"logger\":\""
                        + LOGGERS[(int) Math.floorMod(h >>> 23, LOGGERS.length)] + "\",\"msg\":\"" + msg
                        + "\",\"requestId\":\"" + Long.toHexString(h >>> 16) + "\"}";
            }
            case PLAIN -> {
                String level = n % 89 == 0 ? "ERROR" : n % 19 == 0 ? "WARN " : "INFO ";
                yield PLAIN_TIME.format(t) + " " + level + " [worker-" + (n % 8) + "] " + source + " - processed batch " + k
                        + " (" + (n % 50 + 1) + " items)";
            }
        };
    }
}
