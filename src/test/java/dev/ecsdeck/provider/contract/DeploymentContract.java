package dev.ecsdeck.provider.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.AwsVpcConfiguration;
import dev.ecsdeck.model.CanaryConfiguration;
import dev.ecsdeck.model.DeploymentCircuitBreaker;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.DeploymentLifecycleHook;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.LinearConfiguration;
import dev.ecsdeck.model.ListenerRule;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeployment.DeploymentLifecycleHookDetail;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.model.TargetGroup;
import dev.ecsdeck.model.TargetHealth;
import dev.ecsdeck.provider.InvalidInputException;
import dev.ecsdeck.provider.NotFoundException;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.sim.ecs.CreateServiceRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Service deployments and the load-balancer reads, the same on every provider (the simulator in
 * process, and the AWS SDK provider over HTTP to the served simulator), on the demo: checkout's
 * canary held at its PAUSE hook, continued or stopped; a blue/green deploy of web through
 * UpdateService; the target groups, target health and listener rules behind them.
 */
abstract class DeploymentContract extends ContractFixture {
    private static final String WEB = "prod-web";
    private static final String UNKNOWN_DEPLOYMENT = "arn:aws:ecs:us-east-1:000000000000:service-deployment/prod-web/checkout/noSuchDeployment0";

    // ---- checkout's canary, held at its PAUSE hook ----

    @Test
    void listsCheckoutsDeploymentsNewestFirstWithStatusStrategyAndStage() {
        List<ServiceDeploymentBrief> briefs = provider.listServiceDeployments(WEB, "checkout");
        assertEquals(List.of("IN_PROGRESS", "SUCCESSFUL"), briefs.stream().map(ServiceDeploymentBrief::status).toList());
        assertTrue(briefs.get(0).createdAt().isAfter(briefs.get(1).createdAt()), "newest first");
        assertNull(briefs.get(0).finishedAt());
        assertNotNull(briefs.get(1).finishedAt());
        List<ServiceDeployment> described = provider.describeServiceDeployments(arns(briefs));
        assertEquals(arns(briefs), described.stream().map(ServiceDeployment::serviceDeploymentArn).toList(), "in the order asked");
        described.forEach(d -> assertEquals("CANARY", d.deploymentConfiguration().strategy()));
        assertEquals("POST_TEST_TRAFFIC_SHIFT", described.get(0).lifecycleStage());
        assertEquals(briefs.get(0).targetServiceRevisionArn(), described.get(0).targetServiceRevision().arn());
    }

    @Test
    void describesTheCanaryAwaitingActionAtItsHookWithItsTrafficWeights() {
        List<ServiceDeploymentBrief> briefs = provider.listServiceDeployments(WEB, "checkout");
        ServiceDeployment canary = inFlight();
        DeploymentLifecycleHookDetail pause = awaiting(canary);
        assertEquals("PAUSE", pause.targetType());
        assertTrue(pause.hookId() != null && !pause.hookId().isBlank());
        assertEquals("ROLLBACK", pause.timeoutAction());
        assertEquals(List.of("SUCCEEDED", "AWAITING_ACTION"), canary.lifecycleHookDetails().stream()
                .map(DeploymentLifecycleHookDetail::status).toList(), "the smoke-test Lambda passed, the pause holds");
        assertEquals(briefs.get(1).targetServiceRevisionArn(), canary.sourceServiceRevisions().get(0).arn(), "from the revision deployed before");
        assertEquals(100.0, canary.targetServiceRevision().requestedTestTrafficWeight());
        assertEquals(0.0, canary.targetServiceRevision().requestedProductionTrafficWeight());
        assertEquals(0.0, canary.sourceServiceRevisions().get(0).requestedTestTrafficWeight());
        assertEquals(100.0, canary.sourceServiceRevisions().get(0).requestedProductionTrafficWeight());
        assertEquals(10.0, canary.deploymentConfiguration().canaryConfiguration().canaryPercent());
        assertEquals("MONITORING", canary.deploymentCircuitBreaker().status());
    }

