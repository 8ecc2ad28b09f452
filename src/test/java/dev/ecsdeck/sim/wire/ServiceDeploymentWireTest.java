package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerImage;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookDetail;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentLifecycleStage;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentStopType;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * A blue/green deployment driven end to end by the real SDK v2 ECS and ELBv2 clients against one
 * served simulator, on its manual clock: the load balancer, target groups and listeners made over
 * ELB, a BLUE_GREEN service with a PAUSE hook made over ECS; UpdateService rolls it out, the service
 * deployment moves through its stages, the test listener's weights move, the hook waits for
 * ContinueServiceDeployment, production moves, blue drains; a second rollout is stopped with ROLLBACK.
 */
class ServiceDeploymentWireTest {
    private static final String CLUSTER = "bg";
    private static final String ROLE = "arn:aws:iam::000000000000:role/ecsInfrastructureRoleForLoadBalancers";
    private static final String IMAGE = "public.ecr.aws/nginx/nginx:1.";

    private WireFixture sim;
    private EcsClient ecs;
    private ElasticLoadBalancingV2Client elb;
    private String blue;
    private String green;
    private String productionRule;
    private String testRule;

    @BeforeEach
    void start() throws IOException {
        sim = new WireFixture();
        ecs = SdkClients.against(sim.endpoint(), EcsClient.builder());
        elb = SdkClients.against(sim.endpoint(), ElasticLoadBalancingV2Client.builder());
    }

    @AfterEach
    void close() {
        ecs.close();
        elb.close();
        sim.close();
    }

