package dev.ecsdeck.provider.aws;

import dev.ecsdeck.model.LogEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a tail's sources without repeating a line: a live session (whose lines carry no event id),
 * the FilterLogEvents reads that backfill before it, and the polling that takes over after it (which
 * re-reads a margin the backfill may have delivered: a source of its own, or those lines would pass
 * twice). Lines are matched by content (group, stream, timestamp, message) and counted per source, so
 * the n-th occurrence of a line passes only from the source that reaches it first — and two genuinely
 * identical lines still both arrive. Keeps a window of event time.
 */
final class TwoSourceMerge {
    static final int LIVE = 0;
    static final int READS = 1;
    static final int POLLING = 2;
    private static final int SOURCES = 3;
    static final long WINDOW_MS = 10 * 60_000;
    private static final int PRUNE_AT = 50_000;

    private final Map<String, int[]> counts = new HashMap<>();
    private final Map<String, Long> times = new HashMap<>();
    private long newest = Long.MIN_VALUE;

    private static String key(LogEvent e) {
        return e.logGroupName() + '\n' + e.logStreamName() + '\n' + e.timestamp() + '\n' + e.message();
    }

    /** The lines of {@code source} that the other source has not delivered already. */
    synchronized List<LogEvent> admit(int source, List<LogEvent> events) {
        List<LogEvent> out = new ArrayList<>(events.size());
        for (LogEvent e : events) {
            String k = key(e);
            int[] c = counts.computeIfAbsent(k, x -> new int[SOURCES]);
            times.put(k, e.timestamp());
            int occurrence = ++c[source];
            int elsewhere = 0;
            for (int s = 0; s < SOURCES; s++) {
                elsewhere = s == source ? elsewhere : Math.max(elsewhere, c[s]);
            }
            if (occurrence > elsewhere) {
                out.add(e);
            }
            newest = Math.max(newest, e.timestamp());
        }
        if (counts.size() > PRUNE_AT) {
            long keepFrom = newest - WINDOW_MS;
            times.entrySet().removeIf(t -> {
                boolean old = t.getValue() < keepFrom;
                if (old) {
                    counts.remove(t.getKey());
                }
                return old;
            });
        }
        return out;
    }
}
