package dev.ecsdeck.model;

import java.util.List;

/** An ECS cluster with its counts, as DescribeClusters returns it. */
public record Cluster(
        String clusterArn,
        String clusterName,
        String status,
        int registeredContainerInstancesCount,
        int runningTasksCount,
        int pendingTasksCount,
        int activeServicesCount,
        List<String> capacityProviders,
        List<CapacityProviderStrategyItem> defaultCapacityProviderStrategy,
        List<KeyValue> settings,
        List<Tag> tags) {

    public Cluster {
        capacityProviders = Lists.copy(capacityProviders);
        defaultCapacityProviderStrategy = Lists.copy(defaultCapacityProviderStrategy);
        settings = Lists.copy(settings);
        tags = Lists.copy(tags);
    }
}
