package dev.ecsdeck.model;

/**
 * One registered target of a target group and its health (DescribeTargetHealth): state initial,
 * healthy, unhealthy, unused, draining or unavailable; reason and description only when not healthy.
 * The target is an IP address (awsvpc tasks) or an EC2 instance id with the task's host port (bridge).
 */
public record TargetHealth(
        String targetGroupArn,
        String targetId,
        Integer port,
        String availabilityZone,
        String state,
        String reason,
        String description) {

    public boolean healthy() {
        return "healthy".equals(state);
    }
}
