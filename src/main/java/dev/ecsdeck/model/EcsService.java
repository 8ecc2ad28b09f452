package dev.ecsdeck.model;

import java.time.Instant;
import java.util.List;

/** An ECS service as DescribeServices returns it (events newest first). */
public record EcsService(
        String serviceArn,
        String serviceName,
        String clusterArn,
        String status,
        int desiredCount,
        int runningCount,
        int pendingCount,
        String launchType,
        List<CapacityProviderStrategyItem> capacityProviderStrategy,
        String platformVersion,
        String taskDefinition,
        DeploymentConfiguration deploymentConfiguration,
        List<Deployment> deployments,
        List<ServiceEvent> events,
        Instant createdAt,
        String createdBy,
        List<PlacementConstraint> placementConstraints,
        List<PlacementStrategy> placementStrategy,
        NetworkConfiguration networkConfiguration,
        List<LoadBalancer> loadBalancers,
        String schedulingStrategy,
        Integer healthCheckGracePeriodSeconds,
        List<Tag> tags,
        boolean enableExecuteCommand) {

    public EcsService {
        capacityProviderStrategy = Lists.copy(capacityProviderStrategy);
        deployments = Lists.copy(deployments);
        events = Lists.copy(events);
        placementConstraints = Lists.copy(placementConstraints);
        placementStrategy = Lists.copy(placementStrategy);
        loadBalancers = Lists.copy(loadBalancers);
        tags = Lists.copy(tags);
    }

    /** A service without ECS Exec (enableExecuteCommand false, ECS's default). */
    public EcsService(String serviceArn, String serviceName, String clusterArn, String status, int desiredCount, int runningCount,
            int pendingCount, String launchType, List<CapacityProviderStrategyItem> capacityProviderStrategy, String platformVersion,
            String taskDefinition, DeploymentConfiguration deploymentConfiguration, List<Deployment> deployments,
            List<ServiceEvent> events, Instant createdAt, String createdBy, List<PlacementConstraint> placementConstraints,
            List<PlacementStrategy> placementStrategy, NetworkConfiguration networkConfiguration, List<LoadBalancer> loadBalancers,
            String schedulingStrategy, Integer healthCheckGracePeriodSeconds, List<Tag> tags) {
        this(serviceArn, serviceName, clusterArn, status, desiredCount, runningCount, pendingCount, launchType, capacityProviderStrategy,
                platformVersion, taskDefinition, deploymentConfiguration, deployments, events, createdAt, createdBy, placementConstraints,
                placementStrategy, networkConfiguration, loadBalancers, schedulingStrategy, healthCheckGracePeriodSeconds, tags, false);
    }

    public boolean isDaemon() {
        return "DAEMON".equals(schedulingStrategy);
    }

    /**
     * Running tasks of the deployments other than the PRIMARY one: during a rollout (and for the whole
     * of a blue/green, canary or linear one) the old revision runs beside the new, so running exceeds desired.
     */
    public int runningOfOlderDeployments() {
        return deployments.stream().filter(d -> !d.isPrimary()).mapToInt(Deployment::runningCount).sum();
    }
}
