package dev.ecsdeck.sim.wire.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.logs.LogFilterPattern;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One StartLiveTail session on the wire: the initial response, a sessionStart, then a sessionUpdate for each
 * simulated second that passes with the lines ingested in it (an empty one when none were), as CloudWatch Logs sends
 * them; more than {@link #MAX_PER_UPDATE} lines in a second are sampled down to that many with {@code sampled} true.
 * Ends with a SessionTimeoutException at the session timeout. Waits on the simulator's clock (a test's
 * ManualClock wakes it when advanced), never on a sleep loop of its own.
 */
final class LiveTailStream {
    static final int MAX_PER_UPDATE = 500;
    /** How far before the last update's time lines are looked for: more than the simulator's ingestion delay. */
    private static final long LOOKBACK_MS = 60_000;
    /** How long one wait for the clock lasts, so a closed session notices within about this. */
    private static final Duration WAIT = Duration.ofSeconds(1);
    /** After a jump of the clock longer than this many seconds, the empty seconds send no update. */
    private static final int MAX_EMPTY_UPDATES = 60;
    private static final Logger LOG = Logger.getLogger(LiveTailStream.class.getName());

    private final SimEngine engine;
    private final ApiFaults faults;
    private final LiveTailQuery query;
    private final LogFilterPattern pattern;
    private final String requestId;
    private final Duration timeout;
    private volatile boolean closed;

    LiveTailStream(SimEngine engine, ApiFaults faults, LiveTailQuery query, String requestId, Duration timeout) {
        this.engine = engine;
        this.faults = faults;
        this.query = query;
        this.pattern = LogFilterPattern.parse(query.filterPattern());
        this.requestId = requestId;
        this.timeout = timeout;
    }

    void close() {
        closed = true;
    }

    void run(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", EventStreamWriter.CONTENT_TYPE);
        ex.getResponseHeaders().set("x-amzn-RequestId", requestId);
        ex.sendResponseHeaders(200, 0); // chunked: one chunk per message
        EventStreamWriter out = new EventStreamWriter(ex.getResponseBody());
        try {
            long last;
            synchronized (engine) {
                engine.advance();
                last = engine.now().toEpochMilli();
            }
            long deadline = last + timeout.toMillis();
            out.initialResponse();
            ObjectNode start = query.toJson();
            start.put("requestId", requestId).put("sessionId", UUID.randomUUID().toString());
            out.event("sessionStart", start);
            while (!closed) {
                long due = Math.min(last + 1000, deadline);
                long now = engine.clock().awaitUntil(Instant.ofEpochMilli(due), WAIT).toEpochMilli();
                if (closed || Thread.currentThread().isInterrupted()) {
                    break;
                }
                if (now < due) {
                    continue;
                }
                long upTo = now >= deadline ? deadline : last + (now - last) / 1000 * 1000; // whole seconds, or to the deadline
                List<List<LogEvent>> seconds;
                try {
                    synchronized (engine) {
                        engine.advance();
                        seconds = bySecond(ingested(last, upTo), last, upTo);
                    }
                } catch (SimApiException e) {
                    out.exception("SessionStreamingException", e.getMessage()); // e.g. the log group was deleted
                    break;
                }
                if (!send(out, seconds)) {
                    break;
                }
                last = upTo;
                if (last >= deadline) {
                    out.exception("SessionTimeoutException", "Session timed out after " + describe(timeout) + ".");
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is closing: end the stream
        } catch (IOException e) {
            LOG.log(Level.FINE, "Live Tail client went away");
        }
        ex.close(); // the end of the chunked stream: a clean end for the client (the session's slot is freed by the caller)
    }

    /** The session's lines ingested in (from, to], oldest ingestion first. Called under the engine's lock. */
    private List<LogEvent> ingested(long from, long to) {
        List<LogEvent> out = new ArrayList<>();
        for (String id : query.identifiers()) {
            String group = LiveTailQuery.groupName(id);
            String token = null;
            do {
                Page<LogEvent> page = engine.logs().filterLogEvents(group, query.streamNames(), from - LOOKBACK_MS, null, token, 10_000);
                for (LogEvent e : page.items()) {
                    if (e.ingestionTime() > from && e.ingestionTime() <= to && query.includesStream(e.logStreamName())
                            && pattern.matches(e.message())) {
                        out.add(new LogEvent(e.eventId(), id, e.logStreamName(), e.timestamp(), e.ingestionTime(), e.message()));
                    }
                }
                token = page.nextToken();
            } while (token != null);
        }
        out.sort(Comparator.comparingLong(LogEvent::ingestionTime).thenComparingLong(LogEvent::timestamp)
                .thenComparing(LogEvent::eventId));
        return out;
    }

    /**
     * The lines by simulated second of ingestion in (from, to]: one list per second, as CloudWatch sends an update
     * every second (an empty one when nothing came). After a long jump of the clock, only the seconds with lines.
     */
    private static List<List<LogEvent>> bySecond(List<LogEvent> lines, long from, long to) {
        int count = (int) Math.max(1, (to - from + 999) / 1000);
        List<List<LogEvent>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new ArrayList<>());
        }
        for (LogEvent e : lines) {
            out.get((int) Math.min(count - 1, (e.ingestionTime() - from - 1) / 1000)).add(e);
        }
        if (count > MAX_EMPTY_UPDATES) {
            List<List<LogEvent>> full = new ArrayList<>(out.stream().filter(l -> !l.isEmpty()).toList());
            return full.isEmpty() ? List.of(List.of()) : full;
        }
        return out;
    }

    /** Sends one update per second, each after its fault point; false when a fault ended the session. */
    private boolean send(EventStreamWriter out, List<List<LogEvent>> seconds) throws IOException {
        for (List<LogEvent> lines : seconds) {
            SimApiException fault = faults.nextPlanned(LiveTailSessions.UPDATE_FAULT);
            if (fault != null && ApiFaults.DROPPED_CONNECTION.equals(fault.errorCode())) {
                throw new LiveTailSessions.ConnectionDropped();
            }
            if (fault != null) {
                out.exception("SessionStreamingException", fault.getMessage());
                return false;
            }
            out.event("sessionUpdate", update(lines));
        }
        return true;
    }

    /** A sessionUpdate: the lines, or an even sample of {@link #MAX_PER_UPDATE} of them with sampled true. */
    private static ObjectNode update(List<LogEvent> lines) {
        boolean sampled = lines.size() > MAX_PER_UPDATE;
        ObjectNode n = WireJson.object();
        n.putObject("sessionMetadata").put("sampled", sampled);
        ArrayNode results = n.putArray("sessionResults");
        int count = sampled ? MAX_PER_UPDATE : lines.size();
        for (int i = 0; i < count; i++) {
            LogEvent e = lines.get(sampled ? (int) ((long) i * lines.size() / MAX_PER_UPDATE) : i);
            results.addObject().put("logStreamName", e.logStreamName()).put("logGroupIdentifier", e.logGroupName())
                    .put("message", e.message()).put("timestamp", e.timestamp()).put("ingestionTime", e.ingestionTime());
        }
        return n;
    }

    private static String describe(Duration d) {
        if (d.toMinutes() > 0 && d.toSeconds() % 3600 == 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return d.toSeconds() + " seconds";
    }
}
