package dev.ecsdeck.ui.service;

import static dev.ecsdeck.ui.UiTestBench.onFx;
import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ecsdeck.model.AdvancedConfiguration;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.ListenerRule;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.TargetHealth;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.common.TaskTargets;
import dev.ecsdeck.ui.service.ServiceTasksViewModel.TaskRow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Target health on the Tasks tab and the Load balancing tab, in the real window on the demo. */
@ExtendWith(ApplicationExtension.class)
class TargetHealthUiTest {
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

    /** The text a table shows in a row's cell of the named column (plain or wrapped text). */
    private static String cellText(FxRobot robot, TableView<?> table, Object item, String column) {
        TableCell<?, ?> cell = cell(robot, table, item, column);
        return cell == null ? "" : cell.getGraphic() instanceof Text t ? t.getText() : cell.getText();
    }

    /** The cell on screen of a row's item in the named column; null while it is not drawn. */
    private static TableCell<?, ?> cell(FxRobot robot, TableView<?> table, Object item, String column) {
        Node row = robot.from(table).lookup((Predicate<Node>) n -> n instanceof TableRow<?> r && r.getItem() == item).tryQuery().orElse(null);
        return row == null ? null : robot.from(row).lookup((Predicate<Node>) n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                && column.equals(c.getTableColumn().getText())).<TableCell<?, ?>>tryQuery().orElse(null);
    }

    /** Whether a node and everything around it is visible. */
    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The simulator's target health of each task of reports-worker, by task ARN. */
    private Map<String, TargetHealth> reportsTargetHealth() {
        return bench.reportsWorkerTargetHealth();
    }

    @Test
    void theTasksTabShowsTheTaskFailingTargetHealthWithItsReason(FxRobot robot) {
        bench.openServicePanel(robot, "prod-batch", "reports-worker");
        clickTab(robot, "Tasks");
        @SuppressWarnings("unchecked")
        TableView<TaskRow> table = robot.lookup("#tasksTable").queryAs(TableView.class);
        waitUntil("four tasks with their target health", () -> table.getItems().size() == 4
                && table.getItems().stream().allMatch(r -> r.targetHealthProperty().get() != null));
        waitUntil("the Target (health) column", () -> table.getVisibleLeafColumns().stream().anyMatch(c -> "Target".equals(c.getText())));

        Map<String, TargetHealth> expected = reportsTargetHealth();
        assertEquals(1, expected.values().stream().filter(h -> "unhealthy".equals(h.state())).count(), "the demo has one failing task");
        for (TaskRow row : List.copyOf(table.getItems())) {
            TargetHealth health = expected.get(row.taskArn());
            robot.interact(() -> table.scrollTo(row));
            String shown = onFx(() -> cellText(robot, table, row, "Target"));
            if ("unhealthy".equals(health.state())) {
                assertEquals("unhealthy — " + health.reason(), shown);
                TableCell<?, ?> cell = onFx(() -> cell(robot, table, row, "Target"));
                assertThat(cell.getTooltip().getText(), containsString(health.description()));
                assertFalse(cell.getStyleClass().contains("target-healthy"));
            } else {
                assertEquals("healthy", shown, row.taskId());
            }
        }
        bench.closeAndCheck();
    }

    @Test
    void theTasksTabOfAServiceWithoutLoadBalancersHasNoTargetHealthColumn(FxRobot robot) {
        bench.openServicePanel(robot, "prod-batch", "cron-scheduler");
        clickTab(robot, "Tasks");
        @SuppressWarnings("unchecked")
        TableView<TaskRow> table = robot.lookup("#tasksTable").queryAs(TableView.class);
        waitUntil("its tasks", () -> !table.getItems().isEmpty());
        assertFalse(onFx(() -> table.getVisibleLeafColumns().stream().anyMatch(c -> "Target".equals(c.getText()))));
        clickTab(robot, "Load balancing");
        waitUntil("the section says there is no load balancer", () -> robot.lookup("#loadBalancingMessage").queryAs(Label.class).getText()
                .equals("No load balancer: this service's tasks are not registered with any target group."));
        assertFalse(onFx(() -> showing(robot.lookup("#targetGroupsTable").query())), "no empty table under it");
        bench.closeAndCheck();
    }

