package dev.ecsdeck.provider;

import dev.ecsdeck.model.LogEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The read position of a tail over one group's streams (at most 100, one FilterLogEvents call).
 *
 * <p>Each read re-reads a window that starts before the newest event seen, wide enough to catch
 * events that arrive late: an unseen event was ingested after (newest ingestion seen − consistency
 * margin), and its timestamp lags its ingestion by at most the largest lag observed so far. Events
 * already delivered are skipped by event id, so the overlap yields no duplicates.
 *
 * <p>Progress is kept page by page: a page that fails is read again from its own token on the next
 * read, so a long backlog read through a flaky connection or throttling still moves forward, and
 * the events of the pages before it are delivered (and remembered) once only.
 */
final class LogWindowCursor {
    static final long CONSISTENCY_MARGIN_MS = 5_000;
    static final long MAX_LAG_MS = 10 * 60_000;
    static final int MAX_PAGES_PER_READ = 200;

    private final Function<LogQuery, LogPage> reader;
    private final String group;
    private final List<String> streams;
    private final long requestStart;
    private final Long requestEnd;
    private final Integer pageSize;
    /** Delivered event ids, with their timestamps, for the re-read window only. */
    private final Map<String, Long> seen = new HashMap<>();
    private long newestIngestion = Long.MIN_VALUE;
    private long maxLag;
    /** Never moves back: ids older than it were pruned, so reading below it would repeat events. */
    private long floor;
    /** The page to read next when the last read stopped part-way (failed, or hit the page cap); else null. */
    private LogQuery resume;

    LogWindowCursor(Function<LogQuery, LogPage> reader, String group, List<String> streams, long requestStart, Integer pageSize) {
        this(reader, group, streams, requestStart, null, pageSize);
    }

    /** Reading only the events up to {@code requestEnd} (null: no end). */
    LogWindowCursor(Function<LogQuery, LogPage> reader, String group, List<String> streams, long requestStart, Long requestEnd,
            Integer pageSize) {
        this.reader = reader;
        this.group = group;
        this.streams = new ArrayList<>(streams);
        this.requestStart = requestStart;
        this.requestEnd = requestEnd;
        this.pageSize = pageSize;
        this.floor = requestStart;
    }

    String group() {
        return group;
    }

    List<String> streams() {
        return List.copyOf(streams);
    }

    /** Stops reading a stream (it does not exist yet; the tail probes it on its own). */
    void drop(String stream) {
        streams.remove(stream);
        resume = null; // a saved page names the stream: start the window again without it
    }

    boolean isEmpty() {
        return streams.isEmpty();
    }

    /** Whether the last read went to the end of its window (no page left over for the next read). */
    boolean caughtUp() {
        return resume == null;
    }

    /** How many event ids are held for de-duplication (tests check the pruning). */
    int remembered() {
        return seen.size();
    }

    private long windowStart() {
        if (newestIngestion == Long.MIN_VALUE) {
            return floor;
        }
        return Math.max(floor, newestIngestion - CONSISTENCY_MARGIN_MS - maxLag);
    }

    /**
     * Reads the window and adds the events not delivered before to {@code out}. A failure leaves
     * what was read before it in {@code out} (already remembered as delivered) and is rethrown.
     */
    void read(List<LogEvent> out) {
        LogQuery query = resume != null ? resume : new LogQuery(group, List.copyOf(streams), windowStart(), requestEnd, null, pageSize);
        for (int page = 0; page < MAX_PAGES_PER_READ; page++) {
            resume = query; // if this page fails, the next read starts here
            LogPage result = reader.apply(query);
            for (LogEvent e : result.events()) {
                if (e.timestamp() >= requestStart && seen.putIfAbsent(e.eventId(), e.timestamp()) == null) {
                    out.add(e);
                }
                newestIngestion = Math.max(newestIngestion, e.ingestionTime());
                maxLag = Math.max(maxLag, Math.min(MAX_LAG_MS, e.ingestionTime() - e.timestamp()));
            }
            if (result.nextToken() == null) {
                resume = null;
                // The whole window is read: it may move on, and ids below its new start are no longer needed.
                floor = windowStart();
                long keepFrom = floor;
                seen.values().removeIf(ts -> ts < keepFrom);
                return;
            }
            query = query.withNextToken(result.nextToken());
        }
        resume = query; // a long backlog: go on from here next time
    }
}
