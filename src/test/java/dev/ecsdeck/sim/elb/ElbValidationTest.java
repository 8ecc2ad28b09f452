package dev.ecsdeck.sim.elb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ELB refuses what it refuses, with the error code of the API model's error shape and a message that says why. */
class ElbValidationTest {
    private final ElbWorld w = new ElbWorld();

    private static void refused(String code, String message, org.junit.jupiter.api.function.Executable call) {
        assertEquals(message, ElbWorld.refused(code, call).getMessage());
    }

    @Test
    void namesAreUpTo32LettersDigitsAndHyphensNotAtEitherEnd() {
        String name33 = "a".repeat(33);
        refused("ValidationError", "Target group name '" + name33 + "' cannot be longer than '32' characters", () -> w.targetGroup(name33, "ip"));
        refused("ValidationError", "Target group name '-web' can have a maximum of 32 characters, can contain only alphanumeric characters or "
                + "hyphens, and cannot begin or end with a hyphen", () -> w.targetGroup("-web", "ip"));
        ElbWorld.refused("ValidationError", () -> w.targetGroup("web-", "ip"));
        ElbWorld.refused("ValidationError", () -> w.loadBalancer("web_lb"));
        refused("ValidationError", "Load balancer name 'internal-web' cannot begin with 'internal-'", () -> w.loadBalancer("internal-web"));
        assertEquals("a".repeat(32), w.targetGroup("a".repeat(32), "ip").targetGroupName());
    }

    @Test
    void createIsIdempotentButASameNameWithOtherSettingsIsADuplicate() {
        TargetGroupDescription tg = w.targetGroup("web", "ip");
        assertEquals(tg.targetGroupArn(), w.targetGroup("web", "ip").targetGroupArn());
        refused("DuplicateTargetGroupName", "A target group with the same name 'web' exists, but with different settings",
                () -> w.targetGroup("web", "instance"));
        LoadBalancerDescription lb = w.loadBalancer("web");
        assertEquals(lb.loadBalancerArn(), w.loadBalancer("web").loadBalancerArn());
        refused("DuplicateLoadBalancerName", "A load balancer with the same name 'web' exists, but with different settings",
                () -> w.api.createLoadBalancer(CreateLoadBalancerRequest.application("web", List.of("subnet-0aa", "subnet-0cc"))));
    }

    @Test
    void loadBalancersNeedTwoSubnetsAndAreApplicationOnes() {
        refused("ValidationError", "At least two subnets in two different Availability Zones must be specified",
                () -> w.api.createLoadBalancer(CreateLoadBalancerRequest.application("one", List.of("subnet-0aa"))));
        refused("SubnetNotFound", "The subnet ID 'nope' is not valid",
                () -> w.api.createLoadBalancer(CreateLoadBalancerRequest.application("bad", List.of("subnet-0aa", "nope"))));
        ElbWorld.refused("ValidationError", () -> w.api.createLoadBalancer(new CreateLoadBalancerRequest("nlb", ElbWorld.SUBNETS, null, null, null,
                "network", null)));
        ElbWorld.refused("InvalidSecurityGroup", () -> w.api.createLoadBalancer(new CreateLoadBalancerRequest("sg", ElbWorld.SUBNETS,
                List.of("default"), null, null, null, null)));
        refused("LoadBalancerNotFound", "Load balancers '[missing]' not found", () -> w.api.describeLoadBalancers(null, List.of("missing"), null, null));
    }

    @Test
    void targetGroupsAreIpOrInstanceWithHealthChecksInRange() {
        refused("ValidationError", "Target type 'lambda' is not supported by the simulator (only 'ip' and 'instance' are)",
                () -> w.targetGroup("fn", "lambda"));
        ElbWorld.refused("ValidationError", () -> w.api.createTargetGroup(CreateTargetGroupRequest.http("novpc", 80, null, "ip")));
        String tg = w.targetGroup("web", "ip").targetGroupArn();
        refused("ValidationError", "'HealthCheckIntervalSeconds' must be from 5 to 300, not 4",
                () -> w.api.modifyTargetGroup(new ModifyTargetGroupRequest(tg, null, null, null, null, 4, null, null, null, null)));
        ElbWorld.refused("ValidationError", () -> w.api.modifyTargetGroup(new ModifyTargetGroupRequest(tg, null, null, null, null, null, 121, null,
                null, null)));
        ElbWorld.refused("ValidationError", () -> w.api.modifyTargetGroup(new ModifyTargetGroupRequest(tg, null, null, null, null, null, null, 11,
                null, null)));
        ElbWorld.refused("ValidationError", () -> w.api.modifyTargetGroup(new ModifyTargetGroupRequest(tg, null, null, null, null, null, null, null,
                1, null)));
        refused("InvalidConfigurationRequest", "Health check timeout '30' must be smaller than the interval '30'",
                () -> w.api.modifyTargetGroup(new ModifyTargetGroupRequest(tg, null, null, null, null, null, 30, null, null, null)));
        ElbWorld.refused("ValidationError", () -> w.api.modifyTargetGroup(new ModifyTargetGroupRequest(tg, null, null, null, null, null, null, null,
                null, new Matcher("500"))));
        ElbWorld.refused("InvalidConfigurationRequest", () -> w.api.modifyTargetGroup(new ModifyTargetGroupRequest(tg, null, null, null, false,
                null, null, null, null, null)));
        assertEquals(30, w.api.describeTargetGroups(null, List.of(tg), null, null, null).items().get(0).healthCheckIntervalSeconds(),
                "a refused change changes nothing");
        refused("InvalidConfigurationRequest", "The value of 'deregistration_delay.timeout_seconds' must be from 0 to 3600",
                () -> w.api.modifyTargetGroupAttributes(tg, List.of(new TargetGroupAttribute("deregistration_delay.timeout_seconds", "3601"))));
        refused("ValidationError", "Target group attribute key 'nope' is not recognized",
                () -> w.api.modifyTargetGroupAttributes(tg, List.of(new TargetGroupAttribute("nope", "1"))));
        ElbWorld.refused("TargetGroupNotFound", () -> w.api.describeTargetGroupAttributes(tg + "0"));
    }

