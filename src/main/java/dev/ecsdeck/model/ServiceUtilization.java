package dev.ecsdeck.model;

import java.util.List;

/** A service's average CPU and memory utilisation in percent, oldest sample first. */
public record ServiceUtilization(List<MetricPoint> cpu, List<MetricPoint> memory) {
    public ServiceUtilization {
        cpu = Lists.copy(cpu);
        memory = Lists.copy(memory);
    }
}
