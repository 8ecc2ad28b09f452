package dev.ecsdeck.ui.service;

import static dev.ecsdeck.ui.UiTestBench.answerDialog;
import static dev.ecsdeck.ui.service.DeploymentsOnScreen.hooks;
import static dev.ecsdeck.ui.service.DeploymentsOnScreen.text;
import static dev.ecsdeck.ui.service.DeploymentsOnScreen.rows;
import static dev.ecsdeck.ui.service.DeploymentsOnScreen.history;
import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.scrollIntoView;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Issue 16's acceptance on the real window: web in prod-web deployed to a new revision blue/green
 * from the service panel's "Deploy…" with a PAUSE hook after test traffic; the timeline stops at
 * the hook awaiting action; Continue; production traffic moves; the bake counts down; SUCCESSFUL;
 * then the two revisions compared from the history. Run on the simulator in process and through
 * the AWS provider against the served simulator (the subclasses).
 */
abstract class BlueGreenDeployAcceptance {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    /** What the window talks to, on the bench's simulation (null: the simulator in process). */
    protected abstract EcsProvider windowBackend(SimEngine engine);

    /** The window on the demo; each subclass calls it from its {@code @Start} (TestFX looks for that on the class itself). */
    protected void open(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false, UiTestBench.draftsDir(), this::windowBackend));
    }

    private static String split(FxRobot robot, String listener) {
        return onFx(() -> robot.lookup("#traffic" + listener).tryQuery().map(n -> ((TrafficBar) n).splitText()).orElse(""));
    }

    private static void click(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        scrollIntoView(robot, node);
        robot.clickOn(node);
    }

    /** Seconds left in "Bake time: 4:51 left". */
    private static int secondsLeft(String countdown) {
        Matcher m = Pattern.compile("(\\d+):(\\d{2}) left").matcher(countdown);
        assertTrue(m.find(), countdown);
        return Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
    }

    private ServiceDeployment newest() {
        List<ServiceDeploymentBrief> all = bench.backend.listServiceDeployments("prod-web", "web");
        return bench.backend.describeServiceDeployments(List.of(all.get(0).serviceDeploymentArn())).get(0);
    }

    @Test
    void blueGreenWithAPauseAfterTestTrafficIsContinuedToSuccessThenComparedFromTheHistory(FxRobot robot) {
        // Someone registered web:2 with a new image tag (set-up; the editor's register is tested elsewhere).
        String json = bench.backend.describeTaskDefinition("web:1").json();
        String next = bench.backend.registerTaskDefinition(json.replaceFirst("(\"image\"\\s*:\\s*\"[^\"]*)\"", "$1-rc2\"")).taskDefinitionArn();
        assertThat(next, containsString("task-definition/web:2"));

        ServicePanel panel = bench.openServicePanel(robot, "prod-web", "web");
        waitUntil("Deploy… on", () -> !robot.lookup("#deployServiceButton").query().isDisabled());
        robot.clickOn("#deployServiceButton");
        waitUntil("the deploy question", () -> robot.lookup("#deployRevision").tryQuery().isPresent());
        ComboBox<?> revision = robot.lookup("#deployRevision").queryAs(ComboBox.class);
        waitUntil("web:2 offered first", () -> revision.getValue() != null && revision.getValue().toString().contains("web:2"));
        robot.clickOn("#strategy-BLUE_GREEN");
        robot.clickOn("#bakeTime").press(KeyCode.SHORTCUT).type(KeyCode.A).release(KeyCode.SHORTCUT).write("5");
        robot.clickOn("#pause-POST_TEST_TRAFFIC_SHIFT");
        waitUntil("the plan with the pause and the bake", () -> {
            String plan = text(robot, "#deployPlan");
            return plan.contains("After test traffic: PAUSE") && plan.contains("5 min");
        });
        answerDialog(robot, "Deploy");
        waitUntil("the question closed", () -> robot.lookup("#deployHeadline").tryQuery().isEmpty());

        waitUntil("the deployment first in the history", () -> !rows(robot).isEmpty() && rows(robot).get(0).revisions().equals("web:1 → web:2"));
        assertEquals("Blue/green", rows(robot).get(0).strategy());
        assertEquals("BLUE_GREEN", newest().deploymentConfiguration().strategy(), "what ECS was asked for");

        PanelClock.advanceUntil(bench, panel, "the timeline stopped at the hook", Duration.ofSeconds(10), 60,
                () -> hooks(robot).contains("awaiting action"));
        assertEquals("POST_TEST_TRAFFIC_SHIFT", newest().lifecycleStage());
        waitUntil("test traffic on web:2, production still on web:1", () -> split(robot, "Test").equals("web:1 0% · web:2 100%")
                && split(robot, "Production").equals("web:1 100% · web:2 0%"));
        PanelClock.advance(bench, panel, Duration.ofMinutes(5));
        assertTrue(hooks(robot).contains("awaiting action"), "it waits for a person, however long: " + hooks(robot));
        assertEquals("IN_PROGRESS", newest().status());

        click(robot, "#hookContinueButton");
        PanelClock.advanceUntil(bench, panel, "production traffic on web:2", Duration.ofSeconds(10), 30,
                () -> split(robot, "Production").equals("web:1 0% · web:2 100%"));
        PanelClock.advanceUntil(bench, panel, "the bake", Duration.ofSeconds(10), 12, () -> text(robot, "#timelineCountdown").startsWith("Bake time:"));
        int before = secondsLeft(text(robot, "#timelineCountdown"));
        PanelClock.advance(bench, panel, Duration.ofMinutes(2));
        waitUntil("the countdown ran", () -> secondsLeft(text(robot, "#timelineCountdown")) <= before - 120);
        PanelClock.advanceUntil(bench, panel, "SUCCESSFUL", Duration.ofMinutes(1), 10, () -> "SUCCESSFUL".equals(rows(robot).get(0).status()));
        assertEquals("SUCCESSFUL", newest().status());
        assertThat(bench.backend.describeServices("prod-web", List.of("web")).get(0).taskDefinition(), containsString("web:2"));

        // Compare from the history: the blue/green deployment's source and target side by side, in a window of its own.
        // The row as drawn now: the history re-reads every two seconds, and a click on a cell being redrawn can miss; then click again.
        for (int attempt = 0; attempt < 3 && !UiTestBench.fx(() -> blueGreenSelected(robot)); attempt++) {
            Node row = robot.from(history(robot)).lookup((Predicate<Node>) n -> n.isVisible() && n instanceof TableRow<?> r && !r.isEmpty()
                    && r.getItem() instanceof DeploymentHistoryRow h && h.revisions().equals("web:1 → web:2")).query();
            scrollIntoView(robot, row);
            robot.clickOn(row);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
        try {
            waitUntil("the deployment selected and Compare on", () -> blueGreenSelected(robot)
                    && !robot.lookup("#compareRevisionsButton").query().isDisabled());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; selected " + onFx(() -> String.valueOf(history(robot).getSelectionModel().getSelectedItems()))
                    + "; windows " + onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                    .map(w -> w.getClass().getSimpleName() + (w instanceof Stage st ? " '" + st.getTitle() + "'" : "") + " at " + w.getX() + "," + w.getY())
                    .toList()), e);
        }
        click(robot, "#compareRevisionsButton");
        waitUntil("the comparison window", () -> comparison() != null);
        Window window = comparison();
        waitUntil("the changed image shown", () -> onFx(() -> robot.from(window.getScene().getRoot()).lookup((Predicate<Node>) n -> n.isVisible()
                && (n instanceof javafx.scene.control.Labeled l && l.getText() != null && l.getText().contains("-rc2")
                || n instanceof javafx.scene.text.Text t && t.getText() != null && t.getText().contains("-rc2"))).tryQuery().isPresent()));
        robot.targetWindow(window).press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil("the comparison closed", () -> comparison() == null);
        bench.closeAndCheck();
    }

    private static boolean blueGreenSelected(FxRobot robot) {
        DeploymentHistoryRow selected = history(robot).getSelectionModel().getSelectedItem();
        return selected != null && selected.revisions().equals("web:1 → web:2");
    }

    /** The open comparison window, titled "web: web:1 → web:2", or null. */
    private static Window comparison() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s && "web: web:1 → web:2".equals(s.getTitle()) && s.isShowing())
                .findFirst().orElse(null));
    }
}
