package dev.ecsdeck.sim.elb;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Load balancers, target groups, listeners and rules through ElbApi: what they look like, ELB's defaults, and paging. */
class ElbApiTest {
    private final ElbWorld w = new ElbWorld();

    @Test
    void aLoadBalancerIsProvisioningThenActiveWithItsArnDnsNameAndZones() {
        LoadBalancerDescription lb = w.loadBalancer("orders");
        assertThat(lb.loadBalancerArn(), matchesPattern("arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/orders/[0-9a-f]{16}"));
        assertThat(lb.dnsName(), matchesPattern("orders-\\d{9,10}\\.us-east-1\\.elb\\.amazonaws\\.com"));
        assertEquals("provisioning", lb.state().code());
        assertEquals("internet-facing", lb.scheme());
        assertEquals("application", lb.type());
        assertEquals("ipv4", lb.ipAddressType());
        assertEquals(List.of(new AvailabilityZone("us-east-1a", "subnet-0aa"), new AvailabilityZone("us-east-1b", "subnet-0bb")),
                lb.availabilityZones());
        assertEquals(w.now(), lb.createdTime());
        w.advance(10);
        assertEquals("active", describeLb(lb.loadBalancerArn()).state().code());
        LoadBalancerDescription internal = w.api.createLoadBalancer(new CreateLoadBalancerRequest("inside", ElbWorld.SUBNETS, List.of("sg-0a"),
                "internal", null, null, null));
        assertThat(internal.dnsName(), matchesPattern("internal-inside-\\d+\\.us-east-1\\.elb\\.amazonaws\\.com"));
        assertEquals(List.of("sg-0a"), internal.securityGroups());
    }

    @Test
    void aTargetGroupTakesTheApplicationLoadBalancerHealthCheckDefaults() {
        TargetGroupDescription tg = w.targetGroup("orders-blue", "ip");
        assertThat(tg.targetGroupArn(), matchesPattern("arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/orders-blue/[0-9a-f]{16}"));
        assertEquals(List.of("HTTP", "traffic-port", "/", 30, 5, 5, 2, "200"), List.of(tg.healthCheckProtocol(), tg.healthCheckPort(),
                tg.healthCheckPath(), tg.healthCheckIntervalSeconds(), tg.healthCheckTimeoutSeconds(), tg.healthyThresholdCount(),
                tg.unhealthyThresholdCount(), tg.matcher().httpCode()));
        assertEquals(List.of("ip", "HTTP", 8080, "vpc-0abc", "HTTP1"), List.of(tg.targetType(), tg.protocol(), tg.port(), tg.vpcId(),
                tg.protocolVersion()));
        assertTrue(tg.loadBalancerArns().isEmpty());
        assertTrue(w.api.describeTargetGroupAttributes(tg.targetGroupArn())
                .contains(new TargetGroupAttribute("deregistration_delay.timeout_seconds", "300")));
        assertEquals("instance", w.api.createTargetGroup(new CreateTargetGroupRequest("plain", "HTTP", null, 80, "vpc-0abc", null, null, null,
                null, null, null, null, null, null, null, null, null)).targetType(), "instance is the default target type");
        TargetGroupDescription modified = w.api.modifyTargetGroup(new ModifyTargetGroupRequest(tg.targetGroupArn(), null, "8081", "/health", null,
                10, null, 3, 4, new Matcher("200-299")));
        assertEquals(List.of("8081", "/health", 10, 5, 3, 4, "200-299"), List.of(modified.healthCheckPort(), modified.healthCheckPath(),
                modified.healthCheckIntervalSeconds(), modified.healthCheckTimeoutSeconds(), modified.healthyThresholdCount(),
                modified.unhealthyThresholdCount(), modified.matcher().httpCode()));
    }

