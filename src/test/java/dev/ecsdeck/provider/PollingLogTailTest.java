package dev.ecsdeck.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PollingLogTailTest {

    /** An in-memory log group whose events become visible at their ingestion time; pages of {@code pageSize}. */
    private static final class FakeGroup implements Function<LogQuery, LogPage> {
        final List<LogEvent> events = new ArrayList<>();
        long now;
        int pageSize = 3;
        boolean down;
        int calls;

        void write(String stream, long timestamp, long ingestion, int seq) {
            events.add(new LogEvent(String.format("%019d%06d", timestamp, seq), "g", stream, timestamp, ingestion, "seq=" + seq));
        }

        @Override
        public LogPage apply(LogQuery q) {
            calls++;
            if (down) {
                throw new UnavailableException(Operation.FILTER_LOG_EVENTS, "ConnectionReset", "connection reset", null);
            }
            List<LogEvent> visible = events.stream()
                    .filter(e -> e.ingestionTime() <= now && e.timestamp() >= q.startTime())
                    .filter(e -> q.logStreamNames().isEmpty() || q.logStreamNames().contains(e.logStreamName()))
                    .sorted(Comparator.comparingLong(LogEvent::timestamp).thenComparing(LogEvent::eventId)).toList();
            int from = q.nextToken() == null ? 0 : Integer.parseInt(q.nextToken());
            int to = Math.min(visible.size(), from + pageSize);
            return new LogPage(visible.subList(from, to), to < visible.size() ? String.valueOf(to) : null);
        }
    }

    private static final class Collect implements LogSink {
        final List<LogEvent> got = new ArrayList<>();
        final List<TailStatus> statuses = new ArrayList<>();

        @Override
        public void accept(List<LogEvent> batch) {
            got.addAll(batch);
        }

        @Override
        public void status(TailStatus status) {
            statuses.add(status);
        }

        List<Integer> seqs() {
            return got.stream().map(e -> Integer.parseInt(e.message().substring(4))).toList();
        }
    }

    private static LogTailRequest request(long start, String... streams) {
        List<LogStreamRef> refs = new ArrayList<>();
        for (String s : streams) {
            refs.add(new LogStreamRef("g", s, null, null));
        }
        return new LogTailRequest(refs, start);
    }

    @Test
    void deliversEachEventOnceAcrossOverlappingPolls() {
        FakeGroup group = new FakeGroup();
        Collect sink = new Collect();
        PollingLogTail tail = new PollingLogTail(group, request(1000, "a"), sink, 1000);
        int seq = 0;
        for (long t = 1000; t < 20_000; t += 250) {
            group.write("a", t, t + 100, seq++);
            group.now = t + 200;
            if (t % 1000 == 0) {
                assertTrue(tail.pollOnce());
            }
        }
        group.now = 30_000;
        tail.pollOnce();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < seq; i++) {
            expected.add(i);
        }
        assertEquals(expected, sink.seqs());
    }

    @Test
    void catchesEventsThatArriveLate() {
        FakeGroup group = new FakeGroup();
        Collect sink = new Collect();
        PollingLogTail tail = new PollingLogTail(group, request(0, "a", "b"), sink, 1000);
        group.write("a", 1000, 1100, 0);
        group.now = 1200;
        tail.pollOnce();
        // Stream b's event has an earlier timestamp but is ingested three seconds later.
        group.write("b", 900, 4000, 1);
        group.write("a", 4200, 4300, 2);
        group.now = 4500;
        tail.pollOnce();
        assertEquals(List.of(0, 1, 2), sink.seqs());
    }

    @Test
    void resumesAfterAnOutageWithNoGapAndNoDuplicate() {
        FakeGroup group = new FakeGroup();
        Collect sink = new Collect();
        PollingLogTail tail = new PollingLogTail(group, request(0, "a"), sink, 1000);
        int seq = 0;
        for (long t = 0; t < 60_000; t += 100) {
            group.write("a", t, t + 50, seq++);
            group.now = t + 60;
            group.down = t >= 20_000 && t < 50_000;
            if (t % 1000 == 0) {
                boolean ok = tail.pollOnce();
                assertEquals(!group.down, ok);
            }
        }
        group.down = false;
        group.now = 70_000;
        tail.pollOnce();
        List<Integer> got = sink.seqs();
        assertEquals(seq, got.size(), "no line missing, none twice");
        for (int i = 0; i < got.size(); i++) {
            assertEquals(i, got.get(i));
        }
        assertTrue(sink.statuses.stream().anyMatch(s -> s.state() == TailStatus.State.RETRYING));
        assertEquals(TailStatus.State.LIVE, sink.statuses.get(sink.statuses.size() - 1).state());
    }

    @Test
    void stopsDeliveringWhenClosed() {
        FakeGroup group = new FakeGroup();
        Collect sink = new Collect();
        PollingLogTail tail = new PollingLogTail(group, request(0, "a"), sink, 1000);
        group.write("a", 10, 20, 0);
        group.now = 100;
        tail.close();
        tail.pollOnce();
        assertTrue(sink.got.isEmpty());
        assertEquals(0, group.calls);
        assertFalse(sink.statuses.isEmpty());
        assertEquals(TailStatus.State.STOPPED, sink.statuses.get(0).state());
    }
}