    private ListenerRule productionRule(AdvancedConfiguration a, String loadBalancerArn) {
        return bench.backend.describeListenerRules(loadBalancerArn).stream().filter(r -> r.ruleArn().equals(a.productionListenerRule()))
                .findFirst().orElseThrow();
    }

    /** "checkout-blue 100% · checkout-green 0%", from what the simulator's rule says. */
    private static String weights(ListenerRule r) {
        return r.forwardTo().stream().map(w -> TaskTargets.targetGroupName(w.targetGroupArn()) + " " + Math.round(r.percentTo(w.targetGroupArn())) + "%")
                .collect(Collectors.joining(" · "));
    }

    @Test
    void theLoadBalancingTabListsCheckoutsGroupsAndTheProductionWeightsAsTheyMove(FxRobot robot) {
        ServicePanel panel = bench.openServicePanel(robot, "prod-web", "checkout");
        clickTab(robot, "Load balancing");
        EcsService s = bench.backend.describeServices("prod-web", List.of("checkout")).get(0);
        AdvancedConfiguration a = s.loadBalancers().get(0).advancedConfiguration();
        String alb = bench.backend.describeTargetGroups(List.of(s.loadBalancers().get(0).targetGroupArn())).get(0).loadBalancerArns().get(0);

        @SuppressWarnings("unchecked")
        TableView<LoadBalancingViewModel.GroupRow> groups = robot.lookup("#targetGroupsTable").queryAs(TableView.class);
        waitUntil("checkout's two target groups", () -> groups.getItems().size() == 2);
        assertEquals(List.of("checkout-blue", "checkout-green"),
                onFx(() -> groups.getItems().stream().map(g -> cellText(robot, groups, g, "Target group")).toList()));
        assertEquals("HTTP:8080 · ip", onFx(() -> cellText(robot, groups, groups.getItems().get(0), "Routes to")));

        @SuppressWarnings("unchecked")
        TableView<LoadBalancingViewModel.RuleRow> rules = robot.lookup("#listenerRulesTable").queryAs(TableView.class);
        String before = weights(productionRule(a, alb));
        waitUntil("the production rule with its weights " + before, () -> rules.getItems().stream()
                .anyMatch(r -> "production".equals(cellText(robot, rules, r, "Role")) && before.equals(cellText(robot, rules, r, "Weights"))));

        // The canary waits at a hook: let it go on, then move time until production traffic has moved; the tab follows.
        String deployment = bench.backend.listServiceDeployments("prod-web", "checkout").get(0).serviceDeploymentArn();
        ServiceDeployment d = bench.backend.describeServiceDeployments(List.of(deployment)).get(0);
        var hook = d.lifecycleHookDetails().stream().filter(h -> "AWAITING_ACTION".equals(h.status())).findFirst().orElseThrow();
        bench.backend.continueServiceDeployment(deployment, hook.hookId(), "CONTINUE");
        for (int i = 0; i < 60 && weights(productionRule(a, alb)).equals(before); i++) {
            PanelClock.advance(bench, panel, Duration.ofSeconds(10));
        }
        String after = weights(productionRule(a, alb));
        assertNotEquals(before, after, "production traffic moved in the simulator");
        PanelClock.advanceUntil(bench, panel, "the production weights " + after, Duration.ofSeconds(1), 3, () -> rules.getItems().stream()
                .anyMatch(r -> "production".equals(cellText(robot, rules, r, "Role")) && after.equals(cellText(robot, rules, r, "Weights"))));
        bench.closeAndCheck();
    }
}
