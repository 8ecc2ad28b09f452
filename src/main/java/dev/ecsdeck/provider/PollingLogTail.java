package dev.ecsdeck.provider;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A log tail built on FilterLogEvents polling, shared by every backend.
 *
 * <p>Each poll reads every group's window ({@link LogWindowCursor}: a re-read overlap for late
 * events, de-duplicated by event id) and hands the new events to the sink as one batch in
 * {@link #ORDER}. A failed read is retried after a back-off (1 s, 2 s, 4 s, 8 s, then 10 s, reset by the
 * first good poll) from where it stopped, so an outage or throttling leaves no gap and no
 * duplicate; the sink is told "Retrying in N s: …" and then "live" again.
 *
 * <p>FilterLogEvents fails as a whole when one named stream does not exist (a task whose container
 * has not written yet): such streams are set aside and probed every few polls, and followed from
 * the tail's start time once they appear, while the others go on.
 *
 * <p>Asked to {@link #finish()} (its task stopped), the tail goes on polling until a poll that began
 * after the request reads every window to its end, then tells the sink {@link TailStatus.State#ENDED}
 * and stops. Asked to {@link #finish(Collection)} some of its streams (a service's task stopped), it stops
 * reading those the same way, once a poll that began after the request has read them to the end; with
 * none left it ends.
 */
public final class PollingLogTail implements LogSubscription {
    /** FilterLogEvents accepts at most 100 stream names per call. */
    static final int MAX_STREAMS_PER_CALL = 100;
    static final long MIN_BACKOFF_MS = 1_000;
    /** A live tail should come back soon after the network does: at most this long between attempts. */
    static final long MAX_BACKOFF_MS = 10_000;
    /** Streams that do not exist yet are looked for on every this-many polls. */
    static final int PROBE_EVERY_POLLS = 5;

    /**
     * The order of a batch: by timestamp; on a tie by stream name, then by event id (CloudWatch's
     * order within a stream), so lines of one instant always interleave the same way.
     */
    public static final Comparator<LogEvent> ORDER = Comparator.comparingLong(LogEvent::timestamp)
            .thenComparing(LogEvent::logStreamName).thenComparing(LogEvent::eventId);

    private record MissingStream(String group, String stream) {}

    private final Function<LogQuery, LogPage> reader;
    private final LogSink sink;
    private final long requestStart;
    private final Long requestEnd;
    private final Integer pageSize;
    private final List<LogWindowCursor> cursors = new ArrayList<>();
    private final List<MissingStream> missing = new ArrayList<>();
    private final long intervalMs;
    private volatile boolean closed;
    private volatile boolean finishing;
    /** Streams ("group\nstream") asked to finish, not yet dropped. */
    private final Set<String> finishingStreams = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> scheduled;
    private ScheduledExecutorService scheduler;
    private int consecutiveFailures;
    private long polls;
    private TailStatus lastStatus;

    /**
     * @param reader one FilterLogEvents page
     * @param intervalMs pause between successful polls
     */
    public PollingLogTail(Function<LogQuery, LogPage> reader, LogTailRequest request, LogSink sink, long intervalMs) {
        this(reader, request, sink, intervalMs, null);
    }

    /** As above, asking for pages of at most {@code pageSize} events (null: the service's default). */
    public PollingLogTail(Function<LogQuery, LogPage> reader, LogTailRequest request, LogSink sink, long intervalMs, Integer pageSize) {
        this.reader = reader;
        this.sink = sink;
        this.intervalMs = intervalMs;
        this.requestStart = request.startTime();
        this.requestEnd = request.endTime();
        this.pageSize = pageSize;
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (LogStreamRef ref : request.streams()) {
            List<String> names = byGroup.computeIfAbsent(ref.logGroupName(), g -> new ArrayList<>());
            if (!names.contains(ref.logStreamName())) {
                names.add(ref.logStreamName());
            }
        }
        byGroup.forEach((group, streams) -> {
            for (int i = 0; i < streams.size(); i += MAX_STREAMS_PER_CALL) {
                cursors.add(new LogWindowCursor(reader, group, streams.subList(i, Math.min(streams.size(), i + MAX_STREAMS_PER_CALL)),
                        requestStart, requestEnd, pageSize));
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
        pollOnce();
        schedule(nextDelayMs());
    }

    /** How long to wait before the next poll: the interval, or the back-off after failed polls. */
    public long nextDelayMs() {
        return consecutiveFailures == 0 ? intervalMs : backoffMs(consecutiveFailures);
    }

    /** 1 s after the first failure, doubling with each further one (2 s, 4 s, 8 s), at most 10 s. */
    static long backoffMs(int failures) {
        return Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS << Math.min(failures - 1, 20));
    }

    /**
     * One poll of every stream; delivers what is new, also when a later read failed. Returns false
     * when a read failed (it goes on from where it stopped next time). Public so tests and tools
     * can drive a tail without a scheduler.
     */
    public boolean pollOnce() {
        if (closed) {
            return true;
        }
        boolean ending = finishing; // asked before this poll began: this poll may be the last
        Set<String> endingStreams = Set.copyOf(finishingStreams);
        polls++;
        List<LogEvent> fresh = new ArrayList<>();
        RuntimeException failure = null;
        for (LogWindowCursor cursor : List.copyOf(cursors)) {
            try {
                readOrSetAside(cursor, fresh);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure == null && (ending || !endingStreams.isEmpty() || (polls - 1) % PROBE_EVERY_POLLS == 0)) {
            try {
                probeMissing(fresh);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        fresh.sort(ORDER);
        if (failure == null && !endingStreams.isEmpty()) {
            dropRead(endingStreams);
            ending |= cursors.isEmpty() && missing.isEmpty();
        }
        if (failure == null && ending && cursors.stream().allMatch(LogWindowCursor::caughtUp)) {
            deliver(fresh, new TailStatus(TailStatus.State.ENDED, "Read to the end"));
            end();
            return true;
        }
        if (failure == null) {
            consecutiveFailures = 0;
            deliver(fresh, missing.isEmpty() ? TailStatus.live()
                    : new TailStatus(TailStatus.State.LIVE, "live; waiting for " + missing.size()
                            + (missing.size() == 1 ? " stream" : " streams") + " to appear"));
            return true;
        }
        consecutiveFailures++;
        deliver(fresh, new TailStatus(TailStatus.State.RETRYING, "Retrying in " + backoffMs(consecutiveFailures) / 1000 + " s: "
                + reason(failure)));
        return false;
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ThrottledException || e instanceof UnavailableException) {
            return e.getMessage();
        }
        if (e instanceof EcsException ecs) {
            return ecs.summary();
        }
        return "Tail error: " + e;
    }

    /** Reads a cursor; when FilterLogEvents says a stream does not exist, finds which and sets it aside. */
    private void readOrSetAside(LogWindowCursor cursor, List<LogEvent> fresh) {
        try {
            cursor.read(fresh);
        } catch (NotFoundException e) {
            for (String stream : cursor.streams()) {
                if (!exists(cursor.group(), stream)) {
                    cursor.drop(stream);
                    missing.add(new MissingStream(cursor.group(), stream));
                }
            }
            if (cursor.isEmpty()) {
                cursors.remove(cursor);
            } else {
                cursor.read(fresh); // the streams that exist, at once
            }
        }
    }

    private boolean exists(String group, String stream) {
        try {
            reader.apply(new LogQuery(group, List.of(stream), requestStart, null, null, 1));
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Streams that appeared since the last look are followed from the tail's start, each on its own. */
    private void probeMissing(List<LogEvent> fresh) {
        for (Iterator<MissingStream> it = missing.iterator(); it.hasNext();) {
            MissingStream m = it.next();
            if (exists(m.group(), m.stream())) {
                it.remove();
                LogWindowCursor cursor = new LogWindowCursor(reader, m.group(), List.of(m.stream()), requestStart, requestEnd, pageSize);
                cursors.add(cursor);
                cursor.read(fresh);
            }
        }
    }

    /** Stops reading the streams asked to finish whose windows this poll read to the end. */
    private void dropRead(Set<String> endingStreams) {
        for (LogWindowCursor cursor : List.copyOf(cursors)) {
            if (!cursor.caughtUp()) {
                continue; // a page left over: the next poll reads on, then drops them
            }
            for (String stream : cursor.streams()) {
                String key = key(cursor.group(), stream);
                if (endingStreams.contains(key)) {
                    cursor.drop(stream);
                    finishingStreams.remove(key);
                }
            }
            if (cursor.isEmpty()) {
                cursors.remove(cursor);
            }
        }
        // A stream that never appeared was just probed (this poll began after the request): it has no lines.
        missing.removeIf(m -> endingStreams.contains(key(m.group(), m.stream())) && finishingStreams.remove(key(m.group(), m.stream())));
    }

    private static String key(String group, String stream) {
        return group + "\n" + stream;
    }

    /** The streams it still reads (tests count them). */
    int streamsRead() {
        return cursors.stream().mapToInt(c -> c.streams().size()).sum() + missing.size();
    }

    /** Event ids held for de-duplication, over all streams (tests check they stay bounded). */
    int remembered() {
        return cursors.stream().mapToInt(LogWindowCursor::remembered).sum();
    }

    /** Hands over a batch and a changed status, unless closed: once close() returns, the sink hears nothing more. */
    private synchronized void deliver(List<LogEvent> batch, TailStatus status) {
        if (closed) {
            return;
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
        if (!status.equals(lastStatus)) {
            lastStatus = status;
            sink.status(status);
        }
    }

    @Override
    public void finish() {
        finishing = true;
    }

    @Override
    public void finish(Collection<LogStreamRef> streams) {
        streams.forEach(r -> finishingStreams.add(key(r.logGroupName(), r.logStreamName())));
    }

    /** Stops polling, quietly: the sink was told why. */
    private synchronized void end() {
        closed = true;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        end();
        sink.status(new TailStatus(TailStatus.State.STOPPED, "Stopped"));
    }
}
