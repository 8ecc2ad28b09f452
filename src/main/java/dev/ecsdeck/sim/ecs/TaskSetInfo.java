package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.Tag;
import java.time.Instant;
import java.util.List;

/**
 * A task set as ECS describes it (the API model's TaskSet; member names are the wire's). Tags are null
 * unless asked for, as DescribeTaskSets leaves them out without {@code include: ["TAGS"]}.
 */
public record TaskSetInfo(String id, String taskSetArn, String serviceArn, String clusterArn, String externalId, String status,
        String taskDefinition, int computedDesiredCount, int pendingCount, int runningCount, Instant createdAt, Instant updatedAt,
        String launchType, List<CapacityProviderStrategyItem> capacityProviderStrategy, String platformVersion,
        NetworkConfiguration networkConfiguration, List<LoadBalancer> loadBalancers, JsonNode serviceRegistries, Scale scale,
        String stabilityStatus, Instant stabilityStatusAt, List<Tag> tags) {

    /** A share of the service's desired count; the unit is PERCENT, the only one ECS has. */
    public record Scale(Double value, String unit) {}

    public boolean isPrimary() {
        return "PRIMARY".equals(status);
    }
}
