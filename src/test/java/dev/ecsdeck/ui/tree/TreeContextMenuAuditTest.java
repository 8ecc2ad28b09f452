package dev.ecsdeck.ui.tree;

import static dev.ecsdeck.ui.UiTestBench.clusterNamed;
import static dev.ecsdeck.ui.UiTestBench.fx;
import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.serviceNamed;
import static dev.ecsdeck.ui.UiTestBench.servicesOf;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.service.ServicePanel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tree's context menu, audited row kind by row kind: with row A selected, a right-click on row B
 * and each item of B's menu must act on B — what opens, asks, copies or changes names B, and the
 * tree and the detail show B. Each menu offers exactly what applies to its kind of row.
 */
@ExtendWith(ApplicationExtension.class)
class TreeContextMenuAuditTest {
    private static final String NOTHING_COPIED = "nothing copied yet";
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;
    private FxRobot robot;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    /** One item of B's menu and what choosing it must have done to B; whether B's row stays afterwards. */
    private record Check(String item, Runnable then, boolean rowStays) {
        Check(String item, Runnable then) {
            this(item, then, true);
        }
    }

    // ---- the audit, kind by kind ----

    @Test
    void serviceRows(FxRobot robot) {
        this.robot = robot;
        TreeItem<TreeEntry> a = service("prod-web", "web");
        TreeItem<TreeEntry> b = service("prod-web", "orders-api");
        TreeEntry.ServiceEntry s = (TreeEntry.ServiceEntry) b.getValue();
        String td = Arns.familyRevision(s.taskDefinitionArn());
        assertEquals("orders-api:1", td);
        assertNotEquals(((TreeEntry.ServiceEntry) a.getValue()).service().desiredCount(), s.service().desiredCount(),
                "A and B scale to different counts, so the spinner tells them apart");
        List<String> offered = List.of("Tail logs of service orders-api", "Scale service orders-api…", "Show task definition orders-api:1",
                "Edit task definition orders-api:1…", "Copy name \"orders-api\"", "Copy ARN of service orders-api", "Refresh service orders-api");
        audit(a, b, offered, List.of(
                new Check("Tail logs of service orders-api", () -> tailTitled("service orders-api (prod-web)")),
                new Check("Scale service orders-api…", () -> scaleSpinnerFocusedOn("orders-api", s.service().desiredCount())),
                new Check("Show task definition orders-api:1", () -> detailShowsTaskDefinitionOf(b)),
                new Check("Edit task definition orders-api:1…", () -> editorOpenOn("orders-api:1")),
                new Check("Copy name \"orders-api\"", () -> copied("orders-api")),
                new Check("Copy ARN of service orders-api", () -> copied(s.arn())),
                new Check("Refresh service orders-api", () -> {
                    // The refresh must read B anew: a change made behind the console's back shows.
                    bench.backend.updateService(ServiceUpdate.desiredCount("prod-web", "orders-api", 7));
                    robot.clickOn(cellOf(a));
                    rightClick(b);
                    choose("Refresh service orders-api");
                    waitUntil("orders-api read anew", () -> ((TreeEntry.ServiceEntry) b.getValue()).service().desiredCount() == 7);
                })));
    }