    /** The ALB with a production listener (80) and a test listener (8080), both forwarding to blue, and two ip target groups. */
    private void loadBalancer() {
        String lb = elb.createLoadBalancer(r -> r.name("bg-alb").subnets("subnet-0aa", "subnet-0bb")).loadBalancers().get(0).loadBalancerArn();
        blue = elb.createTargetGroup(r -> r.name("bg-blue").protocol(ProtocolEnum.HTTP).port(80).vpcId("vpc-0abc").targetType(TargetTypeEnum.IP)
                .healthCheckIntervalSeconds(10)).targetGroups().get(0).targetGroupArn();
        green = elb.createTargetGroup(r -> r.name("bg-green").protocol(ProtocolEnum.HTTP).port(80).vpcId("vpc-0abc").targetType(TargetTypeEnum.IP)
                .healthCheckIntervalSeconds(10)).targetGroups().get(0).targetGroupArn();
        String production = elb.createListener(r -> r.loadBalancerArn(lb).protocol(ProtocolEnum.HTTP).port(80)
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(blue))).listeners().get(0).listenerArn();
        String test = elb.createListener(r -> r.loadBalancerArn(lb).protocol(ProtocolEnum.HTTP).port(8080)
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(g -> g.targetGroupArn(blue).weight(100),
                        g -> g.targetGroupArn(green).weight(0))))).listeners().get(0).listenerArn();
        productionRule = defaultRule(production);
        testRule = defaultRule(test);
    }

    private String defaultRule(String listenerArn) {
        Rule rule = elb.describeRules(r -> r.listenerArn(listenerArn)).rules().stream().filter(Rule::isDefault).findFirst().orElseThrow();
        return rule.ruleArn();
    }

    private String register(int minor) {
        return ecs.registerTaskDefinition(r -> r.family("web-bg").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("web").image(IMAGE + minor).essential(true)
                        .portMappings(p -> p.containerPort(80)))).taskDefinition().taskDefinitionArn();
    }

    private Service createService(String taskDefinition) {
        return ecs.createService(r -> r.cluster(CLUSTER).serviceName("web").taskDefinition(taskDefinition).desiredCount(2)
                .launchType(LaunchType.FARGATE).healthCheckGracePeriodSeconds(60)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0aa", "subnet-0bb")))
                .loadBalancers(l -> l.targetGroupArn(blue).containerName("web").containerPort(80).advancedConfiguration(a -> a
                        .alternateTargetGroupArn(green).productionListenerRule(productionRule).testListenerRule(testRule).roleArn(ROLE)))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(2)
                        .lifecycleHooks(h -> h.targetType("PAUSE").lifecycleStagesWithStrings("POST_TEST_TRAFFIC_SHIFT")
                                .timeoutConfiguration(t -> t.timeoutInMinutes(60).action("ROLLBACK"))))).service();
    }

    @Test
    void aBlueGreenDeploymentPausesMovesTrafficAndCompletesThenASecondIsRolledBack() {
        loadBalancer();
        ecs.createCluster(r -> r.clusterName(CLUSTER));
        String first = register(27);
        String second = register(28);
        Service created = createService(first);
        assertEquals("BLUE_GREEN", created.deploymentConfiguration().strategyAsString());
        assertEquals(ROLE, created.loadBalancers().get(0).advancedConfiguration().roleArn(), "advancedConfiguration bound and answered");
        assertEquals(60, created.deploymentConfiguration().lifecycleHooks().get(0).timeoutConfiguration().timeoutInMinutes());
        advanceUntil("the first revision's two tasks are healthy in blue", () -> healthy(blue).size() == 2);
        String firstDeployment = deployments().get(0).serviceDeploymentArn();
        advanceUntil("the first service deployment succeeds", () -> describe(firstDeployment).status() == ServiceDeploymentStatus.SUCCESSFUL);
        List<String> blueIps = ips(first);
        assertEquals(new TreeSet<>(blueIps), new TreeSet<>(healthy(blue)), "the tasks' IPs are blue's healthy targets");
        assertEquals(Map.of(blue, 100, green, 0), weights(productionRule));

        Instant updatedAt = sim.clock.now();
        Service updated = ecs.updateService(r -> r.cluster(CLUSTER).service("web").taskDefinition(second)).service();
        assertEquals(second, updated.taskDefinition());
        List<ServiceDeploymentBrief> listed = deployments();
        assertEquals(2, listed.size());
        assertEquals(ServiceDeploymentStatus.IN_PROGRESS, listed.get(0).status(), "newest first");
        assertEquals(List.of(listed.get(0).serviceDeploymentArn()), ecs.listServiceDeployments(r -> r.cluster(CLUSTER).service("web")
                .createdAt(c -> c.after(updatedAt))).serviceDeployments().stream().map(ServiceDeploymentBrief::serviceDeploymentArn).toList(),
                "createdAt.after, sent as epoch seconds, filters");
        assertEquals(List.of(firstDeployment), ecs.listServiceDeployments(r -> r.cluster(CLUSTER).service("web")
                .status(ServiceDeploymentStatus.SUCCESSFUL)).serviceDeployments().stream().map(ServiceDeploymentBrief::serviceDeploymentArn)
                .toList());
        String rollout = listed.get(0).serviceDeploymentArn();

        List<ServiceDeploymentLifecycleStage> stages = new ArrayList<>();
        advanceUntil("the PAUSE hook awaits action", () -> stage(rollout, stages).lifecycleHookDetails().stream()
                .anyMatch(h -> "AWAITING_ACTION".equals(h.statusAsString())));
        assertEquals(List.of(ServiceDeploymentLifecycleStage.PRE_SCALE_UP, ServiceDeploymentLifecycleStage.SCALE_UP,
                ServiceDeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT), stages,
                "the stages seen 5 s apart: at once PRE_SCALE_UP, scaling green up takes a while, the hook holds POST_TEST_TRAFFIC_SHIFT");
        ServiceDeployment paused = describe(rollout);
        assertEquals(ServiceDeploymentStatus.IN_PROGRESS, paused.status());
        assertEquals(List.of(firstRevision(firstDeployment)), paused.sourceServiceRevisions().stream().map(s -> s.arn()).toList());
        assertEquals(100.0, paused.targetServiceRevision().requestedTestTrafficWeight());
        assertEquals(0.0, paused.targetServiceRevision().requestedProductionTrafficWeight());
        DeploymentLifecycleHookDetail hook = paused.lifecycleHookDetails().get(0);
        assertEquals("PAUSE", hook.targetTypeAsString());
        assertEquals("ROLLBACK", hook.timeoutActionAsString());
        assertNotNull(hook.expiresAt());
        assertNotNull(hook.hookId());
        assertEquals(Map.of(blue, 0, green, 100), weights(testRule), "test traffic moved to green");
        assertEquals(Map.of(blue, 100, green, 0), weights(productionRule), "production still on blue");
        assertEquals(2, healthy(green).size(), "green scaled up beside blue");

        EcsException wrongHook = assertThrows(EcsException.class, () -> ecs.continueServiceDeployment(r -> r.serviceDeploymentArn(rollout)
                .hookId("no-such-hook")));
        assertEquals("InvalidParameterException", wrongHook.awsErrorDetails().errorCode());
        assertEquals(rollout, ecs.continueServiceDeployment(r -> r.serviceDeploymentArn(rollout).hookId(hook.hookId()).action("CONTINUE"))
                .serviceDeploymentArn());
        advanceUntil("production traffic moves to green", () -> stage(rollout, stages) != null
                && Map.of(blue, 0, green, 100).equals(weights(productionRule)));
        assertEquals("SUCCEEDED", describe(rollout).lifecycleHookDetails().get(0).statusAsString());
        List<String> greenIps = ips(second);
        advanceUntil("blue's tasks drain in CLEAN_UP", () -> stage(rollout, stages) != null
                && states(blue).values().stream().allMatch(TargetHealthStateEnum.DRAINING::equals) && !states(blue).isEmpty());
        assertEquals(List.of("PRE_SCALE_UP", "SCALE_UP", "POST_TEST_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP"),
                stages.stream().map(ServiceDeploymentLifecycleStage::toString).toList(), "bake time (2 minutes) is seen, then clean-up");
        assertEquals(new TreeSet<>(blueIps), states(blue).keySet(), "blue's targets draining are the first revision's tasks");
        assertEquals(new TreeSet<>(greenIps), new TreeSet<>(healthy(green)), "the second revision's tasks are green's healthy targets");
        advanceUntil("the rollout succeeds", () -> describe(rollout).status() == ServiceDeploymentStatus.SUCCESSFUL);
        assertNotNull(describe(rollout).finishedAt());

        List<ServiceRevision> revisions = ecs.describeServiceRevisions(r -> r.serviceRevisionArns(firstRevision(firstDeployment),
                describe(rollout).targetServiceRevision().arn())).serviceRevisions();
        assertEquals(List.of(first, second), revisions.stream().map(ServiceRevision::taskDefinition).toList());
        assertEquals(List.of(IMAGE + 27, IMAGE + 28), revisions.stream().map(rv -> rv.containerImages().get(0)).map(ContainerImage::image).toList());
        assertEquals(green, revisions.get(0).loadBalancers().get(0).advancedConfiguration().alternateTargetGroupArn());

        // A second rollout, stopped with ROLLBACK once its test traffic has moved: everything returns to the second revision.
        String third = register(29);
        ecs.updateService(r -> r.cluster(CLUSTER).service("web").taskDefinition(third));
        String stopped = deployments().get(0).serviceDeploymentArn();
        advanceUntil("the second rollout's hook awaits action", () -> describe(stopped).lifecycleHookDetails().stream()
                .anyMatch(h -> "AWAITING_ACTION".equals(h.statusAsString())));
        assertEquals(Map.of(blue, 100, green, 0), weights(testRule), "the new revision is on blue this time: test traffic moved there");
        assertEquals(stopped, ecs.stopServiceDeployment(r -> r.serviceDeploymentArn(stopped).stopType(StopServiceDeploymentStopType.ROLLBACK))
                .serviceDeploymentArn());
        advanceUntil("the rollback succeeds", () -> describe(stopped).status() == ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
        ServiceDeployment rolledBack = describe(stopped);
        assertNotNull(rolledBack.rollback().startedAt());
        assertEquals(Map.of(blue, 0, green, 100), weights(testRule), "test traffic back on the second revision's group");
        assertEquals(Map.of(blue, 0, green, 100), weights(productionRule), "production never left it");
        assertEquals(second, ecs.describeServices(r -> r.cluster(CLUSTER).services("web")).services().get(0).taskDefinition());
        advanceUntil("the third revision's targets are gone from blue", () -> states(blue).values().stream()
                .noneMatch(s -> s != TargetHealthStateEnum.DRAINING));
    }

    @Test
    void updateServiceBindsTheWholeDeploymentConfigurationAndACanaryShiftsItsPercentFirst() {
        loadBalancer();
        ecs.createCluster(r -> r.clusterName(CLUSTER));
        String first = register(27);
        String second = register(28);
        createService(first);
        advanceUntil("the first revision's two tasks are healthy in blue", () -> healthy(blue).size() == 2);

        Service linear = ecs.updateService(r -> r.cluster(CLUSTER).service("web").healthCheckGracePeriodSeconds(90)
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.LINEAR).bakeTimeInMinutes(1)
                        .linearConfiguration(l -> l.stepPercent(25.0).stepBakeTimeInMinutes(3))
                        .lifecycleHooks(h -> h.targetType("PAUSE").lifecycleStagesWithStrings("PRE_SCALE_UP")
                                .timeoutConfiguration(t -> t.timeoutInMinutes(5).action("CONTINUE"))))).service();
        assertEquals(90, linear.healthCheckGracePeriodSeconds());
        assertEquals(25.0, linear.deploymentConfiguration().linearConfiguration().stepPercent());
        assertEquals(3, linear.deploymentConfiguration().linearConfiguration().stepBakeTimeInMinutes());
        assertEquals("CONTINUE", linear.deploymentConfiguration().lifecycleHooks().get(0).timeoutConfiguration().actionAsString());

        Service canary = ecs.updateService(r -> r.cluster(CLUSTER).service("web").taskDefinition(second)
                .loadBalancers(l -> l.targetGroupArn(blue).containerName("web").containerPort(80).advancedConfiguration(a -> a
                        .alternateTargetGroupArn(green).productionListenerRule(productionRule).roleArn(ROLE)))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.CANARY).bakeTimeInMinutes(1)
                        .canaryConfiguration(c -> c.canaryPercent(20.0).canaryBakeTimeInMinutes(4)))).service();
        assertEquals(20.0, canary.deploymentConfiguration().canaryConfiguration().canaryPercent());
        assertEquals(null, canary.loadBalancers().get(0).advancedConfiguration().testListenerRule(), "the test listener rule was dropped");
        String rollout = deployments().get(0).serviceDeploymentArn();
        assertEquals("CANARY", describe(rollout).deploymentConfiguration().strategyAsString());
        advanceUntil("the canary's 20% reaches green", () -> Map.of(blue, 80, green, 20).equals(weights(productionRule)));
        assertEquals(20.0, describe(rollout).targetServiceRevision().requestedProductionTrafficWeight());
        Instant canaryAt = sim.clock.now();
        advanceUntil("the rest follows", () -> Map.of(blue, 0, green, 100).equals(weights(productionRule)));
        long waited = Duration.between(canaryAt, sim.clock.now()).toSeconds();
        assertEquals(true, waited >= 4 * 60 && waited <= 4 * 60 + 5, "canaryBakeTimeInMinutes (4) between the two shifts, waited " + waited + " s");
        advanceUntil("the rollout succeeds", () -> describe(rollout).status() == ServiceDeploymentStatus.SUCCESSFUL);

        WireFixture.Reply mistyped = sim.call(WireFixture.ECS, "UpdateService", "{\"cluster\": \"bg\", \"service\": \"web\", "
                + "\"deploymentConfiguration\": {\"strategy\": \"CANARY\", \"canaryConfiguration\": {\"canaryPercent\": \"five\"}}}");
        mistyped.assertRefused(400, "SerializationException", "deploymentConfiguration.canaryConfiguration.canaryPercent");
        WireFixture.Reply hookTimeout = sim.call(WireFixture.ECS, "UpdateService", "{\"cluster\": \"bg\", \"service\": \"web\", "
                + "\"deploymentConfiguration\": {\"lifecycleHooks\": [{\"targetType\": \"PAUSE\", \"lifecycleStages\": [\"POST_SCALE_UP\"],"
                + " \"timeoutConfiguration\": {\"timeoutInMinutes\": true}}]}}");
        hookTimeout.assertRefused(400, "SerializationException", "deploymentConfiguration.lifecycleHooks[0].timeoutConfiguration.timeoutInMinutes");
        WireFixture.Reply advanced = sim.call(WireFixture.ECS, "UpdateService", "{\"cluster\": \"bg\", \"service\": \"web\", "
                + "\"loadBalancers\": [{\"targetGroupArn\": \"" + blue + "\", \"advancedConfiguration\": {\"roleArn\": 7}}]}");
        advanced.assertRefused(400, "SerializationException", "loadBalancers[0].advancedConfiguration.roleArn");
    }

    @Test
    void aLinearRolloutStepsAndAHookThatTimesOutRollsBack() {
        loadBalancer();
        ecs.createCluster(r -> r.clusterName(CLUSTER));
        String first = register(27);
        createService(first);
        advanceUntil("the first revision's two tasks are healthy in blue", () -> healthy(blue).size() == 2);

        String second = register(28);
        ecs.updateService(r -> r.cluster(CLUSTER).service("web").taskDefinition(second)
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.LINEAR).bakeTimeInMinutes(0)
                        .linearConfiguration(l -> l.stepPercent(50.0).stepBakeTimeInMinutes(2))
                        .lifecycleHooks(h -> h.targetType("PAUSE").lifecycleStagesWithStrings("PRE_SCALE_UP")
                                .timeoutConfiguration(t -> t.timeoutInMinutes(1).action("CONTINUE")))));
        String linear = deployments().get(0).serviceDeploymentArn();
        advanceUntil("half of production on green", () -> Map.of(blue, 50, green, 50).equals(weights(productionRule)));
        assertEquals("TIMED_OUT", describe(linear).lifecycleHookDetails().get(0).statusAsString(), "the hook timed out to CONTINUE");
        Instant half = sim.clock.now();
        advanceUntil("all of production on green", () -> Map.of(blue, 0, green, 100).equals(weights(productionRule)));
        long waited = Duration.between(half, sim.clock.now()).toSeconds();
        assertEquals(true, waited >= 2 * 60 - 5 && waited <= 2 * 60 + 5, "stepBakeTimeInMinutes (2) between the steps, waited " + waited + " s");
        advanceUntil("the linear rollout succeeds", () -> describe(linear).status() == ServiceDeploymentStatus.SUCCESSFUL);

        String third = register(29);
        ecs.updateService(r -> r.cluster(CLUSTER).service("web").taskDefinition(third)
                .deploymentConfiguration(d -> d.lifecycleHooks(h -> h.targetType("PAUSE").lifecycleStagesWithStrings("POST_SCALE_UP")
                        .timeoutConfiguration(t -> t.timeoutInMinutes(1).action("ROLLBACK")))));
        String timedOut = deployments().get(0).serviceDeploymentArn();
        advanceUntil("the rollback after the hook's timeout succeeds", () -> describe(timedOut).status() == ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertEquals("TIMED_OUT", describe(timedOut).lifecycleHookDetails().get(0).statusAsString());
        assertEquals(Map.of(blue, 0, green, 100), weights(productionRule), "production stays with the second revision");
        assertEquals(second, ecs.describeServices(r -> r.cluster(CLUSTER).services("web")).services().get(0).taskDefinition());
    }

    @Test
    void tasksFailingTheirTargetGroupsHealthChecksAreStoppedAndTripTheBreaker() {
        loadBalancer();
        ecs.createCluster(r -> r.clusterName(CLUSTER));
        String good = register(27);
        ecs.createService(r -> r.cluster(CLUSTER).serviceName("api").taskDefinition(good).desiredCount(2).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0aa", "subnet-0bb")))
                .loadBalancers(l -> l.targetGroupArn(blue).containerName("web").containerPort(80))
                .deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(true))));
        String created = ecs.listServiceDeployments(r -> r.cluster(CLUSTER).service("api")).serviceDeployments().get(0).serviceDeploymentArn();
        advanceUntil("the first revision completes (what a rollback returns to)", () -> describe(created).status() == ServiceDeploymentStatus.SUCCESSFUL);
        assertEquals(2, healthy(blue).size());
        sim.engine.failTargetHealthOfImage(IMAGE + 99, Duration.ZERO);
        String bad = register(99);
        ecs.updateService(r -> r.cluster(CLUSTER).service("api").taskDefinition(bad));
        String rollout = ecs.listServiceDeployments(r -> r.cluster(CLUSTER).service("api")).serviceDeployments().get(0).serviceDeploymentArn();
        advanceUntil("a bad task is unhealthy in blue", () -> elb.describeTargetHealth(r -> r.targetGroupArn(blue)).targetHealthDescriptions()
                .stream().anyMatch(d -> d.targetHealth().state() == TargetHealthStateEnum.UNHEALTHY
                        && "Target.ResponseCodeMismatch".equals(d.targetHealth().reasonAsString())));
        advanceUntil("rolled back", () -> describe(rollout).status() == ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertEquals("TRIGGERED", describe(rollout).deploymentCircuitBreaker().statusAsString());
        List<String> stopped = ecs.listTasks(r -> r.cluster(CLUSTER).serviceName("api").desiredStatus("STOPPED")).taskArns();
        long failed = ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(stopped)).tasks().stream()
                .filter(t -> ("Task failed ELB health checks in (target-group " + blue + ")").equals(t.stoppedReason())).count();
        assertEquals(true, failed >= 3, "the breaker's threshold of tasks failed their ELB health checks: " + failed);
    }

    /** The service deployment, its lifecycle stage noted in {@code seen} when it differs from the last one noted. */
    private ServiceDeployment stage(String arn, List<ServiceDeploymentLifecycleStage> seen) {
        ServiceDeployment d = describe(arn);
        if (d.lifecycleStage() != null && (seen.isEmpty() || seen.get(seen.size() - 1) != d.lifecycleStage())) {
            seen.add(d.lifecycleStage());
        }
        return d;
    }

    private String firstRevision(String serviceDeploymentArn) {
        return describe(serviceDeploymentArn).targetServiceRevision().arn();
    }

    private List<ServiceDeploymentBrief> deployments() {
        return ecs.listServiceDeployments(r -> r.cluster(CLUSTER).service("web")).serviceDeployments();
    }

    private ServiceDeployment describe(String arn) {
        return ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0);
    }

    private Map<String, Integer> weights(String ruleArn) {
        Rule rule = elb.describeRules(r -> r.ruleArns(ruleArn)).rules().get(0);
        Map<String, Integer> out = new LinkedHashMap<>();
        var action = rule.actions().get(0);
        if (action.forwardConfig() == null) {
            out.put(action.targetGroupArn(), 100);
            out.put(action.targetGroupArn().equals(blue) ? green : blue, 0);
        } else {
            action.forwardConfig().targetGroups().forEach(t -> out.put(t.targetGroupArn(), t.weight()));
        }
        return out;
    }

    private Map<String, TargetHealthStateEnum> states(String group) {
        return elb.describeTargetHealth(r -> r.targetGroupArn(group)).targetHealthDescriptions().stream()
                .collect(Collectors.toMap(d -> d.target().id(), d -> d.targetHealth().state(), (a, b) -> a, java.util.TreeMap::new));
    }

    private List<String> healthy(String group) {
        return elb.describeTargetHealth(r -> r.targetGroupArn(group)).targetHealthDescriptions().stream()
                .filter(d -> d.targetHealth().state() == TargetHealthStateEnum.HEALTHY).map(TargetHealthDescription::target)
                .map(t -> t.id()).toList();
    }

    /** The private IPs of the service's running tasks of a task definition, from their ENI attachments. */
    private List<String> ips(String taskDefinition) {
        List<String> arns = ecs.listTasks(r -> r.cluster(CLUSTER).serviceName("web")).taskArns();
        List<Task> tasks = ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(arns)).tasks();
        List<String> out = new ArrayList<>();
        for (Task t : tasks) {
            if (t.taskDefinitionArn().equals(taskDefinition) && "RUNNING".equals(t.lastStatus())) {
                t.attachments().forEach(a -> a.details().stream().filter(kv -> "privateIPv4Address".equals(kv.name()))
                        .forEach(kv -> out.add(kv.value())));
            }
        }
        return out;
    }

    /** Moves the simulator's clock 5 s at a time (at most 30 simulated minutes) until the condition holds. */
    private void advanceUntil(String what, Supplier<Boolean> condition) {
        for (int step = 0; step < 360; step++) {
            if (condition.get()) {
                return;
            }
            sim.clock.advance(Duration.ofSeconds(5));
        }
        throw new AssertionError("After 30 simulated minutes: not yet " + what);
    }
}
