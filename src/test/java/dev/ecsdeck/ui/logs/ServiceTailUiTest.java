package dev.ecsdeck.ui.logs;

import static dev.ecsdeck.ui.UiTestBench.fx;
import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.LogStreamResolver;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 8's acceptance in the real window on the simulator: tail a service, see every task's
 * lines, filter, pause and resume, save the buffer and compare it with what the simulator wrote.
 * Simulated time moves only when the test moves it; the tail polls on its own thread.
 */
@ExtendWith(ApplicationExtension.class)
class ServiceTailUiTest {
    private static final String CLUSTER = "prod-web";
    private static final String SERVICE = "web";
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    @Test
    void tailOfAServiceFiltersPausesResumesAndSavesExactlyWhatTheSimulatorWrote(FxRobot robot) throws IOException {
        Path saved = dir.resolve("web.log");
        robot.interact(() -> bench.window.logPane().useSaveTarget(name -> saved));
        long start = bench.clock.now().toEpochMilli() - LogTabsViewModel.DEFAULT_LOOKBACK_MS;
        bench.openServicePanel(robot, CLUSTER, SERVICE);
        robot.clickOn("#tailServiceButton");
        waitUntil("a log tab", () -> !bench.window.logs().tails().isEmpty());
        LogTailViewModel tail = bench.window.logs().tails().get(0);
        waitUntil("the backlog since five minutes ago", () -> tail.receivedProperty().get() > 50);

        // Every task of the service, and no other, in its own colour.
        Set<String> tasks = bench.backend.listTasks(CLUSTER, TaskFilter.ofService(SERVICE)).stream().map(EcsTask::taskId)
                .collect(Collectors.toSet());
        assertEquals(4, tasks.size());
        Map<String, Integer> colours = new HashMap<>();
        robot.interact(() -> tail.lines().forEach(l -> colours.put(l.taskId(), l.source())));
        assertEquals(tasks, colours.keySet(), "lines from each of the service's tasks, and from no other");
        assertEquals(4, new HashSet<>(colours.values()).size(), "each task in its own colour");

        // Filter: only matching rows are shown, and new matching lines join them live.
        String word = mostCommonWord(tail);
        robot.clickOn("#logFilterField").write(word);
        waitUntil("filtered", () -> tail.shownProperty().get() > 0 && tail.shownProperty().get() < tail.receivedProperty().get());
        assertTrue(fx(() -> tail.shownRows().stream().allMatch(r -> r instanceof LogLine l && l.message().contains(word))));
        int shownBefore = tail.shownProperty().get();
        bench.clock.advance(Duration.ofSeconds(30));
        waitUntil("new matching lines shown", () -> tail.shownProperty().get() > shownBefore);
        robot.clickOn("#logFilterField").press(javafx.scene.input.KeyCode.SHORTCUT).type(javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.SHORTCUT).type(javafx.scene.input.KeyCode.BACK_SPACE);
        waitUntil("unfiltered", () -> tail.shownProperty().get() == tail.receivedProperty().get());

        // Pause: lines keep coming into the buffer, the rows on screen stay; resume jumps to the end.
        LogCanvas list = robot.lookup("#logLines").query(); // the canvas the rows are painted on
        waitUntil("following: the newest line on screen", () -> visible(list, false) == tail.shownRows().size() - 1);
        robot.clickOn("#logFollowToggle");
        assertFalse(tail.followProperty().get());
        Object firstRow = onFx(() -> tail.shownRows().get(visible(list, true)));
        long receivedWhenPaused = tail.receivedProperty().get();
        bench.clock.advance(Duration.ofSeconds(30));
        waitUntil("lines still arriving while paused", () -> tail.receivedProperty().get() > receivedWhenPaused + 10);
        waitUntil("drained", () -> tail.queuedProperty().get() == 0);
        assertEquals(firstRow, onFx(() -> tail.shownRows().get(visible(list, true))), "paused: the view did not move");
        assertTrue(fx(() -> visible(list, false) < tail.shownRows().size() - 1), "paused: the newest lines are below the view");
        robot.clickOn("#logFollowToggle");
        waitUntil("resumed: the newest line on screen", () -> visible(list, false) == tail.shownRows().size() - 1);

        // Save the whole buffer once every line the simulator wrote so far has arrived, and compare.
        List<LogStreamRef> streams = new LogStreamResolver(bench.backend).forService(CLUSTER, SERVICE).streams();
        List<LogEvent> written = bench.logEventsWritten(streams, start);
        waitUntil("all " + written.size() + " lines received", () -> tail.receivedProperty().get() == written.size());
        robot.clickOn("#logTimestampsToggle");
        robot.clickOn("#logSaveButton").clickOn("Whole buffer…");
        waitUntil("saved", () -> Files.exists(saved));
        List<String> lines = Files.readAllLines(saved, StandardCharsets.UTF_8);

        Map<String, LogStreamRef> byStream = new HashMap<>();
        streams.forEach(s -> byStream.put(s.logStreamName(), s));
        List<String> expected = new ArrayList<>();
        Map<String, List<String>> expectedPerStream = new LinkedHashMap<>();
        for (LogEvent e : written) {
            LogStreamRef ref = byStream.get(e.logStreamName());
            String line = ref.taskId().substring(0, 8) + "/" + ref.containerName() + "  " + e.message();
            expected.add(line);
            expectedPerStream.computeIfAbsent(e.logStreamName(), k -> new ArrayList<>()).add(line);
        }
        assertEquals(expected.size(), lines.size(), "as many lines as the simulator wrote: none missing, none twice");
        assertEquals(new HashSet<>(expected), new HashSet<>(lines), "the same lines");
        assertEquals(lines.size(), new HashSet<>(lines).size(), "no line twice");
        for (Map.Entry<String, List<String>> stream : expectedPerStream.entrySet()) {
            String prefix = stream.getValue().get(0).substring(0, stream.getValue().get(0).indexOf("  ") + 2);
            assertEquals(stream.getValue(), lines.stream().filter(l -> l.startsWith(prefix)).toList(),
                    "each stream's lines in the order written: " + stream.getKey());
        }
    }

    /** A word found in some lines but not all, so filtering by it visibly narrows the view. */
    private static String mostCommonWord(LogTailViewModel tail) {
        for (String candidate : List.of("GET", "INFO", "200", "HTTP")) {
            long hits = onFx(() -> tail.lines().stream().filter(l -> l.message().contains(candidate)).count());
            if (hits > 0 && hits < onFx(() -> tail.lines().size())) {
                return candidate;
            }
        }
        throw new AssertionError("no word narrows the view: " + onFx(() -> tail.lines().get(0).message()));
    }

    /** The first or last row painted in the last frame, or -1. */
    private static int visible(LogCanvas canvas, boolean first) {
        List<LogCanvas.PaintedRow> painted = canvas.painted();
        if (painted.isEmpty()) {
            return -1;
        }
        return painted.get(first ? 0 : painted.size() - 1).index();
    }
}
