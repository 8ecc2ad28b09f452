package dev.ecsdeck.sim.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.AwsVpcConfiguration;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.AlbFixture;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.CreateTaskSetRequest;
import dev.ecsdeck.sim.ecs.TaskApi;
import dev.ecsdeck.sim.ecs.TaskSetApi;
import dev.ecsdeck.sim.ecs.TaskSetInfo;
import dev.ecsdeck.sim.elb.TargetHealthDescription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An EXTERNAL service's task sets behind a load balancer: their tasks register in the task set's target
 * group, and the task sets, their scales and statuses survive the state file; the twin goes on the same way.
 */
class TaskSetStateFileTest {
    private static final String CLUSTER = "test";
    private static final NetworkConfiguration VPC = new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-0aa"), null, null));

    @TempDir
    Path dir;

    private static String everything(SimEngine engine) {
        TaskSetApi taskSets = new TaskSetApi(engine);
        List<String> running = engine.tasks().listTasks(CLUSTER, new TaskApi.Filter("web", null, null, null, "RUNNING", null), null, 100).items();
        return engine.now() + "\n" + taskSets.describeTaskSets(CLUSTER, "web", null, List.of("TAGS")).items() + "\n"
                + engine.services().describeServices(CLUSTER, List.of("web")).items() + "\n"
                + (running.isEmpty() ? "" : engine.tasks().describeTasks(CLUSTER, running).items());
    }

    @Test
    void loadBalancedTaskSetsRegisterTheirTasksAndSurviveTheStateFile() {
        ManualClock clock = DemoSim.startClock();
        SimEngine engine = DemoSim.emptyEngine(clock, 7);
        engine.clusters().createCluster(CLUSTER, null, null, null);
        AlbFixture alb = AlbFixture.create(engine, "web-alb", "ip", 8080, 20);
        engine.taskDefinitions().register("""
                {"family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
                 "containerDefinitions": [{"name": "app", "image": "acme/web:1", "essential": true, "portMappings": [{"containerPort": 8080}]}]}
                """);
        TaskSetApi taskSets = new TaskSetApi(engine);
        taskSets.createExternalService(new TaskSetApi.ExternalServiceRequest(CLUSTER, "web", 4, null, null, null, null, null, null, null, null));
        LoadBalancer blueLb = new LoadBalancer(alb.blueGroup(), null, "app", 8080, null);
        TaskSetInfo blue = taskSets.createTaskSet(new CreateTaskSetRequest(CLUSTER, "web", "blue", "web", VPC, List.of(blueLb), null,
                "FARGATE", null, null, new TaskSetInfo.Scale(50.0, "PERCENT"), null, List.of(new Tag("side", "blue"))));
        taskSets.updateServicePrimaryTaskSet(CLUSTER, "web", blue.id());
        clock.advance(Duration.ofMinutes(3));
        List<TargetHealthDescription> targets = engine.loadBalancing().describeTargetHealth(alb.blueGroup(), null);
        assertEquals(2, targets.size(), "blue's two tasks are registered in its target group: " + targets);
        assertTrue(targets.stream().allMatch(t -> "healthy".equals(t.targetHealth().state())), targets.toString());
        TaskSetInfo steady = taskSets.describeTaskSets(CLUSTER, "web", List.of(blue.id()), null).items().get(0);
        assertEquals("STEADY_STATE", steady.stabilityStatus(), "healthy in the target group, blue is steady");
        assertEquals(List.of(blueLb), engine.services().describeServices(CLUSTER, List.of("web")).items().get(0).loadBalancers(),
                "the service shows its primary task set's load balancers");
        TaskSetInfo green = taskSets.createTaskSet(new CreateTaskSetRequest(CLUSTER, "web", "green", "web", VPC,
                List.of(new LoadBalancer(alb.greenGroup(), null, "app", 8080, null)), null, "FARGATE", null, null,
                new TaskSetInfo.Scale(25.0, "PERCENT"), null, null));
        clock.advance(Duration.ofSeconds(20));

        Path file = dir.resolve("sim.json");
        new SimStateStore(file, "task-sets").save(engine);
        ManualClock twinClock = new ManualClock(clock.now());
        SimEngine twin = new SimStateStore(file, "task-sets").load(twinClock);
        StateAssertions.assertSameState(everything(engine), everything(twin), "right after the restore");
        assertEquals("PRIMARY", new TaskSetApi(twin).describeTaskSets(CLUSTER, "web", List.of(blue.id()), null).items().get(0).status());

        for (SimEngine e : List.of(engine, twin)) {
            new TaskSetApi(e).deleteTaskSet(CLUSTER, "web", blue.id(), true);
        }
        for (int s = 0; s < 180; s++) {
            clock.advance(Duration.ofSeconds(1));
            twinClock.advance(Duration.ofSeconds(1));
        }
        StateAssertions.assertSameState(everything(engine), everything(twin), "three minutes on");
        assertEquals(List.of(green.id()), new TaskSetApi(twin).describeTaskSets(CLUSTER, "web", null, null).items().stream()
                .map(TaskSetInfo::id).toList(), "blue drained and is gone");
        assertEquals(1, twin.loadBalancing().describeTargetHealth(alb.greenGroup(), null).size(), "green's task registered in green");
        assertTrue(twin.loadBalancing().describeTargetHealth(alb.blueGroup(), null).stream()
                .noneMatch(t -> "healthy".equals(t.targetHealth().state())), "blue's targets deregistered");
    }
}
