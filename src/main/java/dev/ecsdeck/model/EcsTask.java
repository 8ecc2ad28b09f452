package dev.ecsdeck.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
        List<Tag> tags,
        List<Attachment> attachments,
        boolean enableExecuteCommand) {

    public EcsTask {
        containers = Lists.copy(containers);
        tags = Lists.copy(tags);
        attachments = Lists.copy(attachments);
    }

    /** A task without attachments (bridge and host tasks have none). */
    public EcsTask(String taskArn, String clusterArn, String taskDefinitionArn, String containerInstanceArn, String availabilityZone,
            String group, String startedBy, String lastStatus, String desiredStatus, String healthStatus, String launchType,
            String capacityProviderName, String cpu, String memory, List<Container> containers, Instant createdAt,
            Instant pullStartedAt, Instant pullStoppedAt, Instant startedAt, Instant stoppingAt, Instant stoppedAt, String stopCode,
            String stoppedReason, long version, List<Tag> tags) {
        this(taskArn, clusterArn, taskDefinitionArn, containerInstanceArn, availabilityZone, group, startedBy, lastStatus,
                desiredStatus, healthStatus, launchType, capacityProviderName, cpu, memory, containers, createdAt, pullStartedAt,
                pullStoppedAt, startedAt, stoppingAt, stoppedAt, stopCode, stoppedReason, version, tags, List.of(), false);
    }

    /** A task without ECS Exec (enableExecuteCommand false, ECS's default). */
    public EcsTask(String taskArn, String clusterArn, String taskDefinitionArn, String containerInstanceArn, String availabilityZone,
            String group, String startedBy, String lastStatus, String desiredStatus, String healthStatus, String launchType,
            String capacityProviderName, String cpu, String memory, List<Container> containers, Instant createdAt,
            Instant pullStartedAt, Instant pullStoppedAt, Instant startedAt, Instant stoppingAt, Instant stoppedAt, String stopCode,
            String stoppedReason, long version, List<Tag> tags, List<Attachment> attachments) {
        this(taskArn, clusterArn, taskDefinitionArn, containerInstanceArn, availabilityZone, group, startedBy, lastStatus,
                desiredStatus, healthStatus, launchType, capacityProviderName, cpu, memory, containers, createdAt, pullStartedAt,
                pullStoppedAt, startedAt, stoppingAt, stoppedAt, stopCode, stoppedReason, version, tags, attachments, false);
    }

    /** The task's elastic network interface (awsvpc tasks), if it has one. */
    public Optional<Attachment> networkInterface() {
        return attachments.stream().filter(a -> Attachment.ENI.equals(a.type())).findFirst();
    }

    /** The private IPv4 address of its network interface, once ECS gave it one. */
    public Optional<String> privateIpv4Address() {
        return networkInterface().flatMap(a -> a.detail("privateIPv4Address"));
    }

    /** The task id: the last part of its ARN. */
    public String taskId() {
        return Arns.lastSegment(taskArn);
    }
}
