package dev.ecsdeck.provider.sim;

import dev.ecsdeck.model.ListenerRule;
import dev.ecsdeck.model.TargetGroup;
import dev.ecsdeck.model.TargetHealth;
import dev.ecsdeck.sim.elb.Action;
import dev.ecsdeck.sim.elb.ElbApi;
import dev.ecsdeck.sim.elb.ListenerDescription;
import dev.ecsdeck.sim.elb.MarkedPage;
import dev.ecsdeck.sim.elb.RuleCondition;
import dev.ecsdeck.sim.elb.RuleDescription;
import dev.ecsdeck.sim.elb.TargetGroupDescription;
import dev.ecsdeck.sim.elb.TargetHealthDescription;
import dev.ecsdeck.sim.elb.TargetGroupTuple;
import java.util.ArrayList;
import java.util.List;

/** The load-balancer reads of {@link SimProvider}: the simulator's ELB answers in the console's model, every page read. */
final class SimLoadBalancing {
    /** DescribeTargetGroups takes at most 20 ARNs; its pages and DescribeRules' go up to 400. */
    private static final int MAX_ARNS = 20;
    private static final int PAGE = 400;

    private final ElbApi elb;

    SimLoadBalancing(ElbApi elb) {
        this.elb = elb;
    }

    List<TargetGroup> describeTargetGroups(List<String> arns) {
        List<TargetGroup> out = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += MAX_ARNS) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + MAX_ARNS));
            String marker = null;
            do {
                MarkedPage<TargetGroupDescription> page = elb.describeTargetGroups(null, batch, null, marker, PAGE);
                page.items().forEach(g -> out.add(new TargetGroup(g.targetGroupArn(), g.targetGroupName(), g.protocol(), g.port(),
                        g.targetType(), g.healthCheckPath(), g.healthCheckIntervalSeconds(), g.healthyThresholdCount(),
                        g.unhealthyThresholdCount(), g.loadBalancerArns())));
                marker = page.nextMarker();
            } while (marker != null);
        }
        return out;
    }

    List<TargetHealth> describeTargetHealth(String targetGroupArn) {
        List<TargetHealth> out = new ArrayList<>();
        for (TargetHealthDescription d : elb.describeTargetHealth(targetGroupArn, null)) {
            out.add(new TargetHealth(targetGroupArn, d.target().id(), d.target().port(), d.target().availabilityZone(),
                    d.targetHealth().state(), d.targetHealth().reason(), d.targetHealth().description()));
        }
        return out;
    }

    List<ListenerRule> describeListenerRules(String loadBalancerArn) {
        List<ListenerRule> out = new ArrayList<>();
        String marker = null;
        do {
            MarkedPage<ListenerDescription> listeners = elb.describeListeners(loadBalancerArn, null, marker, PAGE);
            for (ListenerDescription l : listeners.items()) {
                String ruleMarker = null;
                do {
                    MarkedPage<RuleDescription> rules = elb.describeRules(l.listenerArn(), null, ruleMarker, PAGE);
                    rules.items().forEach(r -> out.add(rule(l, r)));
                    ruleMarker = rules.nextMarker();
                } while (ruleMarker != null);
            }
            marker = listeners.nextMarker();
        } while (marker != null);
        return out;
    }

    private static ListenerRule rule(ListenerDescription l, RuleDescription r) {
        List<String> conditions = r.conditions().stream().map(SimLoadBalancing::condition).toList();
        List<ListenerRule.WeightedTargetGroup> forward = new ArrayList<>();
        for (Action a : r.actions()) {
            if (!"forward".equals(a.type())) {
                continue;
            }
            if (a.forwardConfig() != null && !a.forwardConfig().targetGroups().isEmpty()) {
                for (TargetGroupTuple t : a.forwardConfig().targetGroups()) {
                    forward.add(new ListenerRule.WeightedTargetGroup(t.targetGroupArn(), t.weight()));
                }
            } else if (a.targetGroupArn() != null) {
                forward.add(new ListenerRule.WeightedTargetGroup(a.targetGroupArn(), null));
            }
        }
        return new ListenerRule(r.ruleArn(), l.listenerArn(), l.loadBalancerArn(), l.port(), l.protocol(), r.priority(),
                Boolean.TRUE.equals(r.isDefault()), conditions, forward);
    }

    /** "path-pattern /api/*, /v2/*": the field and its values, wherever ELB put them. */
    static String condition(RuleCondition c) {
        List<String> values = c.values();
        if (values.isEmpty() && c.pathPatternConfig() != null) {
            values = c.pathPatternConfig().values();
        }
        if (values.isEmpty() && c.hostHeaderConfig() != null) {
            values = c.hostHeaderConfig().values();
        }
        return ListenerRule.conditionInWords(c.field(), values);
    }
}
