package dev.ecsdeck.sim.ecs;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** An EC2 container instance: what it registered, and its attributes. Remaining resources are derived from its tasks. */
public final class SimInstance {
    public final String id;
    public final String arn;
    public final String ec2InstanceId;
    public final int cpu;
    public final int memory;
    public final Map<String, String> attributes = new LinkedHashMap<>();
    public final Instant registeredAt;
    public String status = "ACTIVE";
    public String statusReason;
    public boolean agentConnected = true;
    /** Resources held by its tasks that have not yet STOPPED; kept up to date by placement and release. */
    public int usedCpu;
    public int usedMemory;
    public final Set<Integer> usedPorts = new HashSet<>();

    public SimInstance(String id, String arn, String ec2InstanceId, int cpu, int memory, Instant registeredAt) {
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
