package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.model.Tag;
import java.util.List;

/** A CreateService request; null members take ECS's defaults. */
public record CreateServiceRequest(
        String cluster,
        String serviceName,
        String taskDefinition,
        Integer desiredCount,
        String launchType,
        List<CapacityProviderStrategyItem> capacityProviderStrategy,
        String schedulingStrategy,
        DeploymentConfiguration deploymentConfiguration,
        NetworkConfiguration networkConfiguration,
        List<PlacementConstraint> placementConstraints,
        List<PlacementStrategy> placementStrategy,
        List<LoadBalancer> loadBalancers,
        Integer healthCheckGracePeriodSeconds,
        List<Tag> tags) {

    public CreateServiceRequest {
        capacityProviderStrategy = capacityProviderStrategy == null ? List.of() : List.copyOf(capacityProviderStrategy);
        placementConstraints = placementConstraints == null ? List.of() : List.copyOf(placementConstraints);
        placementStrategy = placementStrategy == null ? List.of() : List.copyOf(placementStrategy);
        loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The simplest request: a REPLICA service of {@code desiredCount} tasks. */
    public static CreateServiceRequest replica(String cluster, String name, String taskDefinition, int desiredCount, String launchType,
            NetworkConfiguration network) {
        return new CreateServiceRequest(cluster, name, taskDefinition, desiredCount, launchType, null, "REPLICA", null, network,
                null, null, null, null, null);
    }
}
