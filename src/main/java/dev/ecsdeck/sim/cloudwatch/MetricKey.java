package dev.ecsdeck.sim.cloudwatch;

import java.util.Map;
import java.util.TreeMap;

/** A metric as CloudWatch tells metrics apart: namespace, name and the exact set of dimensions (name → value). */
public record MetricKey(String namespace, String metricName, Map<String, String> dimensions) {
    public MetricKey {
        dimensions = Map.copyOf(dimensions);
    }

    /** The dimensions in name order, as CloudWatch lists them. */
    public Map<String, String> sortedDimensions() {
        return new TreeMap<>(dimensions);
    }
}
