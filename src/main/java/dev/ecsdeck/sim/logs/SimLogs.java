package dev.ecsdeck.sim.logs;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.SimApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulator's CloudWatch Logs. A running container's lines are not stored: they are a pure
 * function of the stream's seed and the time (one line per slot of {@code periodMs}, at a seeded
 * offset, ingested a little later), so a cluster of thousands of tasks logs for hours in no memory,
 * and the same seed always gives the same lines. Lines written on purpose (a crash's last words)
 * are stored and merged in.
 */
public final class SimLogs {
    static final int DEFAULT_LIMIT = 10_000;
    private static final Comparator<LogEvent> ORDER = Comparator.comparingLong(LogEvent::timestamp).thenComparing(LogEvent::eventId);

    /** One stream: generated lines between start and end (null while open), plus written ones. */
    static final class Stream {
        final int number;
        final String group;
        final String name;
        final LogLines lines;
        final long startMs;
        final long periodMs;
        Long endMs;
        final List<LogEvent> written = new ArrayList<>();

        Stream(int number, String group, String name, LogLines lines, long startMs, long periodMs) {
            this.number = number;
            this.group = group;
            this.name = name;
            this.lines = lines;
            this.startMs = startMs;
            this.periodMs = periodMs;
        }
    }

    /** A group and its streams, by name. */
    static final class Group {
        final String name;
        final long createdMs;
        final Map<String, Stream> streams = new TreeMap<>();

        Group(String name, long createdMs) {
            this.name = name;
            this.createdMs = createdMs;
        }
    }

    private final Map<String, Group> groups = new TreeMap<>();
    private int nextStreamNumber = 1;

    Group group(String name, long nowMs) {
        return groups.computeIfAbsent(name, n -> new Group(n, nowMs));
    }

    Map<String, Group> groups() {
        return groups;
    }

    public int nextStreamNumber() {
        return nextStreamNumber;
    }

    public void nextStreamNumber(int n) {
        this.nextStreamNumber = n;
    }

    /** Opens a stream that generates lines from {@code startMs} on (or reopens an existing one). */
    public Stream open(String group, String stream, LogLines lines, long startMs, long periodMs) {
        Group g = group(group, startMs);
        Stream existing = g.streams.get(stream);
        if (existing != null) {
            return existing;
        }
        Stream s = new Stream(nextStreamNumber++, group, stream, lines, startMs, periodMs);
        g.streams.put(stream, s);
        return s;
    }

    public void close(String group, String stream, long endMs) {
        Stream s = find(group, stream);
        if (s != null && s.endMs == null) {
            s.endMs = endMs;
        }
    }

    /** Stores a line (for example a crash message) in an existing stream. */
    public void write(String group, String stream, long timestampMs, String message) {
        Stream s = find(group, stream);
        if (s == null) {
            return;
        }
        long seq = 500_000_000_000_000_000L + s.written.size();
        s.written.add(new LogEvent(eventId(timestampMs, s.number, seq), group, stream, timestampMs, timestampMs + 150, message));
    }

    Stream find(String group, String stream) {
        Group g = groups.get(group);
        return g == null ? null : g.streams.get(stream);
    }

    /**
     * FilterLogEvents: events of the named streams (all when empty) with timestamp in [start, end),
     * ingested by {@code nowMs}, in (timestamp, eventId) order, one page of at most {@code limit}.
     */
    Page<LogEvent> filter(String group, List<String> streamNames, Long start, Long end, String nextToken, Integer limit, long nowMs) {
        Group g = groups.get(group);
        if (g == null) {
            throw new SimApiException("ResourceNotFoundException", "The specified log group does not exist.");
        }
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > DEFAULT_LIMIT) {
            throw SimApiException.invalidParameter("limit must be between 1 and 10000.");
        }
        Cursor after = Cursor.decode(nextToken);
        long from = start == null ? 0 : start;
        if (after != null) {
            from = Math.max(from, after.timestamp);
        }
        long to = end == null ? Long.MAX_VALUE : end;
        List<Stream> chosen = new ArrayList<>();
        if (streamNames.isEmpty()) {
            chosen.addAll(g.streams.values());
        } else {
            for (String n : streamNames) {
                Stream s = g.streams.get(n);
                if (s != null) {
                    chosen.add(s);
                }
            }
        }
        List<LogEvent> merged = new ArrayList<>();
        for (Stream s : chosen) {
            // One more than a page from each stream tells whether another page follows.
            collect(s, from, to, nowMs, after, max + 1, merged);
        }
        merged.sort(ORDER);
        if (merged.size() <= max) {
            return new Page<>(merged, null);
        }
        List<LogEvent> page = new ArrayList<>(merged.subList(0, max));
        LogEvent last = page.get(page.size() - 1);
        return new Page<>(page, new Cursor(last.timestamp(), last.eventId()).encode());
    }

    /** GetLogEvents on one stream, oldest first from {@code start} (the forward direction only). */
    Page<LogEvent> read(String group, String stream, Long start, Long end, String nextToken, Integer limit, long nowMs) {
        Stream s = find(group, stream);
        if (s == null) {
            throw new SimApiException("ResourceNotFoundException", "The specified log stream does not exist.");
        }
        return filter(group, List.of(stream), start, end, nextToken, limit, nowMs);
    }

    /**
     * GetLogEvents read backward: the newest {@code limit} events of one stream before {@code beforeToken} (null: the
     * newest of all) within [start, end), ingested by {@code nowMs}, oldest first as CloudWatch returns a page.
     */
    Page<LogEvent> readBackward(String group, String stream, Long start, Long end, String beforeToken, Integer limit, long nowMs) {
        Stream s = find(group, stream);
        if (s == null) {
            throw new SimApiException("ResourceNotFoundException", "The specified log stream does not exist.");
        }
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > DEFAULT_LIMIT) {
            throw SimApiException.invalidParameter("limit must be between 1 and 10000.");
        }
        Cursor before = Cursor.decode(beforeToken);
        long from = start == null ? 0 : start;
        long to = end == null ? Long.MAX_VALUE : end;
        if (before != null) {
            to = Math.min(to, before.timestamp == Long.MAX_VALUE ? Long.MAX_VALUE : before.timestamp + 1);
        }
        List<LogEvent> found = new ArrayList<>();
        long upTo = Math.min(to, s.endMs == null ? Long.MAX_VALUE : s.endMs);
        long last = Math.min(upTo - 1, nowMs);
        if (s.periodMs > 0 && last >= s.startMs) {
            int taken = 0;
            for (long k = (last - s.startMs) / s.periodMs; k >= 0 && taken < max; k--) {
                long slot = s.startMs + k * s.periodMs;
                if (slot + s.periodMs <= from) {
                    break;
                }
                long ts = slot + Math.floorMod(mix(s.number, k), s.periodMs);
                long ingestion = ts + 100 + Math.floorMod(mix(k, s.number) >>> 7, 500);
                String id = eventId(ts, s.number, k);
                if (ts >= from && ts < upTo && ingestion <= nowMs && (before == null || before.after(ts, id))) {
                    found.add(new LogEvent(id, s.group, s.name, ts, ingestion, s.lines.line(k, ts)));
                    taken++;
                }
            }
        }
        for (LogEvent e : s.written) {
            if (e.timestamp() >= from && e.timestamp() < to && e.ingestionTime() <= nowMs
                    && (before == null || before.after(e.timestamp(), e.eventId()))) {
                found.add(e);
            }
        }
        found.sort(ORDER);
        return new Page<>(new ArrayList<>(found.subList(Math.max(0, found.size() - max), found.size())), null);
    }

    private static void collect(Stream s, long from, long to, long nowMs, Cursor after, int max, List<LogEvent> out) {
        long streamEnd = s.endMs == null ? Long.MAX_VALUE : s.endMs;
        long upTo = Math.min(to, streamEnd);
        int taken = 0;
        if (s.periodMs > 0 && upTo > s.startMs) {
            long k = Math.max(0, (from - s.startMs) / s.periodMs - 1);
            while (taken < max) {
                long slot = s.startMs + k * s.periodMs;
                if (slot >= upTo || slot > nowMs) {
                    break;
                }
                long ts = slot + Math.floorMod(mix(s.number, k), s.periodMs);
                long ingestion = ts + 100 + Math.floorMod(mix(k, s.number) >>> 7, 500);
                if (ts >= from && ts < upTo && ingestion <= nowMs) {
                    String id = eventId(ts, s.number, k);
                    if (after == null || after.before(ts, id)) {
                        out.add(new LogEvent(id, s.group, s.name, ts, ingestion, s.lines.line(k, ts)));
                        taken++;
                    }
                }
                k++;
            }
        }
        for (LogEvent e : s.written) {
            if (e.timestamp() >= from && e.timestamp() < to && e.ingestionTime() <= nowMs
                    && (after == null || after.before(e.timestamp(), e.eventId()))) {
                out.add(e);
            }
        }
    }

    static String tokenAfter(LogEvent event) {
        return new Cursor(event.timestamp(), event.eventId()).encode();
    }

    /** A 56-digit id like CloudWatch's, ordered by time. */
    static String eventId(long timestampMs, int streamNumber, long seq) {
        return String.format("%019d%019d%018d", timestampMs, streamNumber, seq);
    }

    /** A deterministic hash of two numbers (SplitMix64 finaliser). */
    public static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A position in the (timestamp, eventId) order, carried in nextToken. */
    private record Cursor(long timestamp, String eventId) {
        boolean before(long ts, String id) {
            return ts > timestamp || (ts == timestamp && id.compareTo(eventId) > 0);
        }

        /** Whether (ts, id) comes before this position (reading backward). */
        boolean after(long ts, String id) {
            return ts < timestamp || (ts == timestamp && id.compareTo(eventId) < 0);
        }

        String encode() {
            return "f1:" + timestamp + ":" + eventId;
        }

        static Cursor decode(String token) {
            if (token == null || token.isEmpty()) {
                return null;
            }
            String[] parts = token.split(":");
            try {
                if (parts.length != 3 || !parts[0].equals("f1")) {
                    throw new IllegalArgumentException(token);
                }
                return new Cursor(Long.parseLong(parts[1]), parts[2]);
            } catch (IllegalArgumentException e) {
                throw SimApiException.invalidParameter("The specified nextToken is invalid.");
            }
        }
    }

    /** Streams of a group whose name starts with the prefix, by name. */
    List<Stream> streams(String group, String prefix) {
        Group g = groups.get(group);
        if (g == null) {
            throw new SimApiException("ResourceNotFoundException", "The specified log group does not exist.");
        }
        List<Stream> out = new ArrayList<>();
        for (Stream s : g.streams.values()) {
            if (prefix == null || s.name.startsWith(prefix)) {
                out.add(s);
            }
        }
        return out;
    }

    Map<String, Group> groupsByPrefix(String prefix) {
        Map<String, Group> out = new LinkedHashMap<>();
        groups.forEach((name, g) -> {
            if (prefix == null || name.startsWith(prefix)) {
                out.put(name, g);
            }
        });
        return out;
    }

    /** The log groups and streams as plain data, for the state file. */
    public List<LogsSnapshot.LogGroupState> snapshot() {
        List<LogsSnapshot.LogGroupState> groups = new ArrayList<>();
        groups().forEach((name, g) -> {
            List<LogsSnapshot.LogStreamState> streams = new ArrayList<>();
            g.streams.values().forEach(s -> streams.add(new LogsSnapshot.LogStreamState(s.number, s.name, s.lines.kind(), s.lines.seed(),
                    s.lines.source(), s.startMs, s.periodMs, s.endMs, List.copyOf(s.written))));
            groups.add(new LogsSnapshot.LogGroupState(name, g.createdMs, streams));
        });
        return groups;
    }

    /** Puts back the log groups and streams of a saved simulation. */
    public void restore(List<LogsSnapshot.LogGroupState> saved) {
        for (LogsSnapshot.LogGroupState g : saved) {
            Group group = group(g.name(), g.createdMs());
            for (LogsSnapshot.LogStreamState st : g.streams()) {
                Stream stream = new Stream(st.number(), g.name(), st.name(), new LogLines(st.kind(), st.seed(), st.source()),
                        st.startMs(), st.periodMs());
                stream.endMs = st.endMs();
                stream.written.addAll(st.written());
                group.streams.put(st.name(), stream);
            }
        }
    }
}
