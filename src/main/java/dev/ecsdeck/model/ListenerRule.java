package dev.ecsdeck.model;

import java.util.List;

/**
 * A rule of a load balancer's listener (the listener's default action is a rule with priority
 * "default"), with its conditions in words ("path-pattern /api/*") and the target groups it forwards
 * to, by weight.
 */
public record ListenerRule(
        String ruleArn,
        String listenerArn,
        String loadBalancerArn,
        Integer listenerPort,
        String listenerProtocol,
        String priority,
        boolean isDefault,
        List<String> conditions,
        List<WeightedTargetGroup> forwardTo) {

    public ListenerRule {
        conditions = Lists.copy(conditions);
        forwardTo = Lists.copy(forwardTo);
    }

    /** A rule condition in words, the same on every backend: "path-pattern /api/*, /v2/*" (the field, then its values). */
    public static String conditionInWords(String field, List<String> values) {
        return field + " " + String.join(", ", values);
    }

    /** A target group a forward action sends requests to, and its weight (0–999; null when the action names one group alone). */
    public record WeightedTargetGroup(String targetGroupArn, Integer weight) {}

    /** The share of requests (percent) this rule sends to a target group: its weight over the sum; 0 when it does not forward there. */
    public double percentTo(String targetGroupArn) {
        int total = 0;
        Integer mine = null;
        for (WeightedTargetGroup w : forwardTo) {
            int weight = w.weight() == null ? 1 : w.weight();
            total += weight;
            if (w.targetGroupArn().equals(targetGroupArn)) {
                mine = weight;
            }
        }
        return mine == null || total == 0 ? 0 : 100.0 * mine / total;
    }
}
