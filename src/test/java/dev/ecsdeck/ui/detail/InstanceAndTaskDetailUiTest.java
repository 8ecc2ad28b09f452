package dev.ecsdeck.ui.detail;

import static dev.ecsdeck.ui.UiTestBench.clusterNamed;
import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.serviceNamed;
import static dev.ecsdeck.ui.UiTestBench.servicesOf;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
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
 * A task's network details and age, and a container instance's tasks, Drain… and Deregister…, in the
 * real window on the demo simulation.
 */
@ExtendWith(ApplicationExtension.class)
class InstanceAndTaskDetailUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** The real window on the demo simulation, on this test's stage. */
    private UiTestBench open(boolean readOnly) {
        return onFx(() -> end.watch(new UiTestBench(stage, readOnly)));
    }

    private static boolean shown(FxRobot robot, String text) {
        return robot.lookup(".detail-value").queryAll().stream().anyMatch(n -> n instanceof Label l && text.equals(l.getText()));
    }

    /** The tree cell showing this row, once it is on screen. */
    private static TreeCell<?> cellOf(FxRobot robot, UiTestBench bench, TreeItem<TreeEntry> item) {
        robot.interact(() -> bench.window.treeController().treeView().scrollTo(bench.window.treeController().treeView().getRow(item)));
        waitUntil("the row on screen", () -> robot.lookup(".tree-cell").queryAll().stream()
                .anyMatch(n -> ((TreeCell<?>) n).getTreeItem() == item));
        return (TreeCell<?>) robot.lookup(".tree-cell").queryAll().stream().filter(n -> ((TreeCell<?>) n).getTreeItem() == item)
                .findFirst().orElseThrow();
    }

    private static TreeItem<TreeEntry> expand(FxRobot robot, UiTestBench bench, TreeItem<TreeEntry> item) {
        robot.interact(() -> item.setExpanded(true));
        return item;
    }

    /** Opens prod-batch → Container instances and clicks the instance row of {@code arn}. */
    private static void clickInstance(FxRobot robot, UiTestBench bench, String arn) {
        expand(robot, bench, bench.waitForRow("prod-batch", clusterNamed("prod-batch")));
        TreeItem<TreeEntry> folder = bench.waitForRow("instances folder", e -> e instanceof TreeEntry.FolderEntry f
                && f.cluster().equals("prod-batch") && f.kind() == TreeEntry.FolderKind.INSTANCES);
        expand(robot, bench, folder);
        TreeItem<TreeEntry> row = bench.waitForRow("instance row", e -> e instanceof TreeEntry.InstanceEntry i
                && i.instance().containerInstanceArn().equals(arn));
        robot.clickOn(cellOf(robot, bench, row));
        waitUntil("the instance's detail", () -> bench.window.detail().entryProperty().get() == row.getValue());
    }

    private static ContainerInstance instanceWithServiceTasks(UiTestBench bench) {
        return bench.backend.listContainerInstances("prod-batch").stream()
                .filter(i -> tasksOn(bench, i.containerInstanceArn()).stream().anyMatch(t -> t.group().startsWith("service:reports-worker")))
                .findFirst().orElseThrow();
    }

    private static List<EcsTask> tasksOn(UiTestBench bench, String instanceArn) {
        return bench.backend.listTasks("prod-batch", new TaskFilter(null, instanceArn, null, null, "RUNNING"));
    }

    private static String status(UiTestBench bench, String instanceArn) {
        return bench.engine.clusters().describeContainerInstances("prod-batch", List.of(instanceArn)).items().get(0).status();
    }

    private static String question(FxRobot robot) {
        waitUntil("a confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return onFx(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText());
    }

    @Test
    void aFargateTaskShowsItsPrivateIpInterfaceAndAge(FxRobot robot) {
        UiTestBench bench = open(false);
        expand(robot, bench, bench.waitForRow("prod-web", clusterNamed("prod-web")));
        expand(robot, bench, bench.waitForRow("services", servicesOf("prod-web")));
        TreeItem<TreeEntry> web = expand(robot, bench, bench.waitForRow("web", serviceNamed("prod-web", "web")));
        waitUntil("web's tasks", () -> !web.getChildren().isEmpty() && web.getChildren().get(0).getValue() instanceof TreeEntry.TaskEntry);
        TreeItem<TreeEntry> row = web.getChildren().get(0);
        EcsTask task = ((TreeEntry.TaskEntry) row.getValue()).task();
        EcsTask inSimulator = bench.backend.describeTasks("prod-web", List.of(task.taskArn())).get(0);
        String ip = inSimulator.privateIpv4Address().orElseThrow();
        String eni = inSimulator.networkInterface().orElseThrow().detail("networkInterfaceId").orElseThrow();

        TreeCell<?> cell = cellOf(robot, bench, row);
        robot.clickOn(cell);
        waitUntil("the task's network section on screen", () -> shown(robot, ip));
        assertTrue(onFx(() -> shown(robot, eni)), "the ENI id");
        assertTrue(onFx(() -> shown(robot, inSimulator.networkInterface().get().detail("subnetId").orElseThrow())), "the subnet");
        assertTrue(onFx(() -> shown(robot, inSimulator.networkInterface().get().detail("macAddress").orElseThrow())), "the MAC");

        long minutes = Duration.between(inSimulator.startedAt(), bench.clock.now()).toMinutes();
        waitUntil("the row's age", () -> cell.lookup(".row-age") instanceof Label l && l.getText().equals(age(minutes)));
        bench.clock.advance(Duration.ofMinutes(65));
        waitUntil("the age follows the clock", () -> cell.lookup(".row-age") instanceof Label l && l.getText().equals(age(minutes + 65)));
        bench.closeAndCheck();
    }

    private static String age(long minutes) {
        return minutes < 60 ? minutes + "m" : minutes / 60 + "h " + minutes % 60 + "m";
    }

    @Test
    void anInstanceListsItsTasksAndDrainsOnlyAfterAsking(FxRobot robot) {
        UiTestBench bench = open(false);
        ContainerInstance instance = instanceWithServiceTasks(bench);
        String arn = instance.containerInstanceArn();
        List<EcsTask> onIt = tasksOn(bench, arn);
        clickInstance(robot, bench, arn);
        waitUntil("its tasks listed", () -> onIt.stream().allMatch(t -> robot.lookup(".detail-key").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && t.taskId().equals(l.getText()))));

        robot.clickOn("#drainInstanceButton");
        String asked = question(robot);
        assertThat(asked, containsString(instance.ec2InstanceId()));
        long serviceTasks = onIt.stream().filter(t -> t.group().startsWith("service:")).count();
        assertThat(asked, containsString(serviceTasks + " service task"));
        UiTestBench.answerDialog(robot, "Cancel");
        waitUntil("the question closed", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertEquals("ACTIVE", status(bench, arn), "Cancel changes nothing");

        robot.clickOn("#drainInstanceButton");
        assertThat(question(robot), containsString(instance.ec2InstanceId()));
        UiTestBench.answerDialog(robot, "Confirm");
        waitUntil("draining in the simulator", () -> "DRAINING".equals(status(bench, arn)));
        waitUntil("Activate offered", () -> robot.lookup("#activateInstanceButton").query().isVisible());

        for (int i = 0; i < 30 && !tasksOn(bench, arn).isEmpty(); i++) {
            bench.clock.advance(Duration.ofSeconds(10));
        }
        assertTrue(tasksOn(bench, arn).isEmpty(), "its tasks moved off: " + tasksOn(bench, arn));
        List<EcsTask> workers = bench.backend.listTasks("prod-batch", TaskFilter.ofService("reports-worker"));
        assertEquals(4, workers.size(), "the service keeps its count, elsewhere");
        workers.forEach(t -> assertFalse(arn.equals(t.containerInstanceArn())));
        bench.closeAndCheck();
    }

    @Test
    void deregisterAsksNamingTheInstanceAndForcesWhenTasksRun(FxRobot robot) {
        UiTestBench bench = open(false);
        ContainerInstance instance = instanceWithServiceTasks(bench);
        String arn = instance.containerInstanceArn();
        clickInstance(robot, bench, arn);
        robot.clickOn("#deregisterInstanceButton");
        String asked = question(robot);
        assertThat(asked, containsString(instance.ec2InstanceId()));
        assertThat(asked, containsString("by force"));
        UiTestBench.answerDialog(robot, "Confirm");
        waitUntil("deregistered in the simulator", () -> "INACTIVE".equals(status(bench, arn)));
        assertFalse(bench.backend.listContainerInstances("prod-batch").stream().anyMatch(i -> i.containerInstanceArn().equals(arn)));
        bench.closeAndCheck();
    }

    @Test
    void readOnlyTurnsDrainAndDeregisterOff(FxRobot robot) {
        UiTestBench bench = open(true);
        String arn = instanceWithServiceTasks(bench).containerInstanceArn();
        clickInstance(robot, bench, arn);
        for (String id : List.of("#drainInstanceButton", "#deregisterInstanceButton")) {
            Button b = robot.lookup(id).queryButton();
            assertTrue(b.isVisible(), id);
            assertTrue(b.isDisabled(), id + " is off in read-only mode");
            assertTrue(b.getStyleClass().contains("mutating"), id);
        }
        robot.clickOn("#drainInstanceButton");
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "nothing asked");
        assertEquals("ACTIVE", status(bench, arn));
        bench.closeAndCheck();
    }
}
