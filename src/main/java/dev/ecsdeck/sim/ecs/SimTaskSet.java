package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A task set of a service with the EXTERNAL deployment controller: a task definition and how it runs,
 * and the share of the service's desired count ({@link #scalePercent}) the simulator keeps running.
 */
final class SimTaskSet {
    final String id;
    final String arn;
    final String externalId;
    final String taskDefinitionArn;
    final String launchType;
    final List<CapacityProviderStrategyItem> capacityProviderStrategy;
    final String platformVersion;
    final NetworkConfiguration networkConfiguration;
    final List<LoadBalancer> loadBalancers;
    /** As given (the simulator registers nothing in Cloud Map); null when none. */
    final JsonNode serviceRegistries;
    final List<Tag> tags = new ArrayList<>();
    final String clientToken;
    final Instant createdAt;
    /** PRIMARY, ACTIVE or DRAINING (deleted: its tasks stop, then it is gone). */
    String status = "ACTIVE";
    double scalePercent;
    Instant updatedAt;
    String stabilityStatus = "STABILIZING";
    Instant stabilityStatusAt;

    SimTaskSet(String id, String arn, String externalId, String taskDefinitionArn, String launchType,
            List<CapacityProviderStrategyItem> capacityProviderStrategy, String platformVersion, NetworkConfiguration networkConfiguration,
            List<LoadBalancer> loadBalancers, JsonNode serviceRegistries, String clientToken, double scalePercent, Instant createdAt) {
        this.id = id;
        this.arn = arn;
        this.externalId = externalId;
        this.taskDefinitionArn = taskDefinitionArn;
        this.launchType = launchType;
        this.capacityProviderStrategy = List.copyOf(capacityProviderStrategy);
        this.platformVersion = platformVersion;
        this.networkConfiguration = networkConfiguration;
        this.loadBalancers = List.copyOf(loadBalancers);
        this.serviceRegistries = serviceRegistries;
        this.clientToken = clientToken;
        this.scalePercent = scalePercent;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.stabilityStatusAt = createdAt;
    }

    /** The service's desired count times the scale, rounded up (1.2 tasks is 2), as ECS documents computedDesiredCount. */
    int computedDesiredCount(int serviceDesiredCount) {
        if ("DRAINING".equals(status)) {
            return 0;
        }
        // Rounded to a millionth first, so that 3 x 33.333333% is not pushed to 2 by the float's last digit.
        double exact = Math.round(serviceDesiredCount * scalePercent * 10_000.0) / 1_000_000.0;
        return (int) Math.ceil(exact);
    }

    boolean draining() {
        return "DRAINING".equals(status);
    }
}
