package dev.ecsdeck.ui.service;

import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ScalableTarget;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.ServiceScaling;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.provider.ReadOnlyEcsProvider;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.common.DialogConfirmer;
import dev.ecsdeck.ui.common.FxThreadCheckingProvider;
import dev.ecsdeck.ui.common.ReadOnlyHint;
import dev.ecsdeck.ui.common.UiTaskExecutor;
import dev.ecsdeck.ui.service.AutoScalingViewModel.PolicyRow;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The auto scaling view on the demo simulator, driven by mouse and keyboard. */
@ExtendWith(ApplicationExtension.class)
class AutoScalingViewUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();
    private final DemoSim sim = end.closeAfter(new DemoSim());
    private final ManualClock clock = sim.clock;
    private final SimProvider backend = sim.provider;
    private final SimpleBooleanProperty readOnly = new SimpleBooleanProperty(false);
    private final FxThreadCheckingProvider provider = end.offFxThread(new ReadOnlyEcsProvider(backend, readOnly::get));
    private final UiTaskExecutor executor = end.executor(2);
    private Stage stage;
    private AutoScalingViewModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setWidth(1200);
        stage.setHeight(780); // within the headless screen (1280 × 800)
    }

    /** Shows the view of one prod-web service in the stage, read. */
    private Node show(FxRobot robot, String service) {
        robot.interact(() -> {
            var described = new CurrentService(backend.describeServices("prod-web", List.of(service)).get(0));
            ServicePanelContext ctx = new ServicePanelContext(provider, executor, new DialogConfirmer(stage),
                    (title, message, expected) -> false, readOnly, () -> clock.now().toEpochMilli());
            model = new AutoScalingViewModel(ctx, new ServiceRef("prod-web", service), described);
            stage.setScene(new Scene(new AutoScalingController(model).view()));
            stage.show();
            model.refresh();
        });
        waitUntil("the auto scaling of " + service, () -> !model.summaryProperty().get().startsWith("Reading"));
        return stage.getScene().getRoot();
    }

    private static void retype(FxRobot robot, String id, String text) {
        robot.clickOn(id).press(KeyCode.SHORTCUT).type(KeyCode.A).release(KeyCode.SHORTCUT).write(text);
    }

    /**
     * Scrolls a policy's row to the top of the table, clicks its first cell (the shown row: the table keeps
     * spare, hidden rows too) and waits until it is selected.
     */
    private void clickRow(FxRobot robot, String policyName) {
        robot.interact(() -> policiesTable(robot).getItems().stream().filter(r -> r.name().equals(policyName)).findFirst()
                .ifPresent(policiesTable(robot)::scrollTo));
        waitUntil("a row for " + policyName, () -> robot.lookup((Predicate<Node>) n -> n instanceof TableRow<?> r && r.isVisible()
                && r.getItem() instanceof PolicyRow p && p.name().equals(policyName)).tryQuery().isPresent());
        Node row = robot.lookup((Predicate<Node>) n -> n instanceof TableRow<?> r && r.isVisible() && r.getItem() instanceof PolicyRow p
                && p.name().equals(policyName)).query();
        // Its Name cell: a wide row may run past the table's edge.
        robot.clickOn(robot.from(row).lookup((Predicate<Node>) n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && c.getTableColumn() == policiesTable(robot).getColumns().get(0)).<Node>query());

        waitUntil(policyName + " selected", () -> {
            PolicyRow chosen = policiesTable(robot).getSelectionModel().getSelectedItem();
            return chosen != null && chosen.name().equals(policyName);
        });
    }

    private ServiceScaling scaling(String service) {
        return backend.describeScaling("prod-web", service);
    }

    private ScalingPolicy policy(String name) {
        return scaling("orders-api").policies().stream().filter(p -> p.policyName().equals(name)).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static TableView<PolicyRow> policiesTable(FxRobot robot) {
        return robot.lookup("#policiesTable").queryAs(TableView.class);
    }

    @Test
    void createsEditsAndDeletesATargetTrackingPolicy(FxRobot robot) {
        show(robot, "orders-api");
        waitUntil("the demo's two policies", () -> policiesTable(robot).getItems().size() == 2);
        // The CPU policy's metric now, against its target (GetMetricData's last minute), in its own column.
        waitUntil("the Now column shows the CPU policy's CPU", () -> robot.from(policiesTable(robot)).lookup(".table-cell")
                .match((java.util.function.Predicate<Node>) c -> c instanceof javafx.scene.control.TableCell<?, ?> cell
                        && "Now".equals(cell.getTableColumn().getText()) && cell.getItem() instanceof String text
                        && text.matches("\\d+(\\.\\d)?% \\((above|below|at) target\\)")).tryQuery().isPresent());
        assertFalse(robot.lookup("#policyForm").query().isVisible());

        robot.clickOn("#newPolicy");
        assertTrue(robot.lookup("#policyForm").query().isVisible());
        retype(robot, "#policyName", "orders-api-memory");
        robot.clickOn("#policyMetric").clickOn("Memory utilisation");
        retype(robot, "#policyTargetValue", "170");
        waitUntil("the target problem", () -> robot.lookup("#policyProblems").queryLabeled().getText()
                .equals("Target value: at most 100 (%) for Memory utilisation."));
        assertTrue(robot.lookup("#savePolicy").queryButton().isDisabled());
        retype(robot, "#policyTargetValue", "70");
        robot.clickOn("#policyScaleOutCooldown").write("30");
        robot.clickOn("#policyScaleInCooldown").write("600");
        robot.clickOn("#policyDisableScaleIn");
        robot.clickOn("#savePolicy");
        waitUntil("the new policy listed", () -> policiesTable(robot).getItems().size() == 3);
        assertEquals(new TargetTrackingConfig(TargetTrackingConfig.MEMORY, null, 70, 30, 600, true),
                policy("orders-api-memory").targetTracking());
        assertFalse(robot.lookup("#policyForm").query().isVisible(), "closed once saved");

        clickRow(robot, "orders-api-memory");
        robot.clickOn("#editPolicy");
        assertTrue(robot.lookup("#policyName").query().isDisabled(), "a policy's name is fixed");
        retype(robot, "#policyTargetValue", "55");
        robot.clickOn("#savePolicy");
        waitUntil("the edited policy", () -> policy("orders-api-memory").targetTracking().targetValue() == 55.0);
        waitUntil("the table follows", () -> policiesTable(robot).getItems().stream()
                .anyMatch(r -> r.name().equals("orders-api-memory") && r.targetValue().equals("55%")));

        clickRow(robot, "orders-api-memory");
        robot.clickOn("#deletePolicy");
        waitUntil("a confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        String question = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
        assertThat(question, containsString("orders-api-memory of service orders-api in prod-web"));
        dev.ecsdeck.ui.UiTestBench.answerDialog(robot, "Confirm");
        waitUntil("the policy gone", () -> policiesTable(robot).getItems().size() == 2);
        assertEquals(null, policy("orders-api-memory"));
    }

    @Test
    void registersMinAndMaxAndEnablesAutoScaling(FxRobot robot) {
        show(robot, "orders-api");
        assertEquals("Apply range", robot.lookup("#applyRange").queryButton().getText());
        retype(robot, "#maxCapacity", "1");
        waitUntil("the range problem", () -> robot.lookup("#rangeProblem").queryLabeled().getText()
                .equals("Minimum tasks (2) must not be more than maximum tasks (1)."));
        assertTrue(robot.lookup("#applyRange").queryButton().isDisabled());
        retype(robot, "#maxCapacity", "12");
        retype(robot, "#minCapacity", "3");
        robot.clickOn("#applyRange");
        waitUntil("the new range", () -> scaling("orders-api").target().maxCapacity() == 12);
        assertEquals(3, scaling("orders-api").target().minCapacity());

        show(robot, "web");
        Button enable = robot.lookup("#applyRange").queryButton();
        assertEquals("Enable auto scaling", enable.getText());
        assertTrue(robot.lookup("#newPolicy").queryButton().isDisabled(), "no policy before a scalable target");
        robot.clickOn("#minCapacity").write("2");
        robot.clickOn("#maxCapacity").write("6").type(KeyCode.ENTER);
        waitUntil("web registered", () -> scaling("web").enabled());
        ScalableTarget t = scaling("web").target();
        assertEquals(List.of(2, 6), List.of(t.minCapacity(), t.maxCapacity()));
        waitUntil("the button follows", () -> enable.getText().equals("Apply range"));
        assertFalse(robot.lookup("#newPolicy").queryButton().isDisabled());
    }

    @Test
    void inReadOnlyModeEveryControlIsDisabledAndSaysWhy(FxRobot robot) {
        show(robot, "orders-api");
        robot.clickOn("#newPolicy");
        waitUntil("the two policies", () -> policiesTable(robot).getItems().size() == 2);
        clickRow(robot, "orders-api-cpu-target-tracking");
        assertFalse(robot.lookup("#autoScalingReadOnly").query().isVisible());
        robot.interact(() -> readOnly.set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ReadOnlyHint.READ_ONLY, robot.lookup("#autoScalingReadOnly").queryLabeled().getText());
        assertTrue(robot.lookup("#autoScalingReadOnly").query().isVisible());
        for (String id : List.of("#minCapacity", "#maxCapacity", "#applyRange", "#newPolicy", "#editPolicy", "#deletePolicy",
                "#policyName", "#policyMetric", "#policyTargetValue", "#policyScaleOutCooldown", "#policyScaleInCooldown",
                "#policyDisableScaleIn", "#savePolicy", "#policyResourceLabel")) {
            Control c = robot.lookup(id).queryAs(Control.class);
            assertTrue(c.isDisabled(), id + " is disabled");
            assertEquals(ReadOnlyHint.READ_ONLY, c.getTooltip().getText(), id + " says why");
        }
        for (String id : List.of("#applyRange", "#newPolicy", "#editPolicy", "#deletePolicy", "#savePolicy")) {
            assertTrue(robot.lookup(id).query().getStyleClass().contains("mutating"), id);
        }
        robot.interact(() -> readOnly.set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#deletePolicy").queryButton().isDisabled());
        assertThat(robot.lookup("#deletePolicy").queryButton().getTooltip().getText(), containsString("DeleteScalingPolicy"));
    }
}
