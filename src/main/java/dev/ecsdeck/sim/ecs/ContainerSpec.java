package dev.ecsdeck.sim.ecs;

import java.util.List;

/** What the simulator needs of a container definition to run it; {@code healthCheck} is null when it has none. */
record ContainerSpec(
        String name,
        String image,
        int cpu,
        Integer memory,
        Integer memoryReservation,
        boolean essential,
        List<PortSpec> ports,
        LogSpec log,
        HealthCheck healthCheck) {

    record PortSpec(int containerPort, Integer hostPort, String protocol) {}

    /** Whether the container definition has a health check (the ECS agent then reports the container's health). */
    boolean hasHealthCheck() {
        return healthCheck != null;
    }

    /**
     * A container health check's timing in seconds, with ECS's defaults where the definition leaves
     * one out: interval 30 (5–300), timeout 5, retries 3 (1–10), startPeriod 0 (0–300).
     */
    record HealthCheck(int interval, int timeout, int retries, int startPeriod) {
        static final HealthCheck DEFAULTS = new HealthCheck(30, 5, 3, 0);

        HealthCheck {
            // RegisterTaskDefinition checks the ranges; this only keeps the arithmetic sound.
            interval = Math.max(1, interval);
            retries = Math.max(1, retries);
            startPeriod = Math.max(0, startPeriod);
        }
    }

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
