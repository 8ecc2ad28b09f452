package dev.ecsdeck.ui.deploy;

import static dev.ecsdeck.ui.UiTestBench.waitUntil;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.DeploymentLifecycleHook;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.ui.UiTestBench;
import dev.ecsdeck.ui.UiTestEnd;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
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
 * Deploying with a strategy from the editor's "Deploy to…", on the real window over the demo: the
 * strategy form, its checks as the user types, what a service without the load-balancer set-up
 * lacks, the plan beside the changes, and the deployment ECS then runs.
 */
@ExtendWith(ApplicationExtension.class)
class DeployStrategyUiTest {
    @RegisterExtension
    final UiTestEnd end = new UiTestEnd();

    private UiTestBench bench;

    @Start
    void start(Stage stage) {
        bench = end.watch(new UiTestBench(stage, false));
    }

    private Tab selectedTab() {
        return bench.window.detailTabs().getSelectionModel().getSelectedItem();
    }

    /** Opens the service's panel, presses "Edit task definition"; returns the editor. */
    private Node editRevisionOf(FxRobot robot, String cluster, String service, String title) {
        bench.openServicePanel(robot, cluster, service);
        waitUntil("the edit button", () -> robot.lookup("#editTaskDefinitionButton").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#editTaskDefinitionButton");
        waitUntil("the editor on " + title, () -> selectedTab().getText().equals(title) && !selectedTab().getContent().lookupAll("#image-0").isEmpty());
        return selectedTab().getContent();
    }

    /** Changes the first container's image tag in the form and registers the next revision. */
    private void registerChangedImage(FxRobot robot, Node editor, String next) {
        TextField image = robot.from(editor).lookup("#image-0").query();
        UiTestBench.scrollIntoView(robot, image);
        robot.clickOn(image).type(KeyCode.END).write("-2").type(KeyCode.ENTER);
        robot.clickOn(robot.from(editor).lookup("#registerButton").<Node>query());
        waitUntil("registered " + next, () -> selectedTab().getText().equals(next));
    }

    /** Picks the service in "Deploy to", presses Deploy and waits for the question with its changes read. */
    private void askToDeploy(FxRobot robot, Node editor, String targetLabel) {
        ComboBox<?> targets = robot.from(editor).lookup("#deployTargets").query();
        waitUntil("deploy targets", () -> !targets.getItems().isEmpty());
        robot.clickOn(targets);
        robot.clickOn(targetLabel);
        robot.clickOn(robot.from(editor).lookup("#deployButton").<Node>query());
        waitUntil("the deploy question", () -> robot.lookup("#deployHeadline").tryQuery().isPresent());
        waitUntil("the changes read", () -> !changes(robot).isEmpty() && !changes(robot).startsWith("Reading"));
    }

    static String changes(FxRobot robot) {
        return robot.lookup("#deployChanges").queryAs(TextArea.class).getText();
    }

    static String plan(FxRobot robot) {
        return robot.lookup("#deployPlan").queryAs(Label.class).getText();
    }

    static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    static boolean deployOff(FxRobot robot) {
        return robot.lookup("#deployConfirm").queryAs(Button.class).isDisabled();
    }

    /** Replaces a field's text the way a user does: select all, type. */
    static void retype(FxRobot robot, String id, String text) {
        robot.clickOn(id).press(KeyCode.SHORTCUT).type(KeyCode.A).release(KeyCode.SHORTCUT).write(text);
    }

    /** The split a traffic bar of the editor's rollout view draws ("web:1 0% · web:2 100%"), or "". */
    private static String rolloutBar(FxRobot robot, Node editor, String listener) {
        return UiTestBench.onFx(() -> robot.from(editor).lookup("#rolloutPane #traffic" + listener).tryQuery()
                .map(n -> ((dev.ecsdeck.ui.service.TrafficBar) n).splitText()).orElse(""));
    }

    private static String rolloutStatus(FxRobot robot, Node editor) {
        return UiTestBench.onFx(() -> robot.from(editor).lookup("#rolloutPane #timelineStatus").tryQuery().map(n -> ((Label) n).getText()).orElse(""));
    }

    /** "POST_TEST_TRAFFIC_SHIFT" as the timeline words it: "Post test traffic shift". */
    private static String words(String stage) {
        String w = stage.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private ServiceDeployment newestDeployment(String cluster, String service) {
        List<ServiceDeploymentBrief> all = bench.backend.listServiceDeployments(cluster, service);
        return bench.backend.describeServiceDeployments(List.of(all.get(0).serviceDeploymentArn())).get(0);
    }

    @Test
    void blueGreenWithAPauseAfterTestTrafficShowsItsPlanAndStopsThere(FxRobot robot) {
        Node editor = editRevisionOf(robot, "prod-web", "web", "web:1");
        registerChangedImage(robot, editor, "web:2");
        int before = bench.backend.listServiceDeployments("prod-web", "web").size();
        askToDeploy(robot, editor, "web in prod-web (runs web:1)");
        assertEquals("Deploy web:2 to service web in prod-web? It runs web:1 now.", label(robot, "#deployHeadline"));
        assertThat(changes(robot), containsString("nginx:1.25-alpine-2"));
        assertThat(plan(robot), containsString("Rolling update: replace 4 tasks"));

        robot.clickOn("#strategy-BLUE_GREEN");
        waitUntil("the blue/green fields", () -> robot.lookup("#bakeTime").query().isVisible());
        retype(robot, "#bakeTime", "5");
        robot.clickOn("#pause-POST_TEST_TRAFFIC_SHIFT");
        waitUntil("the plan with the pause", () -> plan(robot).contains("PAUSE"));
        String plan = plan(robot);
        assertThat(plan, containsString("1. Scale up: start 4 tasks of the new revision beside the old ones"));
        assertThat(plan, containsString("2. Test traffic: all of it to the new revision"));
        assertThat(plan, containsString("3. After test traffic: PAUSE, waits for you to continue or roll back — until you continue"));
        assertThat(plan, containsString("4. Production traffic: all of it at once"));
        assertThat(plan, containsString("5. Bake: both revisions run for 5 min — 5 min"));
        assertThat(plan, containsString("6. Clean up: the old revision scaled to 0"));
        assertThat(plan, containsString("In all: 5 min, plus task start-up and clean-up, plus 1 pause that waits for you."));
        assertThat(changes(robot), containsString("nginx:1.25-alpine-2"));
        assertFalse(deployOff(robot));

        UiTestBench.answerDialog(robot, "Deploy");
        waitUntil("the question closed", () -> robot.lookup("#deployHeadline").tryQuery().isEmpty());
        waitUntil("a new service deployment", () -> bench.backend.listServiceDeployments("prod-web", "web").size() == before + 1);
        ServiceDeployment sd = newestDeployment("prod-web", "web");
        DeploymentConfiguration c = sd.deploymentConfiguration();
        assertEquals("BLUE_GREEN", c.strategy());
        assertEquals(5, c.bakeTimeInMinutes());
        assertEquals(1, c.lifecycleHooksOrEmpty().size());
        DeploymentLifecycleHook hook = c.lifecycleHooksOrEmpty().get(0);
        assertEquals("PAUSE", hook.targetType());
        assertEquals(List.of("POST_TEST_TRAFFIC_SHIFT"), hook.lifecycleStages());
        waitUntil("the editor follows the rollout", () -> robot.from(editor).lookup("#rolloutPane").query().isVisible());

        for (int i = 0; i < 60 && !"POST_TEST_TRAFFIC_SHIFT".equals(newestDeployment("prod-web", "web").lifecycleStage()); i++) {
            bench.clock.advance(Duration.ofSeconds(10));
        }
        ServiceDeployment held = newestDeployment("prod-web", "web");
        assertEquals("POST_TEST_TRAFFIC_SHIFT", held.lifecycleStage());
        assertEquals("IN_PROGRESS", held.status());
        assertEquals(List.of("AWAITING_ACTION"), held.lifecycleHookDetails().stream().map(ServiceDeployment.DeploymentLifecycleHookDetail::status).toList());
        bench.clock.advance(Duration.ofMinutes(10));
        assertEquals("POST_TEST_TRAFFIC_SHIFT", newestDeployment("prod-web", "web").lifecycleStage(), "it waits for a person");

        // The rollout view follows the service deployment itself: its stages, the hook and the traffic, not only task counts.
        waitUntil("the rollout shows the deployment's timeline", () -> UiTestBench.onFx(() -> robot.from(editor).lookup("#rolloutPane #timelineTitle")
                .tryQuery().map(n -> ((Label) n).getText()).orElse("")).equals("Blue/green deployment web:1 → web:2"));
        waitUntil("the stage and the hook awaiting action", () -> UiTestBench.onFx(() -> robot.from(editor).lookup("#rolloutPane #timelineHooks .label")
                .queryAll().stream().anyMatch(n -> ((Label) n).getText().contains("awaiting action"))));
        waitUntil("test traffic on web:2 in the rollout's bars", () -> rolloutBar(robot, editor, "Test").equals("web:1 0% · web:2 100%"));
        Button next = robot.from(editor).lookup("#rolloutPane #hookContinueButton").queryAs(Button.class);
        UiTestBench.scrollIntoView(robot, next);
        robot.clickOn(next);
        waitUntil("continued", () -> newestDeployment("prod-web", "web").lifecycleHookDetails().stream().noneMatch(h -> "AWAITING_ACTION".equals(h.status())));
        for (int i = 0; i < 30 && !UiTestBench.fx(() -> rolloutBar(robot, editor, "Production").equals("web:1 0% · web:2 100%")); i++) {
            String stage = newestDeployment("prod-web", "web").lifecycleStage();
            bench.clock.advance(Duration.ofSeconds(10));
            if (!stage.equals(newestDeployment("prod-web", "web").lifecycleStage())) {
                waitUntil("the rollout's timeline at the next stage", () -> !rolloutStatus(robot, editor).contains(words(stage)));
            }
        }
        waitUntil("production traffic moved, seen from the editor", () -> rolloutBar(robot, editor, "Production").equals("web:1 0% · web:2 100%"));
        bench.closeAndCheck();
    }

    @Test
    void badValuesAreNamedKeptAndKeepDeployOff(FxRobot robot) {
        Node editor = editRevisionOf(robot, "prod-web", "web", "web:1");
        registerChangedImage(robot, editor, "web:2");
        askToDeploy(robot, editor, "web in prod-web (runs web:1)");

        robot.clickOn("#strategy-CANARY");
        waitUntil("the canary fields", () -> robot.lookup("#canaryPercent").query().isVisible());
        retype(robot, "#canaryPercent", "0");
        waitUntil("the canary percent's error", () -> !label(robot, "#canaryPercentError").isEmpty());
        assertEquals("Canary percent must be a multiple of 0.1 from 0.1 to 100.0, not 0.0.", label(robot, "#canaryPercentError"));
        assertTrue(deployOff(robot), "Deploy is off while a value is wrong");
        assertThat(plan(robot), containsString("Set the strategy's values"));

        retype(robot, "#bakeTime", "2000");
        waitUntil("the bake time's error", () -> !label(robot, "#bakeTimeError").isEmpty());
        assertEquals("Bake time (minutes) must be between 0 and 1440, not 2000.", label(robot, "#bakeTimeError"));
        retype(robot, "#canaryPercent", "12.5");
        waitUntil("the canary percent is right", () -> label(robot, "#canaryPercentError").isEmpty());
        assertTrue(deployOff(robot), "the bake time is still wrong");
        assertEquals("2000", robot.lookup("#bakeTime").queryAs(TextField.class).getText(), "what the user typed is kept");

        retype(robot, "#bakeTime", "15");
        waitUntil("no error left", () -> label(robot, "#bakeTimeError").isEmpty() && !deployOff(robot));
        assertThat(plan(robot), containsString("Production traffic: canary 12.5% → wait 10 min → 100% — 10 min"));
        assertThat(plan(robot), containsString("In all: 25 min"));

        robot.clickOn("#strategy-LINEAR");
        retype(robot, "#stepPercent", "2");
        waitUntil("the step percent's error", () -> !label(robot, "#stepPercentError").isEmpty());
        assertEquals("Step percent must be a multiple of 0.1 from 3.0 to 100.0, not 2.0.", label(robot, "#stepPercentError"));
        assertTrue(deployOff(robot));
        robot.clickOn("#strategy-CANARY");
        waitUntil("canary again: its values are right", () -> !deployOff(robot));
        assertEquals("12.5", robot.lookup("#canaryPercent").queryAs(TextField.class).getText());

        UiTestBench.answerDialog(robot, "Cancel");
        waitUntil("the question closed", () -> robot.lookup("#deployHeadline").tryQuery().isEmpty());
        assertThat(robot.from(editor).lookup("#deployStatus").queryAs(Label.class).getText(), containsString("Not deployed."));
        assertEquals("ROLLING", bench.backend.describeServices("prod-web", List.of("web")).get(0).deploymentConfiguration().strategyOrDefault());
        bench.closeAndCheck();
    }

    @Test
    void aServiceWithoutTheLoadBalancerSetUpSaysWhatIsMissingAndStillDeploysRolling(FxRobot robot) {
        Node editor = editRevisionOf(robot, "prod-web", "orders-api", "orders-api:1");
        askToDeploy(robot, editor, "orders-api in prod-web (runs orders-api:1)");
        assertEquals("Deploy orders-api:1 again to service orders-api in prod-web? It runs it now: every task is replaced.",
                label(robot, "#deployHeadline"));
        assertThat(changes(robot), containsString("(none"));

        robot.clickOn("#strategy-BLUE_GREEN");
        retype(robot, "#bakeTime", "5");
        waitUntil("what is missing", () -> robot.lookup("#missingSetup").query().isVisible());
        assertEquals("Blue/green moves traffic through the service's load balancer, and this service's set-up lacks what it needs: loadBalancers "
                + "is empty: traffic-shifting deployments need a load balancer with an advancedConfiguration (alternate target group, production "
                + "listener rule and role ARN). Rolling is available.", label(robot, "#missingSetup"));
        assertTrue(deployOff(robot));

        robot.clickOn("#strategy-ROLLING");
        waitUntil("nothing missing for Rolling", () -> !robot.lookup("#missingSetup").query().isVisible() && !deployOff(robot));
        retype(robot, "#minimumHealthy", "50");
        waitUntil("the plan follows", () -> plan(robot).contains("keeping at least 2 healthy (50%)"));
        UiTestBench.answerDialog(robot, "Deploy");
        waitUntil("deployed again", () -> bench.backend.describeServices("prod-web", List.of("orders-api")).get(0).deployments().size() == 2);
        var service = bench.backend.describeServices("prod-web", List.of("orders-api")).get(0);
        assertEquals(50, service.deploymentConfiguration().minimumHealthyPercent());
        assertThat(service.deployments().get(0).taskDefinition(), containsString("orders-api:1"));
        bench.closeAndCheck();
    }
}
