package dev.ecsdeck.ui.tree;

import static dev.ecsdeck.ui.UiTestBench.clusterNamed;
import static dev.ecsdeck.ui.UiTestBench.serviceNamed;
import static dev.ecsdeck.ui.UiTestBench.servicesOf;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ForwardingEcsProvider;
import dev.ecsdeck.provider.Operation;
import dev.ecsdeck.provider.ThrottledException;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Finding things in the real window: the filter finds services of clusters nobody opened, quick
 * open narrows and finds services, tasks and families, a stopped task's link in the events shows
 * it. The window's backend can hold one cluster's ListServices, so the progress is seen for sure.
 */
@ExtendWith(ApplicationExtension.class)
class TreeSearchUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;
    private Held held;

    /** The simulator, whose ListServices of one cluster waits until the test lets it go. */
    private static final class Held extends ForwardingEcsProvider {
        private volatile String cluster;
        private volatile String throttled;
        private final CountDownLatch gate = new CountDownLatch(1);

        Held(EcsProvider delegate) {
            super(delegate);
        }

        void hold(String name) {
            cluster = name;
        }

        void release() {
            gate.countDown();
        }

        /** The cluster's next ListServices is throttled, as ECS does once the SDK's retries are spent. */
        void throttleOnce(String name) {
            throttled = name;
        }

        @Override
        public List<String> listServiceNames(String name) {
            if (name.equals(throttled)) {
                throttled = null;
                throw new ThrottledException(Operation.LIST_SERVICES, "ThrottlingException", "Rate exceeded");
            }
            if (name.equals(cluster)) {
                try {
                    gate.await(15, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.listServiceNames(name);
        }
    }

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false, UiTestBench.draftsDir(), engine -> held = new Held(new SimProvider(engine, "demo"))));
    }

    /** Lets a held call go before the window closes. */
    @AfterEach
    void release() {
        held.release();
    }

    private TreeView<TreeEntry> treeView() {
        return bench.window.treeController().treeView();
    }

    private boolean onScreen(TreeItem<TreeEntry> item) {
        return item != null && treeView().getRow(item) >= 0;
    }

    private String filterStatus(FxRobot robot) {
        Label label = robot.lookup("#filterStatus").query();
        return label.isVisible() ? label.getText() : "";
    }

    @Test
    void theFilterFindsAServiceOfAClusterNobodyOpenedSayingSoWhileItSearches(FxRobot robot) {
        held.hold("staging");
        TreeItem<TreeEntry> staging = bench.waitForRow("staging", clusterNamed("staging"));
        TreeItem<TreeEntry> families = bench.waitForRow("families",
                e -> e instanceof TreeEntry.FolderEntry f && f.kind() == TreeEntry.FolderKind.TASK_DEFINITIONS);
        robot.interact(() -> families.setExpanded(true));
        TreeItem<TreeEntry> family = bench.waitForRow("the notifications family",
                e -> e instanceof TreeEntry.FamilyEntry f && f.family().equals("notifications"));
        robot.interact(() -> bench.window.treeController().select(family));
        assertFalse(staging.isExpanded());
        robot.clickOn("#filterField").write("notif");
        waitUntil("the progress", () -> filterStatus(robot).equals("Searching services: 2 of 3 clusters…"));
        held.release();
        waitUntil("staging → Services → notifications on screen", () -> onScreen(bench.window.tree().find(serviceNamed("staging", "notifications"))));
        TreeItem<TreeEntry> folder = bench.window.tree().find(servicesOf("staging"));
        assertEquals(List.of("notifications"), folder.getChildren().stream().map(i -> i.getValue().name()).toList());
        assertSame(folder.getParent(), staging);
        waitUntil("the progress gone", () -> filterStatus(robot).isEmpty());
        assertSame(family, treeView().getSelectionModel().getSelectedItem(), "the selected row still matches: it stays selected");
        assertEquals("notifications", bench.window.detail().titleProperty().get());
        assertEquals(List.of("staging", "Task definitions"), bench.window.tree().root().getChildren().stream().map(i -> i.getValue().name()).toList());
    }

    @Test
    void theFilterKeepsTheSelectedRowWhenItStillMatches(FxRobot robot) {
        held.release();
        TreeItem<TreeEntry> web = bench.openServicePanel(robot, "prod-web", "web") == null ? null
                : bench.window.tree().find(serviceNamed("prod-web", "web"));
        robot.clickOn("#filterField").write("web");
        waitUntil("staging's web found too", () -> onScreen(bench.window.tree().find(serviceNamed("staging", "web"))));
        assertSame(web, treeView().getSelectionModel().getSelectedItem(), "the selected row stays selected");
        assertEquals("web", bench.window.detail().titleProperty().get());
        assertEquals("prod-web", ((TreeEntry.ServiceEntry) bench.window.detail().entryProperty().get()).cluster());
    }

    private ListView<QuickOpenViewModel.Target> results(FxRobot robot) {
        return robot.lookup("#quickOpenResults").queryListView();
    }

    private void openQuickOpen(FxRobot robot) {
        bench.waitForRow("clusters", clusterNamed("staging"));
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        waitUntil("quick open", () -> robot.lookup("#quickOpenQuery").tryQuery().isPresent() && robot.lookup("#quickOpenQuery").query().isVisible());
    }

    @Test
    void quickOpenNarrowsAsYouTypeShowsProgressAndOpensAServiceFast(FxRobot robot) {
        held.hold("staging");
        openQuickOpen(robot);
        Label status = robot.lookup("#quickOpenStatus").query();
        waitUntil("progress", () -> status.getText().startsWith("Listing services: 2 of 3 clusters…"));
        waitUntil("what is known listed", () -> results(robot).getItems().size() > 10);
        int before = results(robot).getItems().size();
        held.release();
        waitUntil("loading ended", () -> !status.getText().contains("Listing"));
        robot.clickOn("#quickOpenQuery").write("notif");
        waitUntil("narrowed", () -> results(robot).getItems().size() < before && !results(robot).getItems().isEmpty());
        List<QuickOpenViewModel.Target> shown = List.copyOf(results(robot).getItems());
        assertTrue(shown.stream().allMatch(t -> FuzzyMatch.score("notif", t.name()) >= 0), shown.toString());
        assertEquals(QuickOpenViewModel.Target.service("staging", "notifications"), shown.get(0));
        assertTrue(shown.stream().noneMatch(t -> t.name().equals("web")), "what does not match is gone");
        assertTrue(status.getText().contains(shown.size() == 1 ? "1 match" : shown.size() + " matches"), status.getText());
        robot.type(KeyCode.ENTER);
        waitUntil("the service selected", () -> "notifications".equals(bench.window.detail().titleProperty().get()));
        assertEquals("Service in staging", bench.window.detail().subtitleProperty().get());
        TreeItem<TreeEntry> selected = treeView().getSelectionModel().getSelectedItem();
        assertTrue(selected.getValue() instanceof TreeEntry.ServiceEntry s && s.cluster().equals("staging"));
        waitUntil("the rest of staging's services follow", () -> bench.window.tree().find(servicesOf("staging")).getChildren().size() == 3);
        assertSame(selected, treeView().getSelectionModel().getSelectedItem(), "the row stays selected as the others arrive");
    }

    @Test
    void quickOpenSaysWhileTheBackendThrottlesThenFindsAndOpensTheServiceWithNoErrorDialog(FxRobot robot) {
        held.throttleOnce("staging");
        held.hold("staging");
        openQuickOpen(robot);
        Label status = robot.lookup("#quickOpenStatus").query();
        waitUntil("the throttling said", () -> status.getText().startsWith("Listing services: 2 of 3 clusters — throttled, retrying…"));
        assertEquals(2, robot.listWindows().stream().filter(javafx.stage.Window::isShowing).count(),
                "the window and quick open: no error dialog for a throttled call that is retried");
        robot.clickOn("#quickOpenQuery").write("notif");
        held.release();
        waitUntil("loading ended", () -> !status.getText().contains("Listing"));
        assertFalse(status.getText().contains("throttled"), status.getText());
        waitUntil("staging's service found", () -> !results(robot).getItems().isEmpty()
                && results(robot).getItems().get(0).equals(QuickOpenViewModel.Target.service("staging", "notifications")));
        robot.type(KeyCode.ENTER);
        waitUntil("the service selected", () -> "notifications".equals(bench.window.detail().titleProperty().get()));
        assertEquals("Service in staging", bench.window.detail().subtitleProperty().get());
        assertTrue(treeView().getSelectionModel().getSelectedItem().getValue() instanceof TreeEntry.ServiceEntry s
                && s.cluster().equals("staging") && s.service().serviceName().equals("notifications"));
    }

    @Test
    void quickOpenFindsATaskByTheStartOfItsId(FxRobot robot) {
        held.release();
        EcsTask task = bench.backend.listTasks("prod-web", TaskFilter.ofService("orders-api")).get(0);
        openQuickOpen(robot);
        robot.clickOn("#quickOpenQuery").write(task.taskId().substring(0, 8));
        waitUntil("the task listed", () -> results(robot).getItems().stream().anyMatch(t -> t.kind() == QuickOpenViewModel.Kind.TASK
                && t.name().equals(task.taskId())));
        assertTrue(results(robot).getItems().get(0).label().startsWith("task " + task.taskId() + "  —  prod-web · orders-api · "));
        robot.type(KeyCode.ENTER);
        waitUntil("the task selected", () -> task.taskId().equals(bench.window.detail().titleProperty().get()));
        assertTrue(treeView().getSelectionModel().getSelectedItem().getValue() instanceof TreeEntry.TaskEntry t
                && t.task().taskId().equals(task.taskId()));
    }

    @Test
    void quickOpenFindsAFamilyAndOpensItsRevisions(FxRobot robot) {
        held.release();
        openQuickOpen(robot);
        robot.clickOn("#quickOpenQuery").write("checkout");
        waitUntil("the family listed", () -> results(robot).getItems().stream().anyMatch(t -> t.kind() == QuickOpenViewModel.Kind.FAMILY));
        for (int i = 0; i < 5 && results(robot).getSelectionModel().getSelectedItem().kind() != QuickOpenViewModel.Kind.FAMILY; i++) {
            robot.type(KeyCode.DOWN);
        }
        assertEquals("checkout  —  task definition family", results(robot).getSelectionModel().getSelectedItem().label());
        robot.type(KeyCode.ENTER);
        waitUntil("the revisions browser on checkout", () -> bench.window.detailTabs().getSelectionModel().getSelectedItem().getId().equals("revisionsTab")
                && "checkout".equals(bench.window.revisions().familyProperty().get()));
        waitUntil("its revisions", () -> bench.window.revisions().revisions().size() == 2);
    }

    @Test
    void aStoppedTasksLinkInTheEventsShowsThatTask(FxRobot robot) {
        held.release();
        bench.openServicePanel(robot, "staging", "notifications");
        CheckBox stoppedBox = robot.lookup("#showStoppedBox").query();
        assertFalse(stoppedBox.isSelected());
        robot.clickOn(robot.lookup(".tab").lookup((Node n) -> n.lookup(".tab-label") instanceof javafx.scene.control.Label l
                && "Events".equals(l.getText())).<Node>query());
        waitUntil("task links", () -> robot.lookup(".task-link").queryAll().stream().anyMatch(Node::isVisible));
        Hyperlink link = robot.lookup(".task-link").<Hyperlink>queryAll().stream().filter(Node::isVisible)
                .filter(l -> "STOPPED".equals(bench.backend.describeTasks("staging", List.of((String) l.getUserData())).get(0).lastStatus()))
                .findFirst().orElseThrow(() -> new AssertionError("no stopped task named in the events"));
        String id = (String) link.getUserData();
        robot.clickOn(link);
        waitUntil("the stopped task selected", () -> treeView().getSelectionModel().getSelectedItem() != null
                && treeView().getSelectionModel().getSelectedItem().getValue() instanceof TreeEntry.TaskEntry t && t.task().taskId().equals(id));
        waitUntil("its detail", () -> id.equals(bench.window.detail().titleProperty().get()));
        assertTrue(bench.window.detail().sections().get(0).rows().stream().anyMatch(r -> r.value() != null && r.value().startsWith("STOPPED")));
        assertTrue(stoppedBox.isSelected(), "stopped tasks are on, as the tree says");
        assertEquals("", bench.shell.statusProperty().get() == null ? "" : bench.shell.statusProperty().get().contains(id) ? id : "",
                "no status line about it");
    }
}
