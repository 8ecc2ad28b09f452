package dev.ecsdeck.ui.service;

import static dev.ecsdeck.ui.UiTestBench.answerDialog;
import static dev.ecsdeck.ui.UiTestBench.scrollIntoView;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The service panel in the real window on the simulator: scaling, scaling to zero, auto scaling
 * under load, a forced deployment, a crash-looping deployment. Simulated time moves only when the
 * test moves it; the panel's own two-second reads show the result.
 */
@ExtendWith(ApplicationExtension.class)
class ServicePanelUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    private ServicePanel open(FxRobot robot, String cluster, String service) {
        return bench.openServicePanel(robot, cluster, service);
    }

    /** Moves simulated time on, then waits for a read of the service that started after the move. */
    private void advance(ServicePanel panel, Duration by) {
        long before = panel.model().readsProperty().get();
        bench.clock.advance(by);
        waitUntil("a read after moving the clock", () -> panel.model().readsProperty().get() >= before + 2);
    }

    /** Moves time on a step at a time until the condition holds (as the panel shows it), at most {@code steps} times. */
    private void advanceUntil(ServicePanel panel, String what, Duration step, int steps, BooleanSupplier condition) {
        for (int i = 0; i < steps; i++) {
            if (UiTestBench.fx(condition)) {
                return;
            }
            advance(panel, step);
        }
        waitUntil(what, condition);
    }

    private static String counts(FxRobot robot) {
        return robot.lookup("#serviceCounts").queryAs(Label.class).getText();
    }

    private void showPart(FxRobot robot, ServicePanel panel, String title) {
        robot.interact(() -> panel.showPart(title));
    }

    private static void type(FxRobot robot, String id, String text) {
        Node field = robot.lookup(id).query();
        scrollIntoView(robot, field);
        robot.clickOn(field).press(KeyCode.SHORTCUT).type(KeyCode.A).release(KeyCode.SHORTCUT).write(text);
    }

    private static void click(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        scrollIntoView(robot, node);
        robot.clickOn(node);
    }

    @Test
    void scalingFromTwoToFiveAsksThenShowsRunningReachFive(FxRobot robot) {
        bench.backend.updateService(ServiceUpdate.desiredCount("prod-web", "web", 2));
        bench.clock.advance(Duration.ofMinutes(2));
        ServicePanel panel = open(robot, "prod-web", "web");
        waitUntil("two tasks", () -> counts(robot).startsWith("2 desired · 2 running · 0 pending"));

        for (int i = 0; i < 3; i++) {
            robot.clickOn("#scaleUpButton");
        }
        waitUntil("5 dialled", () -> panel.scaler().desiredProperty().get() == 5);
        robot.clickOn("#applyScaleButton");
        waitUntil("the question", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertEquals("Scale service web in prod-web from 2 to 5 tasks (more than half as many again)?",
                robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText());
        answerDialog(robot, "Confirm");
        waitUntil("progress shown", () -> robot.lookup("#scaleProgress").queryAs(Label.class).getText().startsWith("Scaling to 5"));

        advanceUntil(panel, "running reaches 5", Duration.ofSeconds(30), 10,
                () -> counts(robot).startsWith("5 desired · 5 running · 0 pending"));
        waitUntil("steady", () -> "Steady at 5 tasks.".equals(robot.lookup("#scaleProgress").queryAs(Label.class).getText()));
        waitUntil("five tasks listed", () -> panel.tasks().rows().size() == 5);
    }

    @Test
    void scalingToZeroAsksForTheNameAndDoesNothingWhenCancelled(FxRobot robot) {
        ServicePanel panel = open(robot, "prod-web", "web");
        waitUntil("four tasks", () -> panel.scaler().desiredProperty().get() == 4);
        robot.doubleClickOn("#desiredSpinner").write("0").type(KeyCode.ENTER);
        waitUntil("0 dialled", () -> panel.scaler().desiredProperty().get() == 0);
        robot.clickOn("#applyScaleButton");
        waitUntil("the typed confirmation", () -> robot.lookup("#typedConfirmation").tryQuery().isPresent());
        Node confirm = robot.lookup(".dialog-pane").lookup((java.util.function.Predicate<Node>) n ->
                n instanceof javafx.scene.control.Button b && "Confirm".equals(b.getText())).query();
        assertTrue(confirm.isDisabled(), "Confirm stays off until the name is typed");
        robot.clickOn(robot.lookup("#typedConfirmation").queryAs(TextField.class)).write("we");
        assertTrue(confirm.isDisabled());
        answerDialog(robot, "Cancel");
        waitUntil("not scaled", () -> "Not scaled.".equals(panel.scaler().progressProperty().get()));
        advance(panel, Duration.ofSeconds(10));
        assertEquals(4, bench.backend.describeServices("prod-web", List.of("web")).get(0).desiredCount());
        assertThat(counts(robot), startsWith("4 desired · 4 running"));
    }

    @Test
    void targetTrackingScalesOutUnderLoadInActivitiesChartAndCounts(FxRobot robot) {
        ServicePanel panel = open(robot, "prod-web", "web");
        showPart(robot, panel, "Auto scaling");
        waitUntil("not registered yet", () -> "Enable auto scaling".equals(robot.lookup("#applyRange").queryButton().getText()));
        type(robot, "#minCapacity", "2");
        type(robot, "#maxCapacity", "10");
        click(robot, "#applyRange");
        waitUntil("registered", () -> "Apply range".equals(robot.lookup("#applyRange").queryButton().getText()));
        click(robot, "#newPolicy");
        type(robot, "#policyName", "web-cpu");
        type(robot, "#policyTargetValue", "50");
        type(robot, "#policyScaleOutCooldown", "60");
        click(robot, "#savePolicy");
        waitUntil("the policy listed", () -> panel.autoScaling().policies().stream().anyMatch(p -> p.name().equals("web-cpu")));

        bench.engine.services().setLoadFactor("prod-web", "web", 3.0);
        advanceUntil(panel, "a scale-out", Duration.ofMinutes(1), 12, () -> panel.model().serviceProperty().get().desiredCount() > 4
                && panel.autoScaling().activities().stream().anyMatch(a -> "Successful".equals(a.statusCode())));
        EcsService now = panel.model().serviceProperty().get();
        assertTrue(now.desiredCount() > 4, "scaled out: " + now.desiredCount());
        assertThat(counts(robot), startsWith(now.desiredCount() + " desired"));
        assertThat(panel.autoScaling().activities().get(0).cause(), containsString("triggered policy web-cpu changing the desired capacity from 4 to"));
        var samples = panel.charts().counts();
        assertTrue(samples.get(0).desired() == 4 && samples.get(samples.size() - 1).desired() == now.desiredCount(),
                "the chart shows the step from 4 to " + now.desiredCount() + ": " + samples);
        assertTrue(panel.charts().cpu().isEmpty(), "CloudWatch is read only while the charts are shown");
        showPart(robot, panel, "Charts");
        waitUntil("the CPU chart", () -> !panel.charts().cpu().isEmpty());
        assertTrue(panel.charts().cpu().get(panel.charts().cpu().size() - 1).value() > 50, "CPU above target under load");
    }

    @Test
    void forceNewDeploymentRollsOutToCompleted(FxRobot robot) {
        ServicePanel panel = open(robot, "prod-web", "orders-api");
        String before = panel.deployments().deployments().get(0).id();
        robot.clickOn("#forceDeployButton");
        assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText(),
                containsString("Start a new deployment of orders-api in prod-web?"));
        answerDialog(robot, "Confirm");
        waitUntil("two deployments, the new one rolling out", () -> panel.deployments().deployments().size() == 2
                && "IN_PROGRESS".equals(panel.deployments().deployments().get(0).deployment().rolloutState()));
        advanceUntil(panel, "the rollout completed", Duration.ofMinutes(2), 8, () -> panel.deployments().deployments().size() == 1
                && panel.deployments().deployments().get(0).deployment().rolloutState().equals("COMPLETED"));
        DeploymentRow done = panel.deployments().deployments().get(0);
        assertTrue(!done.id().equals(before), "a new deployment");
        assertEquals(1.0, done.progress());
    }

    @Test
    void aCrashLoopingDeploymentShowsFailedAndTheRollback(FxRobot robot) {
        ServicePanel panel = open(robot, "prod-web", "payments");
        bench.backend.updateService(ServiceUpdate.taskDefinition("prod-web", "payments", "payments:2"));
        advanceUntil(panel, "payments:2 failed", Duration.ofSeconds(30), 20, () -> panel.deployments().deployments().stream()
                .anyMatch(d -> d.revision().equals("payments:2") && "FAILED".equals(d.deployment().rolloutState())));
        DeploymentRow failed = panel.deployments().deployments().stream().filter(d -> d.revision().equals("payments:2")).findFirst()
                .orElseThrow();
        assertTrue(failed.deployment().failedTasks() > 0);
        assertThat(failed.state(), startsWith("FAILED"));
        advanceUntil(panel, "rolled back to payments:1", Duration.ofMinutes(1), 10, () -> panel.deployments().deployments().size() == 1
                && panel.deployments().deployments().get(0).revision().equals("payments:1"));
        showPart(robot, panel, "Events");
        waitUntil("the rollback in the events", () -> panel.events().events().stream()
                .anyMatch(e -> e.message().contains("rolling back to deployment")));
        waitUntil("the events on screen", () -> robot.lookup("#eventsList").tryQuery().map(Node::isVisible).orElse(false));
    }

    @Test
    void readOnlyModeTurnsOffEveryControlThatChangesTheServiceAndSaysWhy(FxRobot robot) {
        ServicePanel panel = open(robot, "prod-web", "web");
        waitUntil("scaling possible", () -> !robot.lookup("#scaleUpButton").query().isDisabled());
        robot.interact(() -> bench.shell.readOnlyProperty().set(true));

        List<String> mutating = List.of("#scaleDownButton", "#desiredSpinner", "#scaleUpButton", "#applyScaleButton",
                "#forceDeployButton", "#serviceRollBackButton", "#minHealthySpinner", "#maxPercentSpinner", "#circuitBreakerBox",
                "#rollbackBox", "#applyConfigButton", "#minCapacity", "#maxCapacity", "#applyRange", "#newPolicy", "#editPolicy",
                "#deletePolicy", "#serviceStopTaskButton");
        for (String id : mutating) {
            javafx.scene.control.Control control = robot.lookup(id).queryAs(javafx.scene.control.Control.class);
            waitUntil(id + " off", control::isDisabled);
            assertEquals(dev.ecsdeck.ui.common.ReadOnlyHint.READ_ONLY, control.getTooltip().getText(), id + " says why");
        }
        // Everything carrying the "mutating" style is covered, not only the list above.
        for (Node n : robot.from(panel.view()).lookup(".mutating").queryAll()) {
            assertTrue(n.isDisabled(), n + " is off in read-only mode");
        }
        assertTrue(!robot.lookup("#tailServiceButton").query().isDisabled(), "reading logs stays on");

        robot.interact(() -> bench.shell.readOnlyProperty().set(false));
        waitUntil("scaling possible again", () -> !robot.lookup("#scaleUpButton").query().isDisabled());
    }
}
