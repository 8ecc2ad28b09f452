package dev.ecsdeck.provider.aws;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.RunTaskRequest;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;

/**
 * SDK objects to the console's records: the SDK object becomes JSON with its wire member names
 * ({@link SdkJson}), which the records share, and Jackson reads the record from it. Members the
 * records do not carry are ignored.
 */
final class AwsModels {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

    private AwsModels() {}

    static <T> T one(SdkPojo sdk, Class<T> type) {
        try {
            return JSON.treeToValue(SdkJson.toJson(sdk), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot read " + type.getSimpleName() + " from the SDK's response: " + e.getMessage(), e);
        }
    }

    static <T> List<T> list(List<? extends SdkPojo> sdk, Class<T> type) {
        List<T> out = new ArrayList<>(sdk.size());
        for (SdkPojo p : sdk) {
            out.add(one(p, type));
        }
        return out;
    }

    /**
     * The deployment configuration as the SDK sends it, every member the record carries (strategy,
     * bake time, lifecycle hooks, canary and linear configurations included): the record becomes JSON
     * with its wire names, the same way back as {@link #one} reads it.
     */
    static software.amazon.awssdk.services.ecs.model.DeploymentConfiguration deploymentConfiguration(DeploymentConfiguration c) {
        var b = software.amazon.awssdk.services.ecs.model.DeploymentConfiguration.builder();
        SdkJson.fill((SdkPojo) b, JSON.valueToTree(c), "deploymentConfiguration");
        return b.build();
    }

    static software.amazon.awssdk.services.ecs.model.RunTaskRequest runTask(RunTaskRequest r) {
        var b = software.amazon.awssdk.services.ecs.model.RunTaskRequest.builder().cluster(r.cluster()).taskDefinition(r.taskDefinition())
                .count(r.count() == 0 ? 1 : r.count()).launchType(r.launchType()).startedBy(r.startedBy()).group(r.group());
        if (r.networkConfiguration() != null && r.networkConfiguration().awsvpcConfiguration() != null) {
            var vpc = r.networkConfiguration().awsvpcConfiguration();
            b.networkConfiguration(NetworkConfiguration.builder().awsvpcConfiguration(AwsVpcConfiguration.builder()
                    .subnets(vpc.subnets()).securityGroups(vpc.securityGroups()).assignPublicIp(vpc.assignPublicIp()).build()).build());
        }
        b.placementConstraints(r.placementConstraints().stream()
                .map(p -> PlacementConstraint.builder().type(p.type()).expression(p.expression()).build()).toList());
        b.placementStrategy(r.placementStrategy().stream()
                .map(p -> PlacementStrategy.builder().type(p.type()).field(p.field()).build()).toList());
        return b.build();
    }
}
