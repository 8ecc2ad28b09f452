package dev.ecsdeck.sim.state;

import static dev.ecsdeck.sim.state.DeploymentWorld.strategy;
import static dev.ecsdeck.sim.state.StateAssertions.assertSameState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.CanaryConfiguration;
import dev.ecsdeck.model.DeploymentLifecycleHook;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.sim.AlbFixture;
import dev.ecsdeck.sim.SimFixture;
import dev.ecsdeck.sim.ecs.TaskApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file keeps service revisions and service deployments: a blue/green deployment paused at
 * a hook, a canary between its steps and a rolling update resume exactly where they were, with the
 * same listener weights and registered targets, and go on as an engine that was never saved.
 */
class ServiceDeploymentStateFileTest {
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:smoke-test";

    @TempDir
    Path dir;

    private static DeploymentLifecycleHook pause(String stage, int timeoutMinutes) {
        return new DeploymentLifecycleHook("PAUSE", null, null, List.of(stage),
                new DeploymentLifecycleHook.LifecycleHookTimeout(timeoutMinutes, "ROLLBACK"));
    }

    @Test
    void aBlueGreenDeploymentPausedAtAHookResumesWhereItWasAndGoesOnTheSameWay() {
        DeploymentWorld a = DeploymentWorld.create(2);
        a.createWeb(strategy("BLUE_GREEN", 2, List.of(pause("POST_TEST_TRAFFIC_SHIFT", 30)), null), true);
        a.deploy("web:2");
        a.until("paused at the hook", Duration.ofMinutes(15), () -> !a.current().lifecycleHookDetails().isEmpty());
        a.advance(Duration.ofMinutes(3));
        ServiceDeployment held = a.current();
        assertEquals("POST_TEST_TRAFFIC_SHIFT", held.lifecycleStage());
        assertEquals("AWAITING_ACTION", held.lifecycleHookDetails().get(0).status());
        assertNotNull(held.lifecycleHookDetails().get(0).expiresAt());

        DeploymentWorld b = a.saveAndLoad(dir.resolve("sim.json"));
        assertEquals(a.serviceDeployments(), b.serviceDeployments(), "DescribeServiceDeployments as before");
        assertEquals(held, b.current());
        assertEquals(a.revisions(), b.revisions());
        assertEquals(100.0, b.greenPercent(b.alb.testRule()), "test traffic stays on green");
        assertEquals(0.0, b.greenPercent(b.alb.productionRule()), "production traffic stays on blue");
        assertEquals(2, b.engine.loadBalancing().describeTargetHealth(b.alb.greenGroup(), null).size(), "green's tasks stay registered");
        assertEquals(2, b.engine.loadBalancing().describeTargetHealth(b.alb.blueGroup(), null).size(), "blue's tasks stay registered");
        assertSameState(a.everything(), b.everything(), "right after the restore");

        String hookId = held.lifecycleHookDetails().get(0).hookId();
        a.engine.serviceDeployments().continueServiceDeployment(held.serviceDeploymentArn(), hookId, "CONTINUE");
        b.engine.serviceDeployments().continueServiceDeployment(held.serviceDeploymentArn(), hookId, "CONTINUE");
        assertEquals("SUCCEEDED", b.current().lifecycleHookDetails().get(0).status());
        a.followWith(b, Duration.ofMinutes(20), w -> DeploymentWorld.finished(w.current()));
        assertEquals("SUCCESSFUL", b.current().status());
        assertEquals(100.0, b.greenPercent(b.alb.productionRule()));
        b.advance(Duration.ofMinutes(2));
        a.advance(Duration.ofMinutes(2));
        assertSameState(a.everything(), b.everything(), "two minutes after the deployment");
    }

