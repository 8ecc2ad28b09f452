package dev.ecsdeck.ui.logs;

import static dev.ecsdeck.ui.UiTestBench.fx;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.LogGroupInfo;
import dev.ecsdeck.model.LogStreamInfo;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.common.FxThreadCheckingProvider;
import dev.ecsdeck.ui.common.UiTaskExecutor;
import java.time.ZoneOffset;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The log pane's "Tail a log group…" dialog on the demo simulator, driven by mouse and keyboard. */
@ExtendWith(ApplicationExtension.class)
class LogSourceDialogUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private final DemoSim sim = end.closeAfter(new DemoSim());
    private final ManualClock clock = sim.clock;
    private final SimProvider backend = sim.provider;
    private final FxThreadCheckingProvider provider = end.offFxThread(backend);
    private final UiTaskExecutor executor = end.executor(2);
    private LogTabsViewModel model;
    private LogPaneController pane;

    @Start
    void start(Stage stage) {
        model = new LogTabsViewModel(provider, executor, () -> clock.now().toEpochMilli(), 10_000, ZoneOffset.UTC);
        pane = new LogPaneController(model);
        stage.setScene(new Scene(pane.view(), 1000, 600));
        stage.show();
    }

    /** Stops the pane and its tails before the shared end closes the executor and the simulator. */
    @AfterEach
    void stopTheTails() {
        fx(() -> {
            pane.stop();
            model.closeAll();
            return true;
        });
    }

    private static <T> Predicate<Node> cell(Class<T> type, Predicate<T> item) {
        return n -> n instanceof ListCell<?> c && c.isVisible() && type.isInstance(c.getItem()) && item.test(type.cast(c.getItem()));
    }

    private static void retype(FxRobot robot, String id, String text) {
        robot.clickOn(id).press(KeyCode.SHORTCUT).type(KeyCode.A).release(KeyCode.SHORTCUT).write(text);
    }

    @Test
    void picksAGroupAndAStreamAndRefusesABadStartTime(FxRobot robot) {
        robot.clickOn("#logSourceOpen");
        waitUntil("the source dialog", () -> robot.lookup("#logSourceGroupPrefix").tryQuery().isPresent());

        retype(robot, "#logSourceGroupPrefix", "/ecs/w");
        robot.clickOn("#logSourceGroupSearch");
        waitUntil("/ecs/web listed", () -> robot.lookup(cell(LogGroupInfo.class, g -> g.logGroupName().equals("/ecs/web")))
                .tryQuery().isPresent());
        assertTrue(fx(() -> robot.lookup("#logSourceGroupList").<javafx.scene.control.ListView<LogGroupInfo>>query().getItems()
                .stream().allMatch(g -> g.logGroupName().startsWith("/ecs/w"))));
        robot.clickOn(robot.lookup(cell(LogGroupInfo.class, g -> g.logGroupName().equals("/ecs/web"))).<Node>query());

        waitUntil("the streams of /ecs/web", () -> robot.lookup(cell(LogStreamInfo.class, s -> true)).tryQuery().isPresent());
        Node first = robot.lookup("#logSourceStreamList").lookup(cell(LogStreamInfo.class, s -> true)).query();
        String stream = ((LogStreamInfo) ((ListCell<?>) first).getItem()).logStreamName();
        robot.clickOn(first);

        robot.clickOn("#logSourceStartChoice");
        robot.clickOn("Since a time…");
        retype(robot, "#logSourceStartTime", "22/11/2026 8:50");
        robot.clickOn("Open");
        waitUntil("the start time's error", () -> !robot.lookup("#logSourceStartError").<Label>query().getText().isEmpty());
        assertEquals("Start time: '22/11/2026 8:50' is not a date and time as yyyy-MM-dd HH:mm[:ss].",
                robot.lookup("#logSourceStartError").<Label>query().getText());
        assertTrue(robot.lookup("#logSourceGroupPrefix").tryQuery().isPresent(), "the dialog stays open");
        assertTrue(fx(() -> model.tails().isEmpty()));

        retype(robot, "#logSourceStartTime", "2026-11-22 08:50");
        robot.clickOn("Open");
        waitUntil("a tail of the stream", () -> model.tails().size() == 1);
        LogTailViewModel tail = model.tails().get(0);
        assertEquals("/ecs/web · " + stream, tail.title());
        waitUntil("the status", () -> tail.statusProperty().get().contains("since 2026-11-22 08:50:00"));
        assertThat(tail.statusProperty().get(), containsString("Following stream " + stream + " of /ecs/web"));
        assertTrue(robot.lookup("#logSourceGroupPrefix").tryQuery().isEmpty(), "the dialog closed");
    }

    @Test
    void aGroupMustBeChosen(FxRobot robot) {
        robot.clickOn("#logSourceOpen");
        waitUntil("the source dialog", () -> robot.lookup("#logSourceGroupPrefix").tryQuery().isPresent());
        robot.clickOn("Open");
        waitUntil("the error", () -> !robot.lookup("#logSourceError").<Label>query().getText().isEmpty());
        assertThat(robot.lookup("#logSourceError").<Label>query().getText(), containsString("Log group: choose a log group"));
        robot.clickOn("Cancel");
        waitUntil("the dialog closed", () -> robot.lookup("#logSourceGroupPrefix").tryQuery().isEmpty());
        assertTrue(fx(() -> model.tails().isEmpty()));
    }
}