    @Test
    void listenersAndRulesRefuseWhatElbRefuses() {
        String lb = w.loadBalancer("web").loadBalancerArn();
        String other = w.loadBalancer("other").loadBalancerArn();
        String tg = w.targetGroup("web", "ip").targetGroupArn();
        String spare = w.targetGroup("spare", "ip").targetGroupArn();
        ListenerDescription listener = w.listener(lb, 80, tg);
        ElbWorld.refused("DuplicateListener", () -> w.listener(lb, 80, tg));
        refused("TargetGroupAssociationLimit", "The following target groups cannot be associated with more than one load balancer: " + tg,
                () -> w.listener(other, 80, tg));
        ElbWorld.refused("TargetGroupNotFound", () -> w.listener(other, 81, tg + "0"));
        ElbWorld.refused("LoadBalancerNotFound", () -> w.listener(lb + "0", 81, spare));
        ElbWorld.refused("ValidationError", () -> w.api.createListener(new CreateListenerRequest(lb, "HTTPS", 443, null, null,
                List.of(Action.forward(tg)), null)));
        ElbWorld.refused("UnsupportedProtocol", () -> w.api.createListener(new CreateListenerRequest(lb, "TCP", 443, null, null,
                List.of(Action.forward(tg)), null)));

        String l = listener.listenerArn();
        w.api.createRule(new CreateRuleRequest(l, List.of(RuleCondition.pathPattern("/a")), 7, List.of(Action.forward(spare)), null));
        refused("PriorityInUse", "Priority '7' is currently in use",
                () -> w.api.createRule(new CreateRuleRequest(l, List.of(RuleCondition.pathPattern("/b")), 7, List.of(Action.forward(spare)), null)));
        ElbWorld.refused("ValidationError",
                () -> w.api.createRule(new CreateRuleRequest(l, List.of(RuleCondition.pathPattern("/b")), 50001, List.of(Action.forward(spare)), null)));
        ElbWorld.refused("ValidationError", () -> w.api.createRule(new CreateRuleRequest(l, List.of(), 8, List.of(Action.forward(spare)), null)));
        ElbWorld.refused("ValidationError", () -> w.api.createRule(new CreateRuleRequest(l, List.of(new RuleCondition("source-ip", List.of("1.2.3.4/32"),
                null, null)), 8, List.of(Action.forward(spare)), null)));
        refused("ValidationError", "Target group weight '1000' must be from 0 to 999",
                () -> w.api.createRule(new CreateRuleRequest(l, List.of(RuleCondition.pathPattern("/b")), 8,
                        List.of(Action.forward(List.of(new TargetGroupTuple(tg, 1000)))), null)));
        ElbWorld.refused("ListenerNotFound", () -> w.api.createRule(new CreateRuleRequest(l + "0", List.of(RuleCondition.pathPattern("/b")), 8,
                List.of(Action.forward(spare)), null)));
        String defaultRule = w.api.describeRules(l, null, null, null).items().get(1).ruleArn();
        refused("OperationNotPermitted", "The default rule cannot be deleted", () -> w.api.deleteRule(defaultRule));
        ElbWorld.refused("RuleNotFound", () -> w.api.deleteRule(defaultRule + "0"));
        ElbWorld.refused("ValidationError", () -> w.api.describeRules(null, null, null, null));
        ElbWorld.refused("ValidationError", () -> w.api.describeListeners(null, null, null, null));
        refused("ResourceInUse", "Target group '" + spare + "' is currently in use by a listener or a rule", () -> w.api.deleteTargetGroup(spare));
        ElbWorld.refused("ListenerNotFound", () -> w.api.deleteListener(l + "0"));
    }
}
