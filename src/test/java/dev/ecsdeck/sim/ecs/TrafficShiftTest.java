package dev.ecsdeck.sim.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.CanaryConfiguration;
import dev.ecsdeck.model.DeploymentCircuitBreaker;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.DeploymentLifecycleHook;
import dev.ecsdeck.model.LinearConfiguration;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.sim.AlbFixture;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blue/green, canary and linear deployments on the manual clock: stages, listener weights, bake times, hooks and rollbacks. */
class TrafficShiftTest {
    private final SimFixture sim = new SimFixture();
    private final AlbFixture alb = AlbFixture.create(sim.engine, "web-alb", "ip", 8080, 20);
    private final String v1 = sim.fargateTaskDefinition("web", "acme/web:1");
    private final String v2 = sim.fargateTaskDefinition("web", "acme/web:2");

    private static DeploymentConfiguration strategy(String strategy, Integer bake, List<DeploymentLifecycleHook> hooks, LinearConfiguration linear,
            CanaryConfiguration canary) {
        return new DeploymentConfiguration(new DeploymentCircuitBreaker(false, false), 200, 100, strategy, bake, hooks, linear, canary);
    }

    private static DeploymentLifecycleHook pause(String stage, Integer timeoutMinutes, String timeoutAction) {
        return new DeploymentLifecycleHook("PAUSE", null, null, List.of(stage),
                timeoutMinutes == null ? null : new DeploymentLifecycleHook.LifecycleHookTimeout(timeoutMinutes, timeoutAction));
    }

