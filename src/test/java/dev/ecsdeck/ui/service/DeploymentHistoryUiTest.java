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
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.common.ReadOnlyHint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Deployments tab's history and timeline in the real window on the demo simulator: checkout's
 * canary held at a PAUSE hook is continued to SUCCESSFUL, or stopped and rolled back; catalog's
 * blue/green bake counts down; read-only turns every new control off and says why.
 */
@ExtendWith(ApplicationExtension.class)
class DeploymentHistoryUiTest {
    private static final String CANARY_HELD = "Pause hook: awaiting action";
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    private static TrafficBar bar(FxRobot robot, String listener) {
        return robot.lookup("#traffic" + listener).queryAs(TrafficBar.class);
    }

    /** The production bar's split as the bar draws it: each segment's share of the bar's width. */
    private static boolean drawn(FxRobot robot, String split, double oldShare) {
        return onFx(() -> {
            TrafficBar bar = robot.lookup("#trafficProduction").tryQuery().map(TrafficBar.class::cast).orElse(null);
            if (bar == null || !split.equals(bar.splitText()) || bar.segments().size() != 2) {
                return false;
            }
            double old = bar.segments().get(0).getWidth();
            double total = old + bar.segments().get(1).getWidth();
            return total > 0 && Math.abs(old / total - oldShare) < 0.01;
        });
    }

    private static void click(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        scrollIntoView(robot, node);
        robot.clickOn(node);
    }

    /** The table row of a deployment, scrolled on screen as the user would before clicking it. */
    private static Node rowOf(FxRobot robot, String arn) {
        Node row = robot.from(history(robot)).lookup((Predicate<Node>) n -> n.isVisible() && n instanceof TableRow<?> r && !r.isEmpty()
                && r.getItem() instanceof DeploymentHistoryRow h
                && h.arn().equals(arn)).query();
        scrollIntoView(robot, row);
        return row;
    }

