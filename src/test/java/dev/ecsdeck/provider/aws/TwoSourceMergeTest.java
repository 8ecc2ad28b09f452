package dev.ecsdeck.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.model.LogEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwoSourceMergeTest {
    private static LogEvent line(String id, long ts, String message) {
        return new LogEvent(id, "g", "s", ts, ts, message);
    }

    @Test
    void aLineBothSourcesSeeArrivesOnce() {
        TwoSourceMerge merge = new TwoSourceMerge();
        assertEquals(2, merge.admit(TwoSourceMerge.LIVE, List.of(line("live-1", 10, "a"), line("live-2", 11, "b"))).size());
        List<LogEvent> reads = merge.admit(TwoSourceMerge.READS, List.of(line("1", 10, "a"), line("2", 11, "b"), line("3", 12, "c")));
        assertEquals(List.of("3"), reads.stream().map(LogEvent::eventId).toList());
    }

    @Test
    void genuinelyRepeatedLinesAllArrive() {
        TwoSourceMerge merge = new TwoSourceMerge();
        assertEquals(2, merge.admit(TwoSourceMerge.READS, List.of(line("1", 10, "ping"), line("2", 10, "ping"))).size());
        assertEquals(0, merge.admit(TwoSourceMerge.LIVE, List.of(line("live", 10, "ping"))).size(), "the first repeat was read");
        assertEquals(0, merge.admit(TwoSourceMerge.LIVE, List.of(line("live", 10, "ping"))).size(), "so was the second");
        assertEquals(1, merge.admit(TwoSourceMerge.LIVE, List.of(line("live", 10, "ping"))).size(), "a third is new");
    }

    /** The fallback re-reads a margin the backfill already delivered (with no live line in it): none of it twice. */
    @Test
    void pollingAfterTheSessionDoesNotRepeatWhatTheBackfillDelivered() {
        TwoSourceMerge merge = new TwoSourceMerge();
        assertEquals(2, merge.admit(TwoSourceMerge.READS, List.of(line("1", 10, "a"), line("2", 11, "b"))).size());
        assertEquals(1, merge.admit(TwoSourceMerge.LIVE, List.of(line("live", 12, "c"))).size());
        List<LogEvent> polled = merge.admit(TwoSourceMerge.POLLING, List.of(line("1", 10, "a"), line("2", 11, "b"), line("3", 12, "c"),
                line("4", 13, "d")));
        assertEquals(List.of("4"), polled.stream().map(LogEvent::eventId).toList());
    }
}
