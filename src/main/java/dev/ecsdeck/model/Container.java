package dev.ecsdeck.model;

import java.util.List;

/** A container of a task, with its status, exit code and health. */
public record Container(
        String containerArn,
        String taskArn,
        String name,
        String image,
        String runtimeId,
        String lastStatus,
        Integer exitCode,
        String reason,
        List<NetworkBinding> networkBindings,
        String healthStatus,
        String cpu,
        String memory,
        String memoryReservation) {

    public Container {
        networkBindings = Lists.copy(networkBindings);
    }
}
