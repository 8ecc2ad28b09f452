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
import dev.ecsdeck.ui.UiTestEnd;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
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
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    private void advance(ServicePanel panel, Duration by) {
        PanelClock.advance(bench, panel, by);
    }

    private void advanceUntil(ServicePanel panel, String what, Duration step, int steps, BooleanSupplier condition) {
        PanelClock.advanceUntil(bench, panel, what, step, steps, condition);
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
        for (String header : List.of("Target", "Cooldowns", "Status", "Cause", "Status message")) {
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
        assertTrue(headers.containsAll(List.of("Started", "Reason", "Logs")), headers.toString());
        TaskRow first = table.getItems().get(0);
        assertFalse(ServiceTasksViewModel.stoppedAt(first.task()).isEmpty(), "stopped at");
        assertFalse(ServiceTasksViewModel.reason(first.task()).isEmpty(), "a reason");
        assertFalse(ServiceTasksViewModel.exitCodes(first.task()).isEmpty(), "an exit code");
        assertThat("the reason column shows the exit code", ServiceTasksViewModel.stoppedReason(first.task()), containsString(" exit "));
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

    @Test
    void withTheLogPaneOpenTheDeploymentsTableStillShowsTwoDeployments(FxRobot robot) {
        ServicePanel checkout = bench.openServicePanel(robot, "prod-web", "checkout");
        waitUntil("checkout's two deployments", () -> checkout.deployments().deployments().size() == 2);
        robot.clickOn(robot.from(checkout.view()).lookup((Predicate<Node>) n -> n instanceof Button b && "Tail logs".equals(b.getText()))
                .<Node>query());
        waitUntil("the log pane", () -> !bench.window.logs().tails().isEmpty());
        TableView<?> table = robot.lookup("#deploymentsTable").queryAs(TableView.class);
        String[] seen = {""};
        try {
            waitUntil("two rows whole in the table", () -> {
                List<Node> rows = table.lookupAll(".table-row-cell").stream()
                        .filter(n -> n instanceof TableRow<?> r && r.getItem() != null).toList();
                double bottom = table.localToScene(table.getBoundsInLocal()).getMaxY();
                seen[0] = "table " + table.localToScene(table.getBoundsInLocal()) + " min " + table.getMinHeight() + " rows "
                        + rows.stream().map(r -> String.valueOf(r.localToScene(r.getBoundsInLocal()))).toList();
                return rows.size() >= 2 && rows.stream().allMatch(r -> r.localToScene(r.getBoundsInLocal()).getMaxY() <= bottom + 0.5);
            });
        } catch (AssertionError e) {
            throw new AssertionError(seen[0], e);
        }
        // The configuration's spinners are not squeezed: their values show whole ("200", not "20").
        for (String id : List.of("#minHealthySpinner", "#maxPercentSpinner")) {
            javafx.scene.control.Spinner<?> spinner = robot.lookup(id).queryAs(javafx.scene.control.Spinner.class);
            javafx.scene.control.TextField editor = spinner.getEditor();
            waitUntil("the value of " + id + " whole", () -> editor.lookupAll(".text").stream()
                    .filter(n -> n instanceof Text t && t.getText().equals(editor.getText()) && !t.getText().isEmpty())
                    .anyMatch(t -> t.getBoundsInLocal().getWidth() <= editor.getWidth() - editor.getPadding().getLeft()
                            - editor.getPadding().getRight() + 0.5));
        }
    }

    /** The part tabs, in order: each is walked at the default window size. */
    private static final List<String> PARTS = List.of("Deployments", "Auto scaling", "Events", "Charts", "Tasks", "Load balancing", "Configuration");

    @Test
    void everyPartFitsTheDefaultWindowWithNothingCut(FxRobot robot) {
        // orders-api: auto scaling with policies, scheduled actions and activities.
        ServicePanel orders = bench.openServicePanel(robot, "prod-web", "orders-api");
        walkParts(robot, orders, "prod-web/orders-api");
        // checkout: a rollout under way, two deployments.
        ServicePanel checkout = bench.openServicePanel(robot, "prod-web", "checkout");
        waitUntil("checkout's two deployments", () -> checkout.deployments().deployments().size() == 2);
        walkParts(robot, checkout, "prod-web/checkout");
        // staging/notifications with its stopped tasks listed: the stopped tasks' columns are added.
        ServicePanel notifications = bench.openServicePanel(robot, "staging", "notifications");
        clickTab(robot, partTabs(robot), "Tasks");
        robot.clickOn("#showStoppedTasks");
        waitUntil("stopped tasks listed", () -> notifications.tasks().rows().stream().anyMatch(TaskRow::stopping));
        walkParts(robot, notifications, "staging/notifications");
    }

    private void walkParts(FxRobot robot, ServicePanel panel, String service) {
        List<String> all = new ArrayList<>();
        waitUntil(service + ": the first read", () -> panel.model().readsProperty().get() > 0);
        waitUntil(service + ": its deployments", () -> !panel.deployments().deployments().isEmpty());
        waitUntil(service + ": its tasks", () -> !panel.tasks().rows().isEmpty());
        for (String part : PARTS) {
            clickTab(robot, partTabs(robot), part);
            if (part.equals("Auto scaling") && service.endsWith("orders-api")) {
                waitUntil("the policies", () -> !panel.autoScaling().policies().isEmpty() && !panel.autoScaling().scheduledActions().isEmpty());
            }
            if (part.equals("Configuration")) {
                waitUntil("the configuration", () -> !((javafx.scene.layout.Pane) robot.lookup("#serviceConfiguration").query()).getChildren().isEmpty());
            }
            // Columns widen to their content after a layout pass: let the layout come to rest.
            for (int i = 0; i < 4; i++) {
                org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            }
            List<String> problems = UiTestBench.onFx(() -> {
                List<String> found = new ArrayList<>();
                Node content = robot.lookup("#servicePartTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                        .getSelectedItem().getContent();
                content.applyCss();
                collectCut(content, found);
                for (Node n : content.lookupAll(".table-view")) {
                    if (n instanceof TableView<?> t && t.isVisible()) {
                        // Columns past the table's right edge are as hidden as a scroll bar's.
                        double columns = t.getVisibleLeafColumns().stream().mapToDouble(c -> c.getWidth()).sum();
                        if (columns > t.getWidth() - t.snappedLeftInset() - t.snappedRightInset() + 0.5) {
                            found.add("the table " + t.getId() + "'s columns (" + columns + ") are wider than it (" + t.getWidth() + ")"
                                    + t.getVisibleLeafColumns().stream()
                                            .map(c -> c.getText() + " " + c.getMinWidth() + "/" + c.getPrefWidth() + "/" + c.getWidth()).toList()
                                    + t.getColumnResizePolicy());
                        }
                        for (Node bar : n.lookupAll(".scroll-bar")) {
                            if (bar instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                                    && b.isVisible()) {
                                found.add("the table " + n.getId() + " scrolls sideways");
                            }
                        }
                    }
                }
                return found;
            });
            problems.forEach(p -> all.add(part + ": " + p));
        }
        assertTrue(all.isEmpty(), service + ": " + String.join("\n", all));
    }

    /** Every shown text in {@code node} that ends in "…" where its whole text is not in its tooltip. */
    private static void collectCut(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof javafx.scene.control.Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()
                && labeled.getContentDisplay() != javafx.scene.control.ContentDisplay.GRAPHIC_ONLY) {
            Text drawn = (Text) labeled.lookup(".text");
            String shown = drawn == null ? labeled.getText() : drawn.getText();
            // Cut by the skin, or a value shortened in a cell (a button's "Roll back…" is its whole text).
            boolean cut = !shown.equals(labeled.getText()) || labeled instanceof javafx.scene.control.IndexedCell<?>;
            if (cut && shown.endsWith("…") && !inTooltip(labeled, shown)) {
                found.add("\"" + shown + "\" (of \"" + labeled.getText() + "\")");
            }
        } else if (node instanceof Text text && !(node.getParent() instanceof javafx.scene.control.Labeled)
                && text.getText() != null && text.getText().endsWith("…")) {
            Node owner = node.getParent();
            while (owner != null && !(owner instanceof javafx.scene.control.Control)) {
                owner = owner.getParent();
            }
            if (!(owner instanceof javafx.scene.control.Control c) || !inTooltip(c, text.getText())) {
                found.add("\"" + text.getText() + "\"");
            }
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectCut(child, found);
            }
        }
    }

    /** Whether the control's own tooltip holds the whole of the text it shows cut. */
    private static boolean inTooltip(javafx.scene.control.Control control, String shown) {
        javafx.scene.control.Tooltip tip = control.getTooltip();
        String prefix = shown.substring(0, shown.length() - 1);
        return tip != null && tip.getText() != null && tip.getText().contains(prefix) && !tip.getText().endsWith("…")
                && tip.getText().length() > prefix.length();
    }
}
