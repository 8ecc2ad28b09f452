package dev.ecsdeck.ui.service;

import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.service.ServiceTasksViewModel.TaskRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the service panel shows in the real window at its default size (1280 × 800): chart gaps for
 * the time it was hidden, whole table headers and wrapped long text, stopped tasks when none run,
 * and a header that keeps its height when a rollout's lines go.
 */
@ExtendWith(ApplicationExtension.class)
class ServicePanelDisplayUiTest {
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = new UiTestBench(stage, false);
    }

    @AfterEach
    void noUncaughtErrorsNorCallsOnTheFxThread() {
        bench.closeAndCheck();
    }

    private void advance(ServicePanel panel, Duration by) {
        long before = panel.model().readsProperty().get();
        bench.clock.advance(by);
        waitUntil("a read after moving the clock", () -> panel.model().readsProperty().get() >= before + 2);
    }

    private void advanceUntil(ServicePanel panel, String what, Duration step, int steps, BooleanSupplier condition) {
        for (int i = 0; i < steps && !UiTestBench.fx(condition); i++) {
            advance(panel, step);
        }
        waitUntil(what, condition);
    }

    /** Clicks a tab's header by its text, as the user switches tabs. */
    private static void clickTab(FxRobot robot, Node within, String title) {
        Node header = robot.from(within).lookup(".tab").lookup((Predicate<Node>) n -> n instanceof Label l && title.equals(l.getText()))
                .query();
        robot.clickOn(header);
    }

    private static Node partTabs(FxRobot robot) {
        return robot.lookup("#servicePartTabs").query();
    }

    @Test
    void theCountsChartBreaksWhereThePanelWasHidden(FxRobot robot) {
        ServicePanel panel = bench.openServicePanel(robot, "prod-web", "web");
        clickTab(robot, partTabs(robot), "Charts");
        for (int i = 0; i < 3; i++) {
            advance(panel, Duration.ofSeconds(2));
        }
        Instant hidden = bench.clock.now();
        Node detailTabs = robot.lookup("#detailTabs").query();
        clickTab(robot, detailTabs, "Task definitions");
        long skipped = panel.model().skippedProperty().get();
        waitUntil("a read skipped while hidden", () -> panel.model().skippedProperty().get() > skipped);
        bench.clock.advance(Duration.ofMinutes(5));
        Instant shown = bench.clock.now();
        clickTab(robot, detailTabs, "Details");
        advance(panel, Duration.ofSeconds(2));
        advance(panel, Duration.ofSeconds(2));

        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#countsChart").queryAs(LineChart.class);
        waitUntil("the points after the gap plotted", () -> chart.getData().get(0).getData().stream()
                .anyMatch(d -> d.getXValue().longValue() > shown.toEpochMilli()));
        for (XYChart.Series<Number, Number> series : chart.getData()) {
            assertEquals(2, GappedLineChart.stretches(series), series.getName() + ": one stretch before the gap, one after");
            assertTrue(series.getData().stream().map(d -> d.getXValue().longValue())
                    .noneMatch(x -> x > hidden.toEpochMilli() && x < shown.toEpochMilli()), series.getName() + ": no point while hidden");
            Path line = (Path) series.getNode();
            waitUntil("the line drawn", () -> line.getElements().size() == series.getData().size());
            assertEquals(2, line.getElements().stream().filter(MoveTo.class::isInstance).count(), series.getName() + " drawn in two stretches");
        }
    }

    /** Every column header of the tables in {@code view} shows its whole text (nothing cut to "…"). */
    private static void assertHeadersWhole(FxRobot robot, Node view) {
        List<String> shown = new ArrayList<>();
        for (Node header : robot.from(view).lookup(".column-header").queryAll()) {
            Label label = (Label) header.lookup(".label");
            if (label == null || !header.isVisible() || label.getText() == null || label.getText().isEmpty()) {
                continue;
            }
            Text drawn = (Text) label.lookup(".text");
            assertEquals(label.getText(), drawn.getText(), "the header " + label.getText() + " is shown whole");
            shown.add(label.getText());
        }
        assertFalse(shown.isEmpty(), "headers found");
    }

    @Test
    void autoScalingAndDeploymentTablesShowTheirHeadersWholeAndWrapLongText(FxRobot robot) {
        ServicePanel panel = bench.openServicePanel(robot, "prod-web", "orders-api");
        clickTab(robot, partTabs(robot), "Auto scaling");
        waitUntil("the policies", () -> !panel.autoScaling().policies().isEmpty());
        Node scaling = robot.lookup("#policiesTable").query().getParent();
        while (!(scaling instanceof javafx.scene.control.ScrollPane)) {
            scaling = scaling.getParent();
        }
        Node autoScalingView = scaling;
        for (String header : List.of("Target", "Cooldown out", "Cooldown in", "Scale-in", "Metric", "Status", "Cause", "Status message")) {
            assertTrue(robot.from(autoScalingView).lookup(".column-header .label")
                    .match((Predicate<Node>) n -> header.equals(((Label) n).getText())).tryQuery().isPresent(), header + " is a header");
        }
        assertHeadersWhole(robot, autoScalingView);

        // A rollout with a reason: the reason wraps in its cell rather than ending in "…".
        bench.backend.updateService(ServiceUpdate.forceNewDeployment("prod-web", "orders-api"));
        clickTab(robot, partTabs(robot), "Deployments");
        advanceUntil(panel, "two deployments", Duration.ofSeconds(2), 5, () -> panel.deployments().deployments().size() == 2);
        assertHeadersWhole(robot, robot.lookup("#deploymentsTable").query());
        DeploymentRow rolling = panel.deployments().deployments().get(0);
        assertThat(rolling.state(), containsString(" — "));
        waitUntil("the rollout reason drawn whole", () -> robot.lookup("#deploymentsTable").lookup(".wrapped-cell-text").queryAll().stream()
                .anyMatch(n -> rolling.state().equals(((Text) n).getText()) && n.isVisible()));
    }

    @Test
    void aServiceAtZeroListsItsStoppedTasksWithExitCodeReasonAndTailLogs(FxRobot robot) {
        bench.backend.updateService(ServiceUpdate.desiredCount("prod-web", "web", 0));
        bench.clock.advance(Duration.ofMinutes(2));
        ServicePanel panel = bench.openServicePanel(robot, "prod-web", "web");
        clickTab(robot, partTabs(robot), "Tasks");
        @SuppressWarnings("unchecked")
        TableView<TaskRow> table = robot.lookup("#tasksTable").queryAs(TableView.class);
        waitUntil("the stopped tasks", () -> table.getItems().size() == 4);
        assertTrue(table.getItems().stream().allMatch(r -> "STOPPED".equals(r.task().lastStatus())), "all stopped");
        assertThat(robot.lookup("#tasksCount").queryAs(Label.class).getText(), containsString("None running"));
        assertThat(table.getPlaceholder() instanceof Label l ? l.getText() : "", not(containsString("No tasks")));
        List<String> headers = table.getVisibleLeafColumns().stream().map(c -> c.getText()).toList();
        assertTrue(headers.containsAll(List.of("Stopped", "Exit code", "Stopped reason", "Logs")), headers.toString());
        TaskRow first = table.getItems().get(0);
        assertFalse(ServiceTasksViewModel.stoppedAt(first.task()).isEmpty(), "stopped at");
        assertFalse(ServiceTasksViewModel.reason(first.task()).isEmpty(), "a reason");
        assertFalse(ServiceTasksViewModel.exitCodes(first.task()).isEmpty(), "an exit code");
        assertHeadersWhole(robot, table);

        Node row = robot.from(table).lookup((Predicate<Node>) n -> n instanceof TableRow<?> r && r.getItem() == first).query();
        Button tail = robot.from(row).lookup(".row-tail-logs").queryButton();
        robot.clickOn(tail);
        String shortId = first.taskId().substring(0, 8);
        waitUntil("a log tab for the task", () -> bench.window.logs().tails().stream().anyMatch(t -> t.title().contains(shortId)));
    }

    @Test
    void theHeaderKeepsItsHeightWhenADeploymentLineGoes(FxRobot robot) {
        ServicePanel panel = bench.openServicePanel(robot, "prod-web", "orders-api");
        Node header = robot.from(panel.view()).lookup(".detail-header").query();
        Label counts = robot.lookup("#serviceCounts").queryAs(Label.class);
        bench.backend.updateService(ServiceUpdate.forceNewDeployment("prod-web", "orders-api"));
        advanceUntil(panel, "the deployment lines", Duration.ofSeconds(2), 5, () -> counts.getText().contains("PRIMARY"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        double during = UiTestBench.onFx(() -> header.getLayoutBounds().getHeight());
        Node tabs = partTabs(robot);
        double tabsAt = UiTestBench.onFx(() -> tabs.localToScene(0, 0).getY());
        advanceUntil(panel, "the rollout completed", Duration.ofMinutes(1), 10, () -> !counts.getText().contains("PRIMARY"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(during, UiTestBench.onFx(() -> header.getLayoutBounds().getHeight()), 0.5, "the header's height");
        assertEquals(tabsAt, UiTestBench.onFx(() -> tabs.localToScene(0, 0).getY()), 0.5, "the parts below stay where they were");
    }
}
