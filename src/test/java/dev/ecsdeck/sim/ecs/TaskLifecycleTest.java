package dev.ecsdeck.sim.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.sim.SimFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A task goes through ECS's lifecycle; essential exits, failed health checks and lost hosts stop it as ECS says. */
class TaskLifecycleTest {
    private final SimFixture sim = new SimFixture();

    private EcsTask describe(String arn) {
        return sim.engine.tasks().describeTasks(sim.cluster, List.of(arn)).items().get(0);
    }

    /** The distinct lastStatus values the task shows, second by second, until it reaches {@code last}. */
    private List<String> statusesUntil(String arn, String last) {
        List<String> seen = new ArrayList<>();
        for (int s = 0; s < 600; s++) {
            String status = describe(arn).lastStatus();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            if (status.equals(last)) {
                return seen;
            }
            sim.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("never reached " + last + ": " + seen);
    }

    @Test
    void anAwsvpcTaskProvisionsAndDeprovisions() {
        String td = sim.fargateTaskDefinition("job", "acme/job:1");
        EcsTask task = sim.engine.tasks().runTask(new RunTaskRequest(sim.cluster, td, 1, "FARGATE", SimFixture.VPC, null, null,
                "me", null)).items().get(0);
        assertEquals("RUNNING", task.desiredStatus());
        assertEquals(List.of("PROVISIONING", "PENDING", "ACTIVATING", "RUNNING"), statusesUntil(task.taskArn(), "RUNNING"));
        EcsTask running = describe(task.taskArn());
        assertNotNull(running.startedAt());
        assertTrue(running.pullStartedAt().isBefore(running.pullStoppedAt()));
        assertEquals("family:job", running.group());

        sim.engine.tasks().stopTask(sim.cluster, task.taskArn(), "done with it");
        assertEquals(List.of("RUNNING", "DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED"), statusesUntil(task.taskArn(), "STOPPED"));
        EcsTask stopped = describe(task.taskArn());
        assertEquals("UserInitiated", stopped.stopCode());
        assertEquals("done with it", stopped.stoppedReason());
        assertNotNull(stopped.stoppedAt());
        assertNotNull(stopped.containers().get(0).exitCode());
    }

    @Test
    void aBridgeTaskSkipsTheNetworkSteps() {
        sim.instances(1, 2048, 4096, "a");
        String td = sim.ec2TaskDefinition("worker", 256, 256, null);
        EcsTask task = sim.engine.tasks().runTask(new RunTaskRequest(sim.cluster, td, 1, "EC2", null, null, null, null, null))
                .items().get(0);
        assertEquals(List.of("PENDING", "ACTIVATING", "RUNNING"), statusesUntil(task.taskArn(), "RUNNING"));
        sim.engine.tasks().stopTask(sim.cluster, task.taskArn(), null);
        assertEquals(List.of("RUNNING", "STOPPING", "STOPPED"), statusesUntil(task.taskArn(), "STOPPED"));
        assertEquals("Task stopped by user", describe(task.taskArn()).stoppedReason());
    }

    @Test
    void anEssentialContainerExitStopsTheTaskWithItsExitCode() {
        sim.engine.crashLoopImage("acme/crash:1", Duration.ofSeconds(3), 2);
        String td = sim.fargateTaskDefinition("crash", "acme/crash:1");
        EcsTask task = sim.engine.tasks().runTask(new RunTaskRequest(sim.cluster, td, 1, "FARGATE", SimFixture.VPC, null, null, null,
                null)).items().get(0);
        statusesUntil(task.taskArn(), "STOPPED");
        EcsTask stopped = describe(task.taskArn());
        assertEquals("EssentialContainerExited", stopped.stopCode());
        assertEquals("Essential container in task exited", stopped.stoppedReason());
        assertEquals(2, stopped.containers().get(0).exitCode());
        assertEquals("Process exited with code 2", stopped.containers().get(0).reason());
    }

    @Test
    void aFailingHealthCheckMakesAServiceTaskUnhealthyAndStopsIt() {
        sim.engine.failHealthCheckOfImage("acme/sick:1", Duration.ofMinutes(3));
        String td = sim.engine.taskDefinitions().register("""
                {"family": "sick", "containerDefinitions": [{"name": "app", "image": "acme/sick:1", "memory": 128,
                  "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "interval": 30, "retries": 3}}]}
                """).familyRevision();
        sim.instances(1, 2048, 4096, "a");
        sim.engine.services().createService(new CreateServiceRequest(sim.cluster, "sick", td, 1, "EC2", null, "REPLICA", null, null,
                null, null, null, null, null));
        sim.advanceUntil("a task", Duration.ofMinutes(1), () -> !sim.running("sick").isEmpty());
        String arn = sim.running("sick").get(0).taskArn();
        statusesUntil(arn, "RUNNING");
        sim.advance(Duration.ofMinutes(1));
        assertEquals("HEALTHY", describe(arn).healthStatus());
        statusesUntil(arn, "STOPPED");
        EcsTask stopped = describe(arn);
        assertEquals("UNHEALTHY", stopped.healthStatus());
        assertEquals("TaskFailedToStart", stopped.stopCode());
        assertEquals("Task failed container health checks: container app is unhealthy", stopped.stoppedReason());
    }

    @Test
    void aLostInstanceStopsItsTasksAndTheServiceReplacesThem() {
        sim.instances(2, 4096, 8192, "a", "b");
        String td = sim.ec2TaskDefinition("web", 256, 256, null);
        sim.engine.services().createService(new CreateServiceRequest(sim.cluster, "web", td, 4, "EC2", null, "REPLICA", null, null,
                null, List.of(new dev.ecsdeck.model.PlacementStrategy("spread", "instanceId")), null, null, null));
        sim.advanceUntil("steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("web")));
        String lost = sim.running("web").get(0).containerInstanceArn();
        sim.engine.clusters().loseInstance(sim.cluster, lost);
        sim.advanceUntil("replaced on the other instance", Duration.ofMinutes(5), () -> sim.service("web").runningCount() == 4
                && sim.running("web").stream().noneMatch(t -> lost.equals(t.containerInstanceArn()) && "RUNNING".equals(t.desiredStatus())));
        assertTrue(sim.tasks("web", "STOPPED").stream().anyMatch(t -> t.stoppedReason().startsWith("Host EC2 (instance i-")
                && t.stoppedReason().endsWith(") terminated.")));
    }
}
