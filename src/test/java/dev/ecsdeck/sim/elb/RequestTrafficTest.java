package dev.ecsdeck.sim.elb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What ECS does to a listener rule during a traffic shift, and the requests the load balancer sends:
 * evenly over a listener's rules, by weight over a rule's target groups, evenly over healthy targets.
 */
class RequestTrafficTest {
    private final ElbWorld w = new ElbWorld();
    private String lb;
    private String blue;
    private String green;
    private String listener;
    private String apiRule;

    /** Blue (two targets) is the default; /api/* goes 80 % to blue and 20 % to green (one target). 100 requests a second. */
    @BeforeEach
    void twoTargetGroups() {
        lb = w.loadBalancer("shop").loadBalancerArn();
        blue = w.targetGroup("shop-blue", "ip").targetGroupArn();
        green = w.targetGroup("shop-green", "ip").targetGroupArn();
        listener = w.listener(lb, 80, blue).listenerArn();
        apiRule = w.api.createRule(new CreateRuleRequest(listener, List.of(RuleCondition.pathPattern("/api/*")), 1,
                List.of(Action.forward(List.of(new TargetGroupTuple(blue, 80), new TargetGroupTuple(green, 20)))), null)).ruleArn();
        synchronized (w.engine) {
            w.engine.elb().setRequestRate(lb, 100);
        }
        w.register(blue, "10.0.1.1", "10.0.1.2");
        w.register(green, "10.0.2.1");
        w.advance(60); // load balancer active and targets healthy after 10 s; 09:01 is the first whole minute of traffic
    }

    private long minute(int minutesAfterStart) {
        return dev.ecsdeck.sim.DemoSim.START.getEpochSecond() / 60 + minutesAfterStart;
    }

    private double perTarget(String tg, long minute) {
        synchronized (w.engine) {
            return w.engine.elb().requestCountPerTarget(tg, minute);
        }
    }

    private double count(String tg, long minute) {
        synchronized (w.engine) {
            return w.engine.elb().requestCount(tg, minute);
        }
    }

    @Test
    void requestsSplitByRulesThenWeightsThenHealthyTargets() {
        w.advance(60);
        // 50/s by the default rule to blue, 50/s by /api/*: 40 to blue, 10 to green.
        assertEquals(90 * 60, count(blue, minute(1)), 1e-9);
        assertEquals(45 * 60, perTarget(blue, minute(1)), 1e-9);
        assertEquals(10 * 60, count(green, minute(1)), 1e-9);
        assertEquals(10 * 60, perTarget(green, minute(1)), 1e-9);
        assertEquals(0, perTarget(blue, minute(5)), "a minute not yet come");
    }

    @Test
    void anUnhealthyTargetGetsNoneUnlessNoTargetIsHealthy() {
        w.failing.put("10.0.1.2", "Target.ResponseCodeMismatch");
        w.failing.put("10.0.2.1", "Target.Timeout");
        w.advance(120); // both fail their checks at 70 s and 100 s: unhealthy from 09:01:40
        assertEquals("unhealthy", w.health(blue, "10.0.1.2").state());
        w.advance(60);
        assertEquals(90 * 60, perTarget(blue, minute(3)), 1e-9, "all of blue's requests to its one healthy target");
        assertEquals(10 * 60, perTarget(green, minute(3)), 1e-9, "no healthy target: ALB fails open to all");
        w.api.deregisterTargets(green, List.of(new TargetDescription("10.0.2.1", null, null)));
        w.advance(120);
        assertEquals(0, count(green, minute(5)), "a draining target gets no new requests; a group with none other serves nothing");
    }

    @Test
    void setForwardWeightsShowsInDescribeRulesAndMovesTheRequests() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put(blue, 0);
        weights.put(green, 100);
        synchronized (w.engine) {
            assertEquals(Map.of(blue, 80, green, 20), w.engine.elb().forwardWeights(apiRule));
            w.engine.elb().setForwardWeights(apiRule, weights, w.engine.now());
            assertEquals(List.of(blue, green), List.copyOf(w.engine.elb().forwardWeights(apiRule).keySet()), "in the rule's order");
        }
        Action forward = w.api.describeRules(null, List.of(apiRule), null, null).items().get(0).actions().get(0);
        assertEquals(List.of(new TargetGroupTuple(blue, 0), new TargetGroupTuple(green, 100)), forward.forwardConfig().targetGroups());
        assertNull(forward.targetGroupArn());
        w.advance(120);
        assertEquals(50 * 60, count(blue, minute(2)), 1e-9, "only the default rule's half");
        assertEquals(50 * 60, count(green, minute(2)), 1e-9);
    }

    @Test
    void eachRuleTellsItsListenerLoadBalancerAndTargetGroups() {
        synchronized (w.engine) {
            SimElb elb = w.engine.elb();
            assertEquals(new RuleInfo(apiRule, listener, lb, false, List.of(blue, green)), elb.rule(apiRule));
            String defaultRule = w.api.describeRules(listener, null, null, null).items().get(1).ruleArn();
            assertEquals(new RuleInfo(defaultRule, listener, lb, true, List.of(blue)), elb.rule(defaultRule));
            assertNull(elb.rule(apiRule + "0"));
            TargetGroupInfo info = elb.targetGroup(blue);
            assertEquals(List.of("ip", "8080", "300", lb), List.of(info.targetType(), String.valueOf(info.port()),
                    String.valueOf(info.deregistrationDelaySeconds()), info.loadBalancerArns().get(0)));
            assertNull(elb.targetGroup(blue + "0"));
            String lbId = lb.substring(lb.lastIndexOf('/') + 1);
            String tgId = blue.substring(blue.lastIndexOf('/') + 1);
            assertEquals("app/shop/" + lbId + "/targetgroup/shop-blue/" + tgId, elb.resourceLabel(blue));
        }
    }
}