    @Test
    void savedAtAnyMomentOfItsScaleUpABlueGreenDeploymentGoesOnTheSameWay() {
        DeploymentWorld a = DeploymentWorld.create(2);
        a.createWeb(strategy("BLUE_GREEN", 1, null, null), true);
        a.deploy("web:2");
        // green's tasks provisioning, pending, running but not yet healthy in their target group, healthy: a twin every 4 seconds
        List<DeploymentWorld> twins = new ArrayList<>();
        while (!List.of("POST_SCALE_UP", "TEST_TRAFFIC_SHIFT").contains(a.current().lifecycleStage())) {
            twins.add(a.saveAndLoad(dir.resolve("sim-" + twins.size() + ".json")));
            assertTrue(twins.size() < 60, "scale-up done within four minutes");
            for (DeploymentWorld w : twins) {
                w.advance(Duration.ofSeconds(4));
            }
            a.advance(Duration.ofSeconds(4));
        }
        assertTrue(twins.size() > 5, "several moments saved: " + twins.size());
        for (int s = 0; !DeploymentWorld.finished(a.current()); s++) {
            assertTrue(s < 600, "finished within ten minutes");
            a.advance(Duration.ofSeconds(1));
            for (int i = 0; i < twins.size(); i++) {
                twins.get(i).advance(Duration.ofSeconds(1));
                if (s % 15 == 0 || DeploymentWorld.finished(a.current())) {
                    assertSameState(a.everything(), twins.get(i).everything(), "twin " + i + " at " + a.engine.now());
                }
            }
        }
        assertEquals("SUCCESSFUL", twins.get(0).current().status());
    }

    @Test
    void aCanaryBetweenItsStepsShiftsTheRestAtTheSameSecond() {
        DeploymentWorld a = DeploymentWorld.create(2);
        a.createWeb(strategy("CANARY", 0, null, new CanaryConfiguration(10.0, 3)), true);
        a.deploy("web:2");
        a.until("the canary's share moved", Duration.ofMinutes(15), () -> "PRODUCTION_TRAFFIC_SHIFT".equals(a.current().lifecycleStage()));
        Instant shiftStart = a.engine.now();
        a.advance(Duration.ofSeconds(100));
        assertEquals(10.0, a.greenPercent(a.alb.productionRule()));

        DeploymentWorld b = a.saveAndLoad(dir.resolve("sim.json"));
        assertEquals(10.0, b.greenPercent(b.alb.productionRule()));
        assertEquals(a.serviceDeployments(), b.serviceDeployments());
        a.followWith(b, Duration.ofMinutes(5), w -> "POST_PRODUCTION_TRAFFIC_SHIFT".equals(w.current().lifecycleStage()));
        assertEquals(shiftStart.plus(Duration.ofMinutes(3)), b.engine.now(), "the rest moves canaryBakeTimeInMinutes after the canary");
        assertEquals(100.0, b.greenPercent(b.alb.productionRule()));
        a.followWith(b, Duration.ofMinutes(5), w -> DeploymentWorld.finished(w.current()));
        assertEquals("SUCCESSFUL", b.current().status());
    }

    @Test
    void aRollingUpdatesServiceDeploymentsAndRevisionsSurvive() {
        DeploymentWorld a = DeploymentWorld.create(2);
        a.createWeb(null, false);
        a.deploy("web:2");
        a.advance(Duration.ofSeconds(20));
        assertEquals("IN_PROGRESS", a.current().status());

        DeploymentWorld b = a.saveAndLoad(dir.resolve("sim.json"));
        List<ServiceDeployment> saved = b.serviceDeployments();
        assertEquals(a.serviceDeployments(), saved);
        assertEquals(2, saved.size(), "the service's first deployment and the update");
        assertEquals(2, b.revisions().size());
        assertEquals(a.revisions(), b.revisions());
        a.followWith(b, Duration.ofMinutes(10), w -> DeploymentWorld.finished(w.current()));
        assertEquals("SUCCESSFUL", b.current().status());

        // a deployment after the restore goes from the restored revision, as it would have
        a.deploy("web:1");
        b.deploy("web:1");
        a.followWith(b, Duration.ofMinutes(10), w -> DeploymentWorld.finished(w.current()));
        assertEquals("SUCCESSFUL", b.current().status());
        assertEquals(saved.get(0).targetServiceRevision().arn(), b.current().sourceServiceRevisions().get(0).arn());
    }

