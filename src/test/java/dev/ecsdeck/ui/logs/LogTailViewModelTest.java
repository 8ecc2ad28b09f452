package dev.ecsdeck.ui.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.TailStatus;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailViewModelTest {
    private static final List<LogStreamRef> TWO_TASKS = List.of(new LogStreamRef("g", "ecs/web/t1", "t1", "web"),
            new LogStreamRef("g", "ecs/web/t2", "t2", "web"));

    private static LogEvent event(String stream, int n) {
        return new LogEvent(String.format("%010d", n), "g", stream, n, n, "msg " + n);
    }

    private static LogEvent event(int n, String message) {
        return new LogEvent(String.valueOf(n), "g", "ecs/web/t1", n, n, message);
    }

    private static List<String> changesOf(javafx.collections.ObservableList<?> list) {
        List<String> changes = new ArrayList<>();
        list.addListener((ListChangeListener<Object>) c -> {
            StringBuilder s = new StringBuilder();
            while (c.next()) {
                s.append(c.wasRemoved() ? "-" + c.getRemovedSize() : "").append(c.wasAdded() ? "+" + c.getAddedSize() : "");
            }
            changes.add(s.toString());
        });
        return changes;
    }

    private static List<String> shownMessages(LogTailViewModel vm) {
        List<String> out = new ArrayList<>();
        vm.shownRows().forEach(r -> out.add(r instanceof LogLine l ? l.message() : "--"));
        return out;
    }

    @Test
    void drainMovesQueuedEventsIntoTheBufferInOneChange() {
        LogTailViewModel vm = new LogTailViewModel("web", TWO_TASKS, 5);
        List<String> changes = changesOf(vm.lines());
        List<String> shownChanges = changesOf(vm.shownRows());
        vm.accept(List.of(event("ecs/web/t1", 1), event("ecs/web/t2", 2), event("ecs/web/t1", 3)));
        assertEquals(0, vm.lines().size(), "nothing shows before the drain");
        assertEquals(3, vm.drain());
        assertEquals(3, vm.lines().size());
        assertEquals("t2", vm.lines().get(1).taskId());
        assertEquals("web", vm.lines().get(1).container());
        assertEquals(1, vm.lines().get(1).source(), "each task gets its own source index (colour)");
        assertEquals(List.of("+3"), changes);

        vm.accept(List.of(event("ecs/web/t1", 4), event("ecs/web/t1", 5), event("ecs/web/t1", 6), event("ecs/web/t1", 7)));
        vm.drain();
        assertEquals(5, vm.lines().size());
        assertEquals("msg 3", vm.lines().get(0).message());
        assertEquals(7, vm.receivedProperty().get());
        assertEquals(2, vm.droppedProperty().get());
        assertEquals(5, vm.shownProperty().get());
        assertEquals(List.of("+3", "-2+4"), changes);
        assertEquals(List.of("+3", "-2+4"), shownChanges);
    }

    @Test
    void aDrainTakesAtMostItsCapAndTheRestWaitsForTheNextTick() {
        LogTailViewModel vm = new LogTailViewModel("web", TWO_TASKS, 100, 4);
        List<String> changes = changesOf(vm.shownRows());
        vm.accept(IntStream.range(0, 3).mapToObj(i -> event("ecs/web/t1", i)).toList());
        vm.accept(IntStream.range(3, 10).mapToObj(i -> event("ecs/web/t1", i)).toList());
        assertEquals(4, vm.drain());
        assertEquals(6, vm.queuedProperty().get());
        assertEquals(4, vm.drain());
        assertEquals(2, vm.drain());
        assertEquals(0, vm.drain());
        assertEquals(0, vm.queuedProperty().get());
        assertEquals(List.of("+4", "+4", "+2"), changes, "one change per drain, none for an empty one");
        assertEquals(IntStream.range(0, 10).mapToObj(i -> "msg " + i).toList(), shownMessages(vm), "nothing lost or reordered");
    }

    @Test
    void theQueueKeepsItsOwnCopyOfABatch() {
        LogTailViewModel vm = new LogTailViewModel("web", TWO_TASKS, 10);
        List<LogEvent> reused = new ArrayList<>(List.of(event("ecs/web/t1", 1)));
        vm.accept(reused);
        reused.clear();
        assertEquals(1, vm.drain());
    }

    @Test
    void pausingKeepsReceivingIntoTheBuffer() {
        LogTailViewModel vm = new LogTailViewModel("web", TWO_TASKS, 10);
        vm.followProperty().set(false);
        vm.accept(List.of(event("ecs/web/t1", 1), event("ecs/web/t1", 2)));
        assertEquals(2, vm.drain());
        assertEquals(2, vm.shownRows().size());
        assertEquals(2, vm.receivedProperty().get());
    }

    @Test
    void theFilterStaysLiveAndABadRegexKeepsThePreviousView() {
        LogTailViewModel vm = new LogTailViewModel("web", TWO_TASKS, 100);
        vm.accept(List.of(event(0, "ok"), event(1, "ERROR one"), event(2, "timeout two"), event(3, "ok")));
        vm.drain();
        vm.regexProperty().set(true);
        vm.filterTextProperty().set("timeout|ERROR");
        assertEquals(List.of("ERROR one", "timeout two"), shownMessages(vm));
        assertEquals(2, vm.shownProperty().get());

        vm.accept(List.of(event(4, "ok"), event(5, "ERROR three")));
        vm.drain();
        assertEquals(List.of("ERROR one", "timeout two", "ERROR three"), shownMessages(vm), "new matching lines join the view");
        assertEquals(6, vm.receivedProperty().get());

        vm.filterTextProperty().set("timeout|(ERROR");
        assertTrue(vm.filterErrorProperty().get().startsWith("Filter: invalid regex: Unclosed group"), vm.filterErrorProperty().get());
        assertEquals(List.of("ERROR one", "timeout two", "ERROR three"), shownMessages(vm), "the previous view stays");

        vm.filterTextProperty().set("timeout");
        assertEquals("", vm.filterErrorProperty().get());
        assertEquals(List.of("timeout two"), shownMessages(vm));

        vm.contextLinesProperty().set(1);
        assertEquals(List.of("ERROR one", "timeout two", "ok"), shownMessages(vm));

        vm.filterTextProperty().set("");
        assertNull(vm.filter());
        assertEquals(6, vm.shownProperty().get());
    }

    @Test
    void addedSourcesTakeTheNextColours() {
        LogTailViewModel vm = new LogTailViewModel("web", TWO_TASKS, 10);
        vm.addSources(List.of(new LogStreamRef("g", "ecs/web/t3", "t3", "web"), new LogStreamRef("g", "ecs/sidecar/t3", "t3", "sidecar"),
                new LogStreamRef("g", "ecs/web/t1", "t1", "web")));
        assertEquals(3, vm.sourceCount());
        vm.accept(List.of(event("ecs/sidecar/t3", 1), event("unknown-stream", 2)));
        vm.drain();
        assertEquals(2, vm.lines().get(0).source());
        assertEquals("sidecar", vm.lines().get(0).container());
        assertEquals("unknown-stream", vm.lines().get(1).taskId(), "an unannounced stream still shows, under its name");
        assertEquals(3, vm.lines().get(1).source());
    }

    @Test
    void closesEverySubscriptionIncludingOnesAttachedAfterClose() {
        LogTailViewModel vm = new LogTailViewModel("web", TWO_TASKS, 10);
        AtomicInteger closed = new AtomicInteger();
        vm.attach(closed::incrementAndGet);
        vm.attach(closed::incrementAndGet);
        vm.close();
        assertEquals(2, closed.get());
        vm.attach(closed::incrementAndGet);
        assertEquals(3, closed.get(), "a tail that starts after its tab closed is stopped at once");
    }

    @Test
    void copyAndSaveUseTheShownFormat(@TempDir Path dir) throws IOException {
        LogTailViewModel vm = new LogTailViewModel("one container", List.of(new LogStreamRef("g", "ecs/web/t1", "t1", "web")), 100);
        vm.accept(List.of(event(0, "first"), event(1, "{\"level\":\"ERROR\"}"), event(2, "third")));
        vm.drain();
        vm.timestampsProperty().set(false);
        assertEquals("first\nthird\n", vm.textOf(List.of(2, 0, 7)), "selected rows in order; out-of-range ignored");

        Path all = dir.resolve("all.log");
        vm.save(all, false, new CurrentThreadTaskExecutor());
        assertEquals(List.of("first", "{\"level\":\"ERROR\"}", "third"), Files.readAllLines(all, StandardCharsets.UTF_8),
                "one stream, no timestamps: exactly the lines written");
        assertEquals("Saved 3 lines to " + all, vm.noticeProperty().get());

        vm.filterTextProperty().set("third");
        vm.timestampsProperty().set(true);
        Path shown = dir.resolve("shown.log");
        vm.save(shown, true, new CurrentThreadTaskExecutor());
        List<String> written = Files.readAllLines(shown, StandardCharsets.UTF_8);
        assertEquals(1, written.size());
        assertTrue(written.get(0).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}  third"), written.get(0));
    }

    @Test
    void aFailedSaveSaysWhereAndWhy(@TempDir Path dir) {
        LogTailViewModel vm = new LogTailViewModel("web", TWO_TASKS, 10);
        vm.accept(List.of(event(0, "x")));
        vm.drain();
        Path target = dir.resolve("missing-dir").resolve("out.log");
        vm.save(target, false, new CurrentThreadTaskExecutor());
        assertTrue(vm.noticeProperty().get().startsWith("Could not save to " + target + ": NoSuchFileException"), vm.noticeProperty().get());
        assertFalse(Files.exists(target));
    }

    @Test
    void twoStreamsShowTheirTaskAndContainer() {
        LogTailViewModel vm = new LogTailViewModel("web", TWO_TASKS, 10);
        vm.timestampsProperty().set(false);
        vm.accept(List.of(event("ecs/web/t2", 1)));
        vm.drain();
        assertEquals("t2/web  msg 1\n", vm.textOf(List.of(0)));
    }

    @Test
    void statusFromTheTailShowsAtTheNextDrain() {
        LogTailViewModel vm = new LogTailViewModel("web", List.of(), 10);
        vm.status(new TailStatus(TailStatus.State.RETRYING, "FilterLogEvents failed: ThrottlingException: Rate exceeded"));
        vm.drain();
        assertEquals("FilterLogEvents failed: ThrottlingException: Rate exceeded", vm.statusProperty().get());
    }
}
