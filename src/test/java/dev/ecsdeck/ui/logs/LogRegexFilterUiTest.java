package dev.ecsdeck.ui.logs;

import static dev.ecsdeck.ui.UiTestBench.fx;
import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A regex typed into the filter of a busy service tail in the real window: the tail holds more lines
 * than a filter matches in its swap, so the regex goes through the background executor, and the
 * matching lines appear (the lines of the simulator and those handed to the tail alike).
 */
@ExtendWith(ApplicationExtension.class)
class LogRegexFilterUiTest {
    /** No literal start: every line goes through the regex engine. */
    private static final String REGEX = "[0-9]{4} ms|[Tt]ime.?out";
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    @Test
    void aRegexTypedIntoTheFilterOfABusyTailShowsTheMatchingLines(FxRobot robot) {
        bench.openServicePanel(robot, "prod-web", "web");
        robot.clickOn("#tailServiceButton");
        waitUntil("a log tab", () -> !bench.window.logs().tails().isEmpty());
        LogTailViewModel tail = bench.window.logs().tails().get(0);
        waitUntil("the backlog", () -> tail.receivedProperty().get() > 0);
        // A busy tail: 3,000 of these lines take a regex too long to match them in the swap on the FX thread.
        long time = onFx(() -> tail.lines().get(tail.lines().size() - 1).timestamp());
        List<LogEvent> burst = new ArrayList<>();
        for (int n = 0; n < 3 * BackgroundRefilter.DEFAULT_MATCH_IN_SWAP_MAX; n++) {
            String message = n % 7 == 0 ? "timeout calling payments after " + (1000 + n) + " ms" : n % 5 == 0 ? "Time out" : "order " + n + " created";
            burst.add(new LogEvent("burst" + n, "burst-group", "burst-stream", time + 1 + n, time + 1 + n, message));
        }
        tail.accept(burst);
        waitUntil("the burst drained", () -> tail.queuedProperty().get() == 0 && tail.receivedProperty().get() > burst.size());

        List<Boolean> filtering = java.util.Collections.synchronizedList(new ArrayList<>());
        robot.interact(() -> tail.filteringProperty().addListener((obs, was, now) -> filtering.add(now)));
        robot.clickOn("#logRegexToggle");
        robot.clickOn("#logFilterField").write(REGEX);
        waitUntil("the matching lines shown", () -> tail.filter() != null && REGEX.equals(tail.filter().text()) && !tail.filteringProperty().get());
        Pattern p = Pattern.compile(REGEX);
        long expected = onFx(() -> tail.lines().stream().filter(l -> p.matcher(l.message()).find()).count());
        assertTrue(expected > burst.size() / 7, "the burst's timeouts match: " + expected);
        assertEquals(expected, (long) tail.shownProperty().get(), "every matching line, and only those");
        assertTrue(fx(() -> tail.shownRows().stream().allMatch(r -> r instanceof LogLine l && p.matcher(l.message()).find())));
        assertEquals("", tail.filterErrorProperty().get());
        assertTrue(filtering.contains(true), "matched in the background: " + filtering);
        Label filteringLabel = robot.lookup(".log-filtering").query();
        assertFalse(fx(filteringLabel::isVisible), "no Filtering… once the rows are shown");
        LogCanvas canvas = robot.lookup("#logLines").query();
        waitUntil("the newest match painted", () -> !canvas.painted().isEmpty()
                && canvas.painted().get(canvas.painted().size() - 1).index() == tail.shownRows().size() - 1);
        bench.closeAndCheck();
    }
}
