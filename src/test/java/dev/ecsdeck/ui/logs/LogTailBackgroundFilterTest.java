package dev.ecsdeck.ui.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.ui.common.HeldTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** A new filter is matched in the background (a held executor: the test runs each pass) and swapped in when ready. */
class LogTailBackgroundFilterTest {
    private static final List<LogStreamRef> ONE_TASK = List.of(new LogStreamRef("g", "ecs/web/t1", "t1", "web"));

    private final HeldTaskExecutor executor = new HeldTaskExecutor();

    /** Every line arrived after a background pass's snapshot goes to another pass (none is matched in the swap). */
    private LogTailViewModel tail(int capacity) {
        return new LogTailViewModel("web", ONE_TASK, capacity, LogTailViewModel.DEFAULT_MAX_LINES_PER_DRAIN, executor, 0);
    }

    /** Line {@code n} at time {@code n}: "error n" for every third, else "ok n". */
    private static LogEvent event(int n) {
        return event(n, n);
    }

    private static LogEvent event(int n, long time) {
        return new LogEvent(String.valueOf(n), "g", "ecs/web/t1", time, time, (n % 3 == 0 ? "error " : "ok ") + n);
    }

    private static void feed(LogTailViewModel vm, int from, int to) {
        vm.accept(IntStream.range(from, to).mapToObj(LogTailBackgroundFilterTest::event).toList());
        vm.drain();
    }

    private static List<String> shown(LogTailViewModel vm) {
        List<String> out = new ArrayList<>();
        vm.shownRows().forEach(r -> out.add(r instanceof LogLine l ? l.message() : "--"));
        return out;
    }

    private static List<String> errors(int from, int to) {
        return IntStream.range(from, to).filter(n -> n % 3 == 0).mapToObj(n -> "error " + n).toList();
    }

    @Test
    void theOldViewStaysWhileFilteringAndTheMatchesShowInOneChangeWhenReady() {
        LogTailViewModel vm = tail(100);
        feed(vm, 0, 30);
        List<Integer> changes = new ArrayList<>();
        vm.shownRows().addListener((ListChangeListener<LogRow>) c -> changes.add(vm.shownRows().size()));

        vm.filterTextProperty().set("error");
        assertTrue(vm.filteringProperty().get(), "filtering shows while the pass runs");
        assertEquals(30, vm.shownRows().size(), "the old view stays");
        assertNull(vm.filter());
        assertEquals(1, executor.waiting());

        executor.runNext();
        assertFalse(vm.filteringProperty().get());
        assertEquals("error", vm.filter().text());
        assertEquals(errors(0, 30), shown(vm));
        assertEquals(10, vm.shownProperty().get());
        assertEquals(List.of(10), changes, "one change, to the new rows");
    }

    @Test
    void linesArrivingWhileFilteringAreMatchedAndShownExactlyOnce() {
        LogTailViewModel vm = tail(1_000);
        feed(vm, 0, 30);
        vm.filterTextProperty().set("error");
        feed(vm, 30, 45); // after the first pass's snapshot, shown by the old view meanwhile
        assertEquals(45, vm.shownRows().size());
        executor.runNext();
        assertTrue(vm.filteringProperty().get(), "the lines that came meanwhile are matched in a second pass");
        feed(vm, 45, 50);
        executor.runNext();
        executor.runNext();
        assertFalse(vm.filteringProperty().get());
        assertEquals(0, executor.waiting());
        assertEquals(errors(0, 50), shown(vm));

        feed(vm, 50, 53); // the live filter takes new lines as before
        assertEquals(errors(0, 53), shown(vm));
    }

    @Test
    void aLateLineMergedInAmongOlderOnesWhileFilteringIsMatchedAtItsPlace() {
        LogTailViewModel vm = tail(1_000);
        feed(vm, 0, 30);
        vm.filterTextProperty().set("error");
        vm.accept(List.of(event(99, 10))); // "error 99" at time 10: goes in among lines the pass already has
        vm.drain();
        executor.runNext();
        executor.runNext();
        assertFalse(vm.filteringProperty().get());
        List<String> expected = new ArrayList<>(errors(0, 30));
        expected.add(expected.indexOf("error 12"), "error 99");
        assertEquals(expected, shown(vm));
    }

