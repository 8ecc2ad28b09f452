package dev.ecsdeck.model;

import java.time.Instant;
import java.util.List;

/**
 * A task definition revision. {@code json} is the whole document as DescribeTaskDefinition returns
 * it; the other components are the parts the console shows without parsing it again.
 */
public record TaskDefinition(
        String taskDefinitionArn,
        String family,
        int revision,
        String status,
        String networkMode,
        String cpu,
        String memory,
        List<String> requiresCompatibilities,
        List<String> containerNames,
        Instant registeredAt,
        String registeredBy,
        Instant deregisteredAt,
        String json) {

    public TaskDefinition {
        requiresCompatibilities = Lists.copy(requiresCompatibilities);
        containerNames = Lists.copy(containerNames);
    }

    public String familyRevision() {
        return family + ":" + revision;
    }
}