    @Test
    void listenersAndRulesForwardToTargetGroupsAndTheDefaultRuleComesLast() {
        String lb = w.loadBalancer("shop").loadBalancerArn();
        String blue = w.targetGroup("shop-blue", "ip").targetGroupArn();
        String green = w.targetGroup("shop-green", "ip").targetGroupArn();
        ListenerDescription listener = w.listener(lb, 80, blue);
        assertThat(listener.listenerArn(), matchesPattern("arn:aws:elasticloadbalancing:us-east-1:000000000000:listener/app/shop/[0-9a-f]{16}/[0-9a-f]{16}"));
        Action stored = listener.defaultActions().get(0);
        assertEquals(blue, stored.targetGroupArn());
        assertEquals(List.of(new TargetGroupTuple(blue, 1)), stored.forwardConfig().targetGroups(), "ELB shows a ForwardConfig of weight 1");
        assertEquals(List.of(lb), w.api.describeTargetGroups(null, List.of(blue), null, null, null).items().get(0).loadBalancerArns());

        RuleDescription api = w.api.createRule(new CreateRuleRequest(listener.listenerArn(), List.of(RuleCondition.pathPattern("/api/*")), 10,
                List.of(Action.forward(List.of(new TargetGroupTuple(blue, 90), new TargetGroupTuple(green, 10)))), null));
        w.api.createRule(new CreateRuleRequest(listener.listenerArn(), List.of(RuleCondition.hostHeader("admin.example.com")), 5,
                List.of(new Action("fixed-response", null, null, null, new FixedResponseActionConfig("no", "403", "text/plain"), null)), null));
        List<RuleDescription> rules = w.api.describeRules(listener.listenerArn(), null, null, null).items();
        assertEquals(List.of("5", "10", "default"), rules.stream().map(RuleDescription::priority).toList());
        assertEquals(List.of(false, false, true), rules.stream().map(RuleDescription::isDefault).toList());
        assertEquals(stored, rules.get(2).actions().get(0), "the default rule's actions are the listener's default actions");
        assertNull(rules.get(1).actions().get(0).targetGroupArn(), "two target groups: no single TargetGroupArn");
        assertEquals(List.of(lb), w.api.describeTargetGroups(null, List.of(green), null, null, null).items().get(0).loadBalancerArns());
        assertEquals(2, w.api.describeTargetGroups(lb, null, null, null, null).items().size());

        RuleDescription moved = w.api.modifyRule(api.ruleArn(), List.of(RuleCondition.pathPattern("/v2/*")), List.of(Action.forward(blue)));
        assertEquals("/v2/*", moved.conditions().get(0).pathPatternConfig().values().get(0));
        assertTrue(w.api.describeTargetGroups(null, List.of(green), null, null, null).items().get(0).loadBalancerArns().isEmpty(),
                "no rule forwards to green any more");
        w.api.setRulePriorities(Map.of(api.ruleArn(), 1));
        assertEquals("1", w.api.describeRules(null, List.of(api.ruleArn()), null, null).items().get(0).priority());
        w.api.deleteRule(api.ruleArn());
        assertEquals(2, w.api.describeRules(listener.listenerArn(), null, null, null).items().size());
        ListenerDescription https = w.api.modifyListener(new ModifyListenerRequest(listener.listenerArn(), 443, "HTTPS", null,
                List.of(new Certificate("arn:aws:acm:us-east-1:000000000000:certificate/abc", null)), null));
        assertEquals(List.of(443, "HTTPS", "ELBSecurityPolicy-2016-08"), List.of(https.port(), https.protocol(), https.sslPolicy()));
        w.api.deleteLoadBalancer(lb);
        assertTrue(w.api.describeLoadBalancers(null, null, null, null).items().isEmpty());
        assertTrue(w.api.describeTargetGroups(null, List.of(blue), null, null, null).items().get(0).loadBalancerArns().isEmpty());
        w.api.deleteTargetGroup(blue);
        assertEquals(List.of("shop-green"), w.api.describeTargetGroups(null, null, null, null, null).items().stream()
                .map(TargetGroupDescription::targetGroupName).toList());
    }

    @Test
    void describeCallsPageWithAMarker() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            names.add(w.targetGroup("tg-" + i, "ip").targetGroupName());
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            MarkedPage<TargetGroupDescription> page = w.api.describeTargetGroups(null, null, null, marker, 2);
            page.items().forEach(t -> seen.add(t.targetGroupName()));
            marker = page.nextMarker();
            pages++;
        } while (marker != null);
        assertEquals(names, seen);
        assertEquals(3, pages);
        MarkedPage<TargetGroupDescription> all = w.api.describeTargetGroups(null, null, null, null, null);
        assertEquals(5, all.items().size());
        assertNull(all.nextMarker());
        ElbWorld.refused("ValidationError", () -> w.api.describeTargetGroups(null, null, null, "not-a-marker", 2));
        ElbWorld.refused("ValidationError", () -> w.api.describeTargetGroups(null, null, null, null, 401));
        ElbWorld.refused("ValidationError", () -> w.api.describeLoadBalancers(null, null, null, 0));
    }

    @Test
    void tagsOnLoadBalancersTargetGroupsListenersAndRules() {
        LoadBalancerDescription lb = w.api.createLoadBalancer(new CreateLoadBalancerRequest("tagged", ElbWorld.SUBNETS, null, null,
                List.of(new Tag("team", "orders")), null, null));
        String tg = w.targetGroup("tagged-tg", "ip").targetGroupArn();
        String listener = w.listener(lb.loadBalancerArn(), 80, tg).listenerArn();
        String rule = w.api.describeRules(listener, null, null, null).items().get(0).ruleArn();
        w.api.addTags(List.of(tg, listener, rule), List.of(new Tag("env", "prod"), new Tag("team", "orders")));
        w.api.addTags(List.of(lb.loadBalancerArn()), List.of(new Tag("team", "payments")));
        w.api.removeTags(List.of(listener), List.of("team"));
        List<TagDescription> tags = w.api.describeTags(List.of(lb.loadBalancerArn(), tg, listener, rule));
        assertEquals(List.of(new Tag("team", "payments")), tags.get(0).tags(), "AddTags updates a key's value");
        assertEquals(List.of(new Tag("env", "prod"), new Tag("team", "orders")), tags.get(1).tags());
        assertEquals(List.of(new Tag("env", "prod")), tags.get(2).tags());
        assertEquals(2, tags.get(3).tags().size());
        ElbWorld.refused("DuplicateTagKeys", () -> w.api.addTags(List.of(tg), List.of(new Tag("a", "1"), new Tag("a", "2"))));
        ElbWorld.refused("LoadBalancerNotFound", () -> w.api.describeTags(List.of(lb.loadBalancerArn().replace("/app/tagged/", "/app/gone/"))));
        ElbWorld.refused("TargetGroupNotFound", () -> w.api.addTags(List.of(tg + "0"), List.of(new Tag("a", "1"))));
        ElbWorld.refused("ListenerNotFound", () -> w.api.removeTags(List.of(listener + "0"), List.of("a")));
        ElbWorld.refused("RuleNotFound", () -> w.api.describeTags(List.of(rule + "0")));
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(new Tag("k" + i, "v"));
        }
        ElbWorld.refused("TooManyTags", () -> w.api.addTags(List.of(tg), many));
        assertFalse(w.api.describeTags(List.of(tg)).get(0).tags().stream().anyMatch(t -> t.key().equals("k0")), "a refused AddTags adds none");
    }

    private LoadBalancerDescription describeLb(String arn) {
        return w.api.describeLoadBalancers(List.of(arn), null, null, null).items().get(0);
    }
}
