package dev.ecsdeck.ui.exec;

import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.common.ReadOnlyHint;
import dev.ecsdeck.ui.service.ServiceTasksViewModel.TaskRow;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** "Open shell…" on a task's row of the Tasks tab, in the real window on the demo (prod-web/web has ECS Exec, checkout not). */
@ExtendWith(ApplicationExtension.class)
class OpenShellUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    /** The on-screen row of a RUNNING task of the service's Tasks tab. */
    private TableRow<?> runningTaskRow(FxRobot robot, String service) {
        bench.openServicePanel(robot, "prod-web", service);
        Node tabs = robot.lookup("#servicePartTabs").query();
        robot.clickOn(robot.from(tabs).lookup(".tab").lookup((Predicate<Node>) n -> n instanceof Label l && "Tasks".equals(l.getText()))
                .<Node>query());
        TableView<?> table = robot.lookup("#tasksTable").queryAs(TableView.class);
        Predicate<Node> running = n -> n instanceof TableRow<?> r && r.getItem() instanceof TaskRow t && "RUNNING".equals(t.task().lastStatus());
        waitUntil("a running task of " + service + " on screen", () -> robot.from(table).lookup(running).tryQuery().isPresent());
        return robot.from(table).lookup(running).query();
    }

    /** The label of the "Open shell…" item of the task menu that opened. */
    private static Label shellItem(FxRobot robot) {
        waitUntil("the row's menu", () -> onFx(() -> showingMenu() != null));
        return onFx(() -> showingMenu().getItems().stream().filter(m -> m instanceof CustomMenuItem c && c.getContent() instanceof Label l
                && ShellMenuItem.TEXT.equals(l.getText())).map(m -> (Label) ((CustomMenuItem) m).getContent()).findFirst().orElseThrow());
    }

    private static ContextMenu showingMenu() {
        return Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing()).map(w -> (ContextMenu) w)
                .findFirst().orElse(null);
    }

    @Test
    void opensTheShellDialogWhichSaysNoShellCanOpenInTheSimulator(FxRobot robot) {
        TableRow<?> row = runningTaskRow(robot, "web");
        EcsTask task = ((TaskRow) row.getItem()).task();
        robot.rightClickOn(row);
        Label item = shellItem(robot);
        assertFalse(item.isDisabled());
        robot.clickOn(item);

        waitUntil("the Open shell window", () -> robot.lookup("#shellContainer").tryQuery().isPresent());
        robot.clickOn("#shellContainer");
        waitUntil("the containers listed", () -> robot.lookup((Predicate<Node>) n -> n instanceof ListCell<?> c
                && "log-forwarder".equals(c.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup((Predicate<Node>) n -> n instanceof ListCell<?> c && "log-forwarder".equals(c.getText())).<Node>query());
        robot.clickOn("#openShellButton");

        waitUntil("the simulator's answer", () -> onFx(() -> robot.lookup("#shellMessage").queryAs(Label.class).getText())
                .contains("no shell can open in the simulator"));
        String message = onFx(() -> robot.lookup("#shellMessage").queryAs(Label.class).getText());
        assertThat(message, containsString("there is no Session Manager behind it"));
        assertThat(message, containsString("container log-forwarder with session ecs-execute-command-"));
        String command = onFx(() -> robot.lookup("#shellCommand").queryAs(TextArea.class).getText());
        assertEquals("aws ecs execute-command --cluster prod-web --task " + task.taskId()
                + " --container log-forwarder --interactive --command /bin/sh --region us-east-1", command);
        assertTrue(robot.lookup("#copyShellCommand").query().isVisible());
        robot.clickOn("#closeShellDialog");
        waitUntil("the window closed", () -> robot.lookup("#shellContainer").tryQuery().isEmpty());
        bench.closeAndCheck();
    }

    @Test
    void aTaskOfAServiceWithoutExecHasTheItemOffWithTheReason(FxRobot robot) {
        robot.rightClickOn(runningTaskRow(robot, "checkout"));
        Label item = shellItem(robot);
        assertTrue(item.isDisabled());
        assertThat(onFx(() -> item.getTooltip().getText()), containsString("ECS Exec is off for service checkout"));
        robot.type(KeyCode.ESCAPE);
        bench.closeAndCheck();
    }

    @Test
    void readOnlyModeTurnsTheItemOff(FxRobot robot) {
        TableRow<?> row = runningTaskRow(robot, "web");
        robot.interact(() -> bench.shell.readOnlyProperty().set(true));
        robot.rightClickOn(row);
        Label item = shellItem(robot);
        assertTrue(item.isDisabled());
        assertEquals(ReadOnlyHint.READ_ONLY, onFx(() -> item.getTooltip().getText()));
        robot.type(KeyCode.ESCAPE);
        bench.closeAndCheck();
    }
}
