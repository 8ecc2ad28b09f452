package dev.ecsdeck.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.provider.PollingLogTail;
import dev.ecsdeck.provider.TailStatus;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SeqLogService;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.WireServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS provider's tail (the real SDK's CloudWatch Logs client over HTTP) against the simulator's
 * wire server, with containers writing numbered lines, throttling, 5xx errors and dropped
 * connections injected on the server for stretches of polls while the simulated clock moves on.
 * The test drives the tail poll by poll: no sleeping, no timing.
 */
class LogTailOutageWireTest {
    private static final String FILTER = "FilterLogEvents";

    private final ManualClock clock = DemoSim.startClock();
    private final SimEngine engine = DemoSim.emptyEngine(clock, 7);
    private final ApiFaults faults = new ApiFaults(new AtomicLong()::get, 1);
    private WireServer server;
    private AwsClients clients;
    private AwsLogs logs;

    /** What a tail handed over, batch by batch, and the statuses it reported. */
    private static final class Recorder implements LogSink {
        final List<List<LogEvent>> batches = new ArrayList<>();
        final List<TailStatus> statuses = new ArrayList<>();

        @Override
        public void accept(List<LogEvent> batch) {
            batches.add(List.copyOf(batch));
        }

        @Override
        public void status(TailStatus status) {
            statuses.add(status);
        }

        Map<String, List<Long>> seqsByStream() {
            Map<String, List<Long>> out = new HashMap<>();
            batches.forEach(b -> b.forEach(e -> out.computeIfAbsent(e.logStreamName(), s -> new ArrayList<>()).add(SeqLogService.seq(e.message()))));
            return out;
        }

        String lastMessage() {
            return statuses.get(statuses.size() - 1).message();
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = new WireServer(engine, faults, 0);
        clients = new AwsClients(new AwsSettings(null, "us-east-1", URI.create("http://127.0.0.1:" + server.port())));
        logs = new AwsLogs(clients, new AwsErrors(null));
    }

    @AfterEach
    void stop() {
        logs.close();
        clients.close();
        server.close();
    }

    /** Runs the service until each of its tasks has a stream. */
    private List<LogStreamRef> service(int tasks) {
        List<LogStreamRef> streams = SeqLogService.runUntilStreams(engine, clock, tasks);
        assertEquals(tasks, streams.size(), "every task writes to its stream");
        return streams;
    }

    private void tick(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        engine.advance();
    }

    /** The numbers the simulator wrote (and ingested by now) to each stream since {@code start}, read from it directly. */
    private Map<String, List<Long>> written(List<LogStreamRef> streams, long start) {
        return SeqLogService.written(engine, streams, start, false);
    }

