package dev.ecsdeck.ui.logs;

import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.LogStreamResolver;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 13: a service's tail while tasks join it. The new tasks' lines arrive after newer lines of
 * the others (they are looked for every 15 s and read from the tail's start); the rows stay in
 * timestamp order, none lost or twice; paused, the status says so and the rows on screen stay.
 */
@ExtendWith(ApplicationExtension.class)
class ServiceTailOrderUiTest {
    private static final String CLUSTER = "prod-web";
    private static final String SERVICE = "web";
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    @Test
    void tasksJoiningMidTailTakeTheirPlaceInTimeAndPausedSaysPaused(FxRobot robot) {
        long start = bench.clock.now().toEpochMilli() - LogTabsViewModel.DEFAULT_LOOKBACK_MS;
        bench.openServicePanel(robot, CLUSTER, SERVICE);
        robot.clickOn("#tailServiceButton");
        waitUntil("a log tab", () -> !bench.window.logs().tails().isEmpty());
        LogTailViewModel tail = bench.window.logs().tails().get(0);
        waitUntil("the backlog", () -> tail.receivedProperty().get() > 50);
        Set<String> before = taskIds();

        // Two more tasks; the clock moves a second at a time while they start, and on past the next look for them.
        bench.backend.updateService(ServiceUpdate.desiredCount(CLUSTER, SERVICE, 6));
        for (int s = 0; s < 90 && tail.sourceCount() < 6; s++) {
            bench.clock.advance(Duration.ofSeconds(1));
            long now = bench.clock.now().toEpochMilli();
            waitUntil("the tail caught up with the clock", () -> tail.queuedProperty().get() == 0
                    && tail.lines().get(tail.lines().size() - 1).timestamp() > now - 3_000);
        }
        waitUntil("the new tasks joined the tail", () -> tail.sourceCount() == 6);
        assertEquals(6, taskIds().size());

        // Paused: the status says so, counts what arrives, and the rows on screen stay.
        robot.clickOn("#logFollowToggle");
        assertThat(tail.statusProperty().get(), startsWith("Paused: "));
        assertThat(tail.statusProperty().get(), not(containsString("Following")));
        LogCanvas canvas = robot.lookup("#logLines").query();
        waitUntil("painted", () -> !canvas.painted().isEmpty());
        Object top = onFx(() -> tail.shownRows().get(canvas.painted().get(0).index()));
        bench.clock.advance(Duration.ofSeconds(20));
        waitUntil("lines arriving while paused, counted",
                () -> tail.statusProperty().get().matches("Paused: [1-9][0-9,]* new lines since pausing — service web: .*"));
        assertEquals(robot.lookup("#logStatusLabel").queryLabeled().getText(), tail.statusProperty().get());

        List<LogStreamRef> streams = new LogStreamResolver(bench.backend).forService(CLUSTER, SERVICE).streams();
        List<LogEvent> written = bench.logEventsWritten(streams, start);
        waitUntil("all " + written.size() + " lines received", () -> tail.receivedProperty().get() == written.size() && tail.queuedProperty().get() == 0);
        assertSame(top, onFx(() -> tail.shownRows().get(canvas.painted().get(0).index())), "paused: the view did not move");

        // In timestamp order on the canvas and in the whole buffer; the same lines as written, once each.
        List<Long> onCanvas = onFx(() -> canvas.painted().stream().map(p -> ((LogLine) tail.shownRows().get(p.index())).timestamp()).toList());
        assertTrue(onCanvas.size() > 5);
        assertNonDecreasing(onCanvas, "rows on the canvas");
        List<Long> all = onFx(() -> tail.lines().stream().map(LogLine::timestamp).toList());
        assertNonDecreasing(all, "every line held");

        Map<String, String> taskOfStream = new HashMap<>();
        streams.forEach(s -> taskOfStream.put(s.logStreamName(), s.taskId()));
        List<String> expected = written.stream().map(e -> e.timestamp() + " " + taskOfStream.get(e.logStreamName()) + " " + e.message())
                .sorted().toList();
        List<String> got = onFx(() -> tail.lines().stream().map(l -> l.timestamp() + " " + l.taskId() + " " + l.message()).sorted().toList());
        assertEquals(expected, got, "every line the simulator wrote, none lost, none twice");
        assertTrue(written.stream().anyMatch(e -> !before.contains(taskOfStream.get(e.logStreamName()))), "lines of the new tasks among them");

        robot.clickOn("#logFollowToggle");
        waitUntil("following again", () -> tail.statusProperty().get().startsWith("Following service web: 6 tasks"));
    }

    private Set<String> taskIds() {
        return bench.backend.listTasks(CLUSTER, TaskFilter.ofService(SERVICE)).stream().filter(t -> t.startedAt() != null)
                .map(EcsTask::taskId).collect(Collectors.toSet());
    }

    private static void assertNonDecreasing(List<Long> times, String what) {
        List<Integer> backwards = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i) < times.get(i - 1)) {
                backwards.add(i);
            }
        }
        assertEquals(List.of(), backwards, what + " go back in time at these rows");
    }
}