    @Test
    void describesBothRevisionsOfTheCanary() {
        ServiceDeployment canary = inFlight();
        String source = canary.sourceServiceRevisions().get(0).arn();
        String target = canary.targetServiceRevision().arn();
        List<ServiceRevision> revisions = provider.describeServiceRevisions(List.of(source, target, source.replaceAll("\\d+$", "1")));
        assertEquals(List.of(source, target), revisions.stream().map(ServiceRevision::serviceRevisionArn).toList(),
                "the unknown third ARN is left out");
        assertTrue(revisions.get(0).taskDefinition().endsWith(":task-definition/checkout:1"), revisions.get(0).taskDefinition());
        assertTrue(revisions.get(1).taskDefinition().endsWith(":task-definition/checkout:2"), revisions.get(1).taskDefinition());
        for (ServiceRevision r : revisions) {
            LoadBalancer lb = r.loadBalancers().get(0);
            assertTrue(lb.targetGroupArn().contains(":targetgroup/checkout-blue/"), lb.targetGroupArn());
            assertTrue(lb.advancedConfiguration().alternateTargetGroupArn().contains(":targetgroup/checkout-green/"));
            assertEquals(8080, lb.containerPort());
            assertTrue(r.containerImages().get(0).image().contains("checkout"), r.containerImages().toString());
            assertTrue(r.containerImages().get(0).imageDigest().startsWith("sha256:"));
            assertEquals("FARGATE", r.launchType());
        }
        assertNotEquals(revisions.get(0).containerImages(), revisions.get(1).containerImages(), "each revision its own image");
    }

    @Test
    void continueMovesTheCanaryThroughItsTrafficShiftToSuccess() {
        ServiceDeployment canary = inFlight();
        provider.continueServiceDeployment(canary.serviceDeploymentArn(), awaiting(canary).hookId(), "CONTINUE");
        String arn = canary.serviceDeploymentArn();
        advanceUntil("10% of production on the canary", () -> production(arn) == 10.0);
        assertEquals("SUCCEEDED", describe(arn).lifecycleHookDetails().get(1).status());
        assertEquals("PRODUCTION_TRAFFIC_SHIFT", describe(arn).lifecycleStage());
        ListenerRule rule = productionRule("/checkout/*");
        assertEquals(10.0, rule.percentTo(green("checkout")));
        assertEquals(90.0, rule.percentTo(blue("checkout")));
        advanceUntil("all production on the new revision", () -> production(arn) == 100.0);
        assertEquals(100.0, productionRule("/checkout/*").percentTo(green("checkout")));
        advanceUntil("the bake time", () -> "BAKE_TIME".equals(describe(arn).lifecycleStage()));
        advanceUntil("success", () -> "SUCCESSFUL".equals(describe(arn).status()));
        assertNotNull(describe(arn).finishedAt());
    }

    @Test
    void stopRollsTheCanaryBackAndItsTrafficWithIt() {
        String arn = inFlight().serviceDeploymentArn();
        provider.stopServiceDeployment(arn);
        assertTrue(Set.of("ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS").contains(describe(arn).status()), describe(arn).status());
        advanceUntil("rolling back", () -> "ROLLBACK_IN_PROGRESS".equals(describe(arn).status()));
        ServiceDeployment rolling = describe(arn);
        assertTrue(rolling.rollback().reason().contains("StopServiceDeployment"), rolling.rollback().reason());
        assertEquals(rolling.sourceServiceRevisions().get(0).arn(), rolling.rollback().serviceRevisionArn());
        assertEquals(100.0, testRule("/checkout/*").percentTo(blue("checkout")), "test traffic back on the old revision");
        advanceUntil("rolled back", () -> "ROLLBACK_SUCCESSFUL".equals(describe(arn).status()));
        assertNotNull(describe(arn).finishedAt());
        assertEquals(100.0, productionRule("/checkout/*").percentTo(blue("checkout")));
        assertEquals(List.of("ROLLBACK_SUCCESSFUL", "SUCCESSFUL"),
                provider.listServiceDeployments(WEB, "checkout").stream().map(ServiceDeploymentBrief::status).toList());
        InvalidInputException again = assertThrows(InvalidInputException.class, () -> provider.stopServiceDeployment(arn));
        assertEquals("ConflictException", again.errorCode());
    }

