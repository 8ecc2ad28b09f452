package dev.ecsdeck.ui.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.CanaryConfiguration;
import dev.ecsdeck.model.DeploymentCircuitBreaker;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.DeploymentLifecycleHook;
import dev.ecsdeck.model.LinearConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stages and expected times of each strategy, as the deploy question shows them. */
class DeploymentPlanTest {
    private static final DeploymentCircuitBreaker ON = new DeploymentCircuitBreaker(true, true);

    private static List<String> stages(DeploymentPlan plan) {
        return plan.steps().stream().map(DeploymentPlan.Step::stage).toList();
    }

    @Test
    void blueGreenScalesUpShiftsTestThenProductionTrafficBakesAndCleansUpPausingWhereAsked() {
        DeploymentLifecycleHook pause = new DeploymentLifecycleHook("PAUSE", null, null, List.of("POST_TEST_TRAFFIC_SHIFT"), null);
        DeploymentPlan plan = DeploymentPlan.of(new DeploymentConfiguration(ON, 200, 100, "BLUE_GREEN", 5, List.of(pause), null, null), 2);
        assertEquals(List.of("SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP"),
                stages(plan));
        assertTrue(plan.steps().get(2).waitsForYou());
        assertEquals("Production traffic: all of it at once — 0 min", plan.steps().get(3).asText());
        assertEquals("Bake: both revisions run for 5 min — 5 min", plan.steps().get(4).asText());
        assertEquals(5, plan.fixedMinutes());
        assertEquals("5 min, plus task start-up and clean-up, plus 1 pause that waits for you", plan.totalText());
        assertTrue(plan.asText().startsWith("1. Scale up: start 2 tasks of the new revision beside the old ones — as long as the tasks take\n"
                + "2. Test traffic: all of it to the new revision — 0 min\n"
                + "3. After test traffic: PAUSE, waits for you to continue or roll back — until you continue\n"), plan.asText());
    }

    @Test
    void canaryShiftsItsPercentWaitsThenTheRestAndBakes() {
        DeploymentPlan plan = DeploymentPlan.of(new DeploymentConfiguration(ON, 200, 100, "CANARY", 15, null, null,
                new CanaryConfiguration(5.0, 10)), 3);
        assertEquals(List.of("SCALE_UP", "TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP"), stages(plan));
        assertEquals("Production traffic: canary 5% → wait 10 min → 100% — 10 min", plan.steps().get(2).asText());
        assertEquals(25, plan.fixedMinutes());
        assertEquals("25 min, plus task start-up and clean-up", plan.totalText());
        DeploymentPlan fractional = DeploymentPlan.of(new DeploymentConfiguration(ON, 200, 100, "CANARY", null, null, null,
                new CanaryConfiguration(12.5, 90)), 3);
        assertEquals("Production traffic: canary 12.5% → wait 1 h 30 min → 100% — 1 h 30 min", fractional.steps().get(2).asText());
        assertEquals("Bake: none, the old revision goes at once — 0 min", fractional.steps().get(3).asText());
    }

    @Test
    void linearCountsItsStepsAndWaitsBetweenThemNotAfterTheLast() {
        DeploymentPlan plan = DeploymentPlan.of(new DeploymentConfiguration(ON, 200, 100, "LINEAR", 10, null,
                new LinearConfiguration(10.0, 3), null), 2);
        assertEquals("Production traffic: 10% more every 3 min, 10 steps to 100% — 27 min", plan.steps().get(2).asText());
        assertEquals(37, plan.fixedMinutes());
        assertEquals(4, DeploymentPlan.linearSteps(30.0), "30, 60, 90, 100");
        assertEquals(34, DeploymentPlan.linearSteps(3.0));
        assertEquals(1, DeploymentPlan.linearSteps(100.0));
        assertEquals(8, DeploymentPlan.linearSteps(12.5), "8 × 12.5 is 100");
        assertEquals(9, DeploymentPlan.linearSteps(12.4));
        DeploymentPlan defaults = DeploymentPlan.of(new DeploymentConfiguration(ON, 200, 100, "LINEAR", null, null, null, null), 2);
        assertEquals("Production traffic: 10% more every 6 min, 10 steps to 100% — 54 min", defaults.steps().get(2).asText());
    }

    @Test
    void hooksShowWhereTheyRunLambdaByNameAndPauseWithItsTimeout() {
        DeploymentLifecycleHook lambda = new DeploymentLifecycleHook("AWS_LAMBDA", "arn:aws:lambda:us-east-1:1:function:smoke", "arn:role",
                List.of("POST_SCALE_UP"), null);
        DeploymentLifecycleHook pause = new DeploymentLifecycleHook("PAUSE", null, null, List.of("PRE_PRODUCTION_TRAFFIC_SHIFT",
                "POST_PRODUCTION_TRAFFIC_SHIFT"), new DeploymentLifecycleHook.LifecycleHookTimeout(60, "CONTINUE"));
        DeploymentPlan plan = DeploymentPlan.of(new DeploymentConfiguration(ON, 200, 100, "BLUE_GREEN", 0, List.of(lambda, pause), null, null), 2);
        assertEquals(List.of("SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT",
                "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP"), stages(plan));
        assertEquals("After scale-up: Lambda hook smoke runs — as long as the tasks take", plan.steps().get(1).asText());
        assertFalse(plan.steps().get(1).waitsForYou());
        assertEquals("Before production traffic: PAUSE, waits for you to continue or roll back (at most 1 h, then CONTINUE) — until you continue",
                plan.steps().get(3).asText());
        assertEquals(2, plan.pauses());
        assertTrue(plan.totalText().endsWith("plus 2 pauses that wait for you"));
    }

    @Test
    void rollingSaysHowManyTasksStartAndStayAndWhenItCannotMove() {
        DeploymentPlan plan = DeploymentPlan.of(new DeploymentConfiguration(ON, 200, 50), 4);
        assertEquals(List.of("ROLLING"), stages(plan));
        assertEquals("Rolling update: replace 4 tasks, keeping at least 2 healthy (50%) and at most 8 running (200%); circuit breaker on, "
                + "with rollback — as long as the tasks take", plan.steps().get(0).asText());
        assertEquals("As long as the tasks take to start and pass their health checks", plan.totalText());
        DeploymentPlan stuck = DeploymentPlan.of(new DeploymentConfiguration(null, 125, 75), 2);
        assertTrue(stuck.steps().get(0).description().contains("cannot replace any task"), stuck.steps().get(0).description());
    }

    @Test
    void aRollingPlanNamesTheDeploymentAlarmsItWatches() {
        DeploymentConfiguration c = new DeploymentConfiguration(ON, 200, 100).withAlarms(
                new dev.ecsdeck.model.DeploymentAlarms(List.of("payments-cpu-high"), true, true));
        String text = DeploymentPlan.of(c, 3).steps().get(0).description();
        assertTrue(text.endsWith("; circuit breaker on, with rollback; alarm payments-cpu-high watched until the tasks"
                + " are steady and a while after, rolling back on ALARM"), text);
    }
}
