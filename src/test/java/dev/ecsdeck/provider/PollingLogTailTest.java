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
        /** Streams that exist; FilterLogEvents fails as a whole when it names one that does not. */
        final java.util.Set<String> streams = new java.util.HashSet<>();
        long now;
        int pageSize = 3;
        boolean down;
        /** The call (counted from 1) that fails, or 0. */
        int failCall;
        Runnable onCall = () -> { };
        int calls;

        void write(String stream, long timestamp, long ingestion, int seq) {
            streams.add(stream);
            events.add(new LogEvent(String.format("%019d%06d", timestamp, seq), "g", stream, timestamp, ingestion, "seq=" + seq));
        }

        @Override
        public LogPage apply(LogQuery q) {
            calls++;
            onCall.run();
            if (down || calls == failCall) {
                throw new UnavailableException(Operation.FILTER_LOG_EVENTS, "ConnectionReset", "connection reset", null);
            }
            if (!streams.containsAll(q.logStreamNames())) {
                throw new NotFoundException(Operation.FILTER_LOG_EVENTS, "ResourceNotFoundException", "The specified log stream does not exist.");
            }
            int size = q.limit() == null ? pageSize : Math.min(pageSize, q.limit());
            List<LogEvent> visible = events.stream()
                    .filter(e -> e.ingestionTime() <= now && e.timestamp() >= q.startTime())
                    .filter(e -> q.endTime() == null || e.timestamp() < q.endTime())
                    .filter(e -> q.logStreamNames().isEmpty() || q.logStreamNames().contains(e.logStreamName()))
                    .sorted(Comparator.comparingLong(LogEvent::timestamp).thenComparing(LogEvent::eventId)).toList();
            int from = q.nextToken() == null ? 0 : Integer.parseInt(q.nextToken());
            int to = Math.min(visible.size(), from + size);
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
        group.streams.add("b");
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
    void aTailWithAnEndReadsUpToItAndOnceAskedToFinishReadsWhatIsLeftThenEnds() {
        FakeGroup group = new FakeGroup();
        Collect sink = new Collect();
        List<LogStreamRef> refs = List.of(new LogStreamRef("g", "a", null, null));
        PollingLogTail tail = new PollingLogTail(group, new LogTailRequest(refs, 1000, 2000L), sink, 1000);
        for (int seq = 0; seq < 5; seq++) {
            group.write("a", 1000 + seq * 100, 1000 + seq * 100 + 50, seq);
        }
        group.write("a", 1900, 5000, 5); // its task's last line, ingested late
        group.write("a", 2500, 2550, 6); // after the end: another task's line in a shared stream
        group.now = 3000;
        assertTrue(tail.pollOnce());
        assertEquals(List.of(0, 1, 2, 3, 4), sink.seqs());
        assertEquals(TailStatus.State.LIVE, sink.statuses.get(sink.statuses.size() - 1).state());

        group.now = 6000;
        tail.finish();
        assertTrue(tail.pollOnce());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), sink.seqs(), "the late line read before ending; nothing after the end");
        assertEquals(new TailStatus(TailStatus.State.ENDED, "Read to the end"), sink.statuses.get(sink.statuses.size() - 1));
        int calls = group.calls;
        tail.pollOnce();
        tail.close();
        assertEquals(calls, group.calls, "ended: no more reads");
        assertEquals(TailStatus.State.ENDED, sink.statuses.get(sink.statuses.size() - 1).state(), "and no 'Stopped' after the end");
    }

    @Test
    void aTailAskedToFinishGoesOnUntilItsBacklogIsRead() {
        FakeGroup group = new FakeGroup();
        Collect sink = new Collect();
        PollingLogTail tail = new PollingLogTail(group, request(0, "a"), sink, 1000);
        for (int seq = 0; seq < 12; seq++) {
            group.write("a", 1000 + seq * 10, 1100 + seq * 10, seq);
        }
        group.now = 2000;
        group.failCall = 2;
        tail.finish();
        assertFalse(tail.pollOnce());
        assertEquals(TailStatus.State.RETRYING, sink.statuses.get(sink.statuses.size() - 1).state(), "a failed read does not end it");
        assertTrue(tail.pollOnce());
        assertEquals(12, sink.got.size());
        assertEquals(TailStatus.State.ENDED, sink.statuses.get(sink.statuses.size() - 1).state());
    }

    @Test
    void streamsAskedToFinishAreReadToTheEndThenNoLongerNamedAndTheTailEndsWithNoneLeft() {
        FakeGroup group = new FakeGroup();
        Collect sink = new Collect();
        List<List<String>> named = new ArrayList<>();
        PollingLogTail tail = new PollingLogTail(q -> {
            named.add(q.logStreamNames());
            return group.apply(q);
        }, request(0, "a", "b"), sink, 1000);
        group.write("a", 1000, 1100, 0);
        group.write("b", 1000, 1100, 1);
        group.now = 1500;
        assertTrue(tail.pollOnce());
        assertEquals(2, tail.streamsRead());

        group.write("a", 1400, 1900, 2); // a's last line, ingested after the finish is asked
        group.write("b", 1500, 1600, 3);
        tail.finish(List.of(new LogStreamRef("g", "a", null, null)));
        group.now = 2000;
        assertTrue(tail.pollOnce());
        assertEquals(List.of(0, 1, 2, 3), sink.seqs(), "a's last line read before it is dropped");
        assertEquals(1, tail.streamsRead());
        named.clear();
        group.write("b", 2500, 2600, 4);
        group.now = 3000;
        assertTrue(tail.pollOnce());
        assertEquals(List.of(List.of("b")), named, "only b is read now");
        assertEquals(List.of(0, 1, 2, 3, 4), sink.seqs());
        assertEquals(TailStatus.State.LIVE, sink.statuses.get(sink.statuses.size() - 1).state(), "b goes on");

        tail.finish(List.of(new LogStreamRef("g", "b", null, null)));
        assertTrue(tail.pollOnce());
        assertEquals(0, tail.streamsRead());
        assertEquals(TailStatus.State.ENDED, sink.statuses.get(sink.statuses.size() - 1).state(), "none left: it ends");
        int calls = group.calls;
        tail.pollOnce();
        assertEquals(calls, group.calls, "ended: no more reads");
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

    @Test
    void eventsOfOneInstantSpreadOverPagesArriveOnce() {
        FakeGroup group = new FakeGroup();
        Collect sink = new Collect();
        PollingLogTail tail = new PollingLogTail(group, request(0, "a", "b"), sink, 1000);
        int seq = 0;
        for (int i = 0; i < 10; i++) {
            group.write(i % 2 == 0 ? "a" : "b", 5000, 5100, seq++); // ten lines in one millisecond: four pages
        }
        group.now = 5200;
        tail.pollOnce();
        group.write("a", 5000, 5300, seq++); // and one more of that instant, ingested later
        group.now = 5400;
        tail.pollOnce();
        tail.pollOnce();
        assertEquals(List.of(0, 2, 4, 6, 8, 1, 3, 5, 7, 9, 10), sink.seqs(), "by timestamp, then stream, then id; once each");
    }

    @Test
    void aPageThatFailsIsReadAgainFromItselfAndThePagesBeforeItAreDeliveredOnce() {
        FakeGroup group = new FakeGroup();
        Collect sink = new Collect();
        PollingLogTail tail = new PollingLogTail(group, request(0, "a"), sink, 1000);
        for (int seq = 0; seq < 12; seq++) {
            group.write("a", 1000 + seq * 10, 1100 + seq * 10, seq);
        }
        group.now = 2000;
        group.failCall = 3; // the third page of four
        assertFalse(tail.pollOnce());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), sink.seqs(), "the pages read before the failure are not held back");
        int callsBefore = group.calls;
        assertTrue(tail.pollOnce());
        assertEquals(callsBefore + 2, group.calls, "the next poll starts at the failed page, not at the window's start");
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), sink.seqs());
    }

    @Test
    void aStreamThatAppearsLaterIsFollowedFromTheStartWhileTheOthersGoOn() {
        FakeGroup group = new FakeGroup();
        Collect sink = new Collect();
        PollingLogTail tail = new PollingLogTail(group, request(1000, "a", "b"), sink, 1000);
        group.write("a", 1000, 1100, 0);
        group.now = 1200;
        assertTrue(tail.pollOnce(), "a missing stream is no failure");
        assertEquals(List.of(0), sink.seqs());
        assertEquals("live; waiting for 1 stream to appear", sink.statuses.get(sink.statuses.size() - 1).message());
        group.write("b", 1500, 1600, 1); // b's first line, before a's next
        group.write("a", 2000, 2100, 2);
        for (int i = 0; i < PollingLogTail.PROBE_EVERY_POLLS; i++) {
            group.now += 1000;
            assertTrue(tail.pollOnce());
        }
        group.write("b", 8000, 8100, 3);
        group.write("a", 8000, 8100, 4);
        group.now = 9000;
        tail.pollOnce();
        assertEquals(List.of(0, 2, 1, 4, 3), sink.seqs(), "b's lines arrive once it exists, each once (a before b at 8000)");
        assertEquals(TailStatus.live(), sink.statuses.get(sink.statuses.size() - 1));
    }

    @Test
    void remembersOnlyTheIdsOfTheReReadWindow() {
        FakeGroup group = new FakeGroup();
        group.pageSize = 1000;
        Collect sink = new Collect();
        PollingLogTail tail = new PollingLogTail(group, request(0, "a"), sink, 1000);
        int seq = 0;
        for (long t = 0; t < 600_000; t += 100) {
            group.write("a", t, t + 300, seq++);
            group.now = t + 50;
            if (t % 1000 == 0) {
                tail.pollOnce();
            }
        }
        group.now = 601_000;
        tail.pollOnce();
        assertEquals(seq, sink.got.size());
        // The window is the consistency margin plus the largest lag: about 5.3 s of lines at 10 a second.
        assertTrue(tail.remembered() <= 60, "ids held: " + tail.remembered());
    }

    @Test
    void nothingReachesTheSinkAfterCloseReturnsEvenFromAPollInFlight() {
        FakeGroup group = new FakeGroup();
        Collect sink = new Collect();
        PollingLogTail tail = new PollingLogTail(group, request(0, "a"), sink, 1000);
        group.write("a", 10, 20, 0);
        group.now = 100;
        group.onCall = tail::close; // the tab closes while the read is on the wire
        assertTrue(tail.pollOnce());
        assertTrue(sink.got.isEmpty());
        assertEquals(List.of(new TailStatus(TailStatus.State.STOPPED, "Stopped")), sink.statuses);
    }

    @Test
    void backOffIsOneSecondDoublingToThirtySeconds() {
        assertEquals(List.of(1_000L, 2_000L, 4_000L, 8_000L, 10_000L, 10_000L, 10_000L),
                java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(PollingLogTail::backoffMs).toList());
    }
}
