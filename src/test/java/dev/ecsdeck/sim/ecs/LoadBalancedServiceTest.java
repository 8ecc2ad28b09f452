package dev.ecsdeck.sim.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.sim.AlbFixture;
import dev.ecsdeck.sim.SimFixture;
import dev.ecsdeck.sim.elb.TargetDescription;
import dev.ecsdeck.sim.elb.TargetHealthDescription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** ECS and the load balancer: tasks as targets (by IP; by instance and dynamic host port), target health, ELB health failures. */
class LoadBalancedServiceTest {
    private final SimFixture sim = new SimFixture();

    private List<TargetHealthDescription> health(String group) {
        return sim.engine.loadBalancing().describeTargetHealth(group, null);
    }

    private String status(EcsTask t) {
        return sim.engine.tasks().describeTasks(sim.cluster, List.of(t.taskArn())).items().get(0).lastStatus();
    }

    private static String ipOf(EcsTask t) {
        return t.attachments().get(0).details().stream().filter(d -> d.name().equals("privateIPv4Address")).findFirst().orElseThrow().value();
    }

    @Test
    void awsvpcTasksAreTargetsByIpAndContainerPortAndHealthyOnlyOnceTheTargetIs() {
        AlbFixture alb = AlbFixture.create(sim.engine, "api-alb", "ip", 8080, 30);
        String v1 = sim.fargateTaskDefinition("api", "acme/api:1");
        sim.engine.services().createService(new CreateServiceRequest(sim.cluster, "api", v1, 3, "FARGATE", null, "REPLICA",
                SimFixture.config(100, 200, false, false), SimFixture.VPC, null, null,
                List.of(new LoadBalancer(alb.blueGroup(), null, "app", 8080)), null, null));
        sim.advanceUntil("steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("api")));

        Set<String> ips = sim.running("api").stream().map(LoadBalancedServiceTest::ipOf).collect(Collectors.toSet());
        List<TargetHealthDescription> targets = health(alb.blueGroup());
        assertEquals(ips, targets.stream().map(t -> t.target().id()).collect(Collectors.toSet()));
        assertTrue(targets.stream().allMatch(t -> t.target().port() == 8080 && "healthy".equals(t.targetHealth().state())));

        // A stopped task is deregistered: it drains for the group's delay, then is gone.
        EcsTask first = sim.running("api").get(0);
        sim.engine.tasks().stopTask(sim.cluster, first.taskArn(), "test");
        sim.advance(Duration.ofSeconds(1));
        TargetHealthDescription draining = health(alb.blueGroup()).stream().filter(t -> t.target().id().equals(ipOf(first))).findFirst()
                .orElseThrow();
        assertEquals("draining", draining.targetHealth().state());
        assertEquals("Target.DeregistrationInProgress", draining.targetHealth().reason());
        assertEquals("DEACTIVATING", status(first));
        sim.advance(Duration.ofSeconds(28));
        assertEquals("DEACTIVATING", status(first), "the task waits while its connections drain");
        sim.advance(Duration.ofSeconds(3));
        assertFalse(health(alb.blueGroup()).stream().anyMatch(t -> t.target().id().equals(ipOf(first))), "gone after the delay");
        assertFalse("DEACTIVATING".equals(status(first)), "then it goes on stopping");
    }

    @Test
    void aTaskFailingItsTargetGroupsHealthChecksIsReplacedAndTripsTheBreaker() {
        AlbFixture alb = AlbFixture.create(sim.engine, "api-alb", "ip", 8080, 0);
        String good = sim.fargateTaskDefinition("api", "acme/api:1");
        sim.engine.services().createService(new CreateServiceRequest(sim.cluster, "api", good, 4, "FARGATE", null, "REPLICA",
                SimFixture.config(100, 200, true, true), SimFixture.VPC, null, null,
                List.of(new LoadBalancer(alb.blueGroup(), null, "app", 8080)), 20, null));
        sim.advanceUntil("steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("api")));
        sim.engine.failTargetHealthOfImage("acme/api:2-bad-health", Duration.ZERO);
        String bad = sim.fargateTaskDefinition("api", "acme/api:2-bad-health");
        sim.engine.services().updateService(sim.cluster, "api", null, bad, false, null);

        sim.advanceUntil("rolled back and steady on the good revision", Duration.ofMinutes(30),
                () -> SimFixture.steady(sim.service("api")) && sim.service("api").taskDefinition().endsWith("/" + good));
        String reason = "Task failed ELB health checks in (target-group " + alb.blueGroup() + ")";
        List<EcsTask> failed = sim.tasks("api", "STOPPED").stream().filter(t -> reason.equals(t.stoppedReason())).toList();
        assertTrue(failed.size() >= 3, "at least the breaker's threshold of tasks failed their health checks: " + failed.size());
        for (EcsTask t : failed) {
            assertTrue(t.taskDefinitionArn().endsWith("/" + bad), "only the bad revision's tasks fail");
            assertTrue(!t.stoppingAt().isBefore(t.startedAt().plusSeconds(20)), "not stopped within the grace period");
        }
        List<String> events = sim.eventsOldestFirst("api");
        assertTrue(events.stream().anyMatch(e -> e.endsWith("deployment failed: tasks failed to start.")), events.toString());
        ServiceDeployment sd = sim.engine.serviceDeployments().describeServiceDeployments(List.of(sim.engine.serviceDeployments()
                .listServiceDeployments(sim.cluster, "api", null, null, null, null, null).items().get(0).serviceDeploymentArn())).items().get(0);
        assertEquals("ROLLBACK_SUCCESSFUL", sd.status());
        assertEquals("TRIGGERED", sd.deploymentCircuitBreaker().status());
        assertEquals(3, sd.deploymentCircuitBreaker().threshold());
    }

    @Test
    void bridgeTasksAreInstanceTargetsOnTheirDynamicHostPorts() {
        sim.instances(2, 4096, 8192, "a", "b");
        AlbFixture alb = AlbFixture.create(sim.engine, "batch-alb", "instance", 80, 0);
        String td = sim.engine.taskDefinitions().register("""
                {"family": "worker", "containerDefinitions": [{"name": "app", "image": "acme/worker:1", "cpu": 128, "memory": 256,
                  "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
                """).familyRevision();
        sim.engine.services().createService(new CreateServiceRequest(sim.cluster, "worker", td, 6, "EC2", null, "REPLICA", null, null, null,
                null, List.of(new LoadBalancer(alb.blueGroup(), null, "app", 80)), null, null));
        sim.advanceUntil("steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("worker")));

        List<TargetHealthDescription> targets = health(alb.blueGroup());
        assertEquals(6, targets.size());
        Map<String, List<Integer>> portsByInstance = targets.stream().collect(Collectors.groupingBy(t -> t.target().id(),
                Collectors.mapping(t -> t.target().port(), Collectors.toList())));
        for (var e : portsByInstance.entrySet()) {
            assertTrue(e.getKey().startsWith("i-"), "an EC2 instance id: " + e.getKey());
            assertEquals(e.getValue().size(), Set.copyOf(e.getValue()).size(), "host ports unique on " + e.getKey());
            assertTrue(e.getValue().stream().allMatch(p -> p >= 32768 && p <= 60999), e.getValue().toString());
        }
        for (EcsTask t : sim.running("worker")) {
            int bound = t.containers().get(0).networkBindings().get(0).hostPort();
            assertTrue(targets.stream().anyMatch(x -> x.target().port() == bound && "healthy".equals(x.targetHealth().state())),
                    "the target is the task's bound host port " + bound);
        }
    }

    @Test
    void describingATargetThatIsNotRegisteredSaysSo() {
        AlbFixture alb = AlbFixture.create(sim.engine, "api-alb", "ip", 8080, 0);
        List<TargetHealthDescription> one = sim.engine.loadBalancing().describeTargetHealth(alb.blueGroup(),
                List.of(new TargetDescription("10.0.9.9", 8080, null)));
        assertEquals("unused", one.get(0).targetHealth().state());
        assertEquals("Target.NotRegistered", one.get(0).targetHealth().reason());
    }
}
