package dev.ecsdeck.sim.ecs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.NetworkBinding;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.model.Resource;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.SimFixture;
import dev.ecsdeck.sim.state.SimStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bridge-mode mappings without a host port get one from the ephemeral range 32768–60999, unique on their instance. */
class DynamicHostPortTest {
    private final SimFixture sim = new SimFixture();
    @TempDir
    Path dir;

    /** A bridge task definition: container "web" mapping 8080 dynamically and 80 on host port 80, container "admin" mapping 9090 dynamically. */
    private String mixedTaskDefinition() {
        return sim.engine.taskDefinitions().register("""
                {"family": "mixed", "networkMode": "bridge", "containerDefinitions": [
                  {"name": "web", "image": "acme/web:1", "memory": 64,
                   "portMappings": [{"containerPort": 8080}, {"containerPort": 80, "hostPort": 80}]},
                  {"name": "admin", "image": "acme/admin:1", "memory": 32, "essential": false,
                   "portMappings": [{"containerPort": 9090, "hostPort": 0}]}]}
                """).familyRevision();
    }

    /** A bridge task definition with one dynamically mapped port. */
    private String dynamicTaskDefinition() {
        return sim.engine.taskDefinitions().register("""
                {"family": "dyn", "networkMode": "bridge", "containerDefinitions": [
                  {"name": "app", "image": "acme/app:1", "cpu": 10, "memory": 32, "portMappings": [{"containerPort": 8080}]}]}
                """).familyRevision();
    }

    private List<EcsTask> run(String td, int count, List<PlacementStrategy> strategy) {
        var result = sim.engine.tasks().runTask(new RunTaskRequest(sim.cluster, td, count, "EC2", null, null, strategy, null, null));
        assertTrue(result.failures().isEmpty(), () -> String.valueOf(result.failures()));
        return result.items();
    }

    /** The tasks as DescribeTasks shows them once they are all RUNNING (bindings show from then). */
    private List<EcsTask> whenRunning(SimEngine engine, List<EcsTask> tasks) {
        sim.advanceUntil("running", Duration.ofMinutes(2), () -> describe(engine, tasks).stream().allMatch(t -> "RUNNING".equals(t.lastStatus())));
        return describe(engine, tasks);
    }

    private List<EcsTask> describe(SimEngine engine, List<EcsTask> tasks) {
        return engine.tasks().describeTasks(sim.cluster, tasks.stream().map(EcsTask::taskArn).toList()).items();
    }

    private static int hostPort(EcsTask t) {
        return t.containers().get(0).networkBindings().get(0).hostPort();
    }

