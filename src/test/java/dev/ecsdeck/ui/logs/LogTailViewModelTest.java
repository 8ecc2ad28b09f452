package dev.ecsdeck.ui.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.TailStatus;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class LogTailViewModelTest {

    private static LogEvent event(String stream, int n) {
        return new LogEvent(String.format("%010d", n), "g", stream, n, n, "msg " + n);
    }

    @Test
    void drainMovesQueuedEventsIntoTheBufferInOneChange() {
        LogTailViewModel vm = new LogTailViewModel("web", List.of(new LogStreamRef("g", "ecs/web/t1", "t1", "web"),
                new LogStreamRef("g", "ecs/web/t2", "t2", "web")), 5);
        List<String> changes = new ArrayList<>();
        vm.lines().addListener((ListChangeListener<LogLine>) c -> {
            while (c.next()) {
                changes.add((c.wasRemoved() ? "-" + c.getRemovedSize() : "") + (c.wasAdded() ? "+" + c.getAddedSize() : ""));
            }
        });
        vm.accept(List.of(event("ecs/web/t1", 1), event("ecs/web/t2", 2), event("ecs/web/t1", 3)));
        assertEquals(0, vm.lines().size(), "nothing shows before the drain");
        assertEquals(3, vm.drain());
        assertEquals(3, vm.lines().size());
        assertEquals("t2", vm.lines().get(1).taskId());
        assertEquals(1, vm.lines().get(1).source(), "each task gets its own source index (colour)");
        assertEquals(List.of("+3"), changes);

        vm.accept(List.of(event("ecs/web/t1", 4), event("ecs/web/t1", 5), event("ecs/web/t1", 6), event("ecs/web/t1", 7)));
        vm.drain();
        assertEquals(5, vm.lines().size());
        assertEquals("msg 3", vm.lines().get(0).message());
        assertEquals(7, vm.receivedProperty().get());
        assertEquals(2, vm.droppedProperty().get());
        assertEquals(List.of("+3", "-2", "+4"), changes);
    }

    @Test
    void statusFromTheTailShowsAtTheNextDrain() {
        LogTailViewModel vm = new LogTailViewModel("web", List.of(), 10);
        vm.status(new TailStatus(TailStatus.State.RETRYING, "FilterLogEvents failed: ThrottlingException: Rate exceeded"));
        vm.drain();
        assertEquals("FilterLogEvents failed: ThrottlingException: Rate exceeded", vm.statusProperty().get());
    }
}
