package dev.ecsdeck.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.TaskApi;
import dev.ecsdeck.sim.elb.RuleDescription;
import dev.ecsdeck.sim.elb.TargetGroupDescription;
import dev.ecsdeck.sim.elb.TargetHealthDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario file of the user's with load balancers: names resolved to ARNs, health checks as given, and clear errors for bad names. */
class ScenarioLoadBalancersTest {
    @TempDir
    Path dir;

    private static final String TASK_DEFINITION = """
            {"family": "shop", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
             "containerDefinitions": [{"name": "shop", "image": "acme/shop:%s", "essential": true, "portMappings": [{"containerPort": 8080}]}]}
            """;

    /** A one-service scenario behind an ALB; {@code service} is the service's loadBalancers member, {@code images} the faults. */
    private static String scenario(String service, String images) {
        return """
                {"name": "shop", "warmUpSeconds": 300,
                 "taskDefinitions": [%s, %s],
                 "images": [%s],
                 "loadBalancers": [{"name": "shop-alb", "targetGroups": [
                     {"name": "shop-blue", "targetType": "ip", "port": 8080, "healthCheckPath": "/ping", "healthCheckIntervalSeconds": 10,
                      "unhealthyThresholdCount": 3, "matcher": "200-299", "deregistrationDelaySeconds": 5},
                     {"name": "shop-green", "targetType": "ip", "port": 8080}],
                   "listeners": [
                     {"name": "live", "port": 80, "forward": [{"targetGroup": "shop-blue", "weight": 100}, {"targetGroup": "shop-green", "weight": 0}],
                      "rules": [{"name": "api", "priority": 5, "pathPatterns": ["/api/*"], "forward": [{"targetGroup": "shop-blue"}]}]},
                     {"name": "preview", "port": 8080, "forward": [{"targetGroup": "shop-blue", "weight": 100},
                      {"targetGroup": "shop-green", "weight": 0}]}]}],
                 "clusters": [{"name": "c", "services": [{"name": "shop", "taskDefinition": "shop:1", "desiredCount": 2, "launchType": "FARGATE",
                   "subnets": ["subnet-0a1"], "securityGroups": ["sg-0a1"], "healthCheckGracePeriodSeconds": 45,
                   "deploymentConfiguration": {"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 5},
                   "loadBalancers": [%s]}]}]}
                """.formatted(TASK_DEFINITION.formatted("1"), TASK_DEFINITION.formatted("2"), images, service);
    }

    private static final String BLUE_GREEN = """
            {"targetGroup": "shop-blue", "containerName": "shop", "containerPort": 8080, "advancedConfiguration": {
              "alternateTargetGroup": "shop-green", "productionListenerRule": "live", "testListenerRule": "preview",
              "roleArn": "arn:aws:iam::000000000000:role/ecsInfrastructureRoleForLoadBalancers"}}""";

    private SimEngine open(String json) throws IOException {
        Path file = dir.resolve("shop.json");
        Files.writeString(file, json);
        return Scenarios.open(file.toString(), new ManualClock(DemoSim.START), DemoSim.REGION);
    }

    private static TargetGroupDescription group(SimEngine engine, String name) {
        return engine.loadBalancing().describeTargetGroups(null, null, List.of(name), null, null).items().get(0);
    }