    /** web at v1 behind the load balancer, steady, then UpdateService to v2. */
    private void deployV2(DeploymentConfiguration config) {
        sim.engine.services().createService(new CreateServiceRequest(sim.cluster, "web", v1, 2, "FARGATE", null, "REPLICA", config,
                SimFixture.VPC, null, null, List.of(alb.serviceLoadBalancer("app", 8080)), 30, null));
        sim.advanceUntil("v1 steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("web")));
        assertEquals(0.0, alb.greenPercent(alb.productionRule()), "a new service's traffic all goes to its first target group");
        sim.engine.services().updateService(sim.cluster, "web", null, v2, false, null);
    }

    private ServiceDeployment current() {
        List<ServiceDeploymentBrief> briefs = sim.engine.serviceDeployments()
                .listServiceDeployments(sim.cluster, "web", null, null, null, null, null).items();
        return sim.engine.serviceDeployments().describeServiceDeployments(List.of(briefs.get(0).serviceDeploymentArn())).items().get(0);
    }

    /** A stage as it was entered: when, and green's production and test share then. */
    private record Entered(String stage, Instant at, double production, double test) {}

    /** Steps a second at a time until the deployment is no longer in progress (or {@code until} holds), noting each stage change. */
    private List<Entered> follow(Duration limit, java.util.function.Predicate<ServiceDeployment> until) {
        List<Entered> stages = new ArrayList<>();
        for (long s = 0; s <= limit.toSeconds(); s++) {
            ServiceDeployment sd = current();
            if (stages.isEmpty() || !stages.get(stages.size() - 1).stage().equals(sd.lifecycleStage())) {
                stages.add(new Entered(sd.lifecycleStage(), sim.engine.now(), alb.greenPercent(alb.productionRule()),
                        alb.greenPercent(alb.testRule())));
            }
            if (until.test(sd)) {
                return stages;
            }
            sim.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("the deployment did not get there within " + limit + ": " + current());
    }

    private static boolean finished(ServiceDeployment sd) {
        return !List.of("PENDING", "IN_PROGRESS", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS").contains(sd.status());
    }

    private Entered stage(List<Entered> stages, String name) {
        return stages.stream().filter(e -> e.stage().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no stage " + name));
    }

    private long runningOf(String taskDefinition) {
        return sim.running("web").stream().filter(t -> t.taskDefinitionArn().endsWith("/" + taskDefinition)).count();
    }

    @Test
    void blueGreenGoesThroughEveryStageMovesTrafficAtOnceAndBakesToTheSecond() {
        deployV2(strategy("BLUE_GREEN", 5, null, null, null));
        List<Entered> stages = follow(Duration.ofMinutes(20), TrafficShiftTest::finished);

        assertEquals(List.of("PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
                "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP"),
                stages.stream().map(Entered::stage).toList());
        assertEquals(0.0, stage(stages, "POST_SCALE_UP").production());
        assertEquals(0.0, stage(stages, "POST_SCALE_UP").test());
        assertEquals(100.0, stage(stages, "POST_TEST_TRAFFIC_SHIFT").test(), "test traffic moved to green");
        assertEquals(0.0, stage(stages, "POST_TEST_TRAFFIC_SHIFT").production(), "production traffic not yet");
        assertEquals(100.0, stage(stages, "POST_PRODUCTION_TRAFFIC_SHIFT").production(), "blue/green moves production at once");
        assertEquals(Duration.ofMinutes(5), Duration.between(stage(stages, "BAKE_TIME").at(), stage(stages, "CLEAN_UP").at()));

        ServiceDeployment done = current();
        assertEquals("SUCCESSFUL", done.status());
        assertEquals(v2, sim.service("web").taskDefinition().substring(sim.service("web").taskDefinition().lastIndexOf('/') + 1));
        sim.advanceUntil("blue gone", Duration.ofMinutes(2), () -> SimFixture.steady(sim.service("web")));
        assertEquals(2, runningOf(v2));
        assertEquals(0, runningOf(v1));
        assertEquals(100.0, alb.greenPercent(alb.productionRule()));
    }

    @Test
    void bothRevisionsRunAtFullSizeUntilCleanUp() {
        deployV2(strategy("BLUE_GREEN", 2, null, null, null));
        follow(Duration.ofMinutes(15), sd -> "BAKE_TIME".equals(sd.lifecycleStage()));
        assertEquals(2, runningOf(v1), "blue keeps its tasks through the bake time");
        assertEquals(2, runningOf(v2), "green is at 100% before traffic moves");
        ServiceDeployment sd = current();
        assertEquals(2, sd.targetServiceRevision().runningTaskCount());
        assertEquals(100.0, sd.targetServiceRevision().requestedProductionTrafficWeight());
        assertEquals(0.0, sd.sourceServiceRevisions().get(0).requestedProductionTrafficWeight());
    }

    @Test
    void canaryShiftsItsPercentThenTheRestAfterItsBakeTime() {
        deployV2(strategy("CANARY", 0, null, null, new CanaryConfiguration(10.0, 3)));
        List<Entered> stages = follow(Duration.ofMinutes(20), sd -> "POST_PRODUCTION_TRAFFIC_SHIFT".equals(sd.lifecycleStage()));
        Instant shiftStart = stage(stages, "PRODUCTION_TRAFFIC_SHIFT").at();
        assertEquals(10.0, stage(stages, "PRODUCTION_TRAFFIC_SHIFT").production(), "the canary's share first");
        assertEquals(Duration.ofMinutes(3), Duration.between(shiftStart, sim.engine.now()), "the rest after canaryBakeTimeInMinutes");
        assertEquals(100.0, alb.greenPercent(alb.productionRule()));
    }

    @Test
    void canaryWithAFractionalPercentKeepsItsTenths() {
        deployV2(strategy("CANARY", 0, null, null, new CanaryConfiguration(2.5, 1)));
        follow(Duration.ofMinutes(20), sd -> "PRODUCTION_TRAFFIC_SHIFT".equals(sd.lifecycleStage()));
        assertEquals(2.5, alb.greenPercent(alb.productionRule()), 1e-9);
        assertEquals(2.5, current().targetServiceRevision().requestedProductionTrafficWeight(), 1e-9);
    }

    @Test
    void linearStepsEveryStepBakeTimeAndDoesNotWaitAfterTheLastStep() {
        deployV2(strategy("LINEAR", 0, null, new LinearConfiguration(25.0, 2), null));
        follow(Duration.ofMinutes(20), sd -> "PRODUCTION_TRAFFIC_SHIFT".equals(sd.lifecycleStage()));
        Instant start = sim.engine.now();
        List<Double> shares = new ArrayList<>();
        List<Duration> when = new ArrayList<>();
        double last = -1;
        for (int s = 0; s < 900; s++) {
            double now = alb.greenPercent(alb.productionRule());
            if (now != last) {
                shares.add(now);
                when.add(Duration.between(start, sim.engine.now()));
                last = now;
            }
            if ("POST_PRODUCTION_TRAFFIC_SHIFT".equals(current().lifecycleStage())) {
                break;
            }
            sim.advance(Duration.ofSeconds(1));
        }
        assertEquals(List.of(25.0, 50.0, 75.0, 100.0), shares);
        assertEquals(List.of(Duration.ZERO, Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(6)), when);
        assertEquals("POST_PRODUCTION_TRAFFIC_SHIFT", current().lifecycleStage(), "no bake after the last step");
    }

    @Test
    void aPauseHookHoldsItsStageUntilContinued() {
        deployV2(strategy("BLUE_GREEN", 0, List.of(pause("POST_TEST_TRAFFIC_SHIFT", null, null)), null, null));
        follow(Duration.ofMinutes(15), sd -> !sd.lifecycleHookDetails().isEmpty());
        ServiceDeployment held = current();
        assertEquals("POST_TEST_TRAFFIC_SHIFT", held.lifecycleStage());
        var hook = held.lifecycleHookDetails().get(0);
        assertEquals("AWAITING_ACTION", hook.status());
        assertEquals("PAUSE", hook.targetType());
        assertNull(hook.expiresAt(), "without a timeout it waits for ever");

        sim.advance(Duration.ofHours(2));
        assertEquals("POST_TEST_TRAFFIC_SHIFT", current().lifecycleStage(), "still held two hours later");
        assertEquals(0.0, alb.greenPercent(alb.productionRule()));

        sim.engine.serviceDeployments().continueServiceDeployment(held.serviceDeploymentArn(), hook.hookId(), "CONTINUE");
        assertEquals("SUCCEEDED", current().lifecycleHookDetails().get(0).status());
        follow(Duration.ofMinutes(10), TrafficShiftTest::finished);
        assertEquals("SUCCESSFUL", current().status());
    }

    @Test
    void rollingBackAtAPauseHookReturnsTrafficAndScalesGreenIn() {
        deployV2(strategy("BLUE_GREEN", 0, List.of(pause("POST_TEST_TRAFFIC_SHIFT", null, null)), null, null));
        follow(Duration.ofMinutes(15), sd -> !sd.lifecycleHookDetails().isEmpty());
        ServiceDeployment held = current();
        assertEquals(100.0, alb.greenPercent(alb.testRule()));
        sim.engine.serviceDeployments().continueServiceDeployment(held.serviceDeploymentArn(), held.lifecycleHookDetails().get(0).hookId(),
                "ROLLBACK");
        assertEquals("ROLLBACK_IN_PROGRESS", current().status());
        assertEquals(0.0, alb.greenPercent(alb.testRule()), "test traffic back to blue at once");
        follow(Duration.ofMinutes(5), TrafficShiftTest::finished);
        ServiceDeployment rolledBack = current();
        assertEquals("ROLLBACK_SUCCESSFUL", rolledBack.status());
        assertEquals(held.sourceServiceRevisions().get(0).arn(), rolledBack.rollback().serviceRevisionArn());
        assertEquals(0, runningOf(v2));
        assertEquals(2, runningOf(v1));
        assertTrue(sim.service("web").taskDefinition().endsWith("/" + v1));
        assertEquals(0.0, alb.greenPercent(alb.productionRule()));
    }

    @Test
    void aPauseHookTimesOutToTheSecondAndTakesItsTimeoutAction() {
        deployV2(strategy("BLUE_GREEN", 0, List.of(pause("POST_SCALE_UP", 3, "ROLLBACK")), null, null));
        follow(Duration.ofMinutes(15), sd -> !sd.lifecycleHookDetails().isEmpty());
        var hook = current().lifecycleHookDetails().get(0);
        Instant paused = sim.engine.now();
        assertEquals(paused.plus(Duration.ofMinutes(3)), hook.expiresAt());
        sim.advance(Duration.ofMinutes(3).minusSeconds(1));
        assertEquals("AWAITING_ACTION", current().lifecycleHookDetails().get(0).status());
        sim.advance(Duration.ofSeconds(1));
        assertEquals("TIMED_OUT", current().lifecycleHookDetails().get(0).status());
        assertTrue(current().status().startsWith("ROLLBACK"), current().status());
    }

    @Test
    void aHookThatTimesOutToContinueLetsTheDeploymentGoOn() {
        deployV2(strategy("BLUE_GREEN", 0, List.of(pause("PRE_PRODUCTION_TRAFFIC_SHIFT", 1, "CONTINUE")), null, null));
        List<Entered> stages = follow(Duration.ofMinutes(20), TrafficShiftTest::finished);
        assertEquals("SUCCESSFUL", current().status());
        assertEquals("TIMED_OUT", current().lifecycleHookDetails().get(0).status());
        Entered shift = stage(stages, "PRODUCTION_TRAFFIC_SHIFT");
        assertEquals(0.0, shift.production(), "a PRE_PRODUCTION hook holds traffic where it is");
        assertEquals(shift.at().plus(Duration.ofMinutes(1)), current().lifecycleHookDetails().get(0).expiresAt());
        assertEquals(Duration.ofMinutes(1), Duration.between(shift.at(), stage(stages, "POST_PRODUCTION_TRAFFIC_SHIFT").at()));
    }

    @Test
    void aLambdaHookThatFailsRollsBack() {
        String function = "arn:aws:lambda:us-east-1:000000000000:function:smoke-test";
        sim.engine.lambdaHookOutcome(function, "FAILED", 20);
        deployV2(strategy("BLUE_GREEN", 0, List.of(new DeploymentLifecycleHook("AWS_LAMBDA", function, AlbFixture.ROLE,
                List.of("POST_TEST_TRAFFIC_SHIFT"), null)), null, null));
        follow(Duration.ofMinutes(15), TrafficShiftTest::finished);
        ServiceDeployment sd = current();
        assertEquals("ROLLBACK_SUCCESSFUL", sd.status());
        assertEquals("FAILED", sd.lifecycleHookDetails().get(0).status());
        assertEquals(function, sd.lifecycleHookDetails().get(0).targetArn());
    }

    @Test
    void stopServiceDeploymentDuringTheBakeTimeReturnsEveryThingToBlue() {
        deployV2(strategy("BLUE_GREEN", 30, null, null, null));
        follow(Duration.ofMinutes(15), sd -> "BAKE_TIME".equals(sd.lifecycleStage()));
        assertEquals(100.0, alb.greenPercent(alb.productionRule()));
        String arn = current().serviceDeploymentArn();
        sim.engine.serviceDeployments().stopServiceDeployment(arn, "ROLLBACK");
        assertEquals("ROLLBACK_REQUESTED", current().status());
        sim.advance(Duration.ofSeconds(1));
        assertEquals("ROLLBACK_IN_PROGRESS", current().status());
        assertEquals(0.0, alb.greenPercent(alb.productionRule()), "100% of production back on blue");
        follow(Duration.ofMinutes(5), TrafficShiftTest::finished);
        assertEquals("ROLLBACK_SUCCESSFUL", current().status());
        assertEquals(0, runningOf(v2));
        assertEquals(2, runningOf(v1));
        SimApiException again = assertThrows(SimApiException.class,
                () -> sim.engine.serviceDeployments().stopServiceDeployment(arn, "ROLLBACK"));
        assertEquals("ConflictException", again.errorCode());
    }

    @Test
    void theNextDeploymentGoesToTheOtherTargetGroup() {
        deployV2(strategy("BLUE_GREEN", 0, null, null, null));
        follow(Duration.ofMinutes(15), TrafficShiftTest::finished);
        sim.advanceUntil("steady on v2", Duration.ofMinutes(2), () -> SimFixture.steady(sim.service("web")));
        assertEquals(100.0, alb.greenPercent(alb.productionRule()), "v2 serves from the green group");
        sim.engine.services().updateService(sim.cluster, "web", null, v1, false, null);
        follow(Duration.ofMinutes(15), TrafficShiftTest::finished);
        assertEquals("SUCCESSFUL", current().status());
        assertEquals(0.0, alb.greenPercent(alb.productionRule()), "v1 again serves from the blue group");
    }

    @Test
    void aStrategyIsCheckedAsEcsChecksIt() {
        SimApiException noBake = assertThrows(SimApiException.class, () -> sim.engine.services().createService(
                new CreateServiceRequest(sim.cluster, "a", v1, 1, "FARGATE", null, "REPLICA", strategy("BLUE_GREEN", null, null, null, null),
                        SimFixture.VPC, null, null, List.of(alb.serviceLoadBalancer("app", 8080)), null, null)));
        assertTrue(noBake.getMessage().contains("bakeTimeInMinutes"), noBake.getMessage());
        SimApiException noBalancer = assertThrows(SimApiException.class, () -> sim.engine.services().createService(
                new CreateServiceRequest(sim.cluster, "b", v1, 1, "FARGATE", null, "REPLICA", strategy("CANARY", 0, null, null, null),
                        SimFixture.VPC, null, null, null, null, null)));
        assertTrue(noBalancer.getMessage().contains("requires a load balancer"), noBalancer.getMessage());
        SimApiException step = assertThrows(SimApiException.class, () -> sim.engine.services().createService(
                new CreateServiceRequest(sim.cluster, "c", v1, 1, "FARGATE", null, "REPLICA",
                        strategy("LINEAR", 0, null, new LinearConfiguration(2.0, 1), null), SimFixture.VPC, null, null,
                        List.of(alb.serviceLoadBalancer("app", 8080)), null, null)));
        assertTrue(step.getMessage().contains("stepPercent"), step.getMessage());
        SimApiException port = assertThrows(SimApiException.class, () -> sim.engine.services().createService(
                new CreateServiceRequest(sim.cluster, "d", v1, 1, "FARGATE", null, "REPLICA", null, SimFixture.VPC, null, null,
                        List.of(alb.serviceLoadBalancer("app", 9999)), null, null)));
        assertEquals("The container app did not have a container port 9999 defined.", port.getMessage());
    }
}
