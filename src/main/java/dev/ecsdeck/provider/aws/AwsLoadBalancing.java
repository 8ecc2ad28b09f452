package dev.ecsdeck.provider.aws;

import dev.ecsdeck.model.ListenerRule;
import dev.ecsdeck.model.TargetGroup;
import dev.ecsdeck.model.TargetHealth;
import dev.ecsdeck.provider.Operation;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * The load-balancer reads of {@link AwsEcsProvider} on the SDK's Elastic Load Balancing v2 client,
 * every page read. ELB speaks the Query protocol, whose members are capitalised on the wire, so its
 * objects are mapped to the console's records here by hand rather than through {@link SdkJson}.
 */
final class AwsLoadBalancing {
    /** DescribeTargetGroups takes at most 20 ARNs; its pages and DescribeListeners' and DescribeRules' go up to 400. */
    private static final int MAX_ARNS = 20;
    private static final int PAGE = 400;

    private final ElasticLoadBalancingV2Client elb;
    private final AwsErrors errors;

    AwsLoadBalancing(ElasticLoadBalancingV2Client elb, AwsErrors errors) {
        this.elb = elb;
        this.errors = errors;
    }

    List<TargetGroup> describeTargetGroups(List<String> arns) {
        List<TargetGroup> out = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += MAX_ARNS) {
            List<String> batch = List.copyOf(arns.subList(i, Math.min(arns.size(), i + MAX_ARNS)));
            String marker = null;
            do {
                String from = marker;
                var r = errors.call(Operation.DESCRIBE_TARGET_GROUPS,
                        () -> elb.describeTargetGroups(b -> b.targetGroupArns(batch).marker(from).pageSize(PAGE)));
                r.targetGroups().forEach(g -> out.add(new TargetGroup(g.targetGroupArn(), g.targetGroupName(), g.protocolAsString(), g.port(),
                        g.targetTypeAsString(), g.healthCheckPath(), g.healthCheckIntervalSeconds(), g.healthyThresholdCount(),
                        g.unhealthyThresholdCount(), g.hasLoadBalancerArns() ? g.loadBalancerArns() : List.of())));
                marker = r.nextMarker();
            } while (marker != null);
        }
        return out;
    }

    List<TargetHealth> describeTargetHealth(String targetGroupArn) {
        var r = errors.call(Operation.DESCRIBE_TARGET_HEALTH, () -> elb.describeTargetHealth(b -> b.targetGroupArn(targetGroupArn)));
        List<TargetHealth> out = new ArrayList<>();
        for (TargetHealthDescription d : r.targetHealthDescriptions()) {
            var health = d.targetHealth();
            out.add(new TargetHealth(targetGroupArn, d.target().id(), d.target().port(), d.target().availabilityZone(),
                    health == null ? null : health.stateAsString(), health == null ? null : health.reasonAsString(),
                    health == null ? null : health.description()));
        }
        return out;
    }

    List<ListenerRule> describeListenerRules(String loadBalancerArn) {
        List<ListenerRule> out = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            var listeners = errors.call(Operation.DESCRIBE_LISTENER_RULES,
                    () -> elb.describeListeners(b -> b.loadBalancerArn(loadBalancerArn).marker(from).pageSize(PAGE)));
            for (Listener l : listeners.listeners()) {
                String ruleMarker = null;
                do {
                    String ruleFrom = ruleMarker;
                    var rules = errors.call(Operation.DESCRIBE_LISTENER_RULES,
                            () -> elb.describeRules(b -> b.listenerArn(l.listenerArn()).marker(ruleFrom).pageSize(PAGE)));
                    rules.rules().forEach(r -> out.add(rule(l, r)));
                    ruleMarker = rules.nextMarker();
                } while (ruleMarker != null);
            }
            marker = listeners.nextMarker();
        } while (marker != null);
        return out;
    }

    private static ListenerRule rule(Listener l, Rule r) {
        List<String> conditions = r.conditions().stream().map(AwsLoadBalancing::condition).toList();
        List<ListenerRule.WeightedTargetGroup> forward = new ArrayList<>();
        for (Action a : r.actions()) {
            if (!"forward".equals(a.typeAsString())) {
                continue;
            }
            if (a.forwardConfig() != null && a.forwardConfig().hasTargetGroups() && !a.forwardConfig().targetGroups().isEmpty()) {
                for (TargetGroupTuple t : a.forwardConfig().targetGroups()) {
                    forward.add(new ListenerRule.WeightedTargetGroup(t.targetGroupArn(), t.weight()));
                }
            } else if (a.targetGroupArn() != null) {
                forward.add(new ListenerRule.WeightedTargetGroup(a.targetGroupArn(), null));
            }
        }
        return new ListenerRule(r.ruleArn(), l.listenerArn(), l.loadBalancerArn(), l.port(), l.protocolAsString(), r.priority(),
                Boolean.TRUE.equals(r.isDefault()), conditions, forward);
    }

    /** The condition in the console's words; its values from Values or, when that is empty, the field's own configuration. */
    static String condition(RuleCondition c) {
        List<String> values = c.hasValues() ? c.values() : List.of();
        if (values.isEmpty() && c.pathPatternConfig() != null && c.pathPatternConfig().hasValues()) {
            values = c.pathPatternConfig().values();
        }
        if (values.isEmpty() && c.hostHeaderConfig() != null && c.hostHeaderConfig().hasValues()) {
            values = c.hostHeaderConfig().values();
        }
        if (values.isEmpty() && c.httpRequestMethodConfig() != null && c.httpRequestMethodConfig().hasValues()) {
            values = c.httpRequestMethodConfig().values();
        }
        if (values.isEmpty() && c.sourceIpConfig() != null && c.sourceIpConfig().hasValues()) {
            values = c.sourceIpConfig().values();
        }
        return ListenerRule.conditionInWords(c.field(), values);
    }
}
