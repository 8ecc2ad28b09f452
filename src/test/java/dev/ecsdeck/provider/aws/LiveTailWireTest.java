package dev.ecsdeck.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.provider.TailStatus;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SeqLogService;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.WireServer;
import dev.ecsdeck.sim.wire.logs.LiveTailSessions;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The AWS provider's Live Tail (the real SDK's async CloudWatch Logs client, StartLiveTail's event stream over
 * HTTP/1.1) against the served simulator, whose containers write numbered lines while the test advances the
 * simulated clock: every line arrives once and in order per stream, through the live session and, after it ends,
 * times out, fails mid-way or starts sampling, through the polling that takes over.
 */
class LiveTailWireTest {
    private final ManualClock clock = DemoSim.startClock();
    private final SimEngine engine = DemoSim.emptyEngine(clock, 7);
    private final ApiFaults faults = new ApiFaults(new AtomicLong()::get, 1);
    private WireServer server;
    private AwsEcsProvider provider;
    private LogSubscription tail;

    /** What the tail handed over and the statuses it reported; called from the SDK's and the tail's threads. */
    private static final class Recorder implements LogSink {
        final List<LogEvent> lines = new ArrayList<>();
        final List<TailStatus> statuses = new ArrayList<>();

        @Override
        public synchronized void accept(List<LogEvent> batch) {
            lines.addAll(batch);
        }

        @Override
        public synchronized void status(TailStatus status) {
            statuses.add(status);
        }

        synchronized Map<String, List<Long>> seqsByStream() {
            Map<String, List<Long>> out = new HashMap<>();
            lines.forEach(e -> out.computeIfAbsent(e.logStreamName(), s -> new ArrayList<>()).add(SeqLogService.seq(e.message())));
            return out;
        }

        synchronized boolean saw(String message) {
            return statuses.stream().anyMatch(s -> s.message().contains(message));
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = new WireServer(engine, faults, 0);
        provider = new AwsEcsProvider(new AwsSettings(null, "us-east-1", URI.create("http://127.0.0.1:" + server.port())));
    }

    @AfterEach
    void stop() {
        if (tail != null) {
            tail.close();
        }
        provider.close();
        server.close();
    }

    private List<LogStreamRef> service(int tasks) {
        List<LogStreamRef> streams = SeqLogService.runUntilStreams(engine, clock, tasks);
        assertEquals(tasks, streams.size(), "every task writes to its stream");
        return streams;
    }

    private void tick(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        engine.advance();
    }

    /** The numbers each stream holds (ingested by now) since {@code start}, read from the simulator directly (streams with lines). */
    private Map<String, List<Long>> written(List<LogStreamRef> streams, long start) {
        return SeqLogService.written(engine, streams, start, true);
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }

    /** Starts the tail and waits until the live session is open on the server and the backfill is in. */
    private Recorder live(List<LogStreamRef> streams, long start) {
        Recorder sink = new Recorder();
        tail = provider.tailLogs(new LogTailRequest(streams, start), sink);
        waitUntil("the live session", () -> sink.saw("Live (StartLiveTail)") && server.liveTail().openSessions() == 1);
        waitUntil("the backfill", () -> written(streams, start).equals(sink.seqsByStream()));
        return sink;
    }

    /** Advances second by second; after each, every line written so far is in, once and in order. */
    private void follow(Recorder sink, List<LogStreamRef> streams, long start, int seconds) {
        for (int i = 0; i < seconds; i++) {
            tick(1);
            int second = i;
            try {
                waitUntil("the lines up to second " + i, () -> written(streams, start).equals(sink.seqsByStream()));
            } catch (AssertionError e) {
                throw new AssertionError("second " + second + ": written " + written(streams, start) + ", got " + sink.seqsByStream()
                        + ", statuses " + sink.statuses, e);
            }
        }
    }

    private LiveTailSession session() {
        return (LiveTailSession) tail;
    }

    @Test
    void everyLineArrivesOnceLiveThenByPollingAfterTheSessionTimesOut() {
        server.liveTail().sessionTimeout(Duration.ofSeconds(30));
        List<LogStreamRef> streams = service(3);
        tick(20); // lines before the tail starts: the backfill's
        long start = clock.now().toEpochMilli() - 15_000;
        Recorder sink = live(streams, start);

        follow(sink, streams, start, 25);
        assertFalse(session().polling(), "25 s in, the lines came through the live session");
        tick(10); // past the session's 30 s: SessionTimeoutException
        waitUntil("the fallback", () -> sink.saw("Polling every second: the live session timed out"));
        assertTrue(session().polling());
        waitUntil("the session's end on the server", () -> server.liveTail().openSessions() == 0);
        follow(sink, streams, start, 15);

        Map<String, List<Long>> got = sink.seqsByStream();
        for (LogStreamRef ref : streams) {
            List<Long> seqs = got.get(ref.logStreamName());
            assertTrue(seqs.size() > 30, "the stream wrote through the whole run: " + seqs);
            for (int i = 1; i < seqs.size(); i++) {
                assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "consecutive numbers, none lost or repeated: " + seqs);
            }
        }
        assertEquals(written(streams, start), got);
    }

