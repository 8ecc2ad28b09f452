package dev.ecsdeck.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.model.ListenerRule;
import dev.ecsdeck.model.ListenerRule.WeightedTargetGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * The load-balancer reads on an ELB client that answers from memory, one item a page: Marker paging
 * followed to the end, 20 target group ARNs a call, and rules in the console's words and weights
 * whichever way ELB wrote them.
 */
class AwsLoadBalancingTest {
    private static final String LB = "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/alb/1";
    private static final String BLUE = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/blue/1";
    private static final String GREEN = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/green/2";

    private static final class OneItemPages implements ElasticLoadBalancingV2Client {
        final List<List<String>> targetGroupCalls = new ArrayList<>();
        final List<Listener> listeners = List.of(listener("l80", 80), listener("l8080", 8080));
        final List<Rule> rules = List.of(
                Rule.builder().ruleArn("r1").priority("10").isDefault(false)
                        .conditions(RuleCondition.builder().field("path-pattern").pathPatternConfig(p -> p.values("/api/*", "/v2/*")).build())
                        .actions(Action.builder().type("forward").forwardConfig(f -> f.targetGroups(
                                t -> t.targetGroupArn(BLUE).weight(90), t -> t.targetGroupArn(GREEN).weight(10))).build()).build(),
                Rule.builder().ruleArn("r2").priority("default").isDefault(true)
                        .conditions(RuleCondition.builder().field("host-header").values("shop.example.com").build())
                        .actions(Action.builder().type("forward").targetGroupArn(BLUE).build()).build());

        private static Listener listener(String arn, int port) {
            return Listener.builder().listenerArn(arn).loadBalancerArn(LB).port(port).protocol("HTTP").build();
        }

        @Override
        public DescribeTargetGroupsResponse describeTargetGroups(DescribeTargetGroupsRequest r) {
            int at = r.marker() == null ? 0 : Integer.parseInt(r.marker());
            if (at == 0) {
                targetGroupCalls.add(r.targetGroupArns());
            }
            String arn = r.targetGroupArns().get(at);
            return DescribeTargetGroupsResponse.builder().targetGroups(TargetGroup.builder().targetGroupArn(arn).targetGroupName("g").build())
                    .nextMarker(at + 1 < r.targetGroupArns().size() ? String.valueOf(at + 1) : null).build();
        }

        @Override
        public DescribeListenersResponse describeListeners(DescribeListenersRequest r) {
            int at = r.marker() == null ? 0 : Integer.parseInt(r.marker());
            return DescribeListenersResponse.builder().listeners(listeners.get(at))
                    .nextMarker(at + 1 < listeners.size() ? String.valueOf(at + 1) : null).build();
        }

        @Override
        public DescribeRulesResponse describeRules(DescribeRulesRequest r) {
            int at = r.marker() == null ? 0 : Integer.parseInt(r.marker());
            Rule rule = rules.get(at);
            return DescribeRulesResponse.builder().rules(rule.toBuilder().ruleArn(r.listenerArn() + "/" + rule.ruleArn()).build())
                    .nextMarker(at + 1 < rules.size() ? String.valueOf(at + 1) : null).build();
        }

        @Override
        public String serviceName() {
            return "elasticloadbalancing";
        }

        @Override
        public void close() {}
    }

    @Test
    void readsEveryListenerAndRulePageInTheConsolesWords() {
        List<ListenerRule> rules = new AwsLoadBalancing(new OneItemPages(), new AwsErrors(null)).describeListenerRules(LB);
        assertEquals(List.of("l80/r1", "l80/r2", "l8080/r1", "l8080/r2"), rules.stream().map(ListenerRule::ruleArn).toList());
        ListenerRule weighted = rules.get(0);
        assertEquals(List.of("path-pattern /api/*, /v2/*"), weighted.conditions(), "values from PathPatternConfig");
        assertEquals(List.of(new WeightedTargetGroup(BLUE, 90), new WeightedTargetGroup(GREEN, 10)), weighted.forwardTo());
        assertEquals(80, weighted.listenerPort());
        assertEquals(LB, weighted.loadBalancerArn());
        ListenerRule single = rules.get(1);
        assertEquals(List.of("host-header shop.example.com"), single.conditions(), "values from Values");
        assertEquals(List.of(new WeightedTargetGroup(BLUE, null)), single.forwardTo(), "one target group alone: no weight");
        assertEquals(true, single.isDefault());
        assertEquals(8080, rules.get(3).listenerPort());
    }

    @Test
    void describesTargetGroupsTwentyArnsACallEveryPage() {
        OneItemPages elb = new OneItemPages();
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            arns.add("arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/g" + i + "/" + i);
        }
        List<dev.ecsdeck.model.TargetGroup> groups = new AwsLoadBalancing(elb, new AwsErrors(null)).describeTargetGroups(arns);
        assertEquals(arns, groups.stream().map(dev.ecsdeck.model.TargetGroup::targetGroupArn).toList());
        assertEquals(List.of(20, 5), elb.targetGroupCalls.stream().map(List::size).toList());
    }
}
