package dev.ecsdeck.provider;

import dev.ecsdeck.model.DeploymentConfiguration;

/**
 * An UpdateService call: each of desired count, task definition and deployment configuration is
 * changed only where it is not null.
 */
public record ServiceUpdate(
        String cluster,
        String service,
        Integer desiredCount,
        String taskDefinition,
        boolean forceNewDeployment,
        DeploymentConfiguration deploymentConfiguration) {

    public static ServiceUpdate desiredCount(String cluster, String service, int count) {
        return new ServiceUpdate(cluster, service, count, null, false, null);
    }

    public static ServiceUpdate taskDefinition(String cluster, String service, String taskDefinition) {
        return new ServiceUpdate(cluster, service, null, taskDefinition, false, null);
    }

    public static ServiceUpdate forceNewDeployment(String cluster, String service) {
        return new ServiceUpdate(cluster, service, null, null, true, null);
    }

    public static ServiceUpdate deploymentConfiguration(String cluster, String service, DeploymentConfiguration configuration) {
        return new ServiceUpdate(cluster, service, null, null, false, configuration);
    }
}
