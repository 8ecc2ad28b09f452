package dev.ecsdeck.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.TaskApi;
import dev.ecsdeck.sim.elb.ListenerDescription;
import dev.ecsdeck.sim.elb.RuleDescription;
import dev.ecsdeck.sim.elb.TargetGroupDescription;
import dev.ecsdeck.sim.elb.TargetHealthDescription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo as a user finds it when the window opens (the manual clock at {@link DemoSim#START}):
 * prod-web behind an application load balancer, a blue/green deployment baking, a canary held at a
 * PAUSE hook, a linear deployment stepping, a bridge service's tasks as instance targets on
 * dynamic host ports, and one of them failing its target group's health checks.
 */
class DemoLoadBalancingScenarioTest {
    private static final String ROLE = "arn:aws:iam::000000000000:role/ecsInfrastructureRoleForLoadBalancers";
    private final ManualClock clock = DemoSim.startClock();
    private final SimEngine engine = DemoSim.demoEngine(clock);

    private EcsService service(String cluster, String name) {
        return engine.services().describeServices(cluster, List.of(name)).items().get(0);
    }

    private ServiceDeployment current(String service) {
        String arn = engine.serviceDeployments().listServiceDeployments("prod-web", service, null, null, null, null, null).items().get(0)
                .serviceDeploymentArn();
        return engine.serviceDeployments().describeServiceDeployments(List.of(arn)).items().get(0);
    }

    private TargetGroupDescription group(String name) {
        return engine.loadBalancing().describeTargetGroups(null, null, List.of(name), null, null).items().get(0);
    }

    private List<TargetHealthDescription> health(String groupName) {
        return engine.loadBalancing().describeTargetHealth(group(groupName).targetGroupArn(), null);
    }

    private ListenerDescription listener(String loadBalancer, int port) {
        String lb = engine.loadBalancing().describeLoadBalancers(null, List.of(loadBalancer), null, null).items().get(0).loadBalancerArn();
        return engine.loadBalancing().describeListeners(lb, null, null, null).items().stream().filter(l -> l.port() == port).findFirst()
                .orElseThrow();
    }

    private Set<String> ruleArns(ListenerDescription l) {
        return engine.loadBalancing().describeRules(l.listenerArn(), null, null, null).items().stream().map(RuleDescription::ruleArn)
                .collect(Collectors.toSet());
    }

    private List<EcsTask> running(String cluster, String service) {
        List<String> arns = engine.tasks().listTasks(cluster, new TaskApi.Filter(service, null, null, null, "RUNNING", null), null, 100).items();
        return engine.tasks().describeTasks(cluster, arns).items().stream().filter(t -> "RUNNING".equals(t.lastStatus())).toList();
    }

    private static int hostPort(EcsTask t) {
        return t.containers().get(0).networkBindings().get(0).hostPort();
    }

    private String ec2Instance(EcsTask t) {
        return engine.clusters().describeContainerInstances("prod-batch", List.of(t.containerInstanceArn())).items().get(0).ec2InstanceId();
    }

    private static String ipOf(EcsTask t) {
        return t.attachments().get(0).details().stream().filter(d -> d.name().equals("privateIPv4Address")).findFirst().orElseThrow().value();
    }

    @Test
    void prodWebIsBehindAnApplicationLoadBalancerReadyForBlueGreen() {
        ListenerDescription production = listener("prod-web-alb", 80);
        ListenerDescription test = listener("prod-web-alb", 8080);
        for (String name : List.of("web", "checkout", "catalog", "search")) {
            EcsService svc = service("prod-web", name);
            assertEquals(1, svc.loadBalancers().size(), name);
            LoadBalancer lb = svc.loadBalancers().get(0);
            assertEquals(group(name + "-blue").targetGroupArn(), lb.targetGroupArn(), name);
            assertEquals(name, lb.containerName());
            assertNotNull(lb.advancedConfiguration(), name + " is blue/green-ready");
            assertEquals(group(name + "-green").targetGroupArn(), lb.advancedConfiguration().alternateTargetGroupArn(), name);
            assertTrue(ruleArns(production).contains(lb.advancedConfiguration().productionListenerRule()), name + ": a rule of port 80");
            assertTrue(ruleArns(test).contains(lb.advancedConfiguration().testListenerRule()), name + ": a rule of port 8080");
            assertEquals(ROLE, lb.advancedConfiguration().roleArn());
        }
        Set<String> webIps = running("prod-web", "web").stream().map(DemoLoadBalancingScenarioTest::ipOf).collect(Collectors.toSet());
        List<TargetHealthDescription> webTargets = health("web-blue");
        assertEquals(4, webIps.size());
        assertEquals(webIps, webTargets.stream().map(t -> t.target().id()).collect(Collectors.toSet()), "web's tasks are its targets, by IP");
        assertTrue(webTargets.stream().allMatch(t -> t.target().port() == 80 && "healthy".equals(t.targetHealth().state())), webTargets.toString());
        assertEquals(3, health("checkout-blue").size(), "checkout's running revision serves from its blue group");
        assertEquals(3, health("checkout-green").size(), "its canary revision is scaled up in the green group");
    }

    @Test
    void catalogsBlueGreenDeploymentIsInItsBakeTimeWhenTheWindowOpensAndLongAfter() {
        ServiceDeployment sd = current("catalog");
        assertEquals("BLUE_GREEN", sd.deploymentConfiguration().strategy());
        assertEquals("IN_PROGRESS", sd.status());
        assertEquals("BAKE_TIME", sd.lifecycleStage());
        assertEquals(100.0, sd.targetServiceRevision().requestedProductionTrafficWeight());
        assertEquals(2, sd.targetServiceRevision().runningTaskCount());
        assertEquals(2, sd.sourceServiceRevisions().get(0).runningTaskCount(), "blue keeps its tasks through the bake");
        clock.advance(Duration.ofMinutes(30));
        assertEquals("BAKE_TIME", current("catalog").lifecycleStage(), "still baking half an hour later");
        clock.advance(Duration.ofMinutes(35));
        assertEquals("SUCCESSFUL", current("catalog").status(), "the hour's bake is over an hour after the window opened");
    }

    @Test
    void checkoutsCanaryIsHeldAtAPauseHookAwaitingAction() {
        ServiceDeployment sd = current("checkout");
        assertEquals("CANARY", sd.deploymentConfiguration().strategy());
        assertEquals("IN_PROGRESS", sd.status());
        assertEquals("POST_TEST_TRAFFIC_SHIFT", sd.lifecycleStage());
        ServiceDeployment.DeploymentLifecycleHookDetail smoke = sd.lifecycleHookDetails().stream()
                .filter(h -> "AWS_LAMBDA".equals(h.targetType())).findFirst().orElseThrow();
        assertEquals("SUCCEEDED", smoke.status(), "the smoke-test function answered at POST_SCALE_UP");
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:checkout-smoke-test", smoke.targetArn());
        ServiceDeployment.DeploymentLifecycleHookDetail pause = sd.lifecycleHookDetails().stream()
                .filter(h -> "PAUSE".equals(h.targetType())).findFirst().orElseThrow();
        assertEquals("AWAITING_ACTION", pause.status());
        assertNull(pause.expiresAt(), "no timeout: it waits for the user");
        assertEquals(100.0, sd.targetServiceRevision().requestedTestTrafficWeight(), "test traffic is on the new revision");
        assertEquals(0.0, sd.targetServiceRevision().requestedProductionTrafficWeight(), "no production traffic yet");

        clock.advance(Duration.ofHours(1));
        ServiceDeployment later = current("checkout");
        assertEquals("POST_TEST_TRAFFIC_SHIFT", later.lifecycleStage(), "still held an hour later");
        assertTrue(later.lifecycleHookDetails().stream().anyMatch(h -> "PAUSE".equals(h.targetType()) && "AWAITING_ACTION".equals(h.status())));
    }

    @Test
    void searchsLinearDeploymentStepsEveryThreeMinutesWhileTheUserWatches() {
        assertEquals("LINEAR", current("search").deploymentConfiguration().strategy());
        List<Double> shares = new ArrayList<>();
        List<Instant> when = new ArrayList<>();
        Instant open = clock.now();
        for (int s = 0; s <= 12 * 60; s += 10) {
            ServiceDeployment sd = current("search");
            assertEquals("PRODUCTION_TRAFFIC_SHIFT", sd.lifecycleStage(), "stepping through the first twelve minutes");
            double share = sd.targetServiceRevision().requestedProductionTrafficWeight();
            if (shares.isEmpty() || share != shares.get(shares.size() - 1)) {
                shares.add(share);
                when.add(clock.now());
            }
            clock.advance(Duration.ofSeconds(10));
        }
        assertTrue(shares.get(0) > 0 && shares.get(0) < 50, "a share of production has moved when the window opens: " + shares);
        assertEquals(5, shares.size(), "four more steps in twelve minutes: " + shares);
        for (int i = 1; i < shares.size(); i++) {
            assertEquals(shares.get(i - 1) + 10.0, shares.get(i), 1e-9, "10% a step: " + shares);
            if (i > 1) {
                assertEquals(Duration.ofMinutes(3), Duration.between(when.get(i - 1), when.get(i)), "every stepBakeTimeInMinutes");
            }
        }
        assertTrue(!when.get(1).isAfter(open.plus(Duration.ofMinutes(3))), "the first step after the window opens comes within 3 minutes");
    }

    @Test
    void reportsWorkersBridgeTasksAreInstanceTargetsOnDynamicHostPortsAndOneFailsItsHealthChecks() {
        EcsService svc = service("prod-batch", "reports-worker");
        assertEquals(group("reports").targetGroupArn(), svc.loadBalancers().get(0).targetGroupArn());
        assertEquals("instance", group("reports").targetType());
        List<TargetHealthDescription> targets = health("reports");
        List<EcsTask> tasks = running("prod-batch", "reports-worker");
        assertEquals(4, tasks.size());
        assertEquals(4, targets.size(), targets.toString());
        for (EcsTask t : tasks) {
            assertTrue(hostPort(t) >= 32768 && hostPort(t) <= 60999, "a dynamic host port: " + hostPort(t));
            assertTrue(ec2Instance(t).startsWith("i-"), ec2Instance(t));
            assertTrue(targets.stream().anyMatch(x -> x.target().id().equals(ec2Instance(t)) && x.target().port() == hostPort(t)),
                    "the task is a target by its instance and host port " + hostPort(t) + ": " + targets);
        }
        List<TargetHealthDescription> unhealthy = targets.stream().filter(t -> "unhealthy".equals(t.targetHealth().state())).toList();
        assertEquals(1, unhealthy.size(), "one task fails its health checks: " + targets);
        assertEquals("Target.ResponseCodeMismatch", unhealthy.get(0).targetHealth().reason());
        assertEquals(3, targets.stream().filter(t -> "healthy".equals(t.targetHealth().state())).count());
        EcsTask failing = tasks.stream().filter(t -> ec2Instance(t).equals(unhealthy.get(0).target().id())
                && hostPort(t) == unhealthy.get(0).target().port()).findFirst().orElseThrow();

        // ECS leaves it for the service's health check grace period (20 minutes after the task started), then replaces it.
        Instant replacedBy = failing.startedAt().plusSeconds(svc.healthCheckGracePeriodSeconds());
        assertTrue(replacedBy.isAfter(clock.now().plus(Duration.ofMinutes(2))), "visibly unhealthy for a few minutes: until " + replacedBy);
        clock.advance(Duration.between(clock.now(), replacedBy).minusSeconds(2));
        assertEquals("RUNNING", engine.tasks().describeTasks("prod-batch", List.of(failing.taskArn())).items().get(0).lastStatus());
        clock.advance(Duration.ofMinutes(3));
        EcsTask stopped = engine.tasks().describeTasks("prod-batch", List.of(failing.taskArn())).items().get(0);
        assertEquals("Task failed ELB health checks in (target-group " + group("reports").targetGroupArn() + ")", stopped.stoppedReason());
        List<TargetHealthDescription> after = health("reports").stream().filter(t -> !"draining".equals(t.targetHealth().state())).toList();
        assertEquals(4, after.size(), after.toString());
        assertTrue(after.stream().allMatch(t -> "healthy".equals(t.targetHealth().state())), "its replacement is healthy: " + after);
    }
}
