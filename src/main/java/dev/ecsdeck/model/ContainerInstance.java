package dev.ecsdeck.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An EC2 container instance of a cluster: registered and remaining resources, status, attributes. */
public record ContainerInstance(
        String containerInstanceArn,
        String ec2InstanceId,
        String capacityProviderName,
        String status,
        String statusReason,
        boolean agentConnected,
        int runningTasksCount,
        int pendingTasksCount,
        List<Resource> registeredResources,
        List<Resource> remainingResources,
        List<Attribute> attributes,
        VersionInfo versionInfo,
        Instant registeredAt) {

    public ContainerInstance {
        registeredResources = Lists.copy(registeredResources);
        remainingResources = Lists.copy(remainingResources);
        attributes = Lists.copy(attributes);
    }

    public Optional<String> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(Attribute::value).findFirst();
    }
}
