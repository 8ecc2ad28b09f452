package dev.ecsdeck.ui.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.CanaryConfiguration;
import dev.ecsdeck.model.DeploymentAlarms;
import dev.ecsdeck.model.DeploymentCircuitBreaker;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.LinearConfiguration;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeployment.DeploymentLifecycleHookDetail;
import dev.ecsdeck.model.ServiceDeployment.Rollback;
import dev.ecsdeck.model.ServiceDeployment.RollbackMonitor;
import dev.ecsdeck.model.ServiceDeployment.ServiceRevisionSummary;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.ui.common.TimeFormat;
import dev.ecsdeck.ui.service.DeploymentTimeline.Step;
import dev.ecsdeck.ui.service.DeploymentTimeline.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The timeline's logic: each strategy's steps, hooks and their expiry, the countdowns, the traffic split, the reasons. */
class DeploymentTimelineTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final String ARN = "arn:aws:ecs:us-east-1:1:service-deployment/prod-web/web/abc123";
    private static final String OLD = "arn:aws:ecs:us-east-1:1:service-revision/prod-web/web/5";
    private static final String NEW = "arn:aws:ecs:us-east-1:1:service-revision/prod-web/web/6";
    private static final Map<String, String> NAMES = Map.of(OLD, "web:5", NEW, "web:6");

    private static DeploymentConfiguration config(String strategy) {
        return new DeploymentConfiguration(new DeploymentCircuitBreaker(true, true), 200, 100, strategy, 60, null,
                new LinearConfiguration(20.0, 3), new CanaryConfiguration(5.0, 10));
    }

    private static ServiceDeployment deployment(String strategy, String status, String stage, Double oldProd, Double newProd, Double oldTest,
            Double newTest, List<DeploymentLifecycleHookDetail> hooks) {
        return new ServiceDeployment(ARN, "svc", "cluster", T0, T0, null, null, T0.plusSeconds(30),
                List.of(new ServiceRevisionSummary(OLD, 3, 3, 0, oldTest, oldProd)), new ServiceRevisionSummary(NEW, 3, 3, 0, newTest, newProd),
                status, null, stage, hooks, config(strategy), null, new RollbackMonitor("MONITORING", 0, 3), null);
    }

    private static DeploymentTimeline of(ServiceDeployment d, List<ServiceEvent> events, Instant now) {
        return DeploymentTimeline.of(d, NAMES::get, events, now);
    }

    private static ServiceEvent entered(String stage, Instant at) {
        return new ServiceEvent(stage, at, "(service web) (service-deployment abc123) entered lifecycle stage " + stage + ".");
    }

    private static Step step(DeploymentTimeline t, String name) {
        return t.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + t.steps()));
    }

    @Test
    void aBlueGreenDeploymentShowsItsStagesDoneCurrentAndToComeWithTheirTimes() {
        ServiceDeployment d = deployment(DeploymentConfiguration.BLUE_GREEN, "IN_PROGRESS", "TEST_TRAFFIC_SHIFT", 100.0, 0.0, 0.0, 100.0,
                List.of());
        DeploymentTimeline t = of(d, List.of(entered("TEST_TRAFFIC_SHIFT", T0.plusSeconds(90)), entered("SCALE_UP", T0.plusSeconds(2))),
                T0.plusSeconds(100));
        assertEquals("Blue/green deployment web:5 → web:6", t.title());
        assertEquals("IN_PROGRESS · Test traffic shift", t.status());
        assertEquals(List.of("Pre scale up", "Scale up", "Post scale up", "Test traffic shift", "Post test traffic shift",
                "Production traffic shift", "Post production traffic shift", "Bake time", "Clean up"), t.steps().stream().map(Step::name).toList());
        assertEquals(StepState.DONE, step(t, "Scale up").state());
        assertEquals(TimeFormat.clock(T0.plusSeconds(2)), step(t, "Scale up").detail());
        assertEquals(StepState.CURRENT, step(t, "Test traffic shift").state());
        assertEquals("since " + TimeFormat.clock(T0.plusSeconds(90)), step(t, "Test traffic shift").detail());
        assertEquals(StepState.TO_COME, step(t, "Bake time").state());
        assertEquals("60 min", step(t, "Bake time").detail());
        assertEquals("all at once", step(t, "Production traffic shift").detail());
    }

    @Test
    void canaryAndLinearSayHowProductionTrafficMoves() {
        DeploymentTimeline canary = of(deployment(DeploymentConfiguration.CANARY, "IN_PROGRESS", "SCALE_UP", 100.0, 0.0, 100.0, 0.0, List.of()),
                List.of(), T0);
        assertEquals("5% for 10 min, then the rest", step(canary, "Production traffic shift").detail());
        DeploymentTimeline linear = of(deployment(DeploymentConfiguration.LINEAR, "IN_PROGRESS", "SCALE_UP", 100.0, 0.0, 100.0, 0.0, List.of()),
                List.of(), T0);
        assertEquals("20% more every 3 min", step(linear, "Production traffic shift").detail());
        assertTrue(linear.title().startsWith("Linear deployment"));
    }

    @Test
    void aPauseHookAwaitingActionSaysWhenItExpiresAndOffersActions() {
        var hooks = List.of(new DeploymentLifecycleHookDetail("h1", "AWS_LAMBDA", "arn:aws:lambda:us-east-1:1:function:smoke", "SUCCEEDED", null,
                "ROLLBACK"), new DeploymentLifecycleHookDetail("h2", "PAUSE", null, "AWAITING_ACTION", T0.plus(Duration.ofHours(24)), "ROLLBACK"));
        DeploymentTimeline t = of(deployment(DeploymentConfiguration.CANARY, "IN_PROGRESS", "POST_TEST_TRAFFIC_SHIFT", 100.0, 0.0, 0.0, 100.0,
                hooks), List.of(), T0.plusSeconds(60));
        assertEquals("Lambda hook smoke: succeeded", t.hooks().get(0).text());
        assertFalse(t.hooks().get(0).awaitingAction());
        assertEquals("Pause hook: awaiting action, expires in 23 h 59 min (then rollback)", t.hooks().get(1).text());
        assertTrue(t.hooks().get(1).awaitingAction());

        var noTimeout = List.of(new DeploymentLifecycleHookDetail("h3", "PAUSE", null, "AWAITING_ACTION", null, "ROLLBACK"));
        assertEquals("Pause hook: awaiting action, no time-out", of(deployment(DeploymentConfiguration.CANARY, "IN_PROGRESS",
                "POST_TEST_TRAFFIC_SHIFT", 100.0, 0.0, 0.0, 100.0, noTimeout), List.of(), T0).hooks().get(0).text());
    }

    @Test
    void theBakeCountdownRunsFromWhenTheStageBegan() {
        ServiceDeployment d = deployment(DeploymentConfiguration.BLUE_GREEN, "IN_PROGRESS", "BAKE_TIME", 0.0, 100.0, 0.0, 100.0, List.of());
        List<ServiceEvent> events = List.of(entered("BAKE_TIME", T0));
        assertEquals("Bake time: 42:10 left", of(d, events, T0.plus(Duration.ofMinutes(17)).plusSeconds(50)).countdown());
        assertEquals("Bake time: 1:00:00 left", of(d, events, T0).countdown());
        assertEquals("Bake time over: cleaning up next", of(d, events, T0.plus(Duration.ofMinutes(61))).countdown());
        // Without the event, from the deployment's last change (entering the bake).
        assertEquals("Bake time: 59:30 left", of(d, List.of(), T0.plusSeconds(60)).countdown());
    }

    @Test
    void aCanaryWaitingForItsNextShiftCountsDown() {
        ServiceDeployment d = deployment(DeploymentConfiguration.CANARY, "IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 95.0, 5.0, 0.0, 100.0,
                List.of());
        var shifted = new ServiceEvent("s", T0, "(service web) (service-deployment abc123) shifted 5% of production traffic to the new service revision.");
        assertEquals("Next traffic shift in 6:40", of(d, List.of(shifted), T0.plusSeconds(200)).countdown());
    }

    @Test
    void theTrafficSplitGivesEachListenersWeightPerRevision() {
        DeploymentTimeline t = of(deployment(DeploymentConfiguration.CANARY, "IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 95.0, 5.0, 0.0, 100.0,
                List.of()), List.of(), T0);
        assertEquals("Traffic now", t.trafficCaption());
        assertEquals("Production", t.traffic().get(0).listener());
        assertEquals("web:5 95% · web:6 5%", t.traffic().get(0).label());
        assertEquals("web:5 0% · web:6 100%", t.traffic().get(1).label());
        assertEquals("Test", t.traffic().get(1).listener());
        assertEquals("33.3%", DeploymentTimeline.percent(33.333));
    }

    @Test
    void afterARollbackProductionIsBackOnTheSourceAndTheStagesAfterAreNotReached() {
        ServiceDeployment d = new ServiceDeployment(ARN, "svc", "cluster", T0, T0, T0.plusSeconds(300), null, T0.plusSeconds(300),
                List.of(new ServiceRevisionSummary(OLD, 3, 3, 0, null, null)), new ServiceRevisionSummary(NEW, 0, 0, 0, null, null),
                "ROLLBACK_SUCCESSFUL", "Service deployment rolled back: Service deployment stopped by StopServiceDeployment.",
                "PRODUCTION_TRAFFIC_SHIFT", List.of(), config(DeploymentConfiguration.CANARY),
                new Rollback("Service deployment stopped by StopServiceDeployment.", T0.plusSeconds(200), OLD),
                new RollbackMonitor("MONITORING_COMPLETE", 0, 3), null);
        DeploymentTimeline t = of(d, List.of(), T0.plusSeconds(400));
        assertFalse(t.inFlight());
        assertEquals("Traffic when the deployment ended", t.trafficCaption());
        assertEquals("web:5 100% · web:6 0%", t.traffic().get(0).label());
        assertEquals(StepState.STOPPED, step(t, "Production traffic shift").state());
        assertEquals(StepState.NOT_REACHED, step(t, "Bake time").state());
        assertEquals(StepState.DONE, step(t, "Scale up").state());
        assertEquals("Stopped by a user (roll back)", t.reason());
        assertEquals("", t.countdown());
    }

    @Test
    void reasonsNameTheCircuitBreakerAndFallBackToWhatEcsSays() {
        ServiceDeployment tripped = new ServiceDeployment(ARN, "svc", "cluster", T0, T0, T0, null, T0, List.of(), new ServiceRevisionSummary(NEW,
                0, 0, 0, null, null), "ROLLBACK_SUCCESSFUL", "rolled back", null, List.of(), DeploymentConfiguration.defaults(),
                new Rollback("Circuit breaker: tasks failed to start.", T0, OLD), new RollbackMonitor("TRIGGERED", 3, 3), null);
        assertEquals("Circuit breaker: 3 failed tasks (threshold 3)", DeploymentTimeline.reason(tripped));
        ServiceDeployment done = new ServiceDeployment(ARN, "svc", "cluster", T0, T0, T0, null, T0, List.of(), new ServiceRevisionSummary(NEW,
                3, 3, 0, null, null), "SUCCESSFUL", "Service deployment completed.", null, List.of(), DeploymentConfiguration.defaults(), null,
                null, null);
        assertEquals("Service deployment completed.", DeploymentTimeline.reason(done));
        assertEquals("Rolled back by a user at a lifecycle hook",
                DeploymentTimeline.readable("Rolled back by ContinueServiceDeployment at lifecycle stage X."));
    }

    private static ServiceDeployment watched(String status, ServiceDeployment.RollbackMonitorAlarms alarms) {
        return new ServiceDeployment(ARN, "svc", "cluster", T0, T0, null, null, T0, List.of(new ServiceRevisionSummary(OLD, 3, 3, 0, null, null)),
                new ServiceRevisionSummary(NEW, 3, 1, 0, null, null), status, null, null, List.of(), DeploymentConfiguration.defaults()
                        .withAlarms(new DeploymentAlarms(alarms.alarmNames(), true, true)), null, new RollbackMonitor("MONITORING", 0, 3), alarms);
    }

    @Test
    void aDeploymentStoppedByItsAlarmsSaysWhichAlarmWentToAlarm() {
        var triggered = new ServiceDeployment.RollbackMonitorAlarms("TRIGGERED", List.of("checkout-cpu-high", "checkout-5xx"),
                List.of("checkout-cpu-high"));
        DeploymentTimeline rolledBack = of(watched("ROLLBACK_SUCCESSFUL", triggered), List.of(), T0);
        assertEquals("Rolled back: alarm checkout-cpu-high went to ALARM", rolledBack.reason());
        assertEquals("Alarms watched: checkout-cpu-high, checkout-5xx", rolledBack.alarms());
        assertEquals("Rolling back: alarm checkout-cpu-high went to ALARM", DeploymentTimeline.reason(watched("ROLLBACK_IN_PROGRESS", triggered)));
        assertEquals("Stopped: alarm checkout-cpu-high went to ALARM", DeploymentTimeline.reason(watched("STOPPED", triggered)));
        assertEquals("Rollback failed after alarm checkout-cpu-high went to ALARM", DeploymentTimeline.reason(watched("ROLLBACK_FAILED", triggered)));
        var both = new ServiceDeployment.RollbackMonitorAlarms("TRIGGERED", List.of("a", "b"), List.of("a", "b"));
        assertEquals("Rolled back: alarms a, b went to ALARM", DeploymentTimeline.reason(watched("ROLLBACK_SUCCESSFUL", both)));
        var unnamed = new ServiceDeployment.RollbackMonitorAlarms("TRIGGERED", List.of("a"), List.of());
        assertEquals("Rolled back: a deployment alarm went to ALARM", DeploymentTimeline.reason(watched("ROLLBACK_SUCCESSFUL", unnamed)));
    }

    @Test
    void whileItRunsTheTimelineShowsTheAlarmsItWatches() {
        var monitoring = new ServiceDeployment.RollbackMonitorAlarms("MONITORING", List.of("checkout-cpu-high"), List.of());
        DeploymentTimeline t = of(watched("IN_PROGRESS", monitoring), List.of(), T0);
        assertEquals("Watching alarms: checkout-cpu-high", t.alarms());
        assertEquals("", t.reason());
        var complete = new ServiceDeployment.RollbackMonitorAlarms("MONITORING_COMPLETE", List.of("checkout-cpu-high"), List.of());
        assertEquals("Alarms watched: checkout-cpu-high (none went to ALARM)", of(watched("SUCCESSFUL", complete), List.of(), T0).alarms());
        var disabled = new ServiceDeployment.RollbackMonitorAlarms("DISABLED", List.of("checkout-cpu-high"), List.of());
        assertEquals("", of(watched("IN_PROGRESS", disabled), List.of(), T0).alarms());
        assertEquals("", of(deployment(DeploymentConfiguration.ROLLING, "IN_PROGRESS", null, null, null, null, null, List.of()), List.of(), T0)
                .alarms(), "no alarms, no line");
    }

    @Test
    void aRollingDeploymentCountsItsTasksInsteadOfTraffic() {
        ServiceDeployment d = new ServiceDeployment(ARN, "svc", "cluster", T0, T0, null, null, T0,
                List.of(new ServiceRevisionSummary(OLD, 4, 2, 0, null, null)), new ServiceRevisionSummary(NEW, 4, 3, 1, null, null),
                "IN_PROGRESS", null, null, List.of(), DeploymentConfiguration.defaults(), null, null, null);
        DeploymentTimeline t = of(d, List.of(), T0);
        assertTrue(t.traffic().isEmpty(), "no traffic bars");
        assertEquals("Rolling deployment web:5 → web:6", t.title());
        assertEquals(List.of(new Step("Start web:6 tasks", StepState.DONE, "4 of 4 started"),
                new Step("web:6 tasks running", StepState.CURRENT, "3 of 4 running"),
                new Step("Stop web:5 tasks", StepState.TO_COME, "2 still running")), t.steps());
    }

    @Test
    void countdownsAndExpiriesReadAsClocks() {
        assertEquals("42:10", DeploymentTimeline.clock(Duration.ofSeconds(42 * 60 + 10)));
        assertEquals("1:02:10", DeploymentTimeline.clock(Duration.ofSeconds(3730)));
        assertEquals("5 min", DeploymentTimeline.expiresIn(Duration.ofMinutes(5)));
        assertEquals("less than a minute", DeploymentTimeline.expiresIn(Duration.ofSeconds(20)));
    }
}