    /** A stopped task's stream, told finished while live, is left out of the polling that takes over; finishing reads the rest and ends. */
    @Test
    void aFinishedStreamLeavesThePollingThatTakesOverAndFinishingReadsTheRestThenEnds() {
        server.liveTail().sessionTimeout(Duration.ofSeconds(30));
        List<LogStreamRef> streams = service(2);
        long start = clock.now().toEpochMilli();
        Recorder sink = live(streams, start);
        follow(sink, streams, start, 25);
        LogStreamRef done = streams.get(0);
        LogStreamRef still = streams.get(1);
        tail.finish(List.of(done)); // live: it stays in the session, which costs nothing
        tick(10); // past the session's 30 s: polling takes over, without it
        waitUntil("the fallback", () -> sink.saw("Polling every second: the live session timed out"));
        List<LogStreamRef> one = List.of(still);
        waitUntil("the other stream's lines", () -> written(one, start).get(still.logStreamName())
                .equals(sink.seqsByStream().get(still.logStreamName())));
        int doneLines = sink.seqsByStream().get(done.logStreamName()).size();
        for (int i = 0; i < 5; i++) {
            tick(1);
            waitUntil("the other stream's lines", () -> written(one, start).get(still.logStreamName())
                    .equals(sink.seqsByStream().get(still.logStreamName())));
        }
        assertEquals(doneLines, sink.seqsByStream().get(done.logStreamName()).size(), "the finished stream is no longer read");
        assertTrue(written(List.of(done), start).get(done.logStreamName()).size() > doneLines, "though the simulator's task wrote on");

        tick(1);
        tail.finish();
        waitUntil("the end", () -> sink.saw("Read to the end"));
        assertEquals(written(one, start).get(still.logStreamName()), sink.seqsByStream().get(still.logStreamName()),
                "read to the end before ending");
    }

    @Test
    void aSessionThatFailsMidWayFallsBackToPollingWithNothingLostOrRepeated() {
        List<LogStreamRef> streams = service(2);
        long start = clock.now().toEpochMilli();
        faults.passNext(LiveTailSessions.UPDATE_FAULT, 5);
        faults.failNext(LiveTailSessions.UPDATE_FAULT, "SessionStreamingException", "Internal failure (injected)", 500);
        Recorder sink = live(streams, start);

        follow(sink, streams, start, 5);
        assertFalse(session().polling());
        tick(1); // the sixth update: a SessionStreamingException instead
        waitUntil("the fallback", () -> sink.saw("Polling every second: live tail not available (Internal failure (injected)"));
        assertTrue(session().polling());
        follow(sink, streams, start, 10);
        assertEquals(written(streams, start), sink.seqsByStream());
    }

    @Test
    void aConnectionCutMidStreamFallsBackToPollingWithNothingLostOrRepeated() {
        List<LogStreamRef> streams = service(2);
        long start = clock.now().toEpochMilli();
        faults.passNext(LiveTailSessions.UPDATE_FAULT, 4);
        faults.dropNext(LiveTailSessions.UPDATE_FAULT, 1);
        Recorder sink = live(streams, start);

        follow(sink, streams, start, 4);
        assertFalse(session().polling());
        tick(1);
        waitUntil("the fallback", () -> session().polling());
        follow(sink, streams, start, 10);
        assertEquals(written(streams, start), sink.seqsByStream());
        waitUntil("the session's end on the server", () -> server.liveTail().openSessions() == 0);
    }

    @Test
    void moreThan500LinesInASecondAreSampledAndTheTailSwitchesToPolling() {
        List<LogStreamRef> streams = service(1);
        long start = clock.now().toEpochMilli();
        Recorder sink = live(streams, start);
        follow(sink, streams, start, 2);
        assertFalse(session().polling());

        String stream = streams.get(0).logStreamName();
        long at = clock.now().toEpochMilli() + 200;
        synchronized (engine) {
            for (int i = 0; i < 600; i++) {
                engine.logStore().write(SeqLogService.GROUP, stream, at, "burst " + i); // 600 lines in one second
            }
        }
        tick(1);
        waitUntil("the fallback", () -> sink.saw("started sampling"));
        assertTrue(session().polling());
        tick(1);
        waitUntil("every burst line, by polling", () -> {
            synchronized (sink) {
                return sink.lines.stream().filter(e -> e.message().startsWith("burst ")).count() == 600;
            }
        });
        synchronized (sink) {
            List<String> burst = sink.lines.stream().map(LogEvent::message).filter(m -> m.startsWith("burst ")).toList();
            assertEquals(600, burst.stream().distinct().count(), "each once");
        }
    }

    @Test
    void sessionsOverTheLimitAreRefusedAndTheTailPolls() {
        server.liveTail().maxSessions(0);
        List<LogStreamRef> streams = service(1);
        long start = clock.now().toEpochMilli();
        Recorder sink = new Recorder();
        tail = provider.tailLogs(new LogTailRequest(streams, start), sink);
        waitUntil("the fallback", () -> sink.saw("maximum number of concurrent Live Tail sessions (0)"));
        assertTrue(session().polling());
        follow(sink, streams, start, 3);
        assertEquals(written(streams, start), sink.seqsByStream());
    }
}
