package dev.ecsdeck.provider;

/**
 * Which tasks ListTasks returns. Null members do not filter; {@code desiredStatus} is RUNNING
 * (ECS's default) or STOPPED.
 */
public record TaskFilter(String serviceName, String containerInstance, String family, String startedBy, String desiredStatus) {

    public static TaskFilter running() {
        return new TaskFilter(null, null, null, null, "RUNNING");
    }

    public static TaskFilter ofService(String serviceName) {
        return new TaskFilter(serviceName, null, null, null, "RUNNING");
    }

    public static TaskFilter stoppedOfService(String serviceName) {
        return new TaskFilter(serviceName, null, null, null, "STOPPED");
    }

    public String desiredStatusOrDefault() {
        return desiredStatus == null ? "RUNNING" : desiredStatus;
    }
}
