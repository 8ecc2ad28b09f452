package dev.ecsdeck.ui.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lines that arrive late (a task joining a service's tail brings lines older than those shown) go in
 * at their time: in the buffer, in the filtered rows (with context and gaps as if they had come in
 * order), and the rows a paused view or a selection was on are found where they went.
 */
class LogReorderTest {
    private static final LogOrigin A = new LogOrigin(0, "a", "c");
    private static final LogOrigin B = new LogOrigin(1, "b", "c");

    private static LogLine line(long ts, String message) {
        return new LogLine(ts, A, message);
    }

    private static List<String> messages(LogBuffer b) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            out.add(b.get(i).message());
        }
        return out;
    }

    private static List<String> rows(ShownLines shown) {
        List<String> out = new ArrayList<>();
        shown.forEach(r -> out.add(r instanceof LogLine l ? l.message() : LogRow.Gap.TEXT));
        return out;
    }

    @Test
    void aLateLineGoesInAtItsTimeAfterLinesOfTheSameInstant() {
        LogBuffer b = new LogBuffer(10);
        b.merge(List.of(line(10, "10"), line(20, "20"), line(30, "30a"), line(40, "40")));
        LogBuffer.Merge m = b.merge(List.of(line(15, "15"), line(30, "30b"), line(50, "50")));
        assertEquals(List.of("10", "15", "20", "30a", "30b", "40", "50"), messages(b));
        assertEquals(1, m.from(), "from the second line on, lines moved");
        assertEquals(0, m.headRemoved());
        assertEquals(1, m.changedIndex());
        assertEquals(0, m.movedIndex(0), "10 stays");
        assertEquals(2, m.movedIndex(1), "20 moved one down, under 15");
        assertEquals(3, m.movedIndex(2), "30a");
        assertEquals(5, m.movedIndex(3), "40 under 15 and 30b");
        assertEquals(7, b.received());
    }

    @Test
    void linesInOrderAreAppendedAsBefore() {
        LogBuffer b = new LogBuffer(10);
        b.merge(List.of(line(1, "1"), line(2, "2")));
        LogBuffer.Merge m = b.merge(List.of(line(2, "2b"), line(3, "3")));
        assertEquals(List.of("1", "2", "2b", "3"), messages(b));
        assertEquals(2, m.from());
        assertEquals(2, m.changedIndex(), "nothing held moved");
        assertEquals(1, m.movedIndex(1));
    }

    @Test
    void aFullBufferDropsTheOldestByTimeAndCountsIt() {
        LogBuffer b = new LogBuffer(3);
        b.merge(List.of(line(10, "10"), line(20, "20"), line(30, "30")));
        LogBuffer.Merge m = b.merge(List.of(line(25, "25")));
        assertEquals(List.of("20", "25", "30"), messages(b));
        assertEquals(1, b.dropped());
        assertEquals(4, b.received());
        assertEquals(1, m.headRemoved());
        assertEquals(-1, m.movedIndex(0), "10 left");
        assertEquals(0, m.movedIndex(1));
        assertEquals(2, m.movedIndex(2), "30 under 25");

        b.merge(List.of(line(5, "5")));
        assertEquals(List.of("20", "25", "30"), messages(b), "older than every line of a full buffer: dropped at once");
        assertEquals(2, b.dropped());
    }

    @Test
    void randomLateBatchesEndSortedWithNothingLostOrTwice() {
        Random random = new Random(13);
        LogBuffer b = new LogBuffer(500);
        List<Long> all = new ArrayList<>();
        long now = 1_000;
        for (int round = 0; round < 200; round++) {
            List<LogLine> batch = new ArrayList<>();
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                long ts = now - random.nextInt(300); // up to 300 ms late
                batch.add(line(ts, "x"));
                all.add(ts);
            }
            batch.sort(java.util.Comparator.comparingLong(LogLine::timestamp));
            b.merge(batch);
            now += 50;
        }
        all.sort(null);
        List<Long> held = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            held.add(b.get(i).timestamp());
        }
        assertEquals(all.subList(all.size() - b.size(), all.size()), held, "the newest lines, in time order");
        assertEquals(all.size(), b.received());
        assertEquals(all.size() - b.size(), b.dropped());
    }

    @Test
    void theFilteredViewAfterLateLinesIsTheViewOfTheLinesInOrder() {
        LogBuffer b = new LogBuffer(100);
        ShownLines shown = new ShownLines(b);
        shown.refilter(LogFilter.of("hit", false, 1));
        drain(b, shown, line(10, "10"), line(20, "20 hit"), line(30, "30"), line(40, "40"), line(50, "50"), line(60, "60 hit"),
                line(70, "70"));
        assertEquals(List.of("10", "20 hit", "30", "--", "50", "60 hit", "70"), rows(shown));
        int sixty = 5;

        drain(b, shown, line(35, "35 hit"), line(80, "80"));
        assertEquals(List.of("10", "20 hit", "30", "35 hit", "40", "50", "60 hit", "70"), rows(shown),
                "the late match joins the groups around it: no gap left");
        assertEquals(6, shown.lastMove().applyAsInt(sixty), "'60 hit' is found where it went");
        assertEquals(1, shown.lastMove().applyAsInt(1), "rows before the late line stay");

        LogBuffer fresh = new LogBuffer(100);
        for (int i = 0; i < b.size(); i++) {
            fresh.add(b.get(i));
        }
        ShownLines again = new ShownLines(fresh);
        again.refilter(LogFilter.of("hit", false, 1));
        assertEquals(rows(again), rows(shown), "as if every line had come in order");
    }

    @Test
    void unfilteredRowsMoveWithTheirLines() {
        LogTailViewModel vm = new LogTailViewModel("web", List.of(new LogStreamRef("g", "a", "a", "c"), new LogStreamRef("g", "b", "b", "c")),
                100);
        vm.accept(List.of(event("a", 10), event("a", 20), event("a", 30)));
        vm.drain();
        vm.accept(List.of(event("b", 15), event("b", 25)));
        vm.drain();
        assertEquals(List.of(10L, 15L, 20L, 25L, 30L), vm.lines().stream().map(LogLine::timestamp).toList());
        assertEquals(2, vm.lastMove().applyAsInt(1), "the line at 20 is one row down, under 15");
        assertEquals(4, vm.lastMove().applyAsInt(2), "30 under 15 and 25");
        assertEquals(B.source(), vm.lines().get(1).source(), "the late task's own colour");
    }

    private static LogEvent event(String stream, long ts) {
        return new LogEvent(stream + ts, "g", stream, ts, ts, stream + " " + ts);
    }

    private static void drain(LogBuffer b, ShownLines shown, LogLine... lines) {
        List<LogLine> sorted = new ArrayList<>(List.of(lines));
        sorted.sort(java.util.Comparator.comparingLong(LogLine::timestamp));
        shown.update(b.merge(sorted));
    }
}
