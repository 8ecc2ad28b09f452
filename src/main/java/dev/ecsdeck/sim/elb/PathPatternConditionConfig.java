package dev.ecsdeck.sim.elb;

import java.util.List;

/** Path patterns a rule matches (ELB's {@code PathPatternConditionConfig}). */
public record PathPatternConditionConfig(List<String> values) {

    public PathPatternConditionConfig {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
