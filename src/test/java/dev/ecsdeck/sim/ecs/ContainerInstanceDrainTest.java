package dev.ecsdeck.sim.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Draining and deregistering container instances as ECS does: a draining instance gets no new task,
 * its service tasks are replaced elsewhere first (within the deployment configuration); an instance
 * with running tasks is deregistered only with force.
 */
class ContainerInstanceDrainTest {
    private final SimFixture sim = new SimFixture();

    /** Three instances and a service of two tasks spread over them, running and healthy. */
    private void twoTasksOnThreeInstances() {
        sim.instances(3, 2048, 4096, "a", "b", "c");
        String td = sim.ec2TaskDefinition("worker", 256, 512, null);
        sim.engine.services().createService(new CreateServiceRequest(sim.cluster, "worker", td, 2, "EC2", null, "REPLICA", null, null,
                null, List.of(new PlacementStrategy("spread", "instanceId")), null, null, null));
        sim.advanceUntil("steady", Duration.ofMinutes(3), () -> SimFixture.steady(sim.service("worker")));
    }

    private String instanceOf(EcsTask t) {
        return t.containerInstanceArn();
    }

    private long onInstance(String instanceArn) {
        return sim.running("worker").stream().filter(t -> instanceArn.equals(instanceOf(t))).count();
    }

    private boolean twoRunningElsewhere(String instanceArn) {
        List<EcsTask> running = sim.running("worker");
        return running.size() == 2 && running.stream().allMatch(t -> "RUNNING".equals(t.lastStatus()) && !instanceArn.equals(instanceOf(t)));
    }

    @Test
    void drainingMovesServiceTasksElsewhereStartingTheReplacementFirst() {
        twoTasksOnThreeInstances();
        EcsTask victim = sim.running("worker").get(0);
        String draining = instanceOf(victim);

        List<ContainerInstance> changed = sim.engine.clusters()
                .updateContainerInstancesState(sim.cluster, List.of(draining), "DRAINING").items();
        assertEquals("DRAINING", changed.get(0).status());

        sim.advance(Duration.ofSeconds(2));
        List<EcsTask> now = sim.running("worker");
        assertEquals(3, now.size(), "the replacement starts while the drained task still runs (minimum healthy 100%)");
        assertTrue(now.stream().anyMatch(t -> t.taskArn().equals(victim.taskArn()) && "RUNNING".equals(t.lastStatus())));
        EcsTask replacement = now.stream().filter(t -> !"RUNNING".equals(t.lastStatus())).findFirst().orElseThrow();
        assertFalse(draining.equals(instanceOf(replacement)), "no new task on a draining instance");

        // The drained task is asked to stop only once its replacement is running and healthy.
        sim.advanceUntil("the drained task is asked to stop", Duration.ofMinutes(3), () -> onInstance(draining) == 0);
        EcsTask replaced = sim.engine.tasks().describeTasks(sim.cluster, List.of(replacement.taskArn())).items().get(0);
        assertEquals("RUNNING", replaced.lastStatus());
        EcsTask stopped = sim.engine.tasks().describeTasks(sim.cluster, List.of(victim.taskArn())).items().get(0);
        assertEquals("STOPPED", stopped.desiredStatus());
        assertEquals("ServiceSchedulerInitiated", stopped.stopCode());
        assertTrue(stopped.stoppedReason().contains("draining"), stopped.stoppedReason());

        sim.advanceUntil("two running elsewhere", Duration.ofMinutes(3), () -> twoRunningElsewhere(draining));
        sim.advanceUntil("steady again", Duration.ofMinutes(3), () -> SimFixture.steady(sim.service("worker")));

        ContainerInstance active = sim.engine.clusters().updateContainerInstancesState(sim.cluster, List.of(draining), "ACTIVE").items().get(0);
        assertEquals("ACTIVE", active.status());
        assertEquals(0, active.runningTasksCount());
    }

    @Test
    void drainingRespectsMinimumHealthyWhenNothingMayStartFirst() {
        twoTasksOnThreeInstances();
        sim.engine.services().updateService(sim.cluster, "worker", null, null, false, SimFixture.config(100, 100, false, false));
        sim.advance(Duration.ofSeconds(5));
        String draining = instanceOf(sim.running("worker").get(0));
        sim.engine.clusters().updateContainerInstancesState(sim.cluster, List.of(draining), "DRAINING");
        sim.advance(Duration.ofMinutes(2));
        assertEquals(1, onInstance(draining), "100%/100% lets no task stop or start: the drained task stays");
        assertTrue(sim.eventsOldestFirst("worker").stream().anyMatch(e -> e.contains("deployment configuration")));
    }

    @Test
    void deregisteringAnInstanceWithRunningTasksNeedsForce() {
        twoTasksOnThreeInstances();
        String busy = instanceOf(sim.running("worker").get(0));
        SimApiException refused = assertThrows(SimApiException.class,
                () -> sim.engine.clusters().deregisterContainerInstance(sim.cluster, busy, false));
        assertEquals("InvalidParameterException", refused.errorCode());
        assertEquals(1, onInstance(busy), "nothing changed");

        ContainerInstance gone = sim.engine.clusters().deregisterContainerInstance(sim.cluster, busy, true);
        assertEquals("INACTIVE", gone.status());
        assertFalse(sim.engine.clusters().listContainerInstances(sim.cluster, null, null, null).items().contains(busy));
        sim.advanceUntil("replaced elsewhere", Duration.ofMinutes(3), () -> twoRunningElsewhere(busy));
        assertEquals(0, onInstance(busy));
    }

    @Test
    void deregistersAnIdleInstanceWithoutForce() {
        twoTasksOnThreeInstances();
        List<String> all = sim.engine.clusters().listContainerInstances(sim.cluster, null, null, null).items();
        String idle = all.stream().filter(i -> onInstance(i) == 0).findFirst().orElseThrow();
        assertEquals("INACTIVE", sim.engine.clusters().deregisterContainerInstance(sim.cluster, idle, false).status());
        assertEquals(2, sim.engine.clusters().listContainerInstances(sim.cluster, null, null, null).items().size());
        SimApiException again = assertThrows(SimApiException.class,
                () -> sim.engine.clusters().deregisterContainerInstance(sim.cluster, idle, false));
        assertEquals("InvalidParameterException", again.errorCode());
    }
}
