package dev.ecsdeck.ui.attention;

import static dev.ecsdeck.ui.UiTestBench.clusterNamed;
import static dev.ecsdeck.ui.UiTestBench.serviceNamed;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.ui.TableOnScreen;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.attention.AttentionItem.Kind;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** "Needs attention" in the real window: the list across clusters, going to a row in the tree, the count on cluster rows. */
@ExtendWith(ApplicationExtension.class)
class NeedsAttentionUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    private TableView<AttentionItem> openTab(FxRobot robot) {
        waitUntil("the first check", () -> !bench.window.attention().items().isEmpty());
        robot.clickOn(robot.lookup(".tab-label").match((Label l) -> l.getText().startsWith("Needs attention")).<Node>query());
        TableView<AttentionItem> table = robot.lookup("#attentionTable").queryTableView();
        waitUntil("the list on screen", () -> table.isVisible() && !table.getItems().isEmpty());
        return table;
    }

    private Node row(FxRobot robot, String subject, Kind kind) {
        return robot.lookup("#attentionTable").lookup(".table-row-cell").match((TableRow<AttentionItem> r) -> r.getItem() != null
                && r.getItem().subject().equals(subject) && r.getItem().kind() == kind).query();
    }

    /** The attention badge on a cluster's tree row, if it shows. */
    private Optional<String> badgeOf(FxRobot robot, String cluster) {
        return UiTestBench.onFx(() -> robot.lookup(".tree-cell").match((TreeCell<TreeEntry> c) -> c.getItem() instanceof TreeEntry.ClusterEntry e
                && e.cluster().clusterName().equals(cluster)).tryQuery().flatMap(cell -> cell.lookupAll(".attention-count").stream()
                .filter(Node::isVisible).map(n -> ((Label) n).getText()).findFirst()));
    }

    private TreeEntry selectedInTree() {
        return UiTestBench.onFx(() -> {
            TreeItem<TreeEntry> item = bench.window.treeController().treeView().getSelectionModel().getSelectedItem();
            return item == null ? null : item.getValue();
        });
    }

    @Test
    void listsTheRollbackAndTheCrashLoopAndGoesToTheServiceInTheTree(FxRobot robot) {
        bench.waitForRow("clusters", clusterNamed("staging"));
        TableView<AttentionItem> table = openTab(robot);
        List<String> rows = UiTestBench.onFx(() -> table.getItems().stream()
                .map(i -> i.cluster() + " " + i.subject() + " " + i.kind().label()).sorted().toList());
        assertEquals(List.of("prod-web checkout waiting for you", "prod-web payments rolled back", "staging notifications below desired",
                "staging notifications tasks failing"), rows, "checkout's canary waits at a PAUSE hook; catalog's bake time is planned");
        assertTrue(UiTestBench.fx(() -> robot.lookup(".tab-label").match((Label l) -> "Needs attention (4)".equals(l.getText()))
                .tryQuery().isPresent()), "the tab says how many");

        waitUntil("the badges on the collapsed cluster rows", () -> badgeOf(robot, "staging").isPresent());
        assertEquals(Optional.of("2"), badgeOf(robot, "staging"));
        assertEquals(Optional.of("2"), badgeOf(robot, "prod-web"));
        assertEquals(Optional.empty(), badgeOf(robot, "prod-batch"), "nothing wrong there: no badge");

        robot.doubleClickOn(row(robot, "payments", Kind.ROLLED_BACK));
        waitUntil("payments selected in the tree", () -> serviceNamed("prod-web", "payments").test(selectedInTree()));
        waitUntil("its panel", () -> bench.window.servicePanel() != null && bench.window.servicePanel().ref().service().equals("payments"));
        waitUntil("prod-web open: its services show their own badges", () -> badgeOf(robot, "prod-web").isEmpty());

        openTab(robot);
        robot.clickOn(row(robot, "notifications", Kind.TASKS_FAILING)).type(KeyCode.ENTER);
        waitUntil("notifications selected in the tree", () -> serviceNamed("staging", "notifications").test(selectedInTree()));
        bench.closeAndCheck();
    }

    @Test
    void theListFitsTheDefaultWindowWithNothingCutInLightAndDark(FxRobot robot) {
        TableOnScreen.treeAtDefaultWidth(robot, bench);
        bench.waitForRow("clusters", clusterNamed("staging"));
        TableView<AttentionItem> table = openTab(robot);
        TableOnScreen.assertFitsInLightAndDark(robot, table);
        bench.closeAndCheck();
    }

    @Test
    void aDrainingInstanceIsListedAfterARefreshAndLeadsToItsRow(FxRobot robot) {
        bench.waitForRow("clusters", clusterNamed("prod-batch"));
        waitUntil("the first check", () -> !bench.window.attention().items().isEmpty());
        ContainerInstance instance = bench.backend.listContainerInstances("prod-batch").get(0);
        bench.engine.clusters().updateContainerInstancesState("prod-batch", List.of(instance.containerInstanceArn()), "DRAINING");
        robot.clickOn(robot.lookup(".tree-cell").match((TreeCell<TreeEntry> c) -> c.getItem() instanceof TreeEntry.BackendEntry).<Node>query());
        robot.type(KeyCode.F5);
        waitUntil("prod-batch's badge", () -> badgeOf(robot, "prod-batch").equals(Optional.of("1")));
        TableView<AttentionItem> table = openTab(robot);
        waitUntil("the instance listed", () -> table.getItems().stream().anyMatch(i -> i.kind() == Kind.INSTANCE_NOT_ACTIVE));
        robot.doubleClickOn(row(robot, instance.ec2InstanceId(), Kind.INSTANCE_NOT_ACTIVE));
        waitUntil("the instance selected in the tree", () -> selectedInTree() instanceof TreeEntry.InstanceEntry i
                && i.instance().containerInstanceArn().equals(instance.containerInstanceArn()));
        bench.closeAndCheck();
    }
}
