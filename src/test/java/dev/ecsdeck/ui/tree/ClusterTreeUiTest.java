package dev.ecsdeck.ui.tree;

import static dev.ecsdeck.ui.UiTestBench.clusterNamed;
import static dev.ecsdeck.ui.UiTestBench.serviceNamed;
import static dev.ecsdeck.ui.UiTestBench.servicesOf;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.detail.DetailRow;
import dev.ecsdeck.ui.detail.DetailSection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
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

/** The cluster tree in the real window: lazy rows, filter, quick-open, refresh, stopped tasks, details of each kind of row. */
@ExtendWith(ApplicationExtension.class)
class ClusterTreeUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    private TreeItem<TreeEntry> open(FxRobot robot, String cluster, String service) {
        TreeItem<TreeEntry> c = bench.waitForRow("cluster " + cluster, clusterNamed(cluster));
        robot.interact(() -> c.setExpanded(true));
        TreeItem<TreeEntry> folder = bench.waitForRow("services", servicesOf(cluster));
        robot.interact(() -> folder.setExpanded(true));
        TreeItem<TreeEntry> row = bench.waitForRow("service " + service, serviceNamed(cluster, service));
        robot.interact(() -> bench.window.treeController().select(row));
        waitUntil("detail of " + service, () -> service.equals(bench.window.detail().titleProperty().get()));
        return row;
    }

    private Set<String> detailValues() {
        return bench.window.detail().sections().stream().flatMap(s -> s.rows().stream()).map(DetailRow::value).collect(Collectors.toSet());
    }

    private List<String> sectionTitles() {
        return bench.window.detail().sections().stream().map(DetailSection::title).toList();
    }

    @Test
    void rowsLoadWhenOpenedWithTheKeyboard(FxRobot robot) {
        TreeItem<TreeEntry> cluster = bench.waitForRow("cluster", clusterNamed("prod-batch"));
        TreeItem<TreeEntry> folder = bench.waitForRow("folder", servicesOf("prod-batch"));
        assertEquals("Loading…", folder.getChildren().get(0).getValue().name(), "nothing loaded before it is opened");
        robot.interact(() -> bench.window.treeController().select(cluster));
        robot.type(KeyCode.ENTER).type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil("services of prod-batch", () -> folder.getChildren().size() == 4
                && folder.getChildren().stream().allMatch(i -> i.getValue() instanceof TreeEntry.ServiceEntry));
        assertTrue(robot.lookup("log-router").tryQuery().isPresent() || folder.isExpanded());
    }

    @Test
    void theFilterNarrowsLoadedRowsAndHighlightsTheMatch(FxRobot robot) {
        open(robot, "prod-web", "web");
        robot.clickOn("#filterField").write("pay");
        waitUntil("only the path to payments", () -> {
            TreeItem<TreeEntry> folder = bench.window.tree().find(servicesOf("prod-web"));
            return folder.getChildren().size() == 1 && folder.getChildren().get(0).getValue().name().equals("payments");
        });
        assertEquals(List.of("prod-web"), bench.window.tree().root().getChildren().stream().map(i -> i.getValue().name()).toList(),
                "clusters without a loaded match are hidden");
        waitUntil("the match highlighted", () -> robot.lookup(".filter-match").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        waitUntil("all rows back", () -> bench.window.tree().root().getChildren().size() == 4
                && bench.window.tree().find(servicesOf("prod-web")).getChildren().size() == 6);
    }

    @Test
    void quickOpenJumpsToAServiceLoadingWhatItNeeds(FxRobot robot) {
        bench.waitForRow("clusters", clusterNamed("staging"));
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        waitUntil("candidates", () -> robot.lookup("#quickOpenResults").tryQuery().isPresent()
                && robot.lookup("#quickOpenQuery").tryQuery().isPresent());
        robot.clickOn("#quickOpenQuery").write("notif");
        waitUntil("staging/notifications first", () -> {
            var shown = robot.lookup("#quickOpenResults").queryListView().getItems();
            return !shown.isEmpty() && shown.get(0).toString().contains("notifications");
        });
        robot.type(KeyCode.ENTER);
        waitUntil("the service selected", () -> "notifications".equals(bench.window.detail().titleProperty().get()));
        assertEquals("Service in staging", bench.window.detail().subtitleProperty().get());
        TreeEntry selected = bench.window.treeController().treeView().getSelectionModel().getSelectedItem().getValue();
        assertTrue(selected instanceof TreeEntry.ServiceEntry s && s.cluster().equals("staging"));
    }

    @Test
    void refreshKeepsExpansionAndSelectionAndFlashesWhatChanged(FxRobot robot) {
        TreeItem<TreeEntry> web = open(robot, "prod-web", "web");
        robot.interact(() -> web.setExpanded(true));
        waitUntil("web's tasks", () -> web.getChildren().size() == 4);
        bench.backend.updateService(ServiceUpdate.desiredCount("prod-web", "web", 5));
        bench.clock.advance(Duration.ofMinutes(2));
        robot.type(KeyCode.F5);
        waitUntil("the refreshed row", () -> ((TreeEntry.ServiceEntry) web.getValue()).service().runningCount() == 5
                && web.getChildren().size() == 5);
        assertSame(web, bench.window.treeController().treeView().getSelectionModel().getSelectedItem(), "selection kept");
        assertTrue(web.isExpanded(), "expansion kept");
        assertThat(detailValues(), hasItem("5 running / 5 desired / 0 pending"));
        waitUntil("the changed row flashes", () -> robot.lookup(".tree-cell").queryAll().stream()
                .anyMatch(n -> n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("changed"))
                        && ((TreeCell<?>) n).getItem() == web.getValue()));
    }

    @Test
    void stoppedTasksShowWithTheirReasonWhenAsked(FxRobot robot) {
        TreeItem<TreeEntry> crashing = open(robot, "staging", "notifications");
        robot.interact(() -> crashing.setExpanded(true));
        waitUntil("loaded", () -> ((EntryItem) crashing).state() == EntryItem.State.LOADED);
        assertFalse(crashing.getChildren().stream().anyMatch(i -> i.getValue() instanceof TreeEntry.TaskEntry t
                && "STOPPED".equals(t.task().lastStatus())));
        robot.clickOn("#showStoppedBox");
        waitUntil("stopped tasks", () -> crashing.getChildren().stream().anyMatch(i -> i.getValue() instanceof TreeEntry.TaskEntry t
                && "EssentialContainerExited".equals(t.task().stopCode())));
        TreeItem<TreeEntry> stopped = crashing.getChildren().stream().filter(i -> i.getValue() instanceof TreeEntry.TaskEntry t
                && "STOPPED".equals(t.task().lastStatus())).findFirst().orElseThrow();
        robot.interact(() -> bench.window.treeController().select(stopped));
        waitUntil("task detail", () -> sectionTitles().contains("Task"));
        assertThat(detailValues(), hasItem("Essential container in task exited"));
        assertThat(detailValues(), hasItem("137"));
    }

    @Test
    void eachKindOfRowHasItsDetail(FxRobot robot) {
        TreeItem<TreeEntry> cluster = bench.waitForRow("cluster", clusterNamed("prod-batch"));
        robot.interact(() -> bench.window.treeController().select(cluster));
        waitUntil("cluster detail", () -> sectionTitles().equals(List.of("Cluster", "Capacity and settings")));
        assertThat(detailValues(), hasItem(cluster.getValue().arn()));

        open(robot, "prod-web", "orders-api");
        waitUntil("scaling summary", () -> sectionTitles().contains("Auto scaling"));
        assertThat(detailValues(), hasItem("2 – 10"));
        assertThat(detailValues(), hasItem("target tracking average CPU % at 60.0"));

        TreeItem<TreeEntry> api = bench.window.tree().find(serviceNamed("prod-web", "orders-api"));
        robot.interact(() -> api.setExpanded(true));
        waitUntil("tasks", () -> !api.getChildren().isEmpty() && api.getChildren().get(0).getValue() instanceof TreeEntry.TaskEntry);
        TreeItem<TreeEntry> task = api.getChildren().get(0);
        robot.interact(() -> bench.window.treeController().select(task));
        waitUntil("task detail", () -> sectionTitles().equals(List.of("Task", "Network", "Container orders-api")));
        assertThat(detailValues(), hasItem("RUNNING (desired RUNNING)"));
        assertThat(detailValues(), hasItem("Fargate"));

        robot.interact(() -> task.setExpanded(true));
        TreeItem<TreeEntry> container = task.getChildren().get(0);
        robot.interact(() -> bench.window.treeController().select(container));
        waitUntil("container detail", () -> sectionTitles().equals(List.of("Container orders-api")));
        assertThat(detailValues(), hasItem("123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:3.4.1"));

        TreeItem<TreeEntry> batch = bench.window.tree().find(clusterNamed("prod-batch"));
        robot.interact(() -> batch.setExpanded(true));
        TreeItem<TreeEntry> instances = bench.window.tree().find(e -> e instanceof TreeEntry.FolderEntry f && f.cluster().equals("prod-batch")
                && f.kind() == TreeEntry.FolderKind.INSTANCES);
        robot.interact(() -> instances.setExpanded(true));
        waitUntil("instances", () -> instances.getChildren().get(0).getValue() instanceof TreeEntry.InstanceEntry);
        robot.interact(() -> bench.window.treeController().select(instances.getChildren().get(0)));
        waitUntil("instance detail", () -> sectionTitles().equals(List.of("Container instance", "Attributes", "Tasks on this instance")));
        assertTrue(detailValues().stream().anyMatch(v -> v.matches("\\d+ of 2048 units free")), detailValues().toString());
        assertThat(detailValues(), hasItem("m5.large"));

        TreeItem<TreeEntry> defs = bench.window.tree().find(e -> e instanceof TreeEntry.FolderEntry f
                && f.kind() == TreeEntry.FolderKind.TASK_DEFINITIONS);
        assertSame(bench.window.tree().root(), defs.getParent(), "one folder of families, under the backend");
        robot.interact(() -> bench.window.treeController().select(defs));
        int families = bench.backend.listTaskDefinitionFamilies().size();
        waitUntil("the folder's detail", () -> sectionTitles().equals(List.of("Task definitions")));
        assertThat(detailValues(), hasItem(families + " with an active revision"));
        robot.interact(() -> defs.setExpanded(true));
        waitUntil("families", () -> bench.window.tree().find(e -> e instanceof TreeEntry.FamilyEntry f && f.family().equals("checkout")) != null);
        assertEquals(families, defs.getChildren().size());
        assertThat("the detail stays true once the row is open", detailValues(), hasItem(families + " with an active revision"));
        TreeItem<TreeEntry> family = bench.window.tree().find(e -> e instanceof TreeEntry.FamilyEntry f && f.family().equals("checkout"));
        robot.interact(() -> family.setExpanded(true));
        waitUntil("revisions newest first", () -> family.getChildren().size() == 2 && family.getChildren().get(0).getValue().name().equals("checkout:2"));
        robot.interact(() -> bench.window.treeController().select(family.getChildren().get(0)));
        waitUntil("the revision's document", () -> bench.window.detail().documentProperty().get().contains("\"checkout:1.9.0\"")
                || bench.window.detail().documentProperty().get().contains("checkout:1.9.0"));
        assertTrue(robot.lookup("#documentArea").query().isVisible());
    }

    @Test
    void theContextMenuOffersWhatTheRowAllowsAndNoChangesWhenReadOnly(FxRobot robot) {
        TreeItem<TreeEntry> web = open(robot, "prod-web", "web");
        robot.interact(() -> web.setExpanded(true));
        waitUntil("tasks", () -> web.getChildren().get(0).getValue() instanceof TreeEntry.TaskEntry);
        TreeItem<TreeEntry> task = web.getChildren().get(0);
        String id = task.getValue().name();
        String td = dev.ecsdeck.model.Arns.familyRevision(task.getValue().taskDefinitionArn());
        ContextMenu menu = rightClick(robot, task);
        assertEquals(List.of("Tail logs of task " + id, "Stop task " + id + "…", "Open shell…", "Show task definition " + td,
                "Edit task definition " + td + "…", "Copy name \"" + id + "\"", "Copy ARN of task " + id, "Refresh task " + id),
                menu.getItems().stream().filter(m -> !(m instanceof javafx.scene.control.SeparatorMenuItem)).map(MenuItem::getText).toList());
        assertTrue(menu.getItems().stream().filter(m -> !m.getStyleClass().contains("mutating")).noneMatch(MenuItem::isDisable));
        robot.type(KeyCode.ESCAPE);
        waitUntil("the menu closed", () -> !menu.isShowing());

        robot.interact(() -> bench.shell.readOnlyProperty().set(true));
        ContextMenu readOnly = rightClick(robot, task);
        List<MenuItem> mutating = readOnly.getItems().stream().filter(m -> m.getStyleClass().contains("mutating")).toList();
        assertEquals(List.of("Stop task " + id + "…", "Open shell…"), mutating.stream().map(MenuItem::getText).toList());
        assertTrue(mutating.stream().allMatch(MenuItem::isDisable));
        robot.type(KeyCode.ESCAPE);
    }

    /** Right-clicks a row's cell with the mouse and returns the menu that opened. */
    private ContextMenu rightClick(FxRobot robot, TreeItem<TreeEntry> row) {
        javafx.scene.Node cell = UiTestBench.onFx(() -> robot.lookup(".tree-cell").queryAll().stream()
                .filter(n -> ((TreeCell<?>) n).getTreeItem() == row && !((TreeCell<?>) n).isEmpty()).findFirst().orElseThrow());
        robot.rightClickOn(cell);
        waitUntil("a menu", () -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w instanceof ContextMenu && w.isShowing()));
        return UiTestBench.onFx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> (ContextMenu) w).findFirst().orElseThrow());
    }
}
