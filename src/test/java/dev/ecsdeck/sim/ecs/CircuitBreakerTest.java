package dev.ecsdeck.sim.ecs;

import static dev.ecsdeck.sim.SimFixture.config;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.sim.SimFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A crash-looping revision trips the breaker at max(3, ceil(desired / 2)) failed tasks, and rollback restores the last good one. */
class CircuitBreakerTest {
    private final SimFixture sim = new SimFixture();

    private String deployCrashingRevision(int desired, boolean rollback) {
        String good = sim.fargateTaskDefinition("app", "acme/app:1");
        sim.createFargateService("svc", good, desired, config(100, 200, true, rollback));
        sim.advanceUntil("steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("svc")));
        sim.engine.crashLoopImage("acme/app:2-broken", Duration.ofSeconds(5), 1);
        String bad = sim.fargateTaskDefinition("app", "acme/app:2-broken");
        sim.engine.services().updateService(sim.cluster, "svc", null, bad, false, null);
        return SimFixture.primary(sim.engine.services().describeServices(sim.cluster, List.of("svc")).items().get(0)).id();
    }

    /** Steps until the deployment fails, checking it never fails before the threshold. */
    private Deployment stepUntilFailed(String deploymentId, int threshold) {
        for (int s = 0; s < 1200; s++) {
            sim.advance(Duration.ofSeconds(1));
            Deployment d = sim.service("svc").deployments().stream().filter(x -> x.id().equals(deploymentId)).findFirst().orElseThrow();
            if ("FAILED".equals(d.rolloutState())) {
                assertTrue(d.failedTasks() >= threshold, "tripped at " + d.failedTasks());
                return d;
            }
            assertTrue(d.failedTasks() < threshold, "still IN_PROGRESS with " + d.failedTasks() + " failed tasks");
        }
        throw new AssertionError("the circuit breaker never tripped");
    }

    @Test
    void tripsAtThreeForSmallServicesAndRollsBack() {
        String badDeployment = deployCrashingRevision(4, true);
        Deployment failed = stepUntilFailed(badDeployment, 3);
        assertEquals("ECS deployment circuit breaker: tasks failed to start.", failed.rolloutStateReason());
        EcsService s = sim.service("svc");
        Deployment rollback = SimFixture.primary(s);
        assertTrue(rollback.taskDefinition().endsWith("app:1"), "the rollback deploys the last completed revision");
        assertEquals("IN_PROGRESS", rollback.rolloutState());
        List<String> events = sim.eventsOldestFirst("svc");
        assertThat(events, hasItem("(service svc) (deployment " + badDeployment + ") deployment failed: tasks failed to start."));
        assertThat(events, hasItem("(service svc) rolling back to deployment " + rollback.id() + "."));

        sim.advanceUntil("rolled back and steady", Duration.ofMinutes(10), () -> SimFixture.steady(sim.service("svc")));
        List<EcsTask> running = sim.running("svc");
        assertEquals(4, running.size());
        assertTrue(running.stream().allMatch(t -> t.taskDefinitionArn().endsWith("app:1")));
        assertTrue(sim.service("svc").taskDefinition().endsWith("app:1"));
    }

    @Test
    void thresholdIsHalfTheDesiredCountForLargerServices() {
        String badDeployment = deployCrashingRevision(12, true);
        stepUntilFailed(badDeployment, 6);
    }

    @Test
    void withoutRollbackTheFailedDeploymentStaysPrimaryAndKeepsTrying() {
        String badDeployment = deployCrashingRevision(4, false);
        stepUntilFailed(badDeployment, 3);
        sim.advance(Duration.ofMinutes(5));
        EcsService s = sim.service("svc");
        assertEquals(badDeployment, SimFixture.primary(s).id());
        assertEquals("FAILED", SimFixture.primary(s).rolloutState());
        assertThat(sim.eventsOldestFirst("svc"), hasItem("(service svc) is unable to consistently start tasks successfully. "
                + "For more information, see the Troubleshooting section of the Amazon ECS Developer Guide."));
        assertTrue(sim.tasks("svc", "STOPPED").stream().anyMatch(t -> "EssentialContainerExited".equals(t.stopCode())
                && t.containers().get(0).exitCode() == 1 && "Essential container in task exited".equals(t.stoppedReason())));
    }
}
