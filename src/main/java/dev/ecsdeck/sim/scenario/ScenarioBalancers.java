package dev.ecsdeck.sim.scenario;

import dev.ecsdeck.model.AdvancedConfiguration;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.elb.Action;
import dev.ecsdeck.sim.elb.CreateListenerRequest;
import dev.ecsdeck.sim.elb.CreateLoadBalancerRequest;
import dev.ecsdeck.sim.elb.CreateRuleRequest;
import dev.ecsdeck.sim.elb.CreateTargetGroupRequest;
import dev.ecsdeck.sim.elb.Matcher;
import dev.ecsdeck.sim.elb.RuleCondition;
import dev.ecsdeck.sim.elb.RuleDescription;
import dev.ecsdeck.sim.elb.TargetGroupAttribute;
import dev.ecsdeck.sim.elb.TargetGroupTuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's load balancers, created through the simulated ELB's API, and the names a scenario
 * uses for them resolved to ARNs: target groups by name, listener rules as {@code "listener"} (its
 * default rule) or {@code "listener/rule"}.
 */
final class ScenarioBalancers {
    /** The simulator has no VPCs: its load balancers are all in this one, and so are the scenario's target groups. */
    private static final String VPC = "vpc-0sim0default";
    private static final List<String> DEFAULT_SUBNETS = List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002");

    private final Map<String, String> groups = new HashMap<>();
    private final Map<String, String> rules = new HashMap<>();

    private ScenarioBalancers() {}

    /** Creates each load balancer with its target groups, listeners and rules. */
    static ScenarioBalancers create(SimEngine engine, List<Scenario.LoadBalancerSpec> specs) {
        ScenarioBalancers made = new ScenarioBalancers();
        for (Scenario.LoadBalancerSpec spec : specs) {
            made.createOne(engine, spec);
        }
        return made;
    }

    private void createOne(SimEngine engine, Scenario.LoadBalancerSpec spec) {
        var api = engine.loadBalancing();
        String lbArn = api.createLoadBalancer(new CreateLoadBalancerRequest(spec.name(), spec.subnets().isEmpty() ? DEFAULT_SUBNETS
                : spec.subnets(), null, spec.scheme(), null, null, null)).loadBalancerArn();
        for (Scenario.TargetGroupSpec g : spec.targetGroups()) {
            String arn = api.createTargetGroup(new CreateTargetGroupRequest(g.name(), "HTTP", null, g.port(), VPC, null, null, null,
                    g.healthCheckPath(), g.healthCheckIntervalSeconds(), null, g.healthyThresholdCount(), g.unhealthyThresholdCount(),
                    g.matcher() == null ? null : new Matcher(g.matcher()), g.targetType(), null, null)).targetGroupArn();
            if (g.deregistrationDelaySeconds() != null) {
                api.modifyTargetGroupAttributes(arn, List.of(new TargetGroupAttribute("deregistration_delay.timeout_seconds",
                        String.valueOf(g.deregistrationDelaySeconds()))));
            }
            groups.put(g.name(), arn);
        }
        for (Scenario.ListenerSpec l : spec.listeners()) {
            if (rules.containsKey(l.name())) {
                throw new IllegalArgumentException("Two listeners are named '" + l.name() + "': listener names are unique in a scenario.");
            }
            String listenerArn = api.createListener(new CreateListenerRequest(lbArn, l.protocol() == null ? "HTTP" : l.protocol(), l.port(),
                    null, null, List.of(forward(l.forward(), "listener " + l.name())), null)).listenerArn();
            rules.put(l.name(), defaultRule(engine, listenerArn));
            for (Scenario.RuleSpec r : l.rules()) {
                List<RuleCondition> conditions = new ArrayList<>();
                if (!r.pathPatterns().isEmpty()) {
                    conditions.add(RuleCondition.pathPattern(r.pathPatterns().toArray(String[]::new)));
                }
                if (!r.hostHeaders().isEmpty()) {
                    conditions.add(RuleCondition.hostHeader(r.hostHeaders().toArray(String[]::new)));
                }
                String where = "rule " + l.name() + "/" + r.name();
                RuleDescription rule = api.createRule(new CreateRuleRequest(listenerArn, conditions, r.priority(),
                        List.of(forward(r.forward(), where)), null));
                rules.put(l.name() + "/" + r.name(), rule.ruleArn());
            }
        }
    }

    private Action forward(List<Scenario.Forward> to, String where) {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("The " + where + " forwards to no target group.");
        }
        List<TargetGroupTuple> tuples = new ArrayList<>();
        for (Scenario.Forward f : to) {
            tuples.add(new TargetGroupTuple(group(f.targetGroup(), where), f.weight() == null ? 1 : f.weight()));
        }
        return Action.forward(tuples);
    }

    private static String defaultRule(SimEngine engine, String listenerArn) {
        for (RuleDescription r : engine.loadBalancing().describeRules(listenerArn, null, null, null).items()) {
            if (Boolean.TRUE.equals(r.isDefault())) {
                return r.ruleArn();
            }
        }
        throw new IllegalStateException("The listener " + listenerArn + " has no default rule.");
    }

    /** A service's load balancers with names resolved to ARNs. */
    List<LoadBalancer> resolve(String service, List<Scenario.ServiceLoadBalancer> specs) {
        List<LoadBalancer> out = new ArrayList<>();
        for (Scenario.ServiceLoadBalancer s : specs) {
            String where = "service " + service;
            Scenario.Advanced a = s.advancedConfiguration();
            AdvancedConfiguration advanced = a == null ? null : new AdvancedConfiguration(group(a.alternateTargetGroup(), where),
                    rule(a.productionListenerRule(), where), a.testListenerRule() == null ? null : rule(a.testListenerRule(), where),
                    a.roleArn());
            out.add(new LoadBalancer(group(s.targetGroup(), where), null, s.containerName(), s.containerPort(), advanced));
        }
        return out;
    }

    private String group(String name, String where) {
        String arn = groups.get(name);
        if (arn == null) {
            throw new IllegalArgumentException("The " + where + " names target group '" + name + "', which the scenario does not define.");
        }
        return arn;
    }

    private String rule(String name, String where) {
        String arn = rules.get(name);
        if (arn == null) {
            throw new IllegalArgumentException("The " + where + " names listener rule '" + name
                    + "', which the scenario does not define (\"listener\" or \"listener/rule\").");
        }
        return arn;
    }
}
