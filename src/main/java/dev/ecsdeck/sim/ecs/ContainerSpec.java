package dev.ecsdeck.sim.ecs;

import java.util.List;

/** What the simulator needs of a container definition to run it. */
record ContainerSpec(
        String name,
        String image,
        int cpu,
        Integer memory,
        Integer memoryReservation,
        boolean essential,
        List<PortSpec> ports,
        LogSpec log,
        boolean healthCheck) {

    record PortSpec(int containerPort, Integer hostPort, String protocol) {}

    /**
     * Where the container's stdout goes in CloudWatch Logs: {@code prefix} null means the awslogs
     * driver names streams by container id.
     */
    record LogSpec(String group, String prefix) {
        String streamName(String containerName, String taskId, String runtimeId) {
            return prefix == null ? runtimeId : prefix + "/" + containerName + "/" + taskId;
        }
    }
}
