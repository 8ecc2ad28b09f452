package dev.ecsdeck.sim.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.CapacityProviderApi;
import dev.ecsdeck.sim.ecs.CreateServiceRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capacity providers survive the state file: a simulation saved while a service's tasks wait in
 * PROVISIONING for its Auto Scaling group provider loads with the provider, the cluster's default
 * strategy and the tasks' provider, and goes on exactly as the saved one does.
 */
class CapacityStateFileTest {
    private static final String ASG = "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:9f:autoScalingGroupName/workers";

    @TempDir
    Path dir;

    private static String describe(SimEngine engine) {
        List<String> arns = engine.tasks().listTasks("asg", new dev.ecsdeck.sim.ecs.TaskApi.Filter("work", null, null, null, null, null), null, 100)
                .items();
        StringBuilder sb = new StringBuilder();
        for (EcsTask t : engine.tasks().describeTasks("asg", arns).items()) {
            sb.append(t.taskArn()).append(' ').append(t.lastStatus()).append(' ').append(t.capacityProviderName()).append(' ')
                    .append(t.containerInstanceArn()).append('\n');
        }
        sb.append(engine.clusters().listContainerInstances("asg", null, null, 100).items()).append('\n');
        sb.append(new CapacityProviderApi(engine).describe(null, true, null, null)).append('\n');
        sb.append(engine.clusters().describeClusters(List.of("asg")).items());
        return sb.toString();
    }

    @Test
    void tasksWaitingForAnAutoScalingGroupGoOnAfterALoadAsTheyWouldHave() {
        ManualClock clock = DemoSim.startClock();
        SimEngine a = DemoSim.emptyEngine(clock, 11L);
        CapacityProviderApi capacity = new CapacityProviderApi(a);
        capacity.create("workers", new CapacityProviderApi.AutoScalingGroupProvider(ASG,
                new CapacityProviderApi.ManagedScaling("ENABLED", 100, null, null, 60), null, null), List.of());
        a.clusters().createCluster("asg", null, null, null);
        capacity.putClusterCapacityProviders("asg", List.of("workers"), List.of(new CapacityProviderStrategyItem("workers", 1, null)));
        a.taskDefinitions().register("{\"family\": \"worker\", \"cpu\": \"1024\", \"memory\": \"2048\", \"containerDefinitions\":"
                + " [{\"name\": \"w\", \"image\": \"busybox\", \"essential\": true}]}");
        a.services().createService(CreateServiceRequest.replica("asg", "work", "worker", 3, null, null));
        clock.advance(Duration.ofSeconds(5));
        String before = describe(a);
        assertTrue(before.contains("PROVISIONING workers null"), before);

        Path file = dir.resolve("sim.json");
        new SimStateStore(file, "capacity").save(a);
        ManualClock twinClock = new ManualClock(clock.now());
        SimEngine b = new SimStateStore(file, "capacity").load(twinClock);
        assertEquals(before, describe(b));

        clock.advance(Duration.ofMinutes(4));
        twinClock.advance(Duration.ofMinutes(4));
        String after = describe(a);
        assertTrue(after.contains("RUNNING workers arn:"), after);
        assertEquals(after, describe(b), "the loaded simulation goes on as the saved one");
    }
}
