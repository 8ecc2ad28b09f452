package dev.ecsdeck.sim.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.sim.SimFixture;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DAEMON: one task per ACTIVE container instance; a new instance gets one, a draining one loses it. */
class DaemonServiceTest {
    private final SimFixture sim = new SimFixture();

    private Set<String> instancesWithTasks() {
        Set<String> out = new HashSet<>();
        for (EcsTask t : sim.running("agent")) {
            if ("RUNNING".equals(t.desiredStatus())) {
                out.add(t.containerInstanceArn());
            }
        }
        return out;
    }

    @Test
    void runsOneTaskPerActiveInstance() {
        sim.instances(3, 2048, 4096, "a", "b", "c");
        String td = sim.ec2TaskDefinition("agent", 128, 256, null);
        sim.engine.services().createService(new CreateServiceRequest(sim.cluster, "agent", td, null, "EC2", null, "DAEMON", null, null,
                null, null, null, null, null));
        sim.advanceUntil("3 running", Duration.ofMinutes(3), () -> sim.service("agent").runningCount() == 3);
        assertEquals(3, instancesWithTasks().size(), "one per instance, never two on one");
        assertEquals(3, sim.service("agent").desiredCount());

        ContainerInstance added = sim.engine.clusters().registerContainerInstance(sim.cluster, 2048, 4096,
                Map.of("ecs.availability-zone", "us-east-1a"));
        sim.advanceUntil("the new instance gets one", Duration.ofMinutes(3), () -> sim.service("agent").runningCount() == 4);
        assertTrue(instancesWithTasks().contains(added.containerInstanceArn()));

        String draining = sim.engine.clusters().listContainerInstances(sim.cluster, null, null, null).items().get(0);
        sim.engine.clusters().updateContainerInstancesState(sim.cluster, List.of(draining), "DRAINING");
        sim.advanceUntil("the draining instance loses its task", Duration.ofMinutes(3),
                () -> !instancesWithTasks().contains(draining) && sim.service("agent").runningCount() == 3);
        assertEquals(3, sim.service("agent").desiredCount());
        assertEquals(3, instancesWithTasks().size());
    }
}
