package dev.ecsdeck.sim.ecs;

import static dev.ecsdeck.sim.SimFixture.config;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tasks pull their images of this account's ECR registry from the simulated ECR: a missing repository, tag or digest stops the
 * task before RUNNING with ECS's CannotPullContainerError, counts as a failed start, and trips the circuit breaker.
 */
class ImagePullTest {
    private static final String REPO = "000000000000.dkr.ecr.us-east-1.amazonaws.com/app";
    private final SimFixture sim = new SimFixture();

    private String startOnGoodImage(int desired) {
        sim.engine.ecr().createRepository(null, "app", null, false);
        sim.engine.ecr().seedImage("app", List.of("1.0"), DemoSim.START.minusSeconds(3600), null);
        String good = sim.fargateTaskDefinition("app", REPO + ":1.0");
        sim.createFargateService("svc", good, desired, config(100, 200, true, true));
        sim.advanceUntil("steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("svc")));
        return good;
    }

    @Test
    void aMissingTagStopsTheTaskBeforeRunningWithCannotPullContainerError() {
        startOnGoodImage(1);
        assertNotNull(sim.engine.ecr().describeImages(null, "app", null, null, null, null).items().get(0).lastPulledAt(),
                "the pull is recorded");
        String image = REPO + ":1.O";
        String bad = sim.fargateTaskDefinition("app", image);
        sim.engine.services().updateService(sim.cluster, "svc", null, bad, false, null);
        sim.advanceUntil("a task of the typo stopped", Duration.ofMinutes(2), () -> !sim.tasks("svc", "STOPPED").isEmpty());
        EcsTask stopped = sim.tasks("svc", "STOPPED").get(0);
        String reason = "CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref " + image + ": "
                + image + ": not found";
        assertEquals("TaskFailedToStart", stopped.stopCode());
        assertEquals(reason, stopped.stoppedReason());
        assertEquals(reason, stopped.containers().get(0).reason());
        assertNull(stopped.startedAt(), "it never ran");
        assertNotNull(stopped.pullStartedAt());
    }

    @Test
    void failedPullsTripTheCircuitBreakerAndRollBack() {
        String good = startOnGoodImage(4);
        String bad = sim.fargateTaskDefinition("app", REPO + "@sha256:" + "0".repeat(64));
        sim.engine.services().updateService(sim.cluster, "svc", null, bad, false, null);
        String badDeployment = SimFixture.primary(sim.service("svc")).id();
        sim.advanceUntil("the breaker trips", Duration.ofMinutes(10), () -> sim.service("svc").deployments().stream()
                .anyMatch(d -> d.id().equals(badDeployment) && "FAILED".equals(d.rolloutState())));
        Deployment failed = sim.service("svc").deployments().stream().filter(d -> d.id().equals(badDeployment)).findFirst().orElseThrow();
        assertEquals(3, failed.failedTasks(), "the threshold for 4 tasks is 3");
        assertEquals("ECS deployment circuit breaker: tasks failed to start.", failed.rolloutStateReason());
        assertThat(sim.eventsOldestFirst("svc"), hasItem("(service svc) (deployment " + badDeployment
                + ") deployment failed: tasks failed to start."));
        assertEquals(3, sim.tasks("svc", "STOPPED").stream().filter(t -> "TaskFailedToStart".equals(t.stopCode())
                && t.stoppedReason().startsWith("CannotPullContainerError: ")).count(), "the failed pulls");
        sim.advanceUntil("rolled back and steady", Duration.ofMinutes(10), () -> SimFixture.steady(sim.service("svc")));
        EcsService s = sim.service("svc");
        assertEquals(good, s.taskDefinition().substring(s.taskDefinition().lastIndexOf('/') + 1));
        assertEquals(4, sim.running("svc").size());
    }

    @Test
    void imagesOfOtherRegistriesAreNotJudged() {
        sim.engine.ecr().createRepository(null, "app", null, false);
        String td = sim.fargateTaskDefinition("app", "111111111111.dkr.ecr.us-east-1.amazonaws.com/app:nothing-here");
        sim.createFargateService("svc", td, 1, config(100, 200, true, true));
        sim.advanceUntil("steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("svc")));
        String hub = sim.fargateTaskDefinition("hub", "library/nginx:no-such-tag");
        sim.createFargateService("hub", hub, 1, config(100, 200, true, true));
        sim.advanceUntil("steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("hub")));
    }
}