    @Test
    void taskRows(FxRobot robot) {
        this.robot = robot;
        TreeItem<TreeEntry> web = service("prod-web", "web");
        List<TreeItem<TreeEntry>> tasks = children(web, 4);
        TreeItem<TreeEntry> a = tasks.get(0);
        TreeItem<TreeEntry> b = tasks.get(1);
        EcsTask taskA = ((TreeEntry.TaskEntry) a.getValue()).task();
        EcsTask taskB = ((TreeEntry.TaskEntry) b.getValue()).task();
        String id = taskB.taskId();
        String td = Arns.familyRevision(taskB.taskDefinitionArn());
        List<String> offered = List.of("Tail logs of task " + id, "Stop task " + id + "…", "Open shell…", "Show task definition " + td,
                "Edit task definition " + td + "…", "Copy name \"" + id + "\"", "Copy ARN of task " + id, "Refresh task " + id);
        audit(a, b, offered, List.of(
                new Check("Tail logs of task " + id, () -> tailTitled("task " + id.substring(0, 8) + " (prod-web)")),
                new Check("Open shell…", () -> {
                    waitUntil("the Open shell window of task B", () -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage st
                            && st.isShowing() && ("Open a shell in task " + id).equals(st.getTitle())));
                    robot.clickOn("#closeShellDialog");
                    waitUntil("the window closed", () -> robot.lookup("#shellContainer").tryQuery().isEmpty());
                }),
                new Check("Show task definition " + td, () -> detailShowsTaskDefinitionOf(b)),
                new Check("Edit task definition " + td + "…", () -> editorOpenOn(td)),
                new Check("Copy name \"" + id + "\"", () -> copied(id)),
                new Check("Copy ARN of task " + id, () -> copied(taskB.taskArn())),
                new Check("Refresh task " + id, () -> { }),
                new Check("Stop task " + id + "…", () -> {
                    String question = askedQuestion();
                    assertTrue(question.contains(id) && !question.contains(taskA.taskId()), question);
                    UiTestBench.answerDialog(robot, "Cancel");
                    waitUntil("cancelled", () -> "Cancelled.".equals(bench.window.detail().messageProperty().get()));
                    assertEquals("RUNNING", desiredStatus(taskB), "Cancel stops nothing");
                    assertEquals("RUNNING", desiredStatus(taskA));
                }),
                // Last: once B stops, the tree drops its row (stopped tasks are hidden).
                new Check("Stop task " + id + "…", () -> {
                    String question = askedQuestion();
                    assertTrue(question.contains(id) && !question.contains(taskA.taskId()), question);
                    assertTrue(fx(() -> selectedRow() == b && shown(b)), "while asking, the tree and the detail show B");
                    UiTestBench.answerDialog(robot, "Confirm");
                    waitUntil("B stopping", () -> "STOPPED".equals(desiredStatus(taskB)));
                    assertEquals("RUNNING", desiredStatus(taskA), "A still runs");
                    for (TreeItem<TreeEntry> other : tasks.subList(2, tasks.size())) {
                        assertEquals("RUNNING", desiredStatus(((TreeEntry.TaskEntry) other.getValue()).task()), "only B stopped");
                    }
                }, false)));
    }

    @Test
    void containerRows(FxRobot robot) {
        this.robot = robot;
        TreeItem<TreeEntry> web = service("prod-web", "web");
        List<TreeItem<TreeEntry>> tasks = children(web, 4);
        TreeItem<TreeEntry> a = children(tasks.get(0), 2).get(0);
        TreeItem<TreeEntry> b = children(tasks.get(1), 2).get(0);
        TreeEntry.ContainerEntry c = (TreeEntry.ContainerEntry) b.getValue();
        assertEquals(a.getValue().name(), c.name(), "the same container of two tasks: only the task tells them apart");
        String id = c.task().taskId();
        String td = Arns.familyRevision(c.taskDefinitionArn());
        String what = "container " + c.name() + " of task " + id;
        assertNotNull(c.arn());
        List<String> offered = List.of("Tail logs of " + what, "Show task definition " + td, "Edit task definition " + td + "…",
                "Copy name \"" + c.name() + "\"", "Copy ARN of " + what, "Refresh " + what);
        audit(a, b, offered, List.of(
                new Check("Tail logs of " + what, () -> tailTitled(c.name() + " of " + id.substring(0, 8))),
                new Check("Show task definition " + td, () -> detailShowsTaskDefinitionOf(b)),
                new Check("Edit task definition " + td + "…", () -> editorOpenOn(td)),
                new Check("Copy name \"" + c.name() + "\"", () -> copied(c.name())),
                new Check("Copy ARN of " + what, () -> copied(c.arn())),
                new Check("Refresh " + what, () -> { })));
    }

    @Test
    void instanceRows(FxRobot robot) {
        this.robot = robot;
        TreeItem<TreeEntry> folder = folder("prod-batch", TreeEntry.FolderKind.INSTANCES);
        List<TreeItem<TreeEntry>> instances = children(folder, 4);
        TreeItem<TreeEntry> a = instances.get(0);
        TreeItem<TreeEntry> b = instances.get(1);
        String name = b.getValue().name();
        String other = a.getValue().name();
        List<String> offered = List.of("Drain instance " + name + "…", "Deregister instance " + name + "…",
                "Copy name \"" + name + "\"", "Copy ARN of instance " + name, "Refresh instance " + name);
        audit(a, b, offered, List.of(
                new Check("Copy name \"" + name + "\"", () -> copied(name)),
                new Check("Copy ARN of instance " + name, () -> copied(b.getValue().arn())),
                new Check("Refresh instance " + name, () -> { }),
                new Check("Deregister instance " + name + "…", () -> {
                    String question = askedQuestion();
                    assertTrue(question.contains(name) && !question.contains(other), question);
                    UiTestBench.answerDialog(robot, "Cancel");
                    waitUntil("no dialog", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
                    assertEquals("ACTIVE", instanceStatus(b), "Cancel deregisters nothing");
                }),
                new Check("Drain instance " + name + "…", () -> {
                    String question = askedQuestion();
                    assertTrue(question.contains(name) && !question.contains(other), question);
                    UiTestBench.answerDialog(robot, "Cancel");
                    waitUntil("no dialog", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
                    assertEquals("ACTIVE", instanceStatus(b), "Cancel drains nothing");
                }),
                // Last: once B drains, its menu no longer offers Drain.
                new Check("Drain instance " + name + "…", () -> {
                    String question = askedQuestion();
                    assertTrue(question.contains(name) && !question.contains(other), question);
                    UiTestBench.answerDialog(robot, "Confirm");
                    waitUntil("B draining", () -> "DRAINING".equals(instanceStatus(b)));
                    assertEquals("ACTIVE", instanceStatus(a), "A still active");
                    for (TreeItem<TreeEntry> i : instances.subList(2, instances.size())) {
                        assertEquals("ACTIVE", instanceStatus(i), "only B drains");
                    }
                }, false)));
    }

    private String instanceStatus(TreeItem<TreeEntry> row) {
        String arn = row.getValue().arn();
        return bench.backend.listContainerInstances("prod-batch").stream()
                .filter(i -> i.containerInstanceArn().equals(arn)).findFirst().orElseThrow().status();
    }

    @Test
    void clusterRows(FxRobot robot) {
        this.robot = robot;
        TreeItem<TreeEntry> a = bench.waitForRow("prod-web", clusterNamed("prod-web"));
        TreeItem<TreeEntry> b = bench.waitForRow("prod-batch", clusterNamed("prod-batch"));
        List<String> offered = List.of("Copy name \"prod-batch\"", "Copy ARN of cluster prod-batch", "Refresh cluster prod-batch");
        audit(a, b, offered, List.of(
                new Check("Copy name \"prod-batch\"", () -> copied("prod-batch")),
                new Check("Copy ARN of cluster prod-batch", () -> copied(b.getValue().arn())),
                new Check("Refresh cluster prod-batch", () -> { })));
    }

    @Test
    void folderRows(FxRobot robot) {
        this.robot = robot;
        TreeItem<TreeEntry> a = folder("prod-web", TreeEntry.FolderKind.SERVICES);
        TreeItem<TreeEntry> b = folder("prod-batch", TreeEntry.FolderKind.INSTANCES);
        audit(a, b, List.of("Refresh container instances of prod-batch"), List.of(
                new Check("Refresh container instances of prod-batch", () -> { })));
    }

    @Test
    void familyRows(FxRobot robot) {
        this.robot = robot;
        TreeItem<TreeEntry> a = family("checkout");
        TreeItem<TreeEntry> b = family("payments");
        audit(a, b, List.of("Browse revisions of payments", "Copy name \"payments\"", "Refresh family payments"), List.of(
                new Check("Browse revisions of payments", () -> revisionsBrowserOn("payments")),
                new Check("Copy name \"payments\"", () -> copied("payments")),
                new Check("Refresh family payments", () -> { })));
    }

    @Test
    void revisionRows(FxRobot robot) {
        this.robot = robot;
        List<TreeItem<TreeEntry>> revisions = children(family("checkout"), 2);
        TreeItem<TreeEntry> a = revisions.get(0);
        TreeItem<TreeEntry> b = revisions.get(1);
        assertEquals("checkout:1", b.getValue().name());
        List<String> offered = List.of("Browse revisions of checkout", "Edit task definition checkout:1…", "Copy name \"checkout:1\"",
                "Copy ARN of task definition checkout:1", "Refresh task definition checkout:1");
        audit(a, b, offered, List.of(
                new Check("Browse revisions of checkout", () -> revisionsBrowserOn("checkout")),
                new Check("Edit task definition checkout:1…", () -> editorOpenOn("checkout:1")),
                new Check("Copy name \"checkout:1\"", () -> copied("checkout:1")),
                new Check("Copy ARN of task definition checkout:1", () -> copied(b.getValue().arn())),
                new Check("Refresh task definition checkout:1", () -> { })));
    }

    @Test
    void theMenuKeyAndShiftF10OpenTheSelectedRowsMenu(FxRobot robot) {
        this.robot = robot;
        TreeItem<TreeEntry> a = service("prod-web", "web");
        TreeItem<TreeEntry> b = service("prod-web", "orders-api");
        robot.clickOn(cellOf(a));
        robot.clickOn(cellOf(b));
        waitUntil("B selected", () -> selectedRow() == b);
        robot.press(KeyCode.SHIFT).type(KeyCode.F10).release(KeyCode.SHIFT);
        assertTrue(menuShowing().contains("Scale service orders-api…"), menuShowing().toString());
        robot.type(KeyCode.ESCAPE);
        waitUntil("the menu closed", () -> showingMenu() == null);
        robot.type(KeyCode.CONTEXT_MENU);
        assertEquals("Tail logs of service orders-api", menuShowing().get(0));
        choose("Scale service orders-api…");
        scaleSpinnerFocusedOn("orders-api", ((TreeEntry.ServiceEntry) b.getValue()).service().desiredCount());
    }

    // ---- the audit loop ----

    /**
     * For each check: select A with the mouse, right-click B, see B's menu offer exactly
     * {@code offered}, choose the item, then check what it did and that the tree and detail show B.
     */
    private void audit(TreeItem<TreeEntry> a, TreeItem<TreeEntry> b, List<String> offered, List<Check> checks) {
        assertEquals(java.util.Set.copyOf(offered), checks.stream().map(Check::item).collect(java.util.stream.Collectors.toSet()),
                "every offered item is audited");
        for (Check check : checks) {
            robot.clickOn(cellOf(a));
            waitUntil("A selected and shown", () -> selectedRow() == a && shown(a));
            putOnClipboard(NOTHING_COPIED);
            rightClick(b);
            assertSame(b, onFx(this::selectedRow), "the right-click selected the row under the pointer");
            assertEquals(offered, menuShowing(), "the menu of " + b.getValue().name());
            choose(check.item());
            check.then().run();
            if (!check.rowStays()) {
                continue;
            }
            waitUntil("the tree shows B after \"" + check.item() + "\"", () -> selectedRow() == b);
            if (!check.item().startsWith("Show task definition")) {
                waitUntil("the detail shows B after \"" + check.item() + "\"", () -> shown(b));
            }
            if (!check.item().startsWith("Copy ")) {
                assertEquals(NOTHING_COPIED, onFx(() -> Clipboard.getSystemClipboard().getString()), "only Copy copies");
            }
        }
    }

    // ---- what the items must have done ----

    private void tailTitled(String title) {
        waitUntil("a log tab " + title, () -> bench.window.logs().selectedProperty().get() != null
                && title.equals(bench.window.logs().selectedProperty().get().title()));
    }

    private void scaleSpinnerFocusedOn(String service, int desired) {
        waitUntil("the keyboard in the spinner of " + service, () -> {
            ServicePanel panel = bench.window.servicePanel();
            if (panel == null || !panel.ref().service().equals(service)) {
                return false;
            }
            Spinner<?> spinner = (Spinner<?>) panel.view().lookup("#desiredSpinner");
            Node focus = bench.window.scene().getFocusOwner();
            boolean inSpinner = false;
            for (Node n = focus; n != null; n = n.getParent()) {
                inSpinner |= n == spinner;
            }
            return inSpinner && Integer.valueOf(desired).equals(spinner.getValue())
                    && bench.window.detailTabs().getSelectionModel().getSelectedIndex() == 0;
        });
    }

    private void detailShowsTaskDefinitionOf(TreeItem<TreeEntry> row) {
        String arn = row.getValue().taskDefinitionArn();
        waitUntil("the detail on " + Arns.familyRevision(arn), () -> bench.window.detail().entryProperty().get()
                instanceof TreeEntry.RevisionEntry r && r.taskDefinitionArn().equals(arn)
                && bench.window.detail().titleProperty().get().equals(Arns.familyRevision(arn))
                && bench.window.detailTabs().getSelectionModel().getSelectedIndex() == 0);
    }

    private void editorOpenOn(String familyRevision) {
        waitUntil("an editor on " + familyRevision, () -> familyRevision.equals(
                bench.window.detailTabs().getSelectionModel().getSelectedItem().getText()));
    }

    private void revisionsBrowserOn(String family) {
        waitUntil("the revisions of " + family, () -> family.equals(bench.window.revisions().familyProperty().get())
                && bench.window.detailTabs().getSelectionModel().getSelectedItem().getId().equals("revisionsTab"));
    }

    private void copied(String text) {
        waitUntil("\"" + text + "\" on the clipboard", () -> text.equals(Clipboard.getSystemClipboard().getString()));
    }

    private String askedQuestion() {
        waitUntil("a question", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return onFx(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText());
    }

    private String desiredStatus(EcsTask task) {
        return bench.backend.describeTasks("prod-web", List.of(task.taskArn())).get(0).desiredStatus();
    }

    // ---- the tree, the mouse and the menu ----

    private TreeItem<TreeEntry> service(String cluster, String name) {
        TreeItem<TreeEntry> c = bench.waitForRow("cluster " + cluster, clusterNamed(cluster));
        robot.interact(() -> c.setExpanded(true));
        TreeItem<TreeEntry> f = bench.waitForRow("services of " + cluster, servicesOf(cluster));
        robot.interact(() -> f.setExpanded(true));
        return bench.waitForRow("service " + name, serviceNamed(cluster, name));
    }

    private TreeItem<TreeEntry> folder(String cluster, TreeEntry.FolderKind kind) {
        TreeItem<TreeEntry> c = bench.waitForRow("cluster " + cluster, clusterNamed(cluster));
        robot.interact(() -> c.setExpanded(true));
        return bench.waitForRow(kind + " of " + cluster, e -> e instanceof TreeEntry.FolderEntry f && cluster.equals(f.cluster())
                && f.kind() == kind);
    }

    private TreeItem<TreeEntry> family(String name) {
        // Families are per account and region: one folder under the backend row.
        TreeItem<TreeEntry> defs = bench.waitForRow("task definitions", e -> e instanceof TreeEntry.FolderEntry f
                && f.kind() == TreeEntry.FolderKind.TASK_DEFINITIONS);
        robot.interact(() -> defs.setExpanded(true));
        return bench.waitForRow("family " + name, e -> e instanceof TreeEntry.FamilyEntry f && f.family().equals(name));
    }

    /** Opens a row and waits for at least {@code atLeast} children of the row's kind. */
    private List<TreeItem<TreeEntry>> children(TreeItem<TreeEntry> row, int atLeast) {
        robot.interact(() -> row.setExpanded(true));
        Predicate<TreeItem<TreeEntry>> real = i -> !(i.getValue() instanceof TreeEntry.MessageEntry);
        waitUntil("the children of " + row.getValue().name(), () -> row.getChildren().stream().filter(real).count() >= atLeast);
        return onFx(() -> row.getChildren().stream().filter(real).toList());
    }

    private TreeView<TreeEntry> tree() {
        return bench.window.treeController().treeView();
    }

    private TreeItem<TreeEntry> selectedRow() {
        return tree().getSelectionModel().getSelectedItem();
    }

    private boolean shown(TreeItem<TreeEntry> row) {
        TreeEntry e = bench.window.detail().entryProperty().get();
        return e != null && e.key().equals(row.getValue().key());
    }

    /** The row's cell, scrolled into view as the user would before clicking it. */
    private Node cellOf(TreeItem<TreeEntry> row) {
        robot.interact(() -> {
            int index = tree().getRow(row);
            assertTrue(index >= 0, "the row is in the tree: " + row.getValue().name());
            tree().scrollTo(Math.max(0, index - 3));
        });
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("the cell of " + row.getValue().name(), () -> cell(row) != null);
        return onFx(() -> cell(row));
    }

    private Node cell(TreeItem<TreeEntry> row) {
        return tree().lookupAll(".tree-cell").stream()
                .filter(n -> n instanceof TreeCell<?> c && c.getTreeItem() == row && !c.isEmpty() && c.isVisible())
                .findFirst().orElse(null);
    }

    private void rightClick(TreeItem<TreeEntry> row) {
        robot.rightClickOn(cellOf(row));
        waitUntil("a menu", () -> showingMenu() != null);
    }

    private ContextMenu showingMenu() {
        return Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing()).map(w -> (ContextMenu) w)
                .findFirst().orElse(null);
    }

    /** The texts of the menu on screen, separators left out. */
    private List<String> menuShowing() {
        waitUntil("a menu", () -> showingMenu() != null);
        return onFx(() -> {
            List<String> texts = new ArrayList<>();
            for (MenuItem m : showingMenu().getItems()) {
                if (!(m instanceof SeparatorMenuItem)) {
                    texts.add(m.getText());
                }
            }
            return texts;
        });
    }

    /** Clicks an item of the menu on screen by its text. */
    private void choose(String text) {
        Node label = onFx(() -> showingMenu().getSkin().getNode().lookupAll(".label").stream()
                .filter(n -> n instanceof Labeled l && text.equals(l.getText())).findFirst().orElse(null));
        assertNotNull(label, "the menu offers " + text);
        robot.clickOn(label);
    }

    private void putOnClipboard(String text) {
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }
}
