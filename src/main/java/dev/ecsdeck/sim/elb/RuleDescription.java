package dev.ecsdeck.sim.elb;

import java.util.List;

/** A listener rule as DescribeRules returns it (ELB's {@code Rule}); the default rule has priority "default". */
public record RuleDescription(String ruleArn, String priority, List<RuleCondition> conditions, List<Action> actions, Boolean isDefault) {

    public RuleDescription {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }
}
