package dev.ecsdeck.ui.service;

import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.AwsVpcConfiguration;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.sim.ecs.CreateTaskSetRequest;
import dev.ecsdeck.sim.ecs.TaskSetApi;
import dev.ecsdeck.sim.ecs.TaskSetInfo;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
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

/**
 * A service with the EXTERNAL deployment controller (no task definition of its own, its tasks from a
 * task set) in the real window: the tree lists it, a click opens its panel with its counts, its tabs
 * open, and nothing that needs a task definition of the service is offered.
 */
@ExtendWith(ApplicationExtension.class)
class ExternalServiceUiTest {
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

    @Test
    void anExternalServiceShowsInTheTreeAndItsPanel(FxRobot robot) {
        TaskSetApi taskSets = new TaskSetApi(bench.engine);
        taskSets.createExternalService(new TaskSetApi.ExternalServiceRequest("prod-web", "edge", 2, null, null, null, null, null, null, null,
                null));
        TaskSetInfo ts = taskSets.createTaskSet(new CreateTaskSetRequest("prod-web", "edge", null, "web:1",
                new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-0aa"), null, null)), null, null, "FARGATE", null, null,
                new TaskSetInfo.Scale(50.0, "PERCENT"), null, null));
        bench.clock.advance(Duration.ofMinutes(2));

        TreeItem<TreeEntry> cluster = bench.waitForRow("cluster prod-web", UiTestBench.clusterNamed("prod-web"));
        robot.interact(() -> cluster.setExpanded(true));
        TreeItem<TreeEntry> folder = bench.waitForRow("services folder", UiTestBench.servicesOf("prod-web"));
        robot.interact(() -> folder.setExpanded(true));
        TreeItem<TreeEntry> row = bench.waitForRow("service edge", UiTestBench.serviceNamed("prod-web", "edge"));
        robot.interact(() -> bench.window.treeController().treeView().scrollTo(bench.window.treeController().treeView().getRow(row)));
        Node cell = UiTestBench.onFx(() -> robot.lookup(".tree-cell").queryAll().stream()
                .filter(n -> ((TreeCell<?>) n).getTreeItem() == row && !((TreeCell<?>) n).isEmpty()).findFirst().orElseThrow());
        robot.clickOn(cell);
        waitUntil("edge's panel", () -> bench.window.servicePanel() != null && bench.window.servicePanel().ref().service().equals("edge")
                && bench.window.servicePanel().model().serviceProperty().get() != null);
        Label counts = robot.lookup("#serviceCounts").queryAs(Label.class);
        waitUntil("the task set's one task counted", () -> UiTestBench.fx(() -> counts.getText().startsWith("2 desired · 1 running")));
        Label subtitle = robot.lookup(".detail-subtitle").queryAs(Label.class);
        assertEquals("Service in prod-web · REPLICA · task sets of an external deployment controller", UiTestBench.onFx(subtitle::getText));
        for (String tab : List.of("Deployments", "Tasks", "Events", "Configuration", "Load balancing", "Charts")) {
            clickTab(robot, tab);
        }
        assertTrue(UiTestBench.fx(() -> robot.lookup("#editTaskDefinitionButton").queryAs(Button.class).isDisabled()),
                "no task definition of its own to edit");
        assertTrue(UiTestBench.fx(() -> robot.lookup("#deployServiceButton").queryAs(Button.class).isDisabled()),
                "its task sets are deployed by its external controller, not here");
        assertEquals(1, taskSets.describeTaskSets("prod-web", "edge", List.of(ts.id()), null).items().get(0).runningCount());

        // Scaling the service rescales its task set: 50% of 4 is 2.
        ServicePanel panel = bench.window.servicePanel();
        robot.clickOn("#scaleUpButton");
        robot.clickOn("#scaleUpButton");
        waitUntil("4 dialled", () -> panel.scaler().desiredProperty().get() == 4);
        robot.clickOn("#applyScaleButton");
        waitUntil("the question", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        UiTestBench.answerDialog(robot, "Confirm");
        PanelClock.advanceUntil(bench, panel, "the task set runs 2 of 4", Duration.ofSeconds(30), 10,
                () -> UiTestBench.fx(() -> counts.getText().startsWith("4 desired · 2 running · 0 pending")));
        assertEquals(2, taskSets.describeTaskSets("prod-web", "edge", List.of(ts.id()), null).items().get(0).computedDesiredCount());
        bench.closeAndCheck();
    }
}
