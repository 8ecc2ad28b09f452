package dev.ecsdeck.sim.elb;

import java.util.List;

/** Host names a rule matches (ELB's {@code HostHeaderConditionConfig}). */
public record HostHeaderConditionConfig(List<String> values) {

    public HostHeaderConditionConfig {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
