package dev.ecsdeck.sim.ecs;

import static dev.ecsdeck.sim.SimFixture.config;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.Container;
import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.SimFixture;
import dev.ecsdeck.sim.state.SimStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Container health checks run as ECS runs them: interval, retries, start period; an unhealthy essential container stops a service's task. */
class ContainerHealthCheckTest {
    private final SimFixture sim = new SimFixture();
    @TempDir
    Path dir;

    /** A Fargate task definition: container "app" with this image and health check (JSON members, or null for none), and optionally a sidecar. */
    private String taskDefinition(String family, String image, String check, String sidecar) {
        String healthCheck = check == null ? "" : """
                , "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]%s}""".formatted(check);
        return sim.engine.taskDefinitions().register("""
                {"family": "%s", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
                 "containerDefinitions": [{"name": "app", "image": "%s", "essential": true%s}%s]}
                """.formatted(family, image, healthCheck, sidecar == null ? "" : ", " + sidecar)).familyRevision();
    }

    private EcsTask describe(String arn) {
        return sim.engine.tasks().describeTasks(sim.cluster, List.of(arn)).items().get(0);
    }

    private static Container container(EcsTask t, String name) {
        return t.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** The service's one task, once RUNNING. */
    private EcsTask runningTaskOf(String service) {
        sim.advanceUntil(service + " running", Duration.ofMinutes(3), () -> sim.running(service).stream().anyMatch(t -> "RUNNING".equals(t.lastStatus())));
        return sim.running(service).stream().filter(t -> "RUNNING".equals(t.lastStatus())).findFirst().orElseThrow();
    }

    private void advanceTo(Instant at) {
        sim.advance(Duration.between(sim.engine.now(), at));
        assertEquals(at, sim.engine.now());
    }

    @Test
    void aCheckThatNeverPassesTurnsUnhealthyAtStartPeriodPlusRetriesTimesIntervalAndStopsTheTask() {
        sim.engine.neverHealthyImage("acme/never:1");
        sim.createFargateService("svc", taskDefinition("never", "acme/never:1", ", \"interval\": 10, \"retries\": 3, \"startPeriod\": 30", null), 1,
                null);
        EcsTask task = runningTaskOf("svc");
        Instant started = task.startedAt();

        advanceTo(started.plusSeconds(59));
        EcsTask before = describe(task.taskArn());
        assertEquals("UNKNOWN", container(before, "app").healthStatus(), "checks at 40 and 50 s failed: two of three retries");
        assertEquals("UNKNOWN", before.healthStatus());
        assertEquals("RUNNING", before.desiredStatus());

        advanceTo(started.plusSeconds(60));
        EcsTask after = describe(task.taskArn());
        assertEquals("UNHEALTHY", container(after, "app").healthStatus(), "30 s start period + 3 retries × 10 s");
        assertEquals("UNHEALTHY", after.healthStatus());
        assertEquals("STOPPED", after.desiredStatus());
        assertEquals(started.plusSeconds(60), after.stoppingAt());
        assertEquals("TaskFailedToStart", after.stopCode());
        assertThat(after.stoppedReason(), startsWith("Task failed container health checks"));
        assertEquals("Task failed container health checks: container app is unhealthy", after.stoppedReason());
    }

    @Test
    void theDefaultsAreInterval30Retries3AndNoStartPeriod() {
        sim.engine.neverHealthyImage("acme/never:1");
        sim.createFargateService("svc", taskDefinition("never", "acme/never:1", "", null), 1, null);
        EcsTask task = runningTaskOf("svc");
        advanceTo(task.startedAt().plusSeconds(89));
        assertEquals("UNKNOWN", describe(task.taskArn()).healthStatus());
        assertEquals("RUNNING", describe(task.taskArn()).desiredStatus());
        advanceTo(task.startedAt().plusSeconds(90));
        assertEquals("UNHEALTHY", describe(task.taskArn()).healthStatus(), "3 retries × 30 s");
        assertEquals("STOPPED", describe(task.taskArn()).desiredStatus());
    }

    @Test
    void aStartPeriodThatIsNotAWholeNumberOfIntervalsEndsAtTheFirstCheckAfterIt() {
        ContainerSpec.HealthCheck check = new ContainerSpec.HealthCheck(30, 5, 3, 15);
        assertEquals(new ContainerHealth.Timeline(null, 90L), ContainerHealth.timeline(check, -1L, 2),
                "checks at 0 and 15- are in the grace period; 30, 60, 90 count");
        assertEquals(new ContainerHealth.Timeline(null, 120L), ContainerHealth.timeline(new ContainerSpec.HealthCheck(30, 5, 3, 30), -1L, 2),
                "a check at the very end of the start period is still in it");
        assertEquals(new ContainerHealth.Timeline(2L, 150L), ContainerHealth.timeline(check, 70L, 2), "fails after 70 s: checks at 90, 120, 150");
        assertEquals(new ContainerHealth.Timeline(2L, null), ContainerHealth.timeline(check, null, 2));
        assertEquals(new ContainerHealth.Timeline(2L, null), ContainerHealth.timeline(new ContainerSpec.HealthCheck(30, 2, 3, 0), null, 3),
                "a passing answer never takes longer than the timeout");
    }

    @Test
    void aPassingCheckMakesTheContainerAndTaskHealthyWithinSecondsAndTheDeploymentCompletes() {
        sim.createFargateService("svc", taskDefinition("fine", "acme/fine:1", ", \"interval\": 10", null), 1, null);
        EcsTask task = runningTaskOf("svc");
        assertEquals("UNKNOWN", container(describe(task.taskArn()), "app").healthStatus(), "the first check has not answered yet");
        long healthyAfter = -1;
        for (int s = 1; s <= ContainerHealth.MAX_ANSWER_SECONDS && healthyAfter < 0; s++) {
            advanceTo(task.startedAt().plusSeconds(s));
            if ("HEALTHY".equals(describe(task.taskArn()).healthStatus())) {
                healthyAfter = s;
            }
        }
        assertTrue(healthyAfter >= 1, "HEALTHY 1–3 s after it started");
        assertEquals("HEALTHY", container(describe(task.taskArn()), "app").healthStatus());
        sim.advanceUntil("steady", Duration.ofMinutes(2), () -> SimFixture.steady(sim.service("svc")));
        assertEquals(0, SimFixture.primary(sim.service("svc")).failedTasks());
    }

    @Test
    void aCheckThatFailsAfterNSecondsStopsTheTaskAtNPlusRetriesTimesInterval() {
        sim.engine.failHealthCheckOfImage("acme/sick:1", Duration.ofMinutes(3));
        sim.createFargateService("svc", taskDefinition("sick", "acme/sick:1", ", \"interval\": 30, \"retries\": 3", null), 1, null);
        EcsTask task = runningTaskOf("svc");
        advanceTo(task.startedAt().plusSeconds(60));
        assertEquals("HEALTHY", describe(task.taskArn()).healthStatus());

        advanceTo(task.startedAt().plusSeconds(269));
        EcsTask before = describe(task.taskArn());
        assertEquals("HEALTHY", before.healthStatus(), "failing checks at 210 and 240 s: two of three");
        assertEquals("RUNNING", before.desiredStatus());

        advanceTo(task.startedAt().plusSeconds(270));
        EcsTask stopping = describe(task.taskArn());
        assertEquals("UNHEALTHY", stopping.healthStatus(), "180 s + 3 retries × 30 s");
        assertEquals("UNHEALTHY", container(stopping, "app").healthStatus());
        assertEquals("STOPPED", stopping.desiredStatus());
        assertEquals("TaskFailedToStart", stopping.stopCode());
        assertThat(stopping.stoppedReason(), startsWith("Task failed container health checks"));
    }

    @Test
    void theServiceReplacesAnUnhealthyTaskAndCountsItAsFailed() {
        sim.engine.neverHealthyImage("acme/never:1");
        sim.createFargateService("svc", taskDefinition("never", "acme/never:1", ", \"interval\": 10, \"retries\": 2", null), 1, null);
        EcsTask first = runningTaskOf("svc");
        sim.advanceUntil("a replacement", Duration.ofMinutes(3),
                () -> sim.running("svc").stream().anyMatch(t -> !t.taskArn().equals(first.taskArn())));
        EcsTask replacement = sim.running("svc").stream().filter(t -> !t.taskArn().equals(first.taskArn())).findFirst().orElseThrow();
        assertEquals(first.startedBy(), replacement.startedBy(), "the same deployment starts it");
        assertEquals(1, SimFixture.primary(sim.service("svc")).failedTasks());
        assertThat(sim.eventsOldestFirst("svc"), hasItem(startsWith("(service svc) has started 1 tasks: (task " + replacement.taskId() + ")")));
        sim.advanceUntil("the first one stopped", Duration.ofMinutes(1), () -> "STOPPED".equals(describe(first.taskArn()).lastStatus()));
    }

    @Test
    void aRevisionThatNeverPassesItsCheckTripsTheCircuitBreakerAndRollsBack() {
        String good = taskDefinition("app", "acme/app:1", ", \"interval\": 10, \"retries\": 3", null);
        sim.createFargateService("svc", good, 4, config(100, 200, true, true));
        sim.advanceUntil("steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("svc")));
        sim.engine.neverHealthyImage("acme/app:2");
        sim.engine.services().updateService(sim.cluster, "svc", null, taskDefinition("app", "acme/app:2", ", \"interval\": 10, \"retries\": 3",
                null), false, null);
        String bad = SimFixture.primary(sim.service("svc")).id();

        sim.advanceUntil("the breaker trips", Duration.ofMinutes(20), () -> sim.service("svc").deployments().stream()
                .anyMatch(d -> d.id().equals(bad) && "FAILED".equals(d.rolloutState())));
        Deployment failed = sim.service("svc").deployments().stream().filter(d -> d.id().equals(bad)).findFirst().orElseThrow();
        assertEquals(3, failed.failedTasks(), "threshold max(3, ceil(4 / 2))");
        List<EcsTask> unhealthy = sim.tasks("svc", "STOPPED").stream().filter(t -> "TaskFailedToStart".equals(t.stopCode())).toList();
        assertEquals(3, unhealthy.size(), "the rollback stops the rest of app:2's tasks as the scheduler's own");
        assertTrue(unhealthy.stream().allMatch(t -> t.taskDefinitionArn().endsWith("app:2") && "UNHEALTHY".equals(t.healthStatus())
                && t.stoppedReason().startsWith("Task failed container health checks")));
        assertTrue(SimFixture.primary(sim.service("svc")).taskDefinition().endsWith("app:1"), "rolling back to the last good revision");

        sim.advanceUntil("rolled back and steady", Duration.ofMinutes(10), () -> SimFixture.steady(sim.service("svc")));
        assertTrue(sim.running("svc").stream().allMatch(t -> t.taskDefinitionArn().endsWith("app:1") && "HEALTHY".equals(t.healthStatus())));
    }

    @Test
    void anUnhealthyNonEssentialContainerLeavesTheTaskRunning() {
        sim.engine.neverHealthyImage("acme/sidecar:1");
        String sidecar = """
                {"name": "sidecar", "image": "acme/sidecar:1", "essential": false,
                 "healthCheck": {"command": ["CMD", "/bin/check"], "interval": 10, "retries": 2}}""";
        sim.createFargateService("svc", taskDefinition("pair", "acme/app:1", ", \"interval\": 10", sidecar), 1, null);
        EcsTask task = runningTaskOf("svc");
        advanceTo(task.startedAt().plusSeconds(20));
        EcsTask t = describe(task.taskArn());
        assertEquals("UNHEALTHY", container(t, "sidecar").healthStatus(), "2 retries × 10 s");
        assertEquals("HEALTHY", container(t, "app").healthStatus());
        assertEquals("HEALTHY", t.healthStatus(), "the task's health is its essential containers'");
        sim.advance(Duration.ofMinutes(5));
        EcsTask later = describe(task.taskArn());
        assertEquals("RUNNING", later.lastStatus());
        assertEquals("RUNNING", later.desiredStatus());
        assertTrue(SimFixture.steady(sim.service("svc")));
    }

    @Test
    void aTaskRunByHandGoesOnRunningUnhealthy() {
        sim.engine.neverHealthyImage("acme/never:1");
        String td = taskDefinition("never", "acme/never:1", ", \"interval\": 10, \"retries\": 3", null);
        EcsTask task = sim.engine.tasks().runTask(new RunTaskRequest(sim.cluster, td, 1, "FARGATE", SimFixture.VPC, null, null, null, null))
                .items().get(0);
        sim.advanceUntil("running", Duration.ofMinutes(2), () -> "RUNNING".equals(describe(task.taskArn()).lastStatus()));
        sim.advance(Duration.ofMinutes(3));
        EcsTask later = describe(task.taskArn());
        assertEquals("UNHEALTHY", later.healthStatus());
        assertEquals("RUNNING", later.lastStatus(), "only a service's scheduler stops an unhealthy task");
        assertEquals("RUNNING", later.desiredStatus());
        assertNull(later.stopCode());
    }

    @Test
    void aRestoredTaskFailsItsChecksAtTheSameSecond() {
        sim.engine.failHealthCheckOfImage("acme/sick:1", Duration.ofSeconds(60));
        sim.createFargateService("svc", taskDefinition("sick", "acme/sick:1", ", \"interval\": 20, \"retries\": 2", null), 1, null);
        EcsTask task = runningTaskOf("svc");
        advanceTo(task.startedAt().plusSeconds(30));
        assertEquals("HEALTHY", describe(task.taskArn()).healthStatus());

        SimStateStore store = new SimStateStore(dir.resolve("sim.json"), "test");
        store.save(sim.engine);
        ManualClock clock = new ManualClock(sim.engine.now());
        SimEngine restored = store.load(clock);
        clock.advance(Duration.ofSeconds(69));
        restored.advance();
        EcsTask before = restored.tasks().describeTasks(sim.cluster, List.of(task.taskArn())).items().get(0);
        assertEquals("HEALTHY", before.healthStatus(), "at 99 s: one failed check (at 80 s) of two");
        clock.advance(Duration.ofSeconds(1));
        restored.advance();
        EcsTask after = restored.tasks().describeTasks(sim.cluster, List.of(task.taskArn())).items().get(0);
        assertEquals("UNHEALTHY", after.healthStatus(), "fails after 60 s: the checks at 80 and 100 s fail");
        assertEquals("STOPPED", after.desiredStatus());
    }
}
