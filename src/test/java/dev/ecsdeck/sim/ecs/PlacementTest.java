package dev.ecsdeck.sim.ecs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.sim.SimFixture;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placement on EC2: resources, then constraints, then strategies. */
class PlacementTest {
    private final SimFixture sim = new SimFixture();

    private void service(String name, String td, int desired, List<PlacementConstraint> constraints, List<PlacementStrategy> strategy) {
        sim.engine.services().createService(new CreateServiceRequest(sim.cluster, name, td, desired, "EC2", null, "REPLICA", null, null,
                constraints, strategy, null, null, null));
    }

    private Map<String, Integer> tasksPerInstance(String service) {
        Map<String, Integer> counts = new HashMap<>();
        for (EcsTask t : sim.running(service)) {
            counts.merge(t.containerInstanceArn(), 1, Integer::sum);
        }
        return counts;
    }

    private Map<String, Integer> tasksPerZone(String service) {
        Map<String, Integer> counts = new HashMap<>();
        for (EcsTask t : sim.running(service)) {
            counts.merge(t.availabilityZone(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void binpackFillsOneInstanceFirst() {
        sim.instances(3, 1024, 4096, "a", "b", "c");
        service("packed", sim.ec2TaskDefinition("packed", 256, 512, null), 4, List.of(), List.of(new PlacementStrategy("binpack", "memory")));
        sim.advance(Duration.ofSeconds(1));
        assertEquals(List.of(4), List.copyOf(tasksPerInstance("packed").values()), "all four on one instance");
        service("more", sim.ec2TaskDefinition("more", 256, 512, null), 2, List.of(), List.of(new PlacementStrategy("binpack", "cpu")));
        sim.advance(Duration.ofSeconds(1));
        assertEquals(List.of(2), List.copyOf(tasksPerInstance("more").values()), "the full instance is skipped, the next one filled");
    }

    @Test
    void spreadBalancesZones() {
        sim.instances(4, 4096, 8192, "a", "a", "b", "c");
        service("spread", sim.ec2TaskDefinition("spread", 128, 128, null), 6, List.of(),
                List.of(new PlacementStrategy("spread", "attribute:ecs.availability-zone")));
        sim.advance(Duration.ofSeconds(1));
        assertEquals(Map.of("us-east-1a", 2, "us-east-1b", 2, "us-east-1c", 2), tasksPerZone("spread"));
    }

    @Test
    void distinctInstanceNeverDoublesUpAndSaysWhyTheRestWait() {
        sim.instances(3, 4096, 8192, "a", "b", "c");
        service("distinct", sim.ec2TaskDefinition("distinct", 128, 128, null), 4, List.of(new PlacementConstraint("distinctInstance", null)),
                List.of(new PlacementStrategy("binpack", "memory")));
        sim.advance(Duration.ofMinutes(2));
        Map<String, Integer> perInstance = tasksPerInstance("distinct");
        assertEquals(3, perInstance.size());
        assertTrue(perInstance.values().stream().allMatch(n -> n == 1));
        EcsService s = sim.service("distinct");
        assertEquals(3, s.runningCount());
        assertEquals(4, s.desiredCount());
        assertTrue(s.events().stream().anyMatch(e -> e.message().startsWith(
                "(service distinct) was unable to place a task because no container instance met all of its requirements.")));
    }

    @Test
    void memberOfKeepsTasksOnMatchingInstances() {
        sim.instances(2, 4096, 8192, "a", "b");
        sim.engine.clusters().registerContainerInstance(sim.cluster, 4096, 8192,
                Map.of("ecs.availability-zone", "us-east-1c", "ecs.instance-type", "g5.xlarge"));
        service("gpu", sim.ec2TaskDefinition("gpu", 128, 128, null), 3,
                List.of(new PlacementConstraint("memberOf", "attribute:ecs.instance-type =~ g5.*")), List.of());
        sim.advance(Duration.ofSeconds(1));
        assertEquals(Map.of("us-east-1c", 3), tasksPerZone("gpu"));
    }

    @Test
    void anOversizedTaskIsNotPlacedAndTheServiceSaysWhy() {
        sim.instances(2, 2048, 4096, "a", "b");
        service("huge", sim.ec2TaskDefinition("huge", 1024, 8192, null), 1, List.of(), List.of());
        sim.advance(Duration.ofMinutes(3));
        EcsService s = sim.service("huge");
        assertEquals(0, s.runningCount());
        assertEquals(1, s.desiredCount());
        assertEquals("IN_PROGRESS", SimFixture.primary(s).rolloutState(), "the deployment waits for capacity");
        assertThat(s.events().stream().map(e -> e.message()).toList(), hasItem(org.hamcrest.Matchers.matchesPattern(
                "\\(service huge\\) was unable to place a task because no container instance met all of its requirements\\. "
                        + "The closest matching \\(container-instance [0-9a-f]{32}\\) has insufficient memory available\\. "
                        + "For more information, see the Troubleshooting section\\.")));
        var run = sim.engine.tasks().runTask(new RunTaskRequest(sim.cluster, "huge:1", 1, "EC2", null, null, null, null, null));
        assertEquals(0, run.items().size());
        assertEquals("RESOURCE:MEMORY", run.failures().get(0).reason());
    }

    @Test
    void staticHostPortsAreHeldPerInstance() {
        sim.instances(2, 4096, 8192, "a", "b");
        service("web", sim.ec2TaskDefinition("web", 128, 128, 80), 3, List.of(), List.of());
        sim.advance(Duration.ofMinutes(1));
        assertEquals(2, sim.service("web").runningCount(), "port 80 is free on only two instances");
        assertTrue(sim.service("web").events().stream().anyMatch(e -> e.message().contains("insufficient ports available")));
    }
}
