package dev.ecsdeck.model;

import java.time.Instant;
import java.util.List;

/** What one rollout of a service deploys: the task definition and the environment it runs in. */
public record ServiceRevision(
        String serviceRevisionArn,
        String serviceArn,
        String clusterArn,
        String taskDefinition,
        List<CapacityProviderStrategyItem> capacityProviderStrategy,
        String launchType,
        String platformVersion,
        String platformFamily,
        List<LoadBalancer> loadBalancers,
        NetworkConfiguration networkConfiguration,
        List<ContainerImage> containerImages,
        Instant createdAt) {

    public ServiceRevision {
        capacityProviderStrategy = capacityProviderStrategy == null ? List.of() : List.copyOf(capacityProviderStrategy);
        loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        containerImages = containerImages == null ? List.of() : List.copyOf(containerImages);
    }

    /** A container's image as the revision resolved it. */
    public record ContainerImage(String containerName, String imageDigest, String image) {}
}
