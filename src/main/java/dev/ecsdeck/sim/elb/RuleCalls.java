package dev.ecsdeck.sim.elb;

import dev.ecsdeck.sim.SimApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** CreateRule, DescribeRules, ModifyRule, DeleteRule and SetRulePriorities, under the engine's lock. */
final class RuleCalls {
    /** ELB's limit of condition values in one rule. */
    static final int MAX_CONDITION_VALUES = 5;

    private final SimElb elb;

    RuleCalls(SimElb elb) {
        this.elb = elb;
    }

    RuleDescription create(CreateRuleRequest r, Instant now) {
        ElbListener l = elb.listeners.get(r.listenerArn());
        if (l == null) {
            throw ElbErrors.listenerNotFound();
        }
        if (r.priority() == null || r.priority() < 1 || r.priority() > 50000) {
            throw ElbErrors.validation("Priority '" + r.priority() + "' must be from 1 to 50000");
        }
        checkConditions(r.conditions());
        ElbActions.check(elb, r.actions(), l.loadBalancerArn);
        ElbTags.checkNew(r.tags());
        for (ElbRule other : elb.rulesOf(l.arn)) {
            if (r.priority().equals(other.priority)) {
                throw new SimApiException("PriorityInUse", "Priority '" + r.priority() + "' is currently in use");
            }
        }
        ElbLoadBalancer lb = elb.loadBalancers.get(l.loadBalancerArn);
        ElbRule rule = new ElbRule(elb.ids.listenerRuleArn(lb.name, lb.id, l.id, elb.ids.hex(16)), l.arn, false, r.priority());
        rule.conditions.addAll(r.conditions());
        rule.actions.addAll(ElbActions.normalise(r.actions()));
        elb.rules.put(rule.arn, rule);
        ElbTags.put(elb, rule.arn, r.tags());
        elb.routesChanged(now);
        return ElbViews.rule(rule);
    }

    MarkedPage<RuleDescription> describe(String listenerArn, List<String> arns, String marker, Integer pageSize) {
        boolean byArn = arns != null && !arns.isEmpty();
        if (listenerArn == null && !byArn) {
            throw ElbErrors.validation("You must specify either listener ARN or rule ARNs");
        }
        if (listenerArn != null && byArn) {
            throw ElbErrors.validation("A listener ARN and rule ARNs cannot be specified at the same time");
        }
        List<RuleDescription> out = new ArrayList<>();
        if (byArn) {
            arns.forEach(arn -> out.add(ElbViews.rule(rule(arn))));
        } else {
            if (!elb.listeners.containsKey(listenerArn)) {
                throw ElbErrors.listenerNotFound();
            }
            elb.rulesOf(listenerArn).forEach(r -> out.add(ElbViews.rule(r)));
        }
        return ElbChecks.page(out, marker, pageSize);
    }

    /** Replaces the conditions and/or actions given (null leaves them); the default rule's conditions cannot change. */
    RuleDescription modify(String ruleArn, List<RuleCondition> conditions, List<Action> actions, Instant now) {
        ElbRule r = rule(ruleArn);
        if (conditions != null) {
            if (r.isDefault) {
                throw ElbErrors.operationNotPermitted("The default rule's conditions cannot be modified");
            }
            checkConditions(conditions);
        }
        if (actions != null) {
            ElbActions.check(elb, actions, elb.listeners.get(r.listenerArn).loadBalancerArn);
        }
        if (conditions != null) {
            r.conditions.clear();
            r.conditions.addAll(conditions);
        }
        if (actions != null) {
            r.actions.clear();
            r.actions.addAll(ElbActions.normalise(actions));
            elb.routesChanged(now);
        }
        return ElbViews.rule(r);
    }

    void delete(String ruleArn, Instant now) {
        ElbRule r = rule(ruleArn);
        if (r.isDefault) {
            throw ElbErrors.operationNotPermitted("The default rule cannot be deleted");
        }
        elb.rules.remove(r.arn);
        elb.tags.remove(r.arn);
        elb.routesChanged(now);
    }

    /** Sets the priorities of the given rules at once; rules not named keep theirs. */
    List<RuleDescription> setPriorities(Map<String, Integer> priorities) {
        if (priorities == null || priorities.isEmpty()) {
            throw ElbErrors.validation("At least one rule priority must be specified");
        }
        Map<String, Map<Integer, String>> taken = new HashMap<>();
        for (Map.Entry<String, Integer> e : priorities.entrySet()) {
            ElbRule r = rule(e.getKey());
            if (r.isDefault) {
                throw ElbErrors.operationNotPermitted("The default rule's priority cannot be set");
            }
            if (e.getValue() == null || e.getValue() < 1 || e.getValue() > 50000) {
                throw ElbErrors.validation("Priority '" + e.getValue() + "' must be from 1 to 50000");
            }
        }
        for (ElbRule r : elb.rules.values()) {
            if (!r.isDefault) {
                Integer p = priorities.getOrDefault(r.arn, r.priority);
                String other = taken.computeIfAbsent(r.listenerArn, k -> new HashMap<>()).putIfAbsent(p, r.arn);
                if (other != null) {
                    throw new SimApiException("PriorityInUse", "Priority '" + p + "' is currently in use");
                }
            }
        }
        List<RuleDescription> out = new ArrayList<>();
        priorities.forEach((arn, p) -> {
            ElbRule r = elb.rules.get(arn);
            r.priority = p;
            out.add(ElbViews.rule(r));
        });
        return out;
    }

    private ElbRule rule(String arn) {
        ElbRule r = elb.rules.get(arn);
        if (r == null) {
            throw ElbErrors.ruleNotFound();
        }
        return r;
    }

    /** At least one path-pattern or host-header condition, each with values (in Values or its config, not both), five values in all at most. */
    private static void checkConditions(List<RuleCondition> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            throw ElbErrors.validation("A rule must have at least one condition");
        }
        int values = 0;
        for (RuleCondition c : conditions) {
            List<String> config;
            if ("path-pattern".equals(c.field())) {
                config = c.pathPatternConfig() == null ? List.of() : c.pathPatternConfig().values();
            } else if ("host-header".equals(c.field())) {
                config = c.hostHeaderConfig() == null ? List.of() : c.hostHeaderConfig().values();
            } else {
                throw ElbErrors.validation("Condition field '" + c.field() + "' is not supported by the simulator (path-pattern and host-header are)");
            }
            if (!c.values().isEmpty() && !config.isEmpty()) {
                throw ElbErrors.validation("A '" + c.field() + "' condition cannot have both Values and a config");
            }
            List<String> given = config.isEmpty() ? c.values() : config;
            if (given.isEmpty()) {
                throw ElbErrors.validation("A '" + c.field() + "' condition must have at least one value");
            }
            for (String v : given) {
                if (v == null || v.isEmpty() || v.length() > 128) {
                    throw ElbErrors.validation("A '" + c.field() + "' condition value must be 1 to 128 characters");
                }
            }
            values += given.size();
        }
        if (values > MAX_CONDITION_VALUES) {
            throw ElbErrors.validation("A rule can have at most " + MAX_CONDITION_VALUES + " condition values");
        }
    }
}