    @Test
    void listsAHundredDeploymentsNewestFirstAndDescribesThemTwentyAtATime() {
        engine.clusters().createCluster("many", null, null, null);
        engine.services().createService(CreateServiceRequest.replica("many", "redeployed", "web:1", 0, "FARGATE",
                new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-0aa"), List.of("sg-0bb"), "DISABLED"))));
        for (int i = 0; i < 99; i++) {
            clock.advance(Duration.ofSeconds(1));
            engine.services().updateService("many", "redeployed", null, null, true, null);
        }
        List<ServiceDeploymentBrief> briefs = provider.listServiceDeployments("many", "redeployed");
        assertEquals(100, briefs.size(), "the creation's and 99 more");
        assertEquals(100, new TreeSet<>(arns(briefs)).size(), "no deployment twice");
        for (int i = 1; i < briefs.size(); i++) {
            assertTrue(briefs.get(i - 1).createdAt().isAfter(briefs.get(i).createdAt()), "newest first at " + i);
        }
        List<String> asked = new ArrayList<>(arns(briefs));
        asked.add(50, UNKNOWN_DEPLOYMENT);
        assertEquals(arns(briefs), provider.describeServiceDeployments(asked).stream().map(ServiceDeployment::serviceDeploymentArn).toList(),
                "101 ARNs in six calls, the unknown one left out");
    }

    // ---- a deploy with a strategy, through UpdateService ----

    @Test
    void eachStrategysConfigurationGoesOutAndComesBackIntact() {
        DeploymentConfiguration canary = new DeploymentConfiguration(new DeploymentCircuitBreaker(true, true), 200, 100,
                DeploymentConfiguration.CANARY, 7, List.of(pauseAt("PRE_PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT")),
                null, new CanaryConfiguration(20.0, 4));
        DeploymentConfiguration linear = new DeploymentConfiguration(new DeploymentCircuitBreaker(false, false), 200, 100,
                DeploymentConfiguration.LINEAR, 0, List.of(), new LinearConfiguration(25.0, 2), null);
        for (DeploymentConfiguration sent : List.of(canary, linear)) {
            EcsService answered = provider.updateService(ServiceUpdate.deploymentConfiguration(WEB, "web", sent));
            assertEquals(sent.strategy(), answered.deploymentConfiguration().strategy());
            assertEquals(sent.bakeTimeInMinutes(), answered.deploymentConfiguration().bakeTimeInMinutes());
            assertEquals(sent.canaryConfiguration(), answered.deploymentConfiguration().canaryConfiguration());
            assertEquals(sent.linearConfiguration(), answered.deploymentConfiguration().linearConfiguration());
            assertEquals(sent.lifecycleHooksOrEmpty(), answered.deploymentConfiguration().lifecycleHooksOrEmpty());
            assertEquals(sent.deploymentCircuitBreaker(), answered.deploymentConfiguration().deploymentCircuitBreaker());
            assertEquals(answered.deploymentConfiguration(),
                    provider.describeServices(WEB, List.of("web")).get(0).deploymentConfiguration(), "and read back the same");
        }
    }

    @Test
    void aBlueGreenDeployThroughUpdateServiceStopsAtItsPauseHook() {
        DeploymentConfiguration blueGreen = new DeploymentConfiguration(new DeploymentCircuitBreaker(true, true), 200, 100,
                DeploymentConfiguration.BLUE_GREEN, 5, List.of(pauseAt("POST_TEST_TRAFFIC_SHIFT")), null, null);
        EcsService updated = provider.updateService(new ServiceUpdate(WEB, "web", null, null, true, blueGreen));
        assertEquals(DeploymentConfiguration.BLUE_GREEN, updated.deploymentConfiguration().strategy());
        assertEquals(List.of(pauseAt("POST_TEST_TRAFFIC_SHIFT")), updated.deploymentConfiguration().lifecycleHooks());
        List<ServiceDeploymentBrief> briefs = provider.listServiceDeployments(WEB, "web");
        assertEquals(2, briefs.size());
        String arn = briefs.get(0).serviceDeploymentArn();
        assertEquals(blueGreen, describe(arn).deploymentConfiguration(), "the deployment runs with the configuration sent");
        advanceUntil("the pause hook awaits action", () -> describe(arn).lifecycleHookDetails().stream()
                .anyMatch(h -> "AWAITING_ACTION".equals(h.status())));
        ServiceDeployment paused = describe(arn);
        assertEquals("POST_TEST_TRAFFIC_SHIFT", paused.lifecycleStage());
        assertEquals("IN_PROGRESS", paused.status());
        assertEquals("PAUSE", awaiting(paused).targetType());
        assertNotNull(awaiting(paused).expiresAt(), "a 30-minute timeout was asked");
        assertEquals(100.0, paused.targetServiceRevision().requestedTestTrafficWeight());
        assertEquals(0.0, paused.targetServiceRevision().requestedProductionTrafficWeight());
        ListenerRule test = defaultRule(8080);
        assertEquals(100.0, test.percentTo(green("web")), "test traffic on the new revision");
        assertEquals(100.0, defaultRule(80).percentTo(blue("web")), "production still on the old one");
    }

    // ---- load balancing ----

    @Test
    void describesTargetGroupsAndTheirHealthyTargets() {
        LoadBalancer lb = service(WEB, "web").loadBalancers().get(0);
        List<String> arns = List.of(lb.targetGroupArn(), lb.advancedConfiguration().alternateTargetGroupArn());
        List<TargetGroup> groups = provider.describeTargetGroups(arns);
        assertEquals(List.of("web-blue", "web-green"), groups.stream().map(TargetGroup::targetGroupName).toList());
        for (TargetGroup g : groups) {
            assertEquals("HTTP", g.protocol());
            assertEquals(80, g.port());
            assertEquals("ip", g.targetType());
            assertEquals(1, g.loadBalancerArns().size());
            assertTrue(g.loadBalancerArns().get(0).contains(":loadbalancer/app/prod-web-alb/"), g.loadBalancerArns().toString());
        }
        List<TargetHealth> health = provider.describeTargetHealth(lb.targetGroupArn());
        Set<String> taskIps = new TreeSet<>();
        provider.listTasks(WEB, TaskFilter.ofService("web"))
                .forEach(t -> taskIps.add(t.privateIpv4Address().orElseThrow()));
        assertEquals(taskIps, new TreeSet<>(health.stream().map(TargetHealth::targetId).toList()), "the web tasks' addresses are its targets");
        health.forEach(h -> assertTrue(h.healthy(), h.toString()));
        assertTrue(provider.describeTargetHealth(arns.get(1)).isEmpty(), "nothing in green between deployments");
    }

    @Test
    void reportsTheUnhealthyTargetOfReportsWorkerWithItsReason() {
        String group = service("prod-batch", "reports-worker").loadBalancers().get(0).targetGroupArn();
        assertEquals("instance", provider.describeTargetGroups(List.of(group)).get(0).targetType());
        List<TargetHealth> health = provider.describeTargetHealth(group);
        List<TargetHealth> unhealthy = health.stream().filter(h -> !h.healthy()).toList();
        assertEquals(1, unhealthy.size(), health.toString());
        assertEquals("unhealthy", unhealthy.get(0).state());
        assertEquals("Target.ResponseCodeMismatch", unhealthy.get(0).reason());
        assertTrue(unhealthy.get(0).description().contains("response code"), unhealthy.get(0).description());
        assertTrue(unhealthy.get(0).targetId().startsWith("i-"), "an instance target");
        assertNotNull(unhealthy.get(0).port(), "with the task's host port");
        assertEquals(health.size() - 1, health.stream().filter(h -> h.healthy() && h.reason() == null).count());
    }

    @Test
    void listsTheListenerRulesWithConditionsAndWeights() {
        List<ListenerRule> rules = provider.describeListenerRules(albArn());
        assertEquals(List.of(80, 80, 80, 80, 8080, 8080, 8080, 8080), rules.stream().map(ListenerRule::listenerPort).toList());
        assertEquals(List.of("10", "20", "30", "default"), rules.subList(0, 4).stream().map(ListenerRule::priority).toList());
        ListenerRule checkout = productionRule("/checkout/*");
        assertEquals(List.of("path-pattern /checkout/*"), checkout.conditions());
        assertEquals(List.of(new ListenerRule.WeightedTargetGroup(blue("checkout"), 100), new ListenerRule.WeightedTargetGroup(green("checkout"), 0)),
                checkout.forwardTo());
        assertEquals(10.0, productionRule("/search/*").percentTo(green("search")), "search's linear shift at its first step");
        assertEquals(100.0, testRule("/checkout/*").percentTo(green("checkout")));
        ListenerRule fallback = defaultRule(80);
        assertTrue(fallback.isDefault());
        assertEquals(List.of(), fallback.conditions());
        assertEquals("HTTP", fallback.listenerProtocol());
    }

    // ---- errors ----

    @Test
    void typedErrorsForUnknownDeploymentsHooksAndLoadBalancers() {
        assertEquals(List.of(), provider.describeServiceDeployments(List.of(UNKNOWN_DEPLOYMENT)), "left out, not an error");
        NotFoundException service = assertThrows(NotFoundException.class, () -> provider.listServiceDeployments(WEB, "no-such-service"));
        assertEquals("ServiceNotFoundException", service.errorCode());
        NotFoundException deployment = assertThrows(NotFoundException.class,
                () -> provider.continueServiceDeployment(UNKNOWN_DEPLOYMENT, "no-such-hook", "CONTINUE"));
        assertEquals("ServiceDeploymentNotFoundException", deployment.errorCode());
        NotFoundException stop = assertThrows(NotFoundException.class, () -> provider.stopServiceDeployment(UNKNOWN_DEPLOYMENT));
        assertEquals("ServiceDeploymentNotFoundException", stop.errorCode());
        String canary = inFlight().serviceDeploymentArn();
        InvalidInputException hook = assertThrows(InvalidInputException.class,
                () -> provider.continueServiceDeployment(canary, "no-such-hook", "CONTINUE"));
        assertEquals("InvalidParameterException", hook.errorCode());
        assertEquals("IN_PROGRESS", describe(canary).status(), "refused: nothing changed");

        String group = blue("checkout").replaceAll("/[0-9a-f]+$", "/0000000000000000");
        NotFoundException groups = assertThrows(NotFoundException.class, () -> provider.describeTargetGroups(List.of(group)));
        assertEquals("TargetGroupNotFound", groups.errorCode());
        NotFoundException health = assertThrows(NotFoundException.class, () -> provider.describeTargetHealth(group));
        assertEquals("TargetGroupNotFound", health.errorCode());
        String alb = albArn().replaceAll("/[0-9a-f]+$", "/0000000000000000");
        NotFoundException rules = assertThrows(NotFoundException.class, () -> provider.describeListenerRules(alb));
        assertEquals("LoadBalancerNotFound", rules.errorCode());
    }

    // ---- helpers ----

    private static DeploymentLifecycleHook pauseAt(String... stages) {
        return new DeploymentLifecycleHook(DeploymentLifecycleHook.PAUSE, null, null, List.of(stages),
                new DeploymentLifecycleHook.LifecycleHookTimeout(30, "ROLLBACK"));
    }

    private static List<String> arns(List<ServiceDeploymentBrief> briefs) {
        return briefs.stream().map(ServiceDeploymentBrief::serviceDeploymentArn).toList();
    }

    /** Moves the simulated clock 5 seconds at a time, at most two hours, until {@code done}. */
    private void advanceUntil(String what, BooleanSupplier done) {
        for (int i = 0; i < 1440; i++) {
            if (done.getAsBoolean()) {
                return;
            }
            clock.advance(Duration.ofSeconds(5));
        }
        throw new AssertionError("not within two simulated hours: " + what);
    }

    private ServiceDeployment inFlight() {
        return describe(provider.listServiceDeployments(WEB, "checkout").get(0).serviceDeploymentArn());
    }

    private ServiceDeployment describe(String arn) {
        return provider.describeServiceDeployments(List.of(arn)).get(0);
    }

    private double production(String arn) {
        Double weight = describe(arn).targetServiceRevision().requestedProductionTrafficWeight();
        return weight == null ? -1 : weight;
    }

    private static DeploymentLifecycleHookDetail awaiting(ServiceDeployment d) {
        return d.lifecycleHookDetails().stream().filter(h -> "AWAITING_ACTION".equals(h.status())).findFirst()
                .orElseThrow(() -> new AssertionError("no hook awaits action: " + d.lifecycleHookDetails()));
    }

    private EcsService service(String cluster, String name) {
        return provider.describeServices(cluster, List.of(name)).get(0);
    }

    private String blue(String name) {
        return service(WEB, name).loadBalancers().get(0).targetGroupArn();
    }

    private String green(String name) {
        return service(WEB, name).loadBalancers().get(0).advancedConfiguration().alternateTargetGroupArn();
    }

    private String albArn() {
        return provider.describeTargetGroups(List.of(blue("web"))).get(0).loadBalancerArns().get(0);
    }

    private ListenerRule productionRule(String path) {
        return rule(80, "path-pattern " + path);
    }

    private ListenerRule testRule(String path) {
        return rule(8080, "path-pattern " + path);
    }

    private ListenerRule rule(int port, String condition) {
        List<ListenerRule> found = new ArrayList<>();
        for (ListenerRule r : provider.describeListenerRules(albArn())) {
            if (r.listenerPort() == port && r.conditions().contains(condition)) {
                found.add(r);
            }
        }
        assertEquals(1, found.size(), port + " " + condition);
        return found.get(0);
    }

    private ListenerRule defaultRule(int port) {
        return provider.describeListenerRules(albArn()).stream().filter(r -> r.listenerPort() == port && r.isDefault()).findFirst()
                .orElseThrow();
    }
}