    @Test
    void namesResolveToTheLoadBalancersArnsAndHealthChecksAreAsGiven() throws IOException {
        SimEngine engine = open(scenario(BLUE_GREEN, ""));
        EcsService shop = engine.services().describeServices("c", List.of("shop")).items().get(0);
        LoadBalancer lb = shop.loadBalancers().get(0);
        assertEquals(group(engine, "shop-blue").targetGroupArn(), lb.targetGroupArn());
        assertEquals(group(engine, "shop-green").targetGroupArn(), lb.advancedConfiguration().alternateTargetGroupArn());
        assertEquals(45, shop.healthCheckGracePeriodSeconds());

        TargetGroupDescription blue = group(engine, "shop-blue");
        assertEquals("/ping", blue.healthCheckPath());
        assertEquals(10, blue.healthCheckIntervalSeconds());
        assertEquals(3, blue.unhealthyThresholdCount());
        assertEquals("200-299", blue.matcher().httpCode());
        assertEquals("ip", blue.targetType());

        String lbArn = engine.loadBalancing().describeLoadBalancers(null, List.of("shop-alb"), null, null).items().get(0).loadBalancerArn();
        Map<Integer, List<RuleDescription>> rulesByPort = engine.loadBalancing().describeListeners(lbArn, null, null, null).items().stream()
                .collect(Collectors.toMap(l -> l.port(), l -> engine.loadBalancing().describeRules(l.listenerArn(), null, null, null).items()));
        RuleDescription liveDefault = rulesByPort.get(80).stream().filter(r -> Boolean.TRUE.equals(r.isDefault())).findFirst().orElseThrow();
        assertEquals(liveDefault.ruleArn(), lb.advancedConfiguration().productionListenerRule(), "\"live\" is the live listener's default rule");
        assertTrue(rulesByPort.get(8080).stream().anyMatch(r -> r.ruleArn().equals(lb.advancedConfiguration().testListenerRule())));
        RuleDescription api = rulesByPort.get(80).stream().filter(r -> "5".equals(r.priority())).findFirst().orElseThrow();
        assertEquals("/api/*", api.conditions().get(0).pathPatternConfig().values().get(0));

        List<TargetHealthDescription> targets = engine.loadBalancing().describeTargetHealth(blue.targetGroupArn(), null);
        assertEquals(2, targets.size());
        assertTrue(targets.stream().allMatch(t -> "healthy".equals(t.targetHealth().state())), targets.toString());
    }

    @Test
    void anImageThatFailsItsTargetHealthHasItsTasksReplacedAfterTheGracePeriod() throws IOException {
        SimEngine engine = open(scenario(BLUE_GREEN, """
                {"image": "acme/shop:1", "fault": "failTargetHealth", "afterSeconds": 120}"""));
        String blue = group(engine, "shop-blue").targetGroupArn();
        List<String> stoppedArns = engine.tasks().listTasks("c", new TaskApi.Filter("shop", null, null, null, "STOPPED", null), null, 100)
                .items();
        List<EcsTask> stopped = engine.tasks().describeTasks("c", stoppedArns).items();
        assertEquals(2, stopped.size(), "both first tasks failed their health checks from two minutes after they started");
        for (EcsTask t : stopped) {
            assertEquals("Task failed ELB health checks in (target-group " + blue + ")", t.stoppedReason());
            assertTrue(!t.stoppingAt().isBefore(t.startedAt().plusSeconds(120)), "not before the image starts failing");
        }
    }

    @Test
    void aNameTheScenarioDoesNotDefineIsSaid() throws IOException {
        String badGroup = BLUE_GREEN.replace("\"targetGroup\": \"shop-blue\"", "\"targetGroup\": \"shop-purple\"");
        IllegalArgumentException group = assertThrows(IllegalArgumentException.class,
                () -> open(scenario(badGroup, "")).services().listServices("c", null, null, null, null));
        assertEquals("The service shop names target group 'shop-purple', which the scenario does not define.", group.getMessage());
        String badRule = BLUE_GREEN.replace("\"productionListenerRule\": \"live\"", "\"productionListenerRule\": \"live/nope\"");
        IllegalArgumentException rule = assertThrows(IllegalArgumentException.class,
                () -> open(scenario(badRule, "")).services().listServices("c", null, null, null, null));
        assertTrue(rule.getMessage().startsWith("The service shop names listener rule 'live/nope', which the scenario does not define"),
                rule.getMessage());
    }

    @Test
    void theDemoStillLoadsWithEveryNewMemberAndTheLargeScenarioHasNoLoadBalancers() {
        Scenario demo = Scenarios.load("demo");
        assertEquals(2, demo.loadBalancers().size());
        assertEquals(1, demo.lambdaHooks().size());
        SimEngine large = Scenarios.open("large:clusters=1,services=3,tasks=6", new ManualClock(DemoSim.START), DemoSim.REGION);
        assertEquals(3, large.services().listServices("large-01", null, null, null, null).items().size());
        assertEquals(0, large.loadBalancing().describeLoadBalancers(null, null, null, null).items().size());
    }
}