    @Test
    void everyNumberedLineArrivesOnceAndInOrderAcrossThrottlingServerErrorsAndDroppedConnections() {
        List<LogStreamRef> streams = service(3);
        long start = clock.now().toEpochMilli();
        Recorder sink = new Recorder();
        // Pages of 4 events, so a poll after an outage reads several pages and one can fail part-way.
        PollingLogTail tail = logs.pollingTail(new LogTailRequest(streams, start), sink, 4);

        for (int poll = 0; poll < 150; poll++) {
            tick(1);
            boolean outage = true;
            if (poll >= 20 && poll < 30) {
                faults.throttleNext(FILTER, 1);
            } else if (poll >= 50 && poll < 58) {
                faults.failNext(FILTER, "ServiceUnavailableException", "The service is unavailable.", 503);
            } else if (poll >= 80 && poll < 86) {
                faults.dropNext(FILTER, 1);
            } else if (poll == 110) {
                faults.throttleNext(FILTER, 4); // a long outage, for the backlog below
            } else if (poll == 114) {
                faults.passNext(FILTER, 2); // the backlog's third page fails, twice
                faults.throttleNext(FILTER, 1);
            } else if (poll == 115) {
                faults.passNext(FILTER, 1);
                faults.dropNext(FILTER, 1);
            } else {
                outage = poll >= 110 && poll < 114;
            }
            assertEquals(!outage, tail.pollOnce(), "poll " + poll);
        }
        tick(10); // the last lines' ingestion
        assertTrue(tail.pollOnce());

        Map<String, List<Long>> written = written(streams, start);
        Map<String, List<Long>> got = sink.seqsByStream();
        for (LogStreamRef ref : streams) {
            List<Long> expected = written.get(ref.logStreamName());
            assertTrue(expected.size() > 60, "the stream wrote through the whole run: " + expected.size());
            assertEquals(expected, got.get(ref.logStreamName()), "every line of " + ref.logStreamName() + " once, in order");
        }
        ApiFaults.Counts counts = faults.counts();
        assertEquals(10 + 4 + 1, counts.throttled(), "each throttled call was one poll's read: the SDK did not retry it");
        assertEquals(8 + 6 + 1, counts.failed());
        assertTrue(sink.statuses.stream().anyMatch(s -> s.message().equals("Retrying in 4 s: Rate exceeded")), sink.statuses.toString());
        assertTrue(sink.statuses.stream().anyMatch(s -> s.state() == TailStatus.State.RETRYING
                && s.message().contains("The service is unavailable")), sink.statuses.toString());
        assertEquals(TailStatus.live(), sink.statuses.get(sink.statuses.size() - 1), "following again");
    }

    @Test
    void backOffDoublesWhileThrottledAndResetsOnTheFirstGoodPoll() {
        List<LogStreamRef> streams = service(1);
        Recorder sink = new Recorder();
        PollingLogTail tail = logs.pollingTail(new LogTailRequest(streams, clock.now().toEpochMilli()), sink, null);
        assertTrue(tail.pollOnce());
        assertEquals(AwsLogs.POLL_INTERVAL_MS, tail.nextDelayMs(), "a new line shows about a second after it is written");
        assertEquals(TailStatus.live(), sink.statuses.get(0));

        faults.throttleNext(FILTER, 3);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tick(1);
            assertFalse(tail.pollOnce());
            delays.add(tail.nextDelayMs());
        }
        assertEquals(List.of(1_000L, 2_000L, 4_000L), delays);
        assertEquals("Retrying in 4 s: Rate exceeded", sink.lastMessage());

        tick(4);
        assertTrue(tail.pollOnce());
        assertEquals(AwsLogs.POLL_INTERVAL_MS, tail.nextDelayMs());
        assertEquals("live", sink.lastMessage());
        faults.throttleNext(FILTER, 1);
        tick(1);
        assertFalse(tail.pollOnce());
        assertEquals("Retrying in 1 s: Rate exceeded", sink.lastMessage(), "the back-off starts over");
    }

    @Test
    void severalTasksInterleaveByTimestampWithAFixedTieBreak() {
        List<LogStreamRef> streams = service(4);
        Recorder sink = new Recorder();
        PollingLogTail tail = logs.pollingTail(new LogTailRequest(streams, clock.now().toEpochMilli()), sink, 3);
        for (int poll = 0; poll < 40; poll++) {
            tick(2);
            assertTrue(tail.pollOnce());
        }
        assertTrue(sink.batches.size() > 10);
        for (List<LogEvent> batch : sink.batches) {
            for (int i = 1; i < batch.size(); i++) {
                assertTrue(PollingLogTail.ORDER.compare(batch.get(i - 1), batch.get(i)) < 0,
                        "timestamp, then stream, then event id: " + batch.get(i - 1) + " before " + batch.get(i));
            }
        }
        assertEquals(4, sink.seqsByStream().size(), "lines of each task");
        assertTrue(sink.batches.stream().anyMatch(b -> b.stream().map(LogEvent::logStreamName).distinct().count() > 1),
                "batches mix the tasks' lines");
    }
}
