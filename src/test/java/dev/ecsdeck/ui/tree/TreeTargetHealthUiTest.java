package dev.ecsdeck.ui.tree;

import static dev.ecsdeck.ui.UiTestBench.clusterNamed;
import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.serviceNamed;
import static dev.ecsdeck.ui.UiTestBench.servicesOf;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.TargetHealth;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Task rows of a load-balanced service show their target health; the demo's reports-worker has one task failing it. */
@ExtendWith(ApplicationExtension.class)
class TreeTargetHealthUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    /** The cell showing a row, scrolled on screen. */
    private TreeCell<?> cellOf(FxRobot robot, TreeItem<TreeEntry> item) {
        var tree = bench.window.treeController().treeView();
        robot.interact(() -> tree.scrollTo(tree.getRow(item)));
        waitUntil("the row on screen", () -> robot.lookup(".tree-cell").queryAll().stream()
                .anyMatch(n -> ((TreeCell<?>) n).getTreeItem() == item));
        return (TreeCell<?>) robot.lookup(".tree-cell").queryAll().stream().filter(n -> ((TreeCell<?>) n).getTreeItem() == item)
                .findFirst().orElseThrow();
    }

    /** Opens a row with a click on its disclosure arrow, as a user does. */
    private TreeItem<TreeEntry> expandWithMouse(FxRobot robot, String what, Predicate<TreeEntry> which) {
        TreeItem<TreeEntry> row = bench.waitForRow(what, which);
        Node arrow = cellOf(robot, row).lookup(".tree-disclosure-node");
        robot.clickOn(arrow);
        waitUntil(what + " open", row::isExpanded);
        return row;
    }

    /** The simulator's target health of each task of reports-worker, by task ARN. */
    private Map<String, TargetHealth> simulatorTargetHealth() {
        return bench.reportsWorkerTargetHealth();
    }

    private static Optional<Label> targetBadge(TreeCell<?> cell) {
        return cell.lookupAll(".target-health").stream().map(n -> (Label) n).findFirst();
    }

    @Test
    void theTaskFailingItsTargetHealthIsMarkedUnderItsService(FxRobot robot) {
        expandWithMouse(robot, "prod-batch", clusterNamed("prod-batch"));
        expandWithMouse(robot, "its services", servicesOf("prod-batch"));
        TreeItem<TreeEntry> reports = expandWithMouse(robot, "reports-worker", serviceNamed("prod-batch", "reports-worker"));
        waitUntil("reports-worker's tasks", () -> reports.getChildren().size() == 4
                && reports.getChildren().stream().allMatch(i -> i.getValue() instanceof TreeEntry.TaskEntry));

        Map<String, TargetHealth> expected = simulatorTargetHealth();
        assertEquals(1, expected.values().stream().filter(h -> "unhealthy".equals(h.state())).count(), "the demo has one failing task");
        for (TreeItem<TreeEntry> row : List.copyOf(reports.getChildren())) {
            EcsTask task = ((TreeEntry.TaskEntry) row.getValue()).task();
            TargetHealth health = expected.get(task.taskArn());
            TreeCell<?> cell = cellOf(robot, row);
            if ("unhealthy".equals(health.state())) {
                waitUntil("the target badge of " + task.taskId(), () -> targetBadge(cell).isPresent());
                Label badge = onFx(() -> targetBadge(cell).orElseThrow());
                assertEquals("unhealthy target", badge.getText());
                assertTrue(badge.getStyleClass().contains("badge-danger"));
                assertThat(badge.getTooltip().getText(), containsString("reports: unhealthy — " + health.reason() + ": " + health.description()));
                assertTrue(onFx(() -> badge.localToScene(badge.getBoundsInLocal()).getMaxX() < cell.getTreeView().localToScene(
                        cell.getTreeView().getBoundsInLocal()).getMaxX()), "the badge is within the tree's width, not cut off");
            } else {
                assertEquals("healthy", health.state(), "the others are healthy in the demo");
                assertThat(onFx(() -> ((Label) cell.lookup(".row-summary")).getText()), containsString(" · target healthy"));
                assertTrue(onFx(() -> targetBadge(cell).isEmpty()), task.taskId());
            }
        }
        bench.closeAndCheck();
    }

    @Test
    void tasksOfAServiceWithoutLoadBalancersHaveNoTargetBadge(FxRobot robot) {
        expandWithMouse(robot, "prod-batch", clusterNamed("prod-batch"));
        expandWithMouse(robot, "its services", servicesOf("prod-batch"));
        TreeItem<TreeEntry> cron = expandWithMouse(robot, "cron-scheduler", serviceNamed("prod-batch", "cron-scheduler"));
        waitUntil("cron-scheduler's tasks", () -> !cron.getChildren().isEmpty()
                && cron.getChildren().stream().allMatch(i -> i.getValue() instanceof TreeEntry.TaskEntry));
        TreeItem<TreeEntry> row = cron.getChildren().get(0);
        TreeCell<?> cell = cellOf(robot, row);
        assertTrue(onFx(() -> targetBadge(cell).isEmpty()));
        assertEquals(null, ((TreeEntry.TaskEntry) row.getValue()).targetHealth());
        bench.closeAndCheck();
    }
}
