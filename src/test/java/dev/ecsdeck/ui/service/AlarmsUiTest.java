package dev.ecsdeck.ui.service;

import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.MetricAlarm;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.time.Duration;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Alarms tab and the Deployments tab on the demo's payments service, whose deployment alarm
 * payments-cpu-high watches its CPU: a deploy of the revision whose image runs hot fires the alarm and
 * ECS rolls it back; the console shows the alarm in ALARM and names it as the cause of the rollback.
 */
@ExtendWith(ApplicationExtension.class)
class AlarmsUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    private static void clickTab(FxRobot robot, String title) {
        Node tabs = robot.lookup("#servicePartTabs").query();
        robot.clickOn(robot.from(tabs).lookup(".tab").lookup((Predicate<Node>) n -> n instanceof Label l && title.equals(l.getText())).<Node>query());
    }

    /** The row on screen showing the named alarm (not one of the table's spare, hidden rows). */
    private static Predicate<Node> rowOf(String alarmName) {
        return n -> n instanceof TableRow<?> row && row.isVisible() && !row.isEmpty() && row.getItem() instanceof AlarmsViewModel.AlarmRow a
                && a.name().equals(alarmName);
    }

    @Test
    void anAlarmThatFiresDuringADeploymentShowsInAlarmAndIsNamedAsTheRollbacksCause(FxRobot robot) {
        ServicePanel panel = bench.openServicePanel(robot, "prod-web", "payments");
        clickTab(robot, "Alarms");
        @SuppressWarnings("unchecked")
        TableView<AlarmsViewModel.AlarmRow> alarms = robot.lookup("#alarmsTable").queryAs(TableView.class);
        waitUntil("payments' deployment alarm listed", () -> alarms.getItems().stream()
                .anyMatch(r -> r.name().equals("payments-cpu-high") && r.role().equals("deployment alarm")));
        AlarmsViewModel.AlarmRow before = onFx(() -> alarms.getItems().stream().filter(r -> r.name().equals("payments-cpu-high")).findFirst()
                .orElseThrow());
        assertTrue(!MetricAlarm.ALARM.equals(before.state()), "not firing before the deploy: " + before.state());
        assertEquals("CPUUtilization (Average, 1 min) > 80 for 3 of 3 periods; missing data: missing", before.watches());

        bench.backend.updateService(ServiceUpdate.taskDefinition("prod-web", "payments", "payments:3"));
        PanelClock.advanceUntil(bench, panel, "payments-cpu-high in ALARM on the Alarms tab", Duration.ofSeconds(30), 40,
                () -> alarms.getItems().stream().anyMatch(r -> r.name().equals("payments-cpu-high") && MetricAlarm.ALARM.equals(r.state())));
        waitUntil("the firing alarm's row stands out", () -> robot.from(alarms).lookup(rowOf("payments-cpu-high"))
                .match((Predicate<Node>) row -> row.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("in-alarm")))
                .tryQuery().isPresent());

        // Its history says it went to ALARM.
        // On its name: the row is wider than the table (the reason is long), so its middle may be out of sight.
        Node row = robot.from(alarms).lookup(rowOf("payments-cpu-high")).query();
        Node cellNode = robot.from(row).lookup(".table-cell").<Node>query();
        robot.clickOn(cellNode);
        waitUntil("the row selected", () -> alarms.getSelectionModel().getSelectedItem() != null
                && alarms.getSelectionModel().getSelectedItem().name().equals("payments-cpu-high"));
        @SuppressWarnings("unchecked")
        TableView<AlarmsViewModel.HistoryRow> history = robot.lookup("#alarmHistoryTable").queryAs(TableView.class);
        waitUntil("the alarm's history shows the change to ALARM", () -> history.getItems().stream()
                .anyMatch(h -> h.summary().contains("to ALARM")));
        String reason = robot.lookup("#alarmReason").queryAs(Label.class).getText();
        assertTrue(reason.startsWith("payments-cpu-high is ALARM: Threshold Crossed: 3 out of the last 3 datapoints"), reason);

        // The deployment is rolled back, and the Deployments tab names the alarm.
        clickTab(robot, "Deployments");
        PanelClock.advanceUntil(bench, panel, "the timeline names the alarm that rolled the deployment back", Duration.ofSeconds(30), 40,
                () -> robot.lookup("#timelineReason").tryQuery().map(n -> ((Label) n).getText()).orElse("").contains("payments-cpu-high"));
        bench.closeAndCheck();
    }
}
