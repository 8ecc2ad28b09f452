package dev.ecsdeck.provider;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A log tail built on FilterLogEvents polling, shared by every backend.
 *
 * <p>Each poll re-reads a window that starts before the newest event seen, wide enough to catch
 * events that arrive late: an unseen event was ingested after (newest ingestion seen − consistency
 * margin), and its timestamp lags its ingestion by at most the largest lag observed so far. Events
 * already delivered are skipped by event id, so the overlap yields no duplicates, and a failed poll
 * is simply repeated from the same window after a back-off, so an outage leaves no gap.
 */
public final class PollingLogTail implements LogSubscription {
    /** FilterLogEvents accepts at most 100 stream names per call. */
    static final int MAX_STREAMS_PER_CALL = 100;
    private static final long CONSISTENCY_MARGIN_MS = 5_000;
    private static final long MAX_LAG_MS = 10 * 60_000;
    private static final int MAX_PAGES_PER_POLL = 200;

    private final Function<LogQuery, LogPage> reader;
    private final LogSink sink;
    private final List<GroupCursor> cursors = new ArrayList<>();
    private final long intervalMs;
    private final long maxBackoffMs;
    private volatile boolean closed;
    private ScheduledFuture<?> scheduled;
    private ScheduledExecutorService scheduler;
    private int consecutiveFailures;

    /**
     * @param reader one FilterLogEvents page
     * @param intervalMs pause between successful polls
     */
    public PollingLogTail(Function<LogQuery, LogPage> reader, LogTailRequest request, LogSink sink, long intervalMs) {
        this.reader = reader;
        this.sink = sink;
        this.intervalMs = intervalMs;
        this.maxBackoffMs = Math.max(intervalMs, 30_000);
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (LogStreamRef ref : request.streams()) {
            byGroup.computeIfAbsent(ref.logGroupName(), g -> new ArrayList<>()).add(ref.logStreamName());
        }
        byGroup.forEach((group, streams) -> {
            for (int i = 0; i < streams.size(); i += MAX_STREAMS_PER_CALL) {
                cursors.add(new GroupCursor(group, streams.subList(i, Math.min(streams.size(), i + MAX_STREAMS_PER_CALL)),
                        request.startTime()));
            }
        });
    }

    /** Starts polling on {@code scheduler} until closed. */
    public PollingLogTail start(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        schedule(0);
        return this;
    }

    private synchronized void schedule(long delayMs) {
        if (!closed) {
            scheduled = scheduler.schedule(this::pollAndReschedule, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private void pollAndReschedule() {
        boolean ok = pollOnce();
        schedule(ok ? intervalMs : backoffMs());
    }

    private long backoffMs() {
        long exp = intervalMs * (1L << Math.min(consecutiveFailures, 10));
        return Math.min(maxBackoffMs, Math.max(exp, 500));
    }

    /**
     * One poll of every stream; delivers what is new. Returns false when a read failed (the same
     * window is read again next time). Public so tests can drive a tail without a scheduler.
     */
    public boolean pollOnce() {
        if (closed) {
            return true;
        }
        try {
            List<LogEvent> fresh = new ArrayList<>();
            for (GroupCursor cursor : cursors) {
                fresh.addAll(cursor.poll());
            }
            if (!fresh.isEmpty() && !closed) {
                fresh.sort(Comparator.comparingLong(LogEvent::timestamp).thenComparing(LogEvent::eventId));
                sink.accept(fresh);
            }
            if (consecutiveFailures > 0) {
                sink.status(TailStatus.live());
            }
            consecutiveFailures = 0;
            return true;
        } catch (EcsException e) {
            consecutiveFailures++;
            boolean retryable = e instanceof ThrottledException || e instanceof UnavailableException;
            sink.status(new TailStatus(TailStatus.State.RETRYING,
                    (retryable ? "" : "Unexpected error, retrying: ") + e.summary()));
            return false;
        } catch (RuntimeException e) {
            consecutiveFailures++;
            sink.status(new TailStatus(TailStatus.State.RETRYING, "Tail error, retrying: " + e));
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        sink.status(new TailStatus(TailStatus.State.STOPPED, "Stopped"));
    }

    /** The read position of one group's (up to 100) streams. */
    private final class GroupCursor {
        private final String group;
        private final List<String> streams;
        private final long requestStart;
        /** Delivered event ids, with their timestamps, for the re-read window only. */
        private final Map<String, Long> seen = new HashMap<>();
        private long newestIngestion = Long.MIN_VALUE;
        private long maxLag;
        /** Never moves back: ids older than it were pruned, so reading below it would repeat events. */
        private long floor;

        GroupCursor(String group, List<String> streams, long requestStart) {
            this.group = group;
            this.streams = List.copyOf(streams);
            this.requestStart = requestStart;
            this.floor = requestStart;
        }

        private long windowStart() {
            if (newestIngestion == Long.MIN_VALUE) {
                return floor;
            }
            return Math.max(floor, newestIngestion - CONSISTENCY_MARGIN_MS - maxLag);
        }

        List<LogEvent> poll() {
            long start = windowStart();
            LogQuery query = new LogQuery(group, streams, start, null, null, null);
            List<LogEvent> fresh = new ArrayList<>();
            long newest = newestIngestion;
            long lag = maxLag;
            for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
                LogPage result = reader.apply(query);
                for (LogEvent e : result.events()) {
                    if (e.timestamp() >= requestStart && !seen.containsKey(e.eventId())) {
                        fresh.add(e);
                    }
                    newest = Math.max(newest, e.ingestionTime());
                    lag = Math.max(lag, Math.min(MAX_LAG_MS, e.ingestionTime() - e.timestamp()));
                }
                if (result.nextToken() == null) {
                    break;
                }
                query = query.withNextToken(result.nextToken());
            }
            // Commit only after the whole window was read: a failure above leaves the cursor as it was.
            for (LogEvent e : fresh) {
                seen.put(e.eventId(), e.timestamp());
            }
            newestIngestion = newest;
            maxLag = lag;
            floor = windowStart();
            long keepFrom = floor;
            seen.values().removeIf(ts -> ts < keepFrom);
            return fresh;
        }
    }
}
