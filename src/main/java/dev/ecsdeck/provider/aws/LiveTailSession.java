package dev.ecsdeck.provider.aws;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.LogPage;
import dev.ecsdeck.provider.LogQuery;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.provider.PollingLogTail;
import dev.ecsdeck.provider.TailStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionUpdate;
import software.amazon.awssdk.services.cloudwatchlogs.model.SessionTimeoutException;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailResponseHandler;

/**
 * A tail on StartLiveTail: once the session starts, the lines since the tail's start time are read
 * with FilterLogEvents, and new lines arrive pushed by the session. If the endpoint cannot start a
 * session (the served simulator, a proxy, missing permission), or the session ends, fails or
 * starts sampling, the tail goes on by FilterLogEvents polling from where it was; the two sources
 * are merged by {@link TwoSourceMerge}, so no line is lost or repeated at the switch.
 */
final class LiveTailSession implements LogSubscription {
    static final int MAX_STREAMS = 100;
    /** How far before the last live line polling resumes, to catch lines ingested late. */
    static final long RESUME_MARGIN_MS = 10_000;
    /**
     * The call's time limit: longer than a session lasts (3 hours). The clients' 20-s attempt and 90-s call
     * timeouts are for ordinary calls; on this one they would cut every session after 20 s.
     */
    static final Duration SESSION_CALL_TIMEOUT = Duration.ofHours(4);

    private final AwsClients clients;
    private final AwsLogs logs;
    private final LogTailRequest request;
    private final LogSink sink;
    private final String group;
    private final TwoSourceMerge merge = new TwoSourceMerge();
    private final AtomicBoolean switched = new AtomicBoolean();
    private final AtomicLong newest = new AtomicLong(Long.MIN_VALUE);
    private volatile boolean closed;
    private volatile boolean started;
    private volatile CompletableFuture<Void> session;
    private volatile LogSubscription fallback;
    /** Live batches that came before the backfill was done, held so each stream's lines arrive in order. */
    private final List<List<LogEvent>> held = new ArrayList<>();
    private boolean backfilled;
    /** Streams whose task stopped and whose lines are all in: polling, if it comes to that, leaves them out. */
    private final Set<String> finished = ConcurrentHashMap.newKeySet();

    LiveTailSession(AwsClients clients, AwsLogs logs, LogTailRequest request, LogSink sink, String group) {
        this.clients = clients;
        this.logs = logs;
        this.request = request;
        this.sink = sink;
        this.group = group;
    }

    LogSubscription start() {
        logs.scheduler().execute(this::open);
        return this;
    }

    private void open() {
        try {
            String arn = groupArn();
            List<String> streams = request.streams().stream().map(LogStreamRef::logStreamName).toList();
            StartLiveTailResponseHandler handler = StartLiveTailResponseHandler.builder()
                    .subscriber(StartLiveTailResponseHandler.Visitor.builder()
                            .onSessionStart(s -> onStarted())
                            .onSessionUpdate(this::onUpdate)
                            .build())
                    .onError(this::onEnded)
                    .build();
            session = clients.logsAsync.startLiveTail(StartLiveTailRequest.builder().logGroupIdentifiers(arn).logStreamNames(streams)
                    .overrideConfiguration(o -> o.apiCallTimeout(SESSION_CALL_TIMEOUT).apiCallAttemptTimeout(SESSION_CALL_TIMEOUT))
                    .build(), handler);
            session.whenComplete((ok, error) -> onEnded(error));
        } catch (RuntimeException e) {
            onEnded(e);
        }
    }

    /** StartLiveTail wants the group's ARN (without the ":*" DescribeLogGroups appends). */
    private String groupArn() {
        var groups = clients.logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups();
        for (var g : groups) {
            if (group.equals(g.logGroupName())) {
                String arn = g.logGroupArn() != null ? g.logGroupArn() : g.arn();
                return arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
            }
        }
        throw new IllegalStateException("Log group " + group + " not found");
    }

    private void onStarted() {
        started = true;
        sink.status(new TailStatus(TailStatus.State.LIVE, "Live (StartLiveTail)"));
        logs.scheduler().execute(this::backfill);
    }

    /** The lines from the start time up to the session's start, read once. */
    private void backfill() {
        try {
            LogQuery q = new LogQuery(group, request.streams().stream().map(LogStreamRef::logStreamName).toList(), request.startTime(), null,
                    null, null);
            String token = null;
            do {
                LogPage page = logs.filter(q.withNextToken(token));
                deliver(TwoSourceMerge.READS, page.events());
                token = page.nextToken();
            } while (token != null && !closed);
        } catch (RuntimeException e) {
            sink.status(new TailStatus(TailStatus.State.RETRYING, "Backfill failed, live lines continue: " + e.getMessage()));
        } finally {
            synchronized (held) {
                backfilled = true;
                held.forEach(batch -> deliver(TwoSourceMerge.LIVE, batch));
                held.clear();
            }
        }
    }