    @Test
    void linesThatLeaveTheBufferWhileFilteringAreNotShown() {
        LogTailViewModel vm = tail(20);
        feed(vm, 0, 20);
        vm.filterTextProperty().set("error");
        feed(vm, 20, 30); // lines 0..9 leave the head
        executor.runNext();
        executor.runNext();
        assertEquals(errors(10, 30), shown(vm));
    }

    @Test
    void aNewerFilterSupersedesTheOneUnderWay() {
        LogTailViewModel vm = tail(100);
        feed(vm, 0, 30);
        List<String> filtersShown = new ArrayList<>();
        vm.shownRows().addListener((ListChangeListener<LogRow>) c -> filtersShown.add(vm.filter() == null ? "" : vm.filter().text()));
        vm.filterTextProperty().set("error");
        vm.filterTextProperty().set("ok 2");
        assertEquals(2, executor.waiting());

        executor.runNext(); // the first filter's pass: stops, nothing swapped in
        assertTrue(vm.filteringProperty().get());
        assertEquals(30, vm.shownRows().size());
        executor.runNext();
        assertFalse(vm.filteringProperty().get());
        assertEquals(List.of("ok 2", "ok 20", "ok 22", "ok 23", "ok 25", "ok 26", "ok 28", "ok 29"), shown(vm));
        assertEquals(List.of("ok 2"), filtersShown, "only the newest filter was swapped in");
    }

    @Test
    void clearingTheFilterUnderWayShowsEveryLineAtOnce() {
        LogTailViewModel vm = tail(100);
        feed(vm, 0, 30);
        vm.filterTextProperty().set("error");
        vm.filterTextProperty().set("");
        assertFalse(vm.filteringProperty().get());
        executor.runNext();
        assertNull(vm.filter());
        assertEquals(30, vm.shownRows().size());
    }

    @Test
    void anInvalidRegexKeepsItsTextSaysWhyAndStopsTheFilterUnderWay() {
        LogTailViewModel vm = tail(100);
        feed(vm, 0, 30);
        vm.filterTextProperty().set("ok 1");
        executor.runNext();
        assertEquals(8, vm.shownRows().size());
        vm.filterTextProperty().set("error (");
        vm.regexProperty().set(true);
        assertTrue(vm.filterErrorProperty().get().startsWith("Filter: invalid regex"), vm.filterErrorProperty().get());
        assertEquals("error (", vm.filterTextProperty().get(), "the text stays to be mended");
        assertFalse(vm.filteringProperty().get());
        while (executor.waiting() > 0) {
            executor.runNext();
        }
        assertEquals("ok 1", vm.filter().text(), "the view shown stays");
        assertEquals(8, vm.shownRows().size());

        vm.filterTextProperty().set("error (1|2)");
        assertEquals("", vm.filterErrorProperty().get());
        executor.runNext();
        assertEquals(List.of("error 12", "error 15", "error 18", "error 21", "error 24", "error 27"), shown(vm));
    }

    @Test
    void copiedRowsAreFormattedInTheBackgroundAndThenHandedToTheClipboard() {
        LogTailViewModel vm = tail(100);
        feed(vm, 0, 30);
        List<String> clipboard = new ArrayList<>();
        vm.copy(List.of(new int[] {0, 2}, new int[] {28, 40}), executor, clipboard::add);
        assertEquals("Copying 4 lines…", vm.noticeProperty().get());
        assertEquals(List.of(), clipboard, "not before the text is made");
        executor.runNext();
        String time = vm.format().prefix(vm.lines().get(0)).substring(0, 2);
        assertEquals(1, clipboard.size());
        List<String> copied = List.of(clipboard.get(0).split("\n"));
        assertEquals(4, copied.size());
        assertTrue(copied.get(0).endsWith("  error 0") && copied.get(3).endsWith("  ok 29") && copied.get(0).startsWith(time), copied.toString());
        assertEquals("Copied 4 lines", vm.noticeProperty().get());

        vm.copy(List.of(), executor, clipboard::add);
        assertEquals("Select lines to copy", vm.noticeProperty().get());
        assertEquals(0, executor.waiting());
    }
}
