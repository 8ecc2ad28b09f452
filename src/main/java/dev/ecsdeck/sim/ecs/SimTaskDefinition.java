package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** A registered revision: its describe document and what the scheduler needs of it. */
final class SimTaskDefinition {
    final String arn;
    final String family;
    final int revision;
    final ObjectNode document;
    final List<ContainerSpec> containers;
    final String networkMode;
    final List<String> requiresCompatibilities;
    /** Task-level size in CPU units and MiB; null where the task definition leaves them to the containers. */
    final Integer cpu;
    final Integer memory;
    final Instant registeredAt;
    String status = "ACTIVE";
    Instant deregisteredAt;
    /** Its resource tags (RegisterTaskDefinition, TagResource). */
    final List<dev.ecsdeck.model.Tag> tags = new java.util.ArrayList<>();

    SimTaskDefinition(String arn, String family, int revision, ObjectNode document, List<ContainerSpec> containers,
            String networkMode, List<String> requiresCompatibilities, Integer cpu, Integer memory, Instant registeredAt) {
        this.arn = arn;
        this.family = family;
        this.revision = revision;
        this.document = document;
        this.containers = List.copyOf(containers);
        this.networkMode = networkMode;
        this.requiresCompatibilities = List.copyOf(requiresCompatibilities);
        this.cpu = cpu;
        this.memory = memory;
        this.registeredAt = registeredAt;
    }

    String familyRevision() {
        return family + ":" + revision;
    }

    boolean active() {
        return "ACTIVE".equals(status);
    }

    /** CPU units the task reserves on an instance: the task size, else the sum of its containers. */
    int reservedCpu() {
        return cpu != null ? cpu : containers.stream().mapToInt(ContainerSpec::cpu).sum();
    }

    /** Memory (MiB) the task reserves on an instance: the task size, else per container memory or reservation. */
    int reservedMemory() {
        if (memory != null) {
            return memory;
        }
        int sum = 0;
        for (ContainerSpec c : containers) {
            sum += c.memoryReservation() != null ? c.memoryReservation() : c.memory() != null ? c.memory() : 0;
        }
        return sum;
    }
}