    /**
     * Clicks the history row of the deployment and waits until it alone is selected: the history is
     * refreshed in place, so the row found can be redrawn under the pointer; then it is clicked again
     * (at most three times).
     */
    private static void selectRow(FxRobot robot, String arn) {
        for (int attempt = 1;; attempt++) {
            robot.clickOn(rowOf(robot, arn));
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> history(robot).getSelectionModel().getSelectedItems()
                        .stream().map(DeploymentHistoryRow::arn).toList()).equals(List.of(arn)));
                return;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw new AssertionError("Clicked the row of " + arn + " three times and it was not selected", e);
                }
            }
        }
    }

    private static String question(FxRobot robot) {
        waitUntil("the question", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
    }

    /** checkout as the demo leaves it: the canary of checkout:2 held at its PAUSE hook, the first deployment of checkout:1 before it. */
    private ServicePanel openCheckout(FxRobot robot) {
        ServicePanel panel = bench.openServicePanel(robot, "prod-web", "checkout");
        waitUntil("checkout's history", () -> rows(robot).size() == 2 && !rows(robot).get(0).strategy().isEmpty());
        List<DeploymentHistoryRow> rows = rows(robot);
        assertEquals("IN_PROGRESS", rows.get(0).status(), "newest first");
        assertEquals("checkout:1 → checkout:2", rows.get(0).revisions());
        assertEquals("Canary", rows.get(0).strategy());
        assertEquals("Post test traffic shift", rows.get(0).stage());
        assertEquals("SUCCESSFUL", rows.get(1).status());
        assertEquals("— → checkout:1", rows.get(1).revisions());
        waitUntil("the timeline of the canary", () -> text(robot, "#timelineTitle").equals("Canary deployment checkout:1 → checkout:2"));
        waitUntil("the hook awaiting action", () -> hooks(robot).contains(CANARY_HELD + ", no time-out"));
        assertTrue(drawn(robot, "checkout:1 100% · checkout:2 0%", 1.0), "all production traffic on checkout:1");
        assertEquals("checkout:1 0% · checkout:2 100%", onFx(() -> bar(robot, "Test").splitText()), "test traffic on checkout:2");
        return panel;
    }

    @Test
    void continuingTheHeldCanaryMovesProductionTrafficThenSucceeds(FxRobot robot) {
        ServicePanel panel = openCheckout(robot);
        click(robot, "#hookContinueButton");
        waitUntil("the hook passed", () -> !hooks(robot).contains(CANARY_HELD));
        assertThat(text(robot, "#timelineMessage"), startsWith("Continued"));

        PanelClock.advanceUntil(bench, panel, "10% of production on checkout:2", Duration.ofSeconds(5), 12,
                () -> drawn(robot, "checkout:1 90% · checkout:2 10%", 0.9));
        assertThat(text(robot, "#timelineStatus"), containsString("Production traffic shift"));
        waitUntil("the canary's wait counted down", () -> text(robot, "#timelineCountdown").startsWith("Next traffic shift in"));
        PanelClock.advanceUntil(bench, panel, "all production on checkout:2", Duration.ofMinutes(1), 10,
                () -> drawn(robot, "checkout:1 0% · checkout:2 100%", 0.0));
        PanelClock.advanceUntil(bench, panel, "the bake", Duration.ofMinutes(1), 5,
                () -> text(robot, "#timelineCountdown").startsWith("Bake time:"));
        PanelClock.advanceUntil(bench, panel, "SUCCESSFUL", Duration.ofMinutes(2), 15, () -> "SUCCESSFUL".equals(rows(robot).get(0).status()));
        waitUntil("the timeline says so", () -> text(robot, "#timelineStatus").equals("SUCCESSFUL"));
        assertTrue(onFx(() -> robot.lookup("#stopRollbackButton").query().isDisabled()), "nothing to stop any more");
        assertEquals("— → checkout:1", rows(robot).get(1).revisions());
    }

    @Test
    void stoppingTheCanaryAsksNamingBothRevisionsThenRollsBackToTheSource(FxRobot robot) {
        ServicePanel panel = openCheckout(robot);
        click(robot, "#hookContinueButton");
        PanelClock.advanceUntil(bench, panel, "10% of production on checkout:2", Duration.ofSeconds(5), 12,
                () -> drawn(robot, "checkout:1 90% · checkout:2 10%", 0.9));

        click(robot, "#stopRollbackButton");
        assertEquals("Stop the deployment of checkout from checkout:1 to checkout:2 and roll back to checkout:1?", question(robot));
        answerDialog(robot, "Cancel");
        waitUntil("not stopped", () -> text(robot, "#timelineMessage").equals("Not stopped."));
        PanelClock.advance(bench, panel, Duration.ofSeconds(10));
        assertEquals("IN_PROGRESS", rows(robot).get(0).status(), "Cancel did nothing");
        assertTrue(drawn(robot, "checkout:1 90% · checkout:2 10%", 0.9));

        click(robot, "#stopRollbackButton");
        assertThat(question(robot), containsString("from checkout:1 to checkout:2"));
        answerDialog(robot, "Confirm");
        PanelClock.advanceUntil(bench, panel, "ROLLBACK_SUCCESSFUL", Duration.ofSeconds(30), 20,
                () -> "ROLLBACK_SUCCESSFUL".equals(rows(robot).get(0).status()));
        waitUntil("production back on checkout:1", () -> drawn(robot, "checkout:1 100% · checkout:2 0%", 1.0));
        waitUntil("the reason", () -> text(robot, "#timelineReason").equals("Stopped by a user (roll back)"));
        List<DeploymentHistoryRow> rows = rows(robot);
        assertEquals(2, rows.size(), "both deployments in the history");
        assertEquals("checkout:1 → checkout:2", rows.get(0).revisions());
        assertEquals("Stopped by a user (roll back)", rows.get(0).reason());
        assertEquals("SUCCESSFUL", rows.get(1).status());
        assertEquals("checkout:1", bench.backend.describeServices("prod-web", List.of("checkout")).get(0).taskDefinition()
                .replaceAll(".*/", ""));
    }

    @Test
    void rollingBackAtTheHookAsksThenReturnsTrafficAndTasksToTheSource(FxRobot robot) {
        ServicePanel panel = openCheckout(robot);
        click(robot, "#hookRollbackButton");
        assertEquals("Roll back the deployment of checkout from checkout:1 to checkout:2 at the paused hook, returning to checkout:1?",
                question(robot));
        answerDialog(robot, "Cancel");
        waitUntil("not rolled back", () -> text(robot, "#timelineMessage").equals("Not rolled back."));
        PanelClock.advance(bench, panel, Duration.ofSeconds(10));
        assertTrue(hooks(robot).contains(CANARY_HELD), "Cancel left the hook waiting");

        click(robot, "#hookRollbackButton");
        answerDialog(robot, "Confirm");
        PanelClock.advanceUntil(bench, panel, "ROLLBACK_SUCCESSFUL", Duration.ofSeconds(30), 20,
                () -> "ROLLBACK_SUCCESSFUL".equals(rows(robot).get(0).status()));
        waitUntil("production back on checkout:1", () -> drawn(robot, "checkout:1 100% · checkout:2 0%", 1.0));
        assertEquals(2, rows(robot).size(), "both deployments in the history");
        assertEquals("SUCCESSFUL", rows(robot).get(1).status());
        assertThat(bench.backend.describeServices("prod-web", List.of("checkout")).get(0).taskDefinition(), containsString("checkout:1"));
    }

    @Test
    void theSelectionHoldsAcrossRefreshesAndRollsBackToTheRevisionAFinishedDeploymentCameFrom(FxRobot robot) {
        ServicePanel panel = openCheckout(robot);
        click(robot, "#hookContinueButton");
        List<List<String>> compared = new CopyOnWriteArrayList<>();
        robot.interact(() -> panel.onCompareRevisions(compared::add));
        PanelClock.advanceUntil(bench, panel, "SUCCESSFUL", Duration.ofMinutes(2), 20, () -> "SUCCESSFUL".equals(rows(robot).get(0).status()));

        DeploymentHistoryRow canary = rows(robot).get(0);
        DeploymentHistoryRow first = rows(robot).get(1);
        selectRow(robot, first.arn());
        waitUntil("the first deployment's timeline", () -> text(robot, "#timelineTitle").equals("Canary deployment of checkout:1"));
        PanelClock.advance(bench, panel, Duration.ofSeconds(30));
        assertEquals(List.of(first.arn()), onFx(() -> history(robot).getSelectionModel().getSelectedItems().stream()
                .map(DeploymentHistoryRow::arn).toList()), "still selected after refreshes");
        assertEquals("Canary deployment of checkout:1", text(robot, "#timelineTitle"));
        assertTrue(onFx(() -> robot.lookup("#compareRevisionsButton").query().isDisabled()), "one revision only: nothing to compare");

        selectRow(robot, canary.arn());
        click(robot, "#compareRevisionsButton");
        assertEquals(List.of(List.of(canary.sourceRevisionArn(), canary.targetRevisionArn())), compared, "its source, then its target");
        robot.press(KeyCode.SHORTCUT).clickOn(rowOf(robot, first.arn())).release(KeyCode.SHORTCUT);
        click(robot, "#compareRevisionsButton");
        assertEquals(List.of(first.targetRevisionArn(), canary.targetRevisionArn()), compared.get(1), "two deployments' targets, older first");

        selectRow(robot, canary.arn());
        click(robot, "#rollBackToRevisionButton");
        assertEquals("Roll back checkout in prod-web from checkout:2 to checkout:1? It deploys checkout:1 with the service's present "
                + "deployment configuration.", question(robot));
        answerDialog(robot, "Confirm");
        PanelClock.advanceUntil(bench, panel, "a third deployment", Duration.ofSeconds(5), 6, () -> rows(robot).size() == 3);
        assertEquals("checkout:2 → checkout:1", rows(robot).get(0).revisions());
    }

    @Test
    void theBlueGreenBakeCountsDownAsTheClockMoves(FxRobot robot) {
        ServicePanel panel = bench.openServicePanel(robot, "prod-web", "catalog");
        waitUntil("the bake countdown", () -> text(robot, "#timelineCountdown").startsWith("Bake time:"));
        assertEquals("Blue/green deployment catalog:1 → catalog:2", text(robot, "#timelineTitle"));
        assertTrue(drawn(robot, "catalog:1 0% · catalog:2 100%", 0.0), "production on green while it bakes");
        int before = secondsLeft(text(robot, "#timelineCountdown"));
        PanelClock.advance(bench, panel, Duration.ofMinutes(5));
        waitUntil("the countdown moved", () -> secondsLeft(text(robot, "#timelineCountdown")) < before);
        int after = secondsLeft(text(robot, "#timelineCountdown"));
        assertTrue(before - after >= 300 && before - after <= 310, before + " then " + after + " seconds left");
    }

    private static int secondsLeft(String countdown) {
        Matcher m = Pattern.compile("Bake time: (?:(\\d+):)?(\\d+):(\\d\\d) left").matcher(countdown);
        assertTrue(m.matches(), countdown);
        int hours = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        return hours * 3600 + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
    }

    @Test
    void readOnlyTurnsEveryNewControlOffAndSaysWhy(FxRobot robot) {
        ServicePanel panel = openCheckout(robot);
        robot.interact(() -> panel.onCompareRevisions(pair -> { }));
        waitUntil("Continue possible", () -> !robot.lookup("#hookContinueButton").query().isDisabled());
        robot.interact(() -> bench.shell.readOnlyProperty().set(true));
        for (String id : List.of("#hookContinueButton", "#hookRollbackButton", "#stopRollbackButton", "#rollBackToRevisionButton")) {
            Control control = robot.lookup(id).queryAs(Control.class);
            waitUntil(id + " off", control::isDisabled);
            assertTrue(control.getStyleClass().contains("mutating"), id + " is marked mutating");
            assertEquals(ReadOnlyHint.READ_ONLY, control.getTooltip().getText(), id + " says why");
        }
        // Comparing changes nothing: it stays on.
        selectRow(robot, rows(robot).get(0).arn());
        waitUntil("compare on", () -> !robot.lookup("#compareRevisionsButton").query().isDisabled());
        robot.interact(() -> bench.shell.readOnlyProperty().set(false));
        waitUntil("Continue possible again", () -> !robot.lookup("#hookContinueButton").query().isDisabled());
    }
}
