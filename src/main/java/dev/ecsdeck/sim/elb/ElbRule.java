package dev.ecsdeck.sim.elb;

import java.util.ArrayList;
import java.util.List;

/** A listener rule's state; the default rule has no priority and no conditions. */
final class ElbRule {
    final String arn;
    final String listenerArn;
    final boolean isDefault;
    /** 1–50000; null for the default rule. */
    Integer priority;
    final List<RuleCondition> conditions = new ArrayList<>();
    final List<Action> actions = new ArrayList<>();

    ElbRule(String arn, String listenerArn, boolean isDefault, Integer priority) {
        this.arn = arn;
        this.listenerArn = listenerArn;
        this.isDefault = isDefault;
        this.priority = priority;
    }

    /** The forward action's target groups and weights, in order (empty when it does not forward). */
    List<TargetGroupTuple> forwardTargets() {
        for (Action a : actions) {
            if ("forward".equals(a.type()) && a.forwardConfig() != null) {
                return a.forwardConfig().targetGroups();
            }
        }
        return List.of();
    }
}
