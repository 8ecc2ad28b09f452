package dev.ecsdeck.sim.autoscaling;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.ScheduledAction;
import dev.ecsdeck.model.ServiceScaling;
import dev.ecsdeck.model.StepScalingConfig;
import dev.ecsdeck.model.StepScalingConfig.Step;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.state.SimStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step-scaling policies and scheduled actions: stored, validated, described, kept across a restore, never run. */
class StepPoliciesAndScheduledActionsTest {
    private static final Instant T0 = DemoSim.START;
    private static final String ORDERS = "service/prod-web/orders-api";
    private static final String WEB = "service/prod-web/web";
    private static final StepScalingConfig STEPS = new StepScalingConfig(StepScalingConfig.CHANGE_IN_CAPACITY,
            List.of(new Step(0.0, 10.0, 1), new Step(10.0, null, 3)), 120, null, null);
    @TempDir
    Path dir;
    private final ManualClock clock = DemoSim.startClock();
    private final SimEngine engine = DemoSim.demoEngine(clock);

    private static StepScalingConfig steps(Step... steps) {
        return new StepScalingConfig(StepScalingConfig.CHANGE_IN_CAPACITY, List.of(steps), null, null, null);
    }

    private String refused(Runnable call) {
        SimApiException e = assertThrows(SimApiException.class, call::run);
        return e.errorCode() + ": " + e.getMessage();
    }

    @Test
    void theDemoOrdersApiHasAStepPolicyAndAScheduledActionBesideItsTargetTracking() {
        ServiceScaling s = engine.scaling().describe(ORDERS);
        assertEquals(List.of("TargetTrackingScaling", "StepScaling"), s.policies().stream().map(ScalingPolicy::policyType).toList());
        ScalingPolicy step = s.policies().get(1);
        assertEquals("ChangeInCapacity: +1 when 0–10 above the alarm, +3 above 10; cooldown 120 s", step.summary());
        assertEquals(new StepScalingConfig("ChangeInCapacity", List.of(new Step(0.0, 10.0, 1), new Step(10.0, null, 3)), 120, "Average", null),
                engine.scaling().stepScaling(step.policyArn()));
        assertNull(engine.scaling().stepScaling(s.policies().get(0).policyArn()), "target tracking has no step configuration");
        ScheduledAction a = s.scheduledActions().get(0);
        assertEquals(List.of("orders-api-weekday-mornings", "cron(0 7 ? * MON-FRI *)", "Europe/Berlin", 4, 10),
                List.of(a.scheduledActionName(), a.schedule(), a.timezone(), a.minCapacity(), a.maxCapacity()));
        assertThat(a.scheduledActionArn(), containsString(":scheduledAction:"));
        assertThat(a.scheduledActionArn(), containsString(":resource/ecs/service/prod-web/orders-api:scheduledActionName/orders-api-weekday-mornings"));
    }

    @Test
    void aStepPolicyIsStoredReplacedAndDeletedButNeverRun() {
        engine.scaling().registerScalableTarget(WEB, 2, 10);
        ScalingPolicy put = engine.scaling().putStepScalingPolicy(WEB, "web-steps", STEPS);
        assertEquals("StepScaling", put.policyType());
        ScalingPolicy again = engine.scaling().putStepScalingPolicy(WEB, "web-steps", steps(new Step(0.0, null, 2)));
        assertEquals(put.policyArn(), again.policyArn(), "the same name updates the policy");
        assertEquals("ChangeInCapacity: +2 above the alarm", engine.scaling().describe(WEB).policies().get(0).summary());

        int desired = engine.ecs().scalable("prod-web", "web").desiredCount();
        engine.services().setLoadFactor("prod-web", "web", 5.0);
        clock.advance(Duration.ofMinutes(10));
        assertEquals(desired, engine.ecs().scalable("prod-web", "web").desiredCount(), "no alarms: step policies do nothing");
        assertTrue(engine.scaling().activities(WEB).isEmpty());

        engine.scaling().putTargetTrackingPolicy(WEB, "web-steps", new TargetTrackingConfig(TargetTrackingConfig.CPU, null, 50, null, null, false));
        assertNull(engine.scaling().stepScaling(put.policyArn()), "replaced by a target-tracking policy of the same name");
        engine.scaling().putStepScalingPolicy(WEB, "other", STEPS);
        String otherArn = engine.scaling().describe(WEB).policies().get(1).policyArn();
        engine.scaling().deleteScalingPolicy(WEB, "other");
        assertNull(engine.scaling().stepScaling(otherArn));
    }

