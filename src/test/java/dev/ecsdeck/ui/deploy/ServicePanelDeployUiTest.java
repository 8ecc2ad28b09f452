package dev.ecsdeck.ui.deploy;

import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static dev.ecsdeck.ui.deploy.DeployStrategyUiTest.changes;
import static dev.ecsdeck.ui.deploy.DeployStrategyUiTest.deployOff;
import static dev.ecsdeck.ui.deploy.DeployStrategyUiTest.label;
import static dev.ecsdeck.ui.deploy.DeployStrategyUiTest.plan;
import static dev.ecsdeck.ui.deploy.DeployStrategyUiTest.retype;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.DeploymentLifecycleHook;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import dev.ecsdeck.ui.common.ReadOnlyHint;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The service panel's "Deploy…": a revision of the family and a strategy, on the real window over the demo. */
@ExtendWith(ApplicationExtension.class)
class ServicePanelDeployUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private ServiceDeployment newestDeployment(UiTestBench bench, String cluster, String service) {
        List<ServiceDeploymentBrief> all = bench.backend.listServiceDeployments(cluster, service);
        return bench.backend.describeServiceDeployments(List.of(all.get(0).serviceDeploymentArn())).get(0);
    }

    @Test
    void pickARevisionAndBlueGreenWithAPauseARefusedCallKeepsTheChoicesThenItDeploys(FxRobot robot) {
        UiTestBench bench = openBench(robot, false);
        bench.openServicePanel(robot, "prod-web", "catalog");
        waitUntil("Deploy… on", () -> !robot.lookup("#deployServiceButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#deployServiceButton");
        waitUntil("the deploy question", () -> robot.lookup("#deployRevision").tryQuery().isPresent());
        waitUntil("the changes read", () -> !changes(robot).isEmpty() && !changes(robot).startsWith("Reading"));

        ComboBox<DeployQuestion.RevisionChoice> revisions = robot.lookup("#deployRevision").query();
        assertEquals(List.of("catalog:2 (running)", "catalog:1"), revisions.getItems().stream().map(DeployQuestion.RevisionChoice::label).toList(),
                "newest first, the running one marked");
        assertEquals("catalog:1", revisions.getValue().label(), "the newest it does not run");
        assertEquals("Deploy catalog:1 to service catalog in prod-web? It runs catalog:2 now.", label(robot, "#deployHeadline"));
        assertThat(changes(robot), containsString("catalog:4.1.0"));
        assertTrue(robot.lookup("#strategy-BLUE_GREEN").queryAs(javafx.scene.control.RadioButton.class).isSelected(), "the service's strategy");
        assertEquals("60", robot.lookup("#bakeTime").queryAs(TextField.class).getText(), "the service's bake time");

        retype(robot, "#bakeTime", "5");
        robot.clickOn("#pause-POST_TEST_TRAFFIC_SHIFT");
        waitUntil("the plan with the pause", () -> plan(robot).contains("After test traffic: PAUSE"));
        assertThat(plan(robot), containsString("Bake: both revisions run for 5 min"));

        // catalog is still in the bake of its last deployment: ECS refuses, the question stays with the error and the choices.
        UiTestBench.answerDialog(robot, "Deploy");
        waitUntil("the refusal", () -> label(robot, "#deployQuestionStatus").startsWith("Not deployed"));
        assertThat(label(robot, "#deployQuestionStatus"), containsString("is in progress"));
        assertThat(label(robot, "#deployQuestionStatus"), containsString("Your choices are kept."));
        assertEquals("5", robot.lookup("#bakeTime").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#pause-POST_TEST_TRAFFIC_SHIFT").queryAs(javafx.scene.control.CheckBox.class).isSelected());

        UiTestBench b = bench;
        int before = b.backend.listServiceDeployments("prod-web", "catalog").size();
        for (int i = 0; i < 90 && !"SUCCESSFUL".equals(newestDeployment(b, "prod-web", "catalog").status()); i++) {
            bench.clock.advance(Duration.ofMinutes(1));
        }
        assertEquals("SUCCESSFUL", newestDeployment(bench, "prod-web", "catalog").status(), "the earlier deployment ended");
        waitUntil("Deploy on again", () -> !deployOff(robot));
        UiTestBench.answerDialog(robot, "Deploy");
        waitUntil("the question closed", () -> robot.lookup("#deployHeadline").tryQuery().isEmpty());
        waitUntil("a new service deployment", () -> b.backend.listServiceDeployments("prod-web", "catalog").size() == before + 1);
        assertThat(label(robot, "#deployServiceStatus"), containsString("Started deploying catalog:1 (Blue/green): follow it under Deployments."));
        ServiceDeployment sd = newestDeployment(bench, "prod-web", "catalog");
        assertEquals("BLUE_GREEN", sd.deploymentConfiguration().strategy());
        assertEquals(5, sd.deploymentConfiguration().bakeTimeInMinutes());
        assertEquals(List.of(List.of("POST_TEST_TRAFFIC_SHIFT")), sd.deploymentConfiguration().lifecycleHooksOrEmpty().stream()
                .filter(h -> DeploymentLifecycleHook.PAUSE.equals(h.targetType())).map(DeploymentLifecycleHook::lifecycleStages).toList());
        for (int i = 0; i < 60 && !"POST_TEST_TRAFFIC_SHIFT".equals(newestDeployment(b, "prod-web", "catalog").lifecycleStage()); i++) {
            bench.clock.advance(Duration.ofSeconds(10));
        }
        ServiceDeployment held = newestDeployment(bench, "prod-web", "catalog");
        assertEquals("POST_TEST_TRAFFIC_SHIFT", held.lifecycleStage());
        assertEquals(List.of("AWAITING_ACTION"), held.lifecycleHookDetails().stream().map(ServiceDeployment.DeploymentLifecycleHookDetail::status).toList());
        bench.closeAndCheck();
    }

    @Test
    void aServiceWithoutTheSetUpSaysWhatIsMissing(FxRobot robot) {
        UiTestBench bench = openBench(robot, false);
        bench.openServicePanel(robot, "prod-batch", "reports-worker");
        waitUntil("Deploy… on", () -> !robot.lookup("#deployServiceButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#deployServiceButton");
        waitUntil("the deploy question", () -> robot.lookup("#deployRevision").tryQuery().isPresent());
        robot.clickOn("#strategy-LINEAR");
        waitUntil("what is missing", () -> robot.lookup("#missingSetup").query().isVisible());
        assertThat(label(robot, "#missingSetup"), containsString("Linear moves traffic through the service's load balancer"));
        assertThat(label(robot, "#missingSetup"), containsString("loadBalancers[0].advancedConfiguration is missing: it needs an alternate "
                + "target group, a production listener rule and a role ARN."));
        assertTrue(deployOff(robot));
        robot.clickOn("#strategy-ROLLING");
        waitUntil("Rolling is available", () -> !robot.lookup("#missingSetup").query().isVisible());
        UiTestBench.answerDialog(robot, "Cancel");
        waitUntil("the question closed", () -> robot.lookup("#deployHeadline").tryQuery().isEmpty());
        assertEquals("Not deployed.", label(robot, "#deployServiceStatus"));
        bench.closeAndCheck();
    }

    @Test
    void readOnlyTurnsTheDeployControlsOffWithTheReason(FxRobot robot) {
        UiTestBench bench = openBench(robot, true);
        bench.openServicePanel(robot, "prod-web", "catalog");
        Button deploy = robot.lookup("#deployServiceButton").queryAs(Button.class);
        waitUntil("the panel read", () -> bench.window.servicePanel().model().serviceProperty().get() != null);
        assertTrue(deploy.isDisabled());
        assertTrue(deploy.getStyleClass().contains("mutating"));
        assertEquals(ReadOnlyHint.READ_ONLY, deploy.getTooltip().getText());
        robot.clickOn("#editTaskDefinitionButton");
        waitUntil("the editor", () -> robot.lookup("#deployButton").tryQuery().isPresent());
        Button editorDeploy = robot.lookup("#deployButton").queryAs(Button.class);
        assertTrue(editorDeploy.isDisabled());
        assertEquals(ReadOnlyHint.READ_ONLY, editorDeploy.getTooltip().getText());
        assertFalse(robot.lookup("#deployHeadline").tryQuery().isPresent(), "no question was asked");
        bench.closeAndCheck();
    }

    private UiTestBench openBench(FxRobot robot, boolean readOnly) {
        UiTestBench[] made = new UiTestBench[1];
        robot.interact(() -> made[0] = end.watch(new UiTestBench(stage, readOnly)));
        return made[0];
    }
}
