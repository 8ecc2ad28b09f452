package dev.ecsdeck.sim.elb;

import dev.ecsdeck.model.Tag;
import java.util.List;

/** A CreateRule request. */
public record CreateRuleRequest(String listenerArn, List<RuleCondition> conditions, Integer priority, List<Action> actions, List<Tag> tags) {

    public CreateRuleRequest {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        actions = actions == null ? List.of() : List.copyOf(actions);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
