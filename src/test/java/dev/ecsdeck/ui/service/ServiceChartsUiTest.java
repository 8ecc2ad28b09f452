package dev.ecsdeck.ui.service;

import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.common.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Charts tab in the real window on the demo simulator: CPU, memory and (prod-web has Container
 * Insights) task counts from before the panel opened; a range picked with the mouse changes the
 * charts' span and the period of their points; prod-batch (no Container Insights) says how to get
 * count history; nothing overlaps at 1280x800.
 */
@ExtendWith(ApplicationExtension.class)
class ServiceChartsUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    private static void clickTab(FxRobot robot, String title) {
        Node tabs = robot.lookup("#servicePartTabs").query();
        Node header = robot.from(tabs).lookup(".tab").lookup((Predicate<Node>) n -> n instanceof Label l && title.equals(l.getText())).query();
        robot.clickOn(header);
    }

    @SuppressWarnings("unchecked")
    private static LineChart<Number, Number> chart(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(LineChart.class);
    }

    /** Reads on the FX thread: at once when already there (inside a waitUntil condition). */
    private static <T> T read(java.util.function.Supplier<T> what) {
        return javafx.application.Platform.isFxApplicationThread() ? what.get() : onFx(what);
    }

    /** The chart's time axis: upper minus lower bound. */
    private static long span(LineChart<Number, Number> chart) {
        return read(() -> {
            NumberAxis axis = (NumberAxis) chart.getXAxis();
            return (long) (axis.getUpperBound() - axis.getLowerBound());
        });
    }

    /** Whether the axis shows {@code range} (rounded out to whole ticks: at most two ticks more). */
    private static boolean spans(LineChart<Number, Number> chart, Duration range) {
        long shown = span(chart);
        long tick = read(() -> (long) ((NumberAxis) chart.getXAxis()).getTickUnit());
        return shown >= range.toMillis() && shown <= range.toMillis() + 2 * tick;
    }

    private static List<Long> times(XYChart.Series<Number, Number> series) {
        return read(() -> series.getData().stream().map(d -> d.getXValue().longValue()).toList());
    }

    /** Whether consecutive points are {@code step} apart, and there are some. */
    private static boolean spaced(XYChart.Series<Number, Number> series, Duration step) {
        List<Long> x = times(series);
        if (x.size() < 2) {
            return false;
        }
        for (int i = 1; i < x.size(); i++) {
            if (x.get(i) - x.get(i - 1) != step.toMillis()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void chartsShowHistoryFromBeforeThePanelOpenedAndARangePickedWithTheMouse(FxRobot robot) {
        ServicePanel panel = bench.openServicePanel(robot, "prod-web", "orders-api");
        Instant opened = panel.charts().openedAt();
        clickTab(robot, "Charts");
        LineChart<Number, Number> utilization = chart(robot, "#utilizationChart");
        LineChart<Number, Number> counts = chart(robot, "#countsChart");
        XYChart.Series<Number, Number> cpu = onFx(() -> utilization.getData().get(0));
        XYChart.Series<Number, Number> memory = onFx(() -> utilization.getData().get(1));
        waitUntil("CPU and memory from before the panel opened", () -> !times(cpu).isEmpty() && times(cpu).get(0) < opened.toEpochMilli()
                && !times(memory).isEmpty() && times(memory).get(0) < opened.toEpochMilli());
        assertTrue(spaced(cpu, Duration.ofMinutes(1)), "a point a minute: " + times(cpu));
        assertTrue(onFx(() -> cpu.getData().stream().allMatch(d -> d.getYValue().doubleValue() > 30 && d.getYValue().doubleValue() < 70)),
                "about 48% CPU");
        waitUntil("task counts from Container Insights before the panel opened",
                () -> !times(counts.getData().get(0)).isEmpty() && times(counts.getData().get(0)).get(0) < opened.toEpochMilli());
        assertFalse(robot.lookup("#countsMessage").queryAs(Label.class).isVisible(), "nothing to explain: the history is there");
        assertTrue(spans(utilization, Duration.ofHours(3)), "the last 3 hours at first: " + span(utilization));
        assertTrue(spans(counts, Duration.ofHours(3)), "both charts: " + span(counts));
        assertTrue(robot.lookup("#chartRange-THREE_HOURS").queryAs(ToggleButton.class).isSelected());
        assertEquals("CPU and memory utilisation (average %, per minute)", robot.lookup("#utilizationTitle").queryAs(Label.class).getText());

        robot.clickOn("#chartRange-DAY");
        waitUntil("a day shown", () -> spans(utilization, Duration.ofDays(1)) && spans(counts, Duration.ofDays(1)));
        waitUntil("re-read as 5-minute averages", () -> spaced(cpu, Duration.ofMinutes(5)));
        assertEquals("CPU and memory utilisation (average %, per 5 minutes)", robot.lookup("#utilizationTitle").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#chartRange-DAY").queryAs(ToggleButton.class).isSelected());

        robot.clickOn("#chartRange-HOUR");
        waitUntil("an hour shown", () -> spans(utilization, Duration.ofHours(1)) && spans(counts, Duration.ofHours(1)));
        waitUntil("per minute again", () -> spaced(cpu, Duration.ofMinutes(1)));
        robot.clickOn("#chartRange-HOUR");
        assertTrue(robot.lookup("#chartRange-HOUR").queryAs(ToggleButton.class).isSelected(), "a second click keeps the range");

        // The charts follow the backend's clock.
        long before = panel.model().readsProperty().get();
        bench.clock.advance(Duration.ofMinutes(3));
        waitUntil("a read after moving the clock", () -> panel.model().readsProperty().get() >= before + 2);
        waitUntil("the axis ends at the backend's time", () -> onFx(() -> ((NumberAxis) utilization.getXAxis()).getUpperBound())
                >= bench.clock.now().toEpochMilli());
        bench.closeAndCheck();
    }

    @Test
    void withoutContainerInsightsTheCountsChartSaysHowToGetHistory(FxRobot robot) {
        ServicePanel panel = bench.openServicePanel(robot, "prod-batch", "reports-worker");
        clickTab(robot, "Charts");
        Label message = robot.lookup("#countsMessage").queryAs(Label.class);
        waitUntil("the counts chart explains its empty start", () -> message.isVisible() && !message.getText().isEmpty());
        assertEquals("Task counts before " + TimeFormat.clock(panel.charts().openedAt())
                + " are not recorded: turn on Container Insights for cluster prod-batch to see their history.", message.getText());
        bench.closeAndCheck();
    }

    @Test
    void nothingOnTheChartsTabOverlapsAt1280x800(FxRobot robot) {
        ServicePanel panel = bench.openServicePanel(robot, "prod-batch", "reports-worker"); // the counts message shows too
        clickTab(robot, "Charts");
        waitUntil("the charts read", () -> !panel.charts().cpu().isEmpty() && !panel.charts().countsMessageProperty().get().isEmpty());
        assertEquals(1280, onFx(() -> robot.lookup("#servicePartTabs").query().getScene().getWindow().getWidth()));
        for (int i = 0; i < 4; i++) {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
        List<String> problems = onFx(() -> {
            Node view = robot.lookup("#countsChart").query().getParent();
            java.util.Set<Node> all = new java.util.LinkedHashSet<>(robot.from(view).lookup("#chartRangeBar .toggle-button").queryAll());
            for (String id : List.of("#countsMessage", "#countsChart", "#utilizationTitle", "#utilizationChart")) {
                all.add(robot.lookup(id).query());
            }
            all.addAll(view.lookupAll(".section-title"));
            List<Node> parts = new ArrayList<>(all);
            List<String> found = new ArrayList<>();
            Bounds tab = view.localToScene(view.getLayoutBounds());
            for (int a = 0; a < parts.size(); a++) {
                Node n = parts.get(a);
                if (!n.isVisible()) {
                    found.add(n + " hidden");
                    continue;
                }
                Bounds b = n.localToScene(n.getLayoutBounds());
                if (b.getWidth() <= 0 || b.getHeight() <= 0 || b.getMaxX() > tab.getMaxX() + 0.5 || b.getMaxY() > tab.getMaxY() + 0.5) {
                    found.add(n + " outside the tab: " + b + " in " + tab);
                }
                for (int c = a + 1; c < parts.size(); c++) {
                    Node o = parts.get(c);
                    Bounds ob = o.localToScene(o.getLayoutBounds());
                    boolean overlap = b.getMinX() < ob.getMaxX() - 0.5 && ob.getMinX() < b.getMaxX() - 0.5
                            && b.getMinY() < ob.getMaxY() - 0.5 && ob.getMinY() < b.getMaxY() - 0.5;
                    if (overlap) {
                        found.add(n + " overlaps " + o);
                    }
                }
            }
            return found;
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertThat(panel.charts().countsMessageProperty().get(), containsString("Container Insights"));
        bench.closeAndCheck();
    }
}
