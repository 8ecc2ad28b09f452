package dev.ecsdeck.ui.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.AdvancedConfiguration;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.ListenerRule;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.TargetHealth;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.service.LoadBalancingViewModel.GroupRow;
import dev.ecsdeck.ui.service.LoadBalancingViewModel.RuleRow;
import dev.ecsdeck.ui.service.LoadBalancingViewModel.TargetRow;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadBalancingViewModelTest {
    private final List<String> calls = new ArrayList<>();
    private SimServiceFixture sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    /** The fixture on a service, with every provider call the section makes written down. */
    private LoadBalancingViewModel open(String cluster, String service) {
        sim = new SimServiceFixture(cluster, service, p -> (EcsProvider) Proxy.newProxyInstance(EcsProvider.class.getClassLoader(),
                new Class<?>[] {EcsProvider.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(p, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
        return sim.add(new LoadBalancingViewModel(sim.context(), sim.service));
    }

    private ListenerRule rule(String ruleArn, String loadBalancerArn) {
        return sim.backend.describeListenerRules(loadBalancerArn).stream().filter(r -> r.ruleArn().equals(ruleArn)).findFirst().orElseThrow();
    }

    private static String weights(ListenerRule r) {
        return r.forwardTo().stream().map(w -> dev.ecsdeck.ui.common.TaskTargets.targetGroupName(w.targetGroupArn()) + " "
                + Math.round(r.percentTo(w.targetGroupArn())) + "%").collect(Collectors.joining(" · "));
    }

    @Test
    void listsTheTargetGroupsTheirRulesWithWeightsAndTheTargets() {
        LoadBalancingViewModel vm = open("prod-web", "checkout");
        EcsService s = sim.pollNow();
        AdvancedConfiguration a = s.loadBalancers().get(0).advancedConfiguration();
        String blue = s.loadBalancers().get(0).targetGroupArn();

        assertTrue(vm.loadBalancedProperty().get());
        assertEquals("", vm.messageProperty().get());
        assertEquals(List.of("checkout-blue", "checkout-green"), vm.groups().stream().map(GroupRow::name).toList());
        GroupRow blueRow = vm.groups().get(0);
        List<TargetHealth> blueTargets = sim.backend.describeTargetHealth(blue);
        assertEquals("HTTP:8080", blueRow.protocolPort());
        assertEquals("ip", blueRow.targetType());
        assertEquals("/health", blueRow.healthCheckPath());
        assertEquals(blueTargets.stream().filter(TargetHealth::healthy).count(), blueRow.healthy());
        assertEquals(blueTargets.size() + " healthy", blueRow.targets(), "every blue target is healthy in the demo");
        assertEquals("prod-web-alb", blueRow.loadBalancers());

        String alb = sim.backend.describeTargetGroups(List.of(blue)).get(0).loadBalancerArns().get(0);
        RuleRow production = vm.rules().stream().filter(r -> r.ruleArn().equals(a.productionListenerRule())).findFirst().orElseThrow();
        assertEquals("production", production.role());
        assertEquals("HTTP:80", production.listener());
        assertEquals("10", production.priority());
        assertEquals("path-pattern /checkout/*", production.conditions());
        assertEquals(weights(rule(a.productionListenerRule(), alb)), production.weights());
        RuleRow test = vm.rules().stream().filter(r -> r.ruleArn().equals(a.testListenerRule())).findFirst().orElseThrow();
        assertEquals("test", test.role());
        assertEquals("HTTP:8080", test.listener());
        assertTrue(vm.rules().stream().allMatch(r -> r.weights().contains("checkout-")), "only rules forwarding to checkout's groups: " + vm.rules());

        int registered = blueTargets.size() + sim.backend.describeTargetHealth(a.alternateTargetGroupArn()).size();
        assertEquals(registered, vm.targets().size());
        TargetRow first = vm.targets().get(0);
        assertEquals("checkout-blue", first.targetGroup());
        assertEquals(blueTargets.get(0).targetId() + ":8080", first.target());
        assertEquals("healthy", first.state());
    }

    @Test
    void theWeightsFollowTheDeployment() {
        LoadBalancingViewModel vm = open("prod-web", "checkout");
        EcsService s = sim.pollNow();
        AdvancedConfiguration a = s.loadBalancers().get(0).advancedConfiguration();
        String alb = sim.backend.describeTargetGroups(List.of(s.loadBalancers().get(0).targetGroupArn())).get(0).loadBalancerArns().get(0);
        String before = weights(rule(a.productionListenerRule(), alb));
        assertEquals(before, productionWeights(vm, a));

        // checkout's canary waits at a hook: let it go on, then let time pass until production traffic has moved.
        String deployment = sim.backend.listServiceDeployments("prod-web", "checkout").get(0).serviceDeploymentArn();
        ServiceDeployment d = sim.backend.describeServiceDeployments(List.of(deployment)).get(0);
        var hook = d.lifecycleHookDetails().stream().filter(h -> "AWAITING_ACTION".equals(h.status())).findFirst().orElseThrow();
        sim.backend.continueServiceDeployment(deployment, hook.hookId(), "CONTINUE");
        for (int i = 0; i < 60 && weights(rule(a.productionListenerRule(), alb)).equals(before); i++) {
            sim.poll(Duration.ofSeconds(10));
        }
        String after = weights(rule(a.productionListenerRule(), alb));
        assertNotEquals(before, after, "production traffic moved");
        sim.pollNow();
        assertEquals(after, productionWeights(vm, a));
    }

    private static String productionWeights(LoadBalancingViewModel vm, AdvancedConfiguration a) {
        return vm.rules().stream().filter(r -> r.ruleArn().equals(a.productionListenerRule())).findFirst().orElseThrow().weights();
    }

    @Test
    void aServiceWithoutLoadBalancersSaysSoAndReadsNothing() {
        LoadBalancingViewModel vm = open("prod-batch", "cron-scheduler");
        sim.pollNow();
        assertFalse(vm.loadBalancedProperty().get());
        assertEquals(LoadBalancingViewModel.NO_LOAD_BALANCER, vm.messageProperty().get());
        assertTrue(vm.groups().isEmpty() && vm.rules().isEmpty() && vm.targets().isEmpty());
        assertEquals(List.of(), calls, "no call for a service without load balancers");
    }

    @Test
    void readsOnlyWhileShown() {
        LoadBalancingViewModel vm = open("prod-batch", "reports-worker");
        vm.shownProperty().set(false);
        sim.pollNow();
        assertEquals(List.of(), calls, "hidden, the section reads nothing");
        assertTrue(vm.groups().isEmpty());

        vm.shownProperty().set(true);
        assertEquals(List.of("describeTargetGroups", "describeTargetHealth", "describeListenerRules"), calls, "shown, it reads at once");
        GroupRow reports = vm.groups().get(0);
        assertEquals("reports", reports.name());
        assertEquals("instance", reports.targetType());
        assertEquals(1, reports.unhealthy());
        assertEquals("1 unhealthy · " + reports.healthy() + " healthy", reports.targets());
        assertEquals("prod-batch-internal", reports.loadBalancers());
        RuleRow rule = vm.rules().get(0);
        assertEquals("", rule.role());
        assertEquals("default", rule.priority());
        assertEquals("default action", rule.conditions());
        assertEquals("reports 100%", rule.weights());
        TargetRow unhealthy = vm.targets().stream().filter(t -> t.state().equals("unhealthy")).findFirst().orElseThrow();
        assertEquals("Target.ResponseCodeMismatch", unhealthy.reason());
        assertTrue(unhealthy.target().startsWith("i-"), unhealthy.target());
    }

    @Test
    void percentsAreWholeWhereTheyCanBe() {
        assertEquals("95%", LoadBalancingViewModel.percent(95.0));
        assertEquals("33.3%", LoadBalancingViewModel.percent(100.0 / 3));
        assertEquals("prod-web-alb", LoadBalancingViewModel.loadBalancerName("arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/prod-web-alb/2480"));
    }
}