    @Test
    void stepConfigurationsAreCheckedAsApplicationAutoScalingChecksThem() {
        engine.scaling().registerScalableTarget(WEB, 2, 10);
        assertThat(refused(() -> engine.scaling().putStepScalingPolicy("service/prod-web/checkout", "p", STEPS)),
                containsString("ObjectNotFoundException"));
        assertThat(refused(() -> engine.scaling().putStepScalingPolicy(WEB, "p",
                new StepScalingConfig(null, List.of(new Step(0.0, null, 1)), null, null, null))), containsString("AdjustmentType is required"));
        assertThat(refused(() -> engine.scaling().putStepScalingPolicy(WEB, "p",
                new StepScalingConfig("Bogus", List.of(new Step(0.0, null, 1)), null, null, null))), containsString("AdjustmentType must be"));
        assertThat(refused(() -> engine.scaling().putStepScalingPolicy(WEB, "p", steps())), containsString("At least one step"));
        assertThat(refused(() -> engine.scaling().putStepScalingPolicy(WEB, "p", steps(new Step(5.0, 5.0, 1)))),
                containsString("greater than its lower bound"));
        assertThat(refused(() -> engine.scaling().putStepScalingPolicy(WEB, "p", steps(new Step(0.0, 10.0, 1), new Step(20.0, null, 2)))),
                containsString("gap"));
        assertThat(refused(() -> engine.scaling().putStepScalingPolicy(WEB, "p", steps(new Step(0.0, 10.0, 1), new Step(5.0, null, 2)))),
                containsString("overlap"));
        assertThat(refused(() -> engine.scaling().putStepScalingPolicy(WEB, "p", steps(new Step(0.0, null, 1), new Step(10.0, null, 2)))),
                containsString("unbounded"));
        assertThat(refused(() -> engine.scaling().putStepScalingPolicy(WEB, "p",
                new StepScalingConfig(StepScalingConfig.EXACT_CAPACITY, List.of(new Step(0.0, null, -1)), null, null, null))),
                containsString("cannot be negative"));
        assertThat(refused(() -> engine.scaling().putStepScalingPolicy(WEB, "p",
                new StepScalingConfig(StepScalingConfig.CHANGE_IN_CAPACITY, List.of(new Step(0.0, null, 1)), null, null, 2))),
                containsString("MinAdjustmentMagnitude"));
        assertTrue(engine.scaling().describe(WEB).policies().isEmpty(), "nothing refused was stored");
    }

    @Test
    void scheduledActionsAreCheckedStoredAndUpdatedInPlace() {
        engine.scaling().registerScalableTarget(WEB, 2, 10);
        assertThat(refused(() -> engine.scaling().putScheduledAction(WEB, "nightly", "every night", null, 1, 2, null, null)),
                containsString("at(...), cron(...) or rate(...)"));
        assertThat(refused(() -> engine.scaling().putScheduledAction(WEB, "a/b", "rate(1 hour)", null, 1, 2, null, null)),
                containsString("ScheduledActionName"));
        assertThat(refused(() -> engine.scaling().putScheduledAction(WEB, "n", "rate(1 hour)", null, 5, 2, null, null)),
                containsString("Minimum capacity cannot be greater"));
        assertThat(refused(() -> engine.scaling().putScheduledAction(WEB, "n", "rate(1 hour)", null, null, null, null, null)),
                containsString("MinCapacity, MaxCapacity or both"));
        assertThat(refused(() -> engine.scaling().putScheduledAction("service/prod-web/checkout", "n", "rate(1 hour)", null, 1, 2, null, null)),
                containsString("ObjectNotFoundException"));

        Instant end = T0.plus(Duration.ofDays(30));
        ScheduledAction first = engine.scaling().putScheduledAction(WEB, "nightly", "cron(0 22 * * ? *)", "UTC", 1, null, T0, end);
        clock.advance(Duration.ofMinutes(5));
        ScheduledAction second = engine.scaling().putScheduledAction(WEB, "nightly", "at(2026-12-24T18:00:00)", null, null, 3, null, null);
        assertEquals(first.scheduledActionArn(), second.scheduledActionArn());
        List<ScalingApi.Scheduled> all = engine.scaling().scheduledActions(WEB);
        assertEquals(1, all.size());
        assertEquals(T0, all.get(0).creationTime(), "an update keeps the creation time");
        assertEquals(List.of(second), engine.scaling().describe(WEB).scheduledActions());
    }

    @Test
    void aRestoredSimulationKeepsStepConfigurationsAndScheduledActions() {
        SimStateStore store = new SimStateStore(dir.resolve("sim-demo.json"), "demo");
        engine.scaling().registerScalableTarget(WEB, 2, 10);
        engine.scaling().putStepScalingPolicy(WEB, "web-steps", STEPS);
        engine.scaling().putScheduledAction(WEB, "weekend", "cron(0 0 ? * SAT *)", "Europe/Berlin", 1, 4, null, T0.plusSeconds(86400));
        store.save(engine);
        SimEngine restored = store.load(DemoSim.startClock());
        for (String resource : List.of(ORDERS, WEB)) {
            ServiceScaling before = engine.scaling().describe(resource);
            assertEquals(before, restored.scaling().describe(resource));
            for (ScalingPolicy p : before.policies()) {
                assertEquals(engine.scaling().stepScaling(p.policyArn()), restored.scaling().stepScaling(p.policyArn()), p.policyName());
            }
            assertEquals(engine.scaling().scheduledActions(resource), restored.scaling().scheduledActions(resource));
        }
        assertEquals(STEPS, restored.scaling().stepScaling(restored.scaling().describe(WEB).policies().get(0).policyArn()));
    }

    @Test
    void aStateFileFromBeforeStepPoliciesReadsAsHavingNone() throws Exception {
        SimStateStore store = new SimStateStore(dir.resolve("sim-demo.json"), "demo");
        store.save(engine);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(store.file().toFile());
        tree.remove(List.of("stepScalingConfigs", "scheduledActions"));
        json.writeValue(store.file().toFile(), tree);
        SimEngine restored = store.load(DemoSim.startClock());
        assertTrue(restored.scaling().describe(ORDERS).scheduledActions().isEmpty());
        assertEquals(2, restored.scaling().describe(ORDERS).policies().size());
    }
}
