package dev.ecsdeck.model;

import java.time.Instant;
import java.util.List;

/** An ECS task as DescribeTasks returns it. */
public record EcsTask(
        String taskArn,
        String clusterArn,
        String taskDefinitionArn,
        String containerInstanceArn,
        String availabilityZone,
        String group,
        String startedBy,
        String lastStatus,
        String desiredStatus,
        String healthStatus,
        String launchType,
        String capacityProviderName,
        String cpu,
        String memory,
        List<Container> containers,
        Instant createdAt,
        Instant pullStartedAt,
        Instant pullStoppedAt,
        Instant startedAt,
        Instant stoppingAt,
        Instant stoppedAt,
        String stopCode,
        String stoppedReason,
        long version,
        List<Tag> tags) {

    public EcsTask {
        containers = Lists.copy(containers);
        tags = Lists.copy(tags);
    }

    /** The task id: the last part of its ARN. */
    public String taskId() {
        return Arns.lastSegment(taskArn);
    }
}