    @Test
    void lambdaHookOutcomesAndFailingTargetImagesSurvive() {
        DeploymentWorld a = DeploymentWorld.create(3);
        a.engine.lambdaHookOutcome(FUNCTION, "FAILED", 20);
        a.engine.failTargetHealthOfImage("acme/web:3", Duration.ofSeconds(5));
        a.createWeb(strategy("BLUE_GREEN", 0, List.of(new DeploymentLifecycleHook("AWS_LAMBDA", FUNCTION, AlbFixture.ROLE,
                List.of("POST_TEST_TRAFFIC_SHIFT"), null)), null), true);
        DeploymentWorld b = a.saveAndLoad(dir.resolve("sim.json"));

        a.deploy("web:2");
        b.deploy("web:2");
        a.followWith(b, Duration.ofMinutes(15), w -> DeploymentWorld.finished(w.current()));
        assertEquals("ROLLBACK_SUCCESSFUL", b.current().status(), "the function's declared answer, FAILED, rolled it back");
        assertEquals("FAILED", b.current().lifecycleHookDetails().get(0).status());

        a.deploy("web:3");
        b.deploy("web:3");
        a.followWith(b, Duration.ofMinutes(6), w -> !failedElbHealthChecks(w).isEmpty());
        assertTrue(failedElbHealthChecks(b).stream().allMatch(t -> t.taskDefinitionArn().endsWith("/web:3")),
                "web:3's tasks fail their target health checks after the restore too");
    }

    @Test
    void aStateFileFromBeforeServiceDeploymentsLoadsWithNone() throws Exception {
        DeploymentWorld a = DeploymentWorld.create(2);
        a.createWeb(null, false);
        Path file = dir.resolve("old.json");
        new SimStateStore(file, "deployments").save(a.engine);
        ObjectMapper json = new ObjectMapper();
        ObjectNode saved = (ObjectNode) json.readTree(file.toFile());
        strip(saved, "lambdaHookOutcomes", "failingTargetImages");
        for (JsonNode cluster : saved.get("clusters")) {
            for (JsonNode service : cluster.get("services")) {
                strip(service, "revisions", "serviceDeployments");
                for (JsonNode deployment : service.get("deployments")) {
                    strip(deployment, "revisionArn", "onAlternate");
                }
            }
            for (JsonNode task : cluster.get("tasks")) {
                strip(task, "loadBalanced", "lifecycleHealthy", "failedHealthChecks", "targets");
            }
        }
        Files.write(file, json.writeValueAsBytes(saved));

        DeploymentWorld b = a.loadTwin(file);
        assertEquals(List.of(), b.serviceDeployments(), "no service deployments in an old state file");
        assertEquals(a.engine.services().describeServices(DeploymentWorld.CLUSTER, List.of("web")).items(),
                b.engine.services().describeServices(DeploymentWorld.CLUSTER, List.of("web")).items());
        b.deploy("web:2");
        b.until("web:2 deployed", Duration.ofMinutes(10), () -> DeploymentWorld.finished(b.current()));
        assertEquals("SUCCESSFUL", b.current().status());
        assertEquals(List.of(), b.current().sourceServiceRevisions(), "the old deployment has no revision to name");
        b.until("web steady on web:2", Duration.ofMinutes(2), () -> SimFixture.steady(b.engine.services()
                .describeServices(DeploymentWorld.CLUSTER, List.of("web")).items().get(0)));
    }

    /** Removes members from a saved object, failing if one is not there (so the test follows the state file's names). */
    private static void strip(JsonNode node, String... members) {
        for (String m : members) {
            assertTrue(node.has(m), m + " is in the state file");
            ((ObjectNode) node).remove(m);
        }
    }

    private static List<EcsTask> failedElbHealthChecks(DeploymentWorld w) {
        List<String> arns = w.engine.tasks().listTasks(DeploymentWorld.CLUSTER, new TaskApi.Filter("web", null, null, null, "STOPPED", null),
                null, 100).items();
        return arns.isEmpty() ? List.of() : w.engine.tasks().describeTasks(DeploymentWorld.CLUSTER, arns).items().stream()
                .filter(t -> t.stoppedReason() != null && t.stoppedReason().contains("failed ELB health checks")).toList();
    }
}
