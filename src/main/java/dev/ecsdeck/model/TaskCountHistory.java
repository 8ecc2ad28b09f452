package dev.ecsdeck.model;

import java.util.List;

/**
 * A service's task counts over time from Container Insights ({@code ECS/ContainerInsights}
 * DesiredTaskCount, RunningTaskCount, PendingTaskCount by ClusterName and ServiceName), oldest first.
 */
public record TaskCountHistory(List<MetricPoint> desired, List<MetricPoint> running, List<MetricPoint> pending) {
    public TaskCountHistory {
        desired = Lists.copy(desired);
        running = Lists.copy(running);
        pending = Lists.copy(pending);
    }
}
