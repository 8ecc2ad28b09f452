package dev.ecsdeck.ui.logs;

import static dev.ecsdeck.ui.UiTestBench.clusterNamed;
import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.serviceNamed;
import static dev.ecsdeck.ui.UiTestBench.servicesOf;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.LogStreamResolver;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 13: the logs of a crashed task. In the real window on the demo scenario (notifications on
 * staging crash-loops with exit code 137): show stopped tasks, click one, Ctrl+L; the tab holds every
 * line the task wrote from its start to its stop, and says when and how it stopped, not "Following".
 */
@ExtendWith(ApplicationExtension.class)
class StoppedTaskTailUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    @Test
    void ctrlLOnAStoppedTaskShowsItsLinesFromStartToStopAndHowItStopped(FxRobot robot) {
        robot.clickOn("#showStoppedBox");
        TreeItem<TreeEntry> clusterRow = bench.waitForRow("cluster staging", clusterNamed("staging"));
        robot.interact(() -> clusterRow.setExpanded(true));
        TreeItem<TreeEntry> folder = bench.waitForRow("services folder", servicesOf("staging"));
        robot.interact(() -> folder.setExpanded(true));
        TreeItem<TreeEntry> service = bench.waitForRow("notifications", serviceNamed("staging", "notifications"));
        robot.interact(() -> service.setExpanded(true));
        waitUntil("a stopped task", () -> service.getChildren().stream().anyMatch(i -> i.getValue() instanceof TreeEntry.TaskEntry t
                && t.task().stoppedAt() != null));
        TreeItem<TreeEntry> row = onFx(() -> service.getChildren().stream().filter(i -> i.getValue() instanceof TreeEntry.TaskEntry t
                && t.task().stoppedAt() != null).findFirst().orElseThrow());
        EcsTask listed = ((TreeEntry.TaskEntry) row.getValue()).task();

        TreeView<TreeEntry> tree = bench.window.treeController().treeView();
        robot.interact(() -> tree.scrollTo(tree.getRow(row)));
        Node cell = robot.lookup(".tree-cell").match((Node n) -> n instanceof TreeCell<?> c && c.getItem() == row.getValue()).query();
        robot.clickOn(cell);
        robot.press(KeyCode.SHORTCUT).type(KeyCode.L).release(KeyCode.SHORTCUT);

        waitUntil("a log tab", () -> !bench.window.logs().tails().isEmpty());
        LogTailViewModel tail = bench.window.logs().tails().get(0);
        waitUntil("the tail read to the task's stop", () -> tail.statusProperty().get().startsWith("Task stopped at"));

        EcsTask task = bench.backend.describeTasks("staging", List.of(listed.taskArn())).get(0);
        List<LogStreamRef> streams = new LogStreamResolver(bench.backend).forTasks(List.of(task), null).streams();
        List<LogEvent> written = bench.logEventsWritten(streams, task.createdAt().toEpochMilli()).stream()
                .filter(e -> e.timestamp() <= task.stoppedAt().toEpochMilli()).toList();
        assertFalse(written.isEmpty());
        waitUntil("every line drained", () -> tail.queuedProperty().get() == 0 && tail.receivedProperty().get() >= written.size());
        assertEquals(written.stream().map(e -> e.timestamp() + " " + e.message()).toList(),
                onFx(() -> tail.lines().stream().map(l -> l.timestamp() + " " + l.message()).toList()),
                "the lines the task wrote between its start and its stop, in order, none missing, none twice");
        assertTrue(tail.lines().get(tail.lines().size() - 1).message().contains("exited with code 137"));

        String status = tail.statusProperty().get();
        String stoppedAt = DateTimeFormatter.ofPattern("HH:mm:ss").format(task.stoppedAt().atZone(ZoneId.systemDefault()));
        assertThat(status, containsString("Task stopped at "));
        assertThat(status, containsString(stoppedAt));
        assertThat(status, containsString("exit code 137"));
        assertThat(status, containsString(task.stoppedReason()));
        assertThat(status, not(containsString("Following")));
        Object label = robot.lookup("#logStatusLabel").queryLabeled().getText();
        assertEquals(status, label, "the status on screen");
    }
}
