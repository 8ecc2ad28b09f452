package dev.ecsdeck.sim;

import dev.ecsdeck.model.AdvancedConfiguration;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.sim.elb.Action;
import dev.ecsdeck.sim.elb.CreateListenerRequest;
import dev.ecsdeck.sim.elb.CreateLoadBalancerRequest;
import dev.ecsdeck.sim.elb.CreateTargetGroupRequest;
import dev.ecsdeck.sim.elb.RuleDescription;
import dev.ecsdeck.sim.elb.TargetGroupAttribute;
import dev.ecsdeck.sim.elb.TargetGroupTuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application load balancer set up for a blue/green-ready service, built through the simulated
 * ELB's API: a blue and a green target group, a production listener and a test listener whose
 * default rules forward to blue (100) and green (0).
 */
public record AlbFixture(SimEngine engine, String loadBalancerArn, String blueGroup, String greenGroup, String productionRule,
        String testRule) {

    public static final String ROLE = "arn:aws:iam::000000000000:role/ecsInfrastructureRoleForLoadBalancers";

    /** Target groups of {@code targetType} (ip or instance) on {@code port}, deregistration delay {@code drainSeconds}. */
    public static AlbFixture create(SimEngine engine, String name, String targetType, int port, int drainSeconds) {
        var lb = engine.loadBalancing().createLoadBalancer(CreateLoadBalancerRequest.application(name, List.of("subnet-0aa", "subnet-0bb")));
        String blue = group(engine, name + "-blue", targetType, port, drainSeconds);
        String green = group(engine, name + "-green", targetType, port, drainSeconds);
        Action forward = Action.forward(List.of(new TargetGroupTuple(blue, 100), new TargetGroupTuple(green, 0)));
        var production = engine.loadBalancing().createListener(new CreateListenerRequest(lb.loadBalancerArn(), "HTTP", 80, null, null,
                List.of(forward), null));
        var test = engine.loadBalancing().createListener(new CreateListenerRequest(lb.loadBalancerArn(), "HTTP", 8080, null, null,
                List.of(forward), null));
        return new AlbFixture(engine, lb.loadBalancerArn(), blue, green, defaultRule(engine, production.listenerArn()),
                defaultRule(engine, test.listenerArn()));
    }

    private static String group(SimEngine engine, String name, String targetType, int port, int drainSeconds) {
        String arn = engine.loadBalancing().createTargetGroup(CreateTargetGroupRequest.http(name, port, "vpc-0sim0default", targetType))
                .targetGroupArn();
        engine.loadBalancing().modifyTargetGroupAttributes(arn, List.of(new TargetGroupAttribute("deregistration_delay.timeout_seconds",
                String.valueOf(drainSeconds))));
        return arn;
    }

    private static String defaultRule(SimEngine engine, String listenerArn) {
        for (RuleDescription r : engine.loadBalancing().describeRules(listenerArn, null, null, null).items()) {
            if (Boolean.TRUE.equals(r.isDefault())) {
                return r.ruleArn();
            }
        }
        throw new IllegalStateException("no default rule on " + listenerArn);
    }

    /** The service's load balancer entry: container {@code container} on {@code port}, blue/green-ready. */
    public LoadBalancer serviceLoadBalancer(String container, int port) {
        return new LoadBalancer(blueGroup, null, container, port, new AdvancedConfiguration(greenGroup, productionRule, testRule, ROLE));
    }

    /** Target group ARN → weight of a rule's forward action now. */
    public Map<String, Integer> weights(String ruleArn) {
        synchronized (engine) {
            return new LinkedHashMap<>(engine.elb().forwardWeights(ruleArn));
        }
    }

    /** Green's share of a rule's traffic in percent. */
    public double greenPercent(String ruleArn) {
        Map<String, Integer> w = weights(ruleArn);
        int total = w.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? 0 : 100.0 * w.getOrDefault(greenGroup, 0) / total;
    }
}
