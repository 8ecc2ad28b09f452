package dev.ecsdeck.ui.shell;

import static dev.ecsdeck.ui.UiTestBench.clusterNamed;
import static dev.ecsdeck.ui.UiTestBench.serviceNamed;
import static dev.ecsdeck.ui.UiTestBench.servicesOf;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.ReadOnlyException;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.common.FxThreadCheckingProvider;
import dev.ecsdeck.ui.common.ReadOnlyHint;
import dev.ecsdeck.ui.detail.DetailRow;
import dev.ecsdeck.ui.logs.LogTailViewModel;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Spinner;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    /** Characters the window showed that its fonts have no glyph for (a box on screen), from the first frame on. */
    private final List<String> missingGlyphs = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
        missingGlyphs.addAll(Glyphs.missingIn(stage.getScene().getRoot())); // the tree still says "Loading…"
    }

    private void openService(FxRobot robot, String cluster, String service) {
        TreeItem<TreeEntry> clusterRow = bench.waitForRow("cluster " + cluster, clusterNamed(cluster));
        robot.interact(() -> bench.window.treeController().select(clusterRow));
        robot.clickOn(cluster).type(KeyCode.RIGHT);
        TreeItem<TreeEntry> folder = bench.waitForRow("services folder", servicesOf(cluster));
        robot.interact(() -> bench.window.treeController().select(folder));
        robot.type(KeyCode.RIGHT);
        TreeItem<TreeEntry> row = bench.waitForRow("service " + service, serviceNamed(cluster, service));
        robot.interact(() -> bench.window.treeController().select(row));
        waitUntil("detail of " + service, () -> service.equals(bench.window.detail().titleProperty().get()));
    }

    @Test
    void treeShowsTheDemoClusters(FxRobot robot) {
        bench.waitForRow("clusters", clusterNamed("staging"));
        List<String> names = bench.window.tree().root().getChildren().stream().map(i -> i.getValue().name()).toList();
        assertEquals(List.of("prod-web", "prod-batch", "staging", "Task definitions"), names, "the clusters, then the account's families once");
        waitUntil("the rows on screen", () -> robot.lookup("prod-batch").tryQuery().isPresent());
    }

    @Test
    void selectingAServiceShowsItsDetail(FxRobot robot) {
        bench.waitForRow("cluster", clusterNamed("prod-web"));
        robot.clickOn("prod-web").type(KeyCode.RIGHT);
        bench.waitForRow("services folder", servicesOf("prod-web"));
        robot.clickOn("Services").type(KeyCode.RIGHT);
        bench.waitForRow("service web", serviceNamed("prod-web", "web"));
        robot.clickOn("orders-api");
        waitUntil("service detail", () -> "orders-api".equals(bench.window.detail().titleProperty().get()));
        Set<String> values = bench.window.detail().sections().stream().flatMap(s -> s.rows().stream()).map(DetailRow::value)
                .collect(Collectors.toSet());
        assertThat(values, hasItem("3 running / 3 desired / 0 pending"));
        assertThat(values, hasItem("orders-api:1"));
        waitUntil("the service panel", () -> bench.window.servicePanel() != null
                && bench.window.servicePanel().model().serviceProperty().get() != null);
        assertTrue(robot.lookup("#serviceCounts").queryAs(javafx.scene.control.Label.class).getText().startsWith("3 desired · 3 running"));
        assertFalse(bench.window.servicePanel().model().serviceProperty().get().events().isEmpty(), "the service's events are read");
    }

    @Test
    void readOnlyDisablesEveryMutatingControlAndTheDecoratorRefusesTheCalls(FxRobot robot) {
        openService(robot, "prod-web", "web");
        waitUntil("the service panel", () -> bench.window.servicePanel() != null
                && bench.window.servicePanel().model().serviceProperty().get() != null);
        // The controls that act at once; Apply buttons wait for an edit, the editor's and the browser's for a draft or a choice.
        List<Node> mutating = List.of("#desiredSpinner", "#scaleUpButton", "#scaleDownButton", "#forceDeployButton", "#serviceRollBackButton",
                "#minHealthySpinner", "#circuitBreakerBox").stream().map(id -> robot.lookup(id).<Node>query()).toList();
        assertTrue(mutating.stream().noneMatch(Node::isDisabled), "enabled while read-write");

        robot.clickOn("#readOnlyToggle");
        waitUntil("read-only", () -> bench.shell.readOnlyProperty().get());
        assertTrue(robot.lookup("#readOnlyBanner").query().isVisible());
        for (Node n : robot.lookup(".mutating").queryAll()) {
            assertTrue(n.isDisabled(), n + " must be disabled in read-only mode");
            if (n instanceof Control c) {
                assertEquals("Read-only mode: changes are turned off.", c.getTooltip().getText());
            }
        }
        CompletableFuture<Throwable> refused = CompletableFuture.supplyAsync(() -> {
            try {
                bench.provider.updateService(ServiceUpdate.desiredCount("prod-web", "web", 9));
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        assertInstanceOf(ReadOnlyException.class, refused.join());
        assertEquals(4, bench.engine.services().describeServices("prod-web", List.of("web")).items().get(0).desiredCount());

        robot.clickOn("#readOnlyToggle");
        waitUntil("read-write", () -> !bench.shell.readOnlyProperty().get());
        assertTrue(mutating.stream().noneMatch(Node::isDisabled));
    }

    @Test
    void scalingAsksFirstAndChangesNothingWhenCancelled(FxRobot robot) {
        openService(robot, "prod-web", "web");
        Spinner<?> spinner = robot.lookup("#desiredSpinner").queryAs(Spinner.class);
        waitUntil("the spinner shows the desired count", () -> Integer.valueOf(4).equals(spinner.getValue()));
        robot.interact(() -> spinner.getValueFactory().increment(2));
        robot.clickOn("#applyScaleButton");
        dev.ecsdeck.ui.UiTestBench.answerDialog(robot, "Cancel");
        waitUntil("cancel message", () -> "Not scaled.".equals(bench.window.servicePanel().scaler().progressProperty().get()));
        assertEquals(4, bench.engine.services().describeServices("prod-web", List.of("web")).items().get(0).desiredCount());

        robot.clickOn("#applyScaleButton");
        dev.ecsdeck.ui.UiTestBench.answerDialog(robot, "Confirm");
        waitUntil("scaled", () -> bench.window.servicePanel().scaler().progressProperty().get().startsWith("Scaling to 6"));
        assertEquals(6, bench.engine.services().describeServices("prod-web", List.of("web")).items().get(0).desiredCount());
    }

    @Test
    void tailingAServiceShowsLinesFromItsTasks(FxRobot robot) {
        openService(robot, "prod-web", "web");
        robot.clickOn("#tailServiceButton");
        waitUntil("a log tab", () -> !bench.window.logs().tails().isEmpty());
        LogTailViewModel tail = bench.window.logs().tails().get(0);
        waitUntil("log lines", () -> tail.lines().size() > 20);
        Set<String> webTasks = bench.backend.listTasks("prod-web", TaskFilter.ofService("web")).stream().map(EcsTask::taskId)
                .collect(Collectors.toSet());
        Set<String> seen = new java.util.HashSet<>();
        robot.interact(() -> tail.lines().forEach(l -> seen.add(l.taskId())));
        assertEquals(webTasks, seen, "lines from each of the service's tasks, and from no other");
        assertTrue(robot.lookup("#logTabs").query().isVisible());
    }

    @Test
    void aDisabledControlShowsItsReadOnlyReasonUnderTheMouse(FxRobot robot) {
        openService(robot, "prod-web", "web");
        waitUntil("the service panel", () -> bench.window.servicePanel() != null
                && bench.window.servicePanel().model().serviceProperty().get() != null);
        robot.clickOn("#readOnlyToggle");
        Node plus = robot.lookup("#scaleUpButton").query();
        waitUntil("+1 disabled", plus::isDisabled);
        robot.moveTo(plus);
        waitUntil("the read-only reason beside +1", () -> shownTooltip().map(t -> t.getText().equals(ReadOnlyHint.READ_ONLY)).orElse(false));
        robot.moveTo("#refreshButton");
        waitUntil("the reason gone once the mouse left", () -> shownTooltip().filter(t -> t.getText().equals(ReadOnlyHint.READ_ONLY)).isEmpty());

        robot.clickOn("#readOnlyToggle");
        waitUntil("+1 enabled", () -> !plus.isDisabled());
        assertEquals("One task more (then Apply).", ((Control) plus).getTooltip().getText());
    }

    private static java.util.Optional<javafx.scene.control.Tooltip> shownTooltip() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                .map(w -> (javafx.scene.control.Tooltip) w).findFirst();
    }

    @Test
    void theReadOnlySwitchSaysWhichModeIsOn(FxRobot robot) {
        javafx.scene.control.ToggleButton toggle = robot.lookup("#readOnlyToggle").queryAs(javafx.scene.control.ToggleButton.class);
        assertEquals("Read-only: off", toggle.getText());
        assertFalse(toggle.isSelected());
        assertTrue(robot.lookup("read-write").tryQuery().isEmpty(), "no second label naming the mode");
        robot.clickOn(toggle);
        waitUntil("read-only", () -> bench.shell.readOnlyProperty().get());
        assertEquals("Read-only: on", toggle.getText());
        assertTrue(toggle.isSelected());
        assertTrue(robot.lookup("#readOnlyBanner").query().isVisible());
        robot.clickOn(toggle);
        waitUntil("read-write", () -> !bench.shell.readOnlyProperty().get());
        assertEquals("Read-only: off", toggle.getText());
        assertFalse(robot.lookup("#readOnlyBanner").query().isVisible());
    }

    @Test
    void theStatusBarCountsOneCallAndOneErrorInTheSingular(FxRobot robot) {
        bench.waitForRow("clusters", clusterNamed("staging"));
        javafx.scene.control.Label activity = robot.lookup("#callsInFlight").queryAs(javafx.scene.control.Label.class);
        waitUntil("idle", () -> "idle".equals(activity.getText()));
        Throwable failed = CompletableFuture.supplyAsync(() -> {
            try {
                bench.provider.describeServices("no-such-cluster", List.of("web"));
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }).join();
        assertInstanceOf(dev.ecsdeck.provider.EcsException.class, failed);
        waitUntil("one error", () -> "idle · 1 error".equals(activity.getText()));
        CompletableFuture.runAsync(() -> bench.shell.started(dev.ecsdeck.provider.Operation.LIST_CLUSTERS)).join();
        waitUntil("one call", () -> "1 call in flight · 1 error".equals(activity.getText()));
        CompletableFuture.runAsync(() -> bench.shell.finished(dev.ecsdeck.provider.Operation.LIST_CLUSTERS, null)).join();
        waitUntil("idle again", () -> "idle · 1 error".equals(activity.getText()));

        org.controlsfx.control.StatusBar bar = robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class);
        assertTrue(bar.getText().startsWith("DescribeServices failed"), bar.getText());
        robot.clickOn("Clusters");
        assertTrue(bar.getText().startsWith("DescribeServices failed"), "an error stays until dismissed");
        robot.clickOn("#dismissErrorButton");
        waitUntil("dismissed", () -> bar.getText().isEmpty() && "idle".equals(activity.getText()));
    }

    @Test
    void aPassingMessageGoesAtTheNextClick(FxRobot robot) {
        bench.waitForRow("clusters", clusterNamed("staging"));
        org.controlsfx.control.StatusBar bar = robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class);
        assertEquals("", bar.getText(), "no \"Ready\" while nothing has been said");
        robot.interact(() -> bench.shell.setStatus("Task 1234 is not in the tree."));
        assertEquals("Task 1234 is not in the tree.", bar.getText());
        robot.clickOn("Clusters");
        waitUntil("the message gone", () -> bar.getText().isEmpty());
    }

    @Test
    void everyCharacterOnScreenHasAGlyph(FxRobot robot) {
        openService(robot, "prod-web", "web");
        robot.clickOn("#readOnlyToggle");
        waitUntil("read-only", () -> bench.shell.readOnlyProperty().get());
        robot.interact(() -> missingGlyphs.addAll(Glyphs.missingIn(bench.window.scene().getRoot())));
        assertThat(missingGlyphs, empty());
    }

    @Test
    void theFxThreadCheckCatchesACallOnTheFxThread(FxRobot robot) {
        FxThreadCheckingProvider checked = new FxThreadCheckingProvider(bench.backend);
        robot.interact(() -> assertThrows(IllegalStateException.class, checked::listClusters));
        assertEquals(List.of("ListClusters called on the FX application thread"), checked.violations());
    }
}
