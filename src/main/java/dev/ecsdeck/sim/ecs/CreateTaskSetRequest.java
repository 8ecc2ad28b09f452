package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.Tag;
import java.util.List;

/** A CreateTaskSet request; {@code scale} null means 100 percent. */
public record CreateTaskSetRequest(String cluster, String service, String externalId, String taskDefinition,
        NetworkConfiguration networkConfiguration, List<LoadBalancer> loadBalancers, JsonNode serviceRegistries, String launchType,
        List<CapacityProviderStrategyItem> capacityProviderStrategy, String platformVersion, TaskSetInfo.Scale scale, String clientToken,
        List<Tag> tags) {

    public CreateTaskSetRequest {
        loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        capacityProviderStrategy = capacityProviderStrategy == null ? List.of() : List.copyOf(capacityProviderStrategy);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
