package dev.ecsdeck.sim.elb;

import java.util.List;

/**
 * A rule's condition (ELB's {@code RuleCondition}): field {@code path-pattern} or {@code host-header}, its
 * values either in {@link #values} or in the field's config.
 */
public record RuleCondition(
        String field,
        List<String> values,
        HostHeaderConditionConfig hostHeaderConfig,
        PathPatternConditionConfig pathPatternConfig) {

    public RuleCondition {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static RuleCondition pathPattern(String... patterns) {
        return new RuleCondition("path-pattern", null, null, new PathPatternConditionConfig(List.of(patterns)));
    }

    public static RuleCondition hostHeader(String... hosts) {
        return new RuleCondition("host-header", null, new HostHeaderConditionConfig(List.of(hosts)), null);
    }
}