    private void onUpdate(LiveTailSessionUpdate update) {
        if (update.sessionMetadata() != null && Boolean.TRUE.equals(update.sessionMetadata().sampled())) {
            switchToPolling("The live session started sampling; polling instead so no line is dropped");
            return;
        }
        List<LogEvent> events = new ArrayList<>();
        for (LiveTailSessionLogEvent e : update.sessionResults()) {
            long ts = e.timestamp() == null ? 0 : e.timestamp();
            if (ts < request.startTime()) {
                continue; // ingested late but written before the tail's start: outside the tail, as its reads see it
            }
            events.add(new LogEvent("live-" + Long.toHexString(ts) + "-" + Integer.toHexString(e.message().hashCode()), group,
                    e.logStreamName(), ts, e.ingestionTime() == null ? ts : e.ingestionTime(), e.message()));
        }
        synchronized (held) {
            if (!backfilled) {
                held.add(events);
                return;
            }
            deliver(TwoSourceMerge.LIVE, events);
        }
    }

    /** One batch at a time, so batches of the three sources do not interleave at the sink. */
    private synchronized void deliver(int source, List<LogEvent> events) {
        if (closed || events.isEmpty()) {
            return;
        }
        List<LogEvent> fresh = new ArrayList<>(merge.admit(source, events));
        fresh.sort(PollingLogTail.ORDER);
        for (LogEvent e : fresh) {
            newest.accumulateAndGet(e.timestamp(), Math::max);
        }
        if (!fresh.isEmpty()) {
            sink.accept(fresh);
        }
    }

    private void onEnded(Throwable error) {
        if (closed) {
            return;
        }
        String why = error == null ? "the live session ended"
                : rootCause(error) instanceof SessionTimeoutException ? "the live session timed out"
                : "live tail not available (" + rootMessage(error) + ")";
        switchToPolling("Polling every second: " + why);
    }

    private void switchToPolling(String reason) {
        if (closed || !switched.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<Void> s = session;
        if (s != null) {
            s.cancel(true);
        }
        long from = started && newest.get() != Long.MIN_VALUE ? Math.max(request.startTime(), newest.get() - RESUME_MARGIN_MS)
                : request.startTime();
        LogSink merged = new LogSink() {
            @Override
            public void accept(List<LogEvent> batch) {
                deliver(TwoSourceMerge.POLLING, batch);
            }

            @Override
            public void status(TailStatus status) {
                if (status.state() != TailStatus.State.STOPPED) { // this session reports its own stop
                    sink.status(status.state() == TailStatus.State.LIVE && status.equals(TailStatus.live())
                            ? new TailStatus(TailStatus.State.LIVE, "Polling every second") : status);
                }
            }
        };
        sink.status(new TailStatus(TailStatus.State.LIVE, reason));
        // A stopped task's streams leave the tail here: the session had pushed their last lines.
        List<LogStreamRef> still = request.streams().stream().filter(r -> !finished.contains(r.logStreamName())).toList();
        LogSubscription polling = logs.polling(new LogTailRequest(still, from), merged);
        fallback = polling;
        polling.finish(still.stream().filter(r -> finished.contains(r.logStreamName())).toList()); // finished meanwhile
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = rootCause(t);
        String m = root.getMessage();
        if (root instanceof java.net.URISyntaxException || (m != null && m.contains("Illegal character in hostname"))) {
            // The SDK puts "stream-" before the endpoint's host; an IP-address endpoint cannot take it (AwsClients turns
            // the prefix off for loopback endpoints; another IP-address endpoint still meets this).
            return "this endpoint does not offer it";
        }
        return m == null ? root.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /**
     * Live, every line was pushed as it was ingested: the session closes. Polling (after the session
     * ended or sampled), the polling tail reads what is left, then ends.
     */
    @Override
    public void finish() {
        LogSubscription f = fallback;
        if (f != null) {
            f.finish();
        } else {
            close();
        }
    }

    /**
     * The session's streams are fixed while it lasts and a quiet stream costs it nothing; once polling
     * (after the session ended or sampled), the polling tail reads what is left of them and drops them.
     */
    @Override
    public void finish(Collection<LogStreamRef> streams) {
        streams.forEach(r -> finished.add(r.logStreamName()));
        LogSubscription f = fallback;
        if (f != null) {
            f.finish(streams);
        }
    }

    /** Whether the tail has left the live session for polling (for the status line and tests). */
    boolean polling() {
        return switched.get();
    }

    @Override
    public void close() {
        closed = true;
        CompletableFuture<Void> s = session;
        if (s != null) {
            s.cancel(true);
        }
        LogSubscription f = fallback;
        if (f != null) {
            f.close();
        }
        sink.status(new TailStatus(TailStatus.State.STOPPED, "Stopped"));
    }
}