    @Test
    void thirtyTasksOnOneInstanceGetThirtyDistinctPortsOfTheEphemeralRange() {
        sim.instances(1, 4096, 8192, "a");
        String td = dynamicTaskDefinition();
        List<EcsTask> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.addAll(run(td, 10, null));
        }
        Set<Integer> ports = new HashSet<>();
        for (EcsTask t : whenRunning(sim.engine, started)) {
            NetworkBinding b = t.containers().get(0).networkBindings().get(0);
            assertEquals(8080, b.containerPort());
            assertTrue(b.hostPort() >= 32768 && b.hostPort() <= 60999, "in 32768-60999: " + b.hostPort());
            ports.add(b.hostPort());
        }
        assertEquals(30, ports.size(), "distinct on the instance");
        ContainerInstance instance = sim.engine.clusters().describeContainerInstances(sim.cluster,
                sim.engine.ecs().instanceIds(sim.cluster)).items().get(0);
        List<String> used = instance.remainingResources().stream().filter(r -> "PORTS".equals(r.name())).findFirst()
                .map(Resource::stringSetValue).orElseThrow();
        assertTrue(ports.stream().allMatch(p -> used.contains(String.valueOf(p))), "the instance shows them taken");
    }

    @Test
    void neverAReservedPortNorOneInUse() {
        SimInstance i = new SimInstance("i", "arn:i", "i-0", 1024, 1024, sim.engine.now());
        for (int p = 32768; p < 51678; p++) {
            i.usedPorts.add(p);
        }
        assertEquals(51680, Placement.dynamicHostPort(i, List.of()), "51678 and 51679 are the agent's");
        assertEquals(51681, Placement.dynamicHostPort(i, List.of(51680)), "nor one of the task's own static ports");
    }

    @Test
    void anInstanceWithNoPortLeftInTheRangeIsRefused() {
        sim.instances(1, 4096, 8192, "a");
        SimInstance i = sim.engine.ecs().clusters.get(sim.cluster).instances.values().iterator().next();
        for (int p = 32768; p <= 60999; p++) {
            i.usedPorts.add(p);
        }
        i.usedPorts.remove(40000);
        String mixed = mixedTaskDefinition();
        var refused = sim.engine.tasks().runTask(new RunTaskRequest(sim.cluster, mixed, 1, "EC2", null, null, null, null, null));
        assertTrue(refused.items().isEmpty(), "two dynamic ports needed, one free");
        assertEquals("RESOURCE:PORTS", refused.failures().get(0).reason());
        assertThat(refused.failures().get(0).detail(), containsString("has insufficient ports available: no free port left in the dynamic "
                + "host port range 32768-60999"));

        List<EcsTask> one = run(dynamicTaskDefinition(), 1, null);
        assertEquals(40000, hostPort(whenRunning(sim.engine, one).get(0)), "one dynamic port fits");
    }

    @Test
    void twoInstancesMayGiveTheSameNumber() {
        sim.instances(2, 4096, 8192, "a", "b");
        List<EcsTask> tasks = whenRunning(sim.engine, run(dynamicTaskDefinition(), 2, List.of(new PlacementStrategy("spread", "instanceId"))));
        assertNotEquals(tasks.get(0).containerInstanceArn(), tasks.get(1).containerInstanceArn());
        assertEquals(32768, hostPort(tasks.get(0)));
        assertEquals(32768, hostPort(tasks.get(1)));
    }

    @Test
    void aStoppedTasksPortIsGivenToTheNextTask() {
        sim.instances(1, 4096, 8192, "a");
        String td = dynamicTaskDefinition();
        List<EcsTask> two = whenRunning(sim.engine, run(td, 2, null));
        EcsTask first = two.get(0);
        int freed = hostPort(first);
        sim.engine.tasks().stopTask(sim.cluster, first.taskArn(), null);
        List<EcsTask> next = run(td, 1, null);
        assertNotEquals(freed, hostPort(whenRunning(sim.engine, next).get(0)), "a stopping task still holds its port");
        sim.advanceUntil("stopped", Duration.ofMinutes(1), () -> "STOPPED".equals(describe(sim.engine, List.of(first)).get(0).lastStatus()));
        List<EcsTask> after = run(td, 1, null);
        assertEquals(freed, hostPort(whenRunning(sim.engine, after).get(0)));
    }

    @Test
    void describeTasksShowsEachContainerPortWithItsHostPortStaticOrDynamic() {
        sim.instances(1, 4096, 8192, "a");
        EcsTask task = whenRunning(sim.engine, run(mixedTaskDefinition(), 1, null)).get(0);
        assertEquals(List.of(new NetworkBinding("0.0.0.0", 8080, 32768, "tcp"), new NetworkBinding("0.0.0.0", 80, 80, "tcp")),
                task.containers().get(0).networkBindings());
        assertEquals(List.of(new NetworkBinding("0.0.0.0", 9090, 32769, "tcp")), task.containers().get(1).networkBindings());
    }

    @Test
    void theStateFileKeepsThePorts() {
        sim.instances(1, 4096, 8192, "a");
        List<EcsTask> started = new ArrayList<>(run(mixedTaskDefinition(), 1, null));
        started.addAll(run(dynamicTaskDefinition(), 1, null));
        List<EcsTask> tasks = whenRunning(sim.engine, started);
        SimStateStore store = new SimStateStore(dir.resolve("sim.json"), "test");
        store.save(sim.engine);
        SimEngine restored = store.load(new ManualClock(sim.engine.now()));
        assertEquals(describe(sim.engine, tasks), describe(restored, tasks));
        List<String> instances = restored.ecs().instanceIds(sim.cluster);
        assertEquals(sim.engine.clusters().describeContainerInstances(sim.cluster, instances).items(),
                restored.clusters().describeContainerInstances(sim.cluster, instances).items());

        var more = restored.tasks().runTask(new RunTaskRequest(sim.cluster, "dyn:1", 1, "EC2", null, null, null, null, null));
        assertEquals(32771, restored.ecs().clusters.get(sim.cluster).tasks.get(SimEcs.nameOf(more.items().get(0).taskArn())).hostPorts.get(0),
                "32768-32770 stay with the restored tasks");
    }
}
