package dev.ecsdeck.sim.ecs;

import static dev.ecsdeck.sim.SimFixture.config;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.sim.SimFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked rolling-update cases of DESIGN.md: minimumHealthyPercent rounds up, maximumPercent rounds down. */
class RollingUpdateTest {
    private final SimFixture sim = new SimFixture();

    private void steadyServiceThenDeploy(int desired, int minHealthy, int max) {
        String v1 = sim.fargateTaskDefinition("app", "acme/app:1");
        sim.createFargateService("svc", v1, desired, config(minHealthy, max, false, false));
        sim.advanceUntil("steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("svc")));
        String v2 = sim.fargateTaskDefinition("app", "acme/app:2");
        sim.engine.services().updateService(sim.cluster, "svc", null, v2, false, null);
        sim.advance(Duration.ofSeconds(1));
    }

    private long stopping() {
        return sim.tasks("svc", "STOPPED").stream().filter(t -> t.taskDefinitionArn().endsWith("app:1")).count();
    }

    private long startedNew() {
        return sim.running("svc").stream().filter(t -> t.taskDefinitionArn().endsWith("app:2")).count();
    }

    @Test
    void fourTasksAtFiftyAndTwoHundredStopTwoAndStartFourAtOnce() {
        steadyServiceThenDeploy(4, 50, 200);
        assertEquals(2, stopping(), "50% of 4 rounds up to 2 that must stay healthy: 2 may stop");
        assertEquals(4, startedNew(), "200% of 4 is 8: all 4 new tasks start at once");
        List<String> events = sim.eventsOldestFirst("svc");
        assertThat(events.get(events.size() - 2), startsWith("(service svc) has stopped 2 running tasks: (task "));
        assertThat(events.get(events.size() - 1), startsWith("(service svc) has started 4 tasks: (task "));
    }

    @Test
    void twoTasksAtSeventyFivePercentStopNoneFirst() {
        steadyServiceThenDeploy(2, 75, 200);
        assertEquals(0, stopping(), "75% of 2 rounds up to 2: none may stop before new ones are healthy");
        assertEquals(2, startedNew());
        sim.advanceUntil("old ones stop once new ones are healthy", Duration.ofMinutes(3), () -> stopping() > 0);
        assertEquals(2, sim.running("svc").stream().filter(t -> t.taskDefinitionArn().endsWith("app:2") && t.startedAt() != null
                && "RUNNING".equals(t.lastStatus())).count());
    }

    @Test
    void threeTasksAtOneHundredTwentyFivePercentCannotMove() {
        steadyServiceThenDeploy(3, 100, 125);
        assertEquals(0, stopping(), "100% of 3 must stay healthy");
        assertEquals(0, startedNew(), "125% of 3 rounds down to 3: no room to start one");
        assertThat(sim.eventsOldestFirst("svc"), hasItem("(service svc) was unable to stop or start tasks during a deployment "
                + "because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again."));
        sim.advance(Duration.ofMinutes(10));
        EcsService s = sim.service("svc");
        assertEquals(2, s.deployments().size(), "stuck: both deployments remain");
        assertEquals("IN_PROGRESS", SimFixture.primary(s).rolloutState());
        assertEquals(0, startedNew());
    }

    @Test
    void aHealthyUpdateEndsWithOneCompletedPrimaryAndASteadyState() {
        steadyServiceThenDeploy(4, 100, 200);
        sim.advanceUntil("rollout done and old tasks gone", Duration.ofMinutes(10),
                () -> SimFixture.steady(sim.service("svc")) && sim.service("svc").events().get(0).message().endsWith("steady state."));
        EcsService s = sim.service("svc");
        assertEquals(1, s.deployments().size());
        assertEquals("PRIMARY", SimFixture.primary(s).status());
        assertEquals("COMPLETED", SimFixture.primary(s).rolloutState());
        assertTrue(s.taskDefinition().endsWith("app:2"));
        List<EcsTask> running = sim.running("svc");
        assertEquals(4, running.size());
        assertTrue(running.stream().allMatch(t -> t.taskDefinitionArn().endsWith("app:2") && "RUNNING".equals(t.lastStatus())));
        String id = SimFixture.primary(s).id();
        List<String> events = sim.eventsOldestFirst("svc");
        int completed = events.indexOf("(service svc) (deployment " + id + ") deployment completed.");
        assertTrue(completed >= 0, events.toString());
        assertEquals("(service svc) has reached a steady state.", events.get(events.size() - 1));
        assertTrue(events.lastIndexOf("(service svc) has reached a steady state.") > completed);
    }

    @Test
    void minimumHealthyRoundsUpAndMaximumRoundsDown() {
        assertEquals(2, ServiceScheduler.minimumHealthy(4, 50));
        assertEquals(2, ServiceScheduler.minimumHealthy(2, 75));
        assertEquals(3, ServiceScheduler.minimumHealthy(3, 100));
        assertEquals(8, ServiceScheduler.maximumTotal(4, 200));
        assertEquals(3, ServiceScheduler.maximumTotal(3, 125));
        assertEquals(3, ServiceScheduler.circuitBreakerThreshold(1));
        assertEquals(3, ServiceScheduler.circuitBreakerThreshold(6));
        assertEquals(5, ServiceScheduler.circuitBreakerThreshold(10));
        assertEquals(200, ServiceScheduler.circuitBreakerThreshold(1000));
    }
}
