package dev.ecsdeck.sim.ecs;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** An EC2 container instance: what it registered, and its attributes. Remaining resources are derived from its tasks. */
final class SimInstance {
    final String id;
    final String arn;
    final String ec2InstanceId;
    /** Registered CPU units and MiB (a re-registration by the agent may change them). */
    int cpu;
    int memory;
    /** The TCP and UDP ports the agent registered as taken by the host (ECS's defaults unless the agent named others). */
    java.util.Set<Integer> reservedPorts = Placement.RESERVED_PORTS;
    java.util.Set<Integer> reservedUdpPorts = java.util.Set.of();
    /** The agent's and Docker's versions, as the agent registered them; null: the simulator's defaults. */
    dev.ecsdeck.model.VersionInfo versionInfo;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final Instant registeredAt;
    String status = "ACTIVE";
    /** The Auto Scaling group capacity provider whose group launched it, or null. */
    String capacityProviderName;
    String statusReason;
    boolean agentConnected = true;
    /** Resources held by its tasks that have not yet STOPPED; kept up to date by placement and release. */
    int usedCpu;
    int usedMemory;
    final Set<Integer> usedPorts = new HashSet<>();
    /** Its resource tags (TagResource). */
    final java.util.List<dev.ecsdeck.model.Tag> tags = new java.util.ArrayList<>();

    SimInstance(String id, String arn, String ec2InstanceId, int cpu, int memory, Instant registeredAt) {
        this.id = id;
        this.arn = arn;
        this.ec2InstanceId = ec2InstanceId;
        this.cpu = cpu;
        this.memory = memory;
        this.registeredAt = registeredAt;
    }

    String availabilityZone() {
        return attributes.get("ecs.availability-zone");
    }

    int remainingCpu() {
        return cpu - usedCpu;
    }

    int remainingMemory() {
        return memory - usedMemory;
    }

    boolean active() {
        return "ACTIVE".equals(status);
    }
}
