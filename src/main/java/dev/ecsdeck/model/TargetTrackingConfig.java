package dev.ecsdeck.model;

/**
 * A target-tracking configuration. {@code predefinedMetricType} is ECSServiceAverageCPUUtilization,
 * ECSServiceAverageMemoryUtilization or ALBRequestCountPerTarget (which needs {@code resourceLabel});
 * cooldowns are in seconds.
 */
public record TargetTrackingConfig(
        String predefinedMetricType,
        String resourceLabel,
        double targetValue,
        Integer scaleOutCooldown,
        Integer scaleInCooldown,
        boolean disableScaleIn) {

    public static final String CPU = "ECSServiceAverageCPUUtilization";
    public static final String MEMORY = "ECSServiceAverageMemoryUtilization";
    public static final String ALB_REQUESTS = "ALBRequestCountPerTarget";

    /** Application Auto Scaling's default cooldown for ECS, in seconds, when none is given. */
    public static final int DEFAULT_COOLDOWN_SECONDS = 300;

    public int scaleOutCooldownOrDefault() {
        return scaleOutCooldown == null ? DEFAULT_COOLDOWN_SECONDS : scaleOutCooldown;
    }

    public int scaleInCooldownOrDefault() {
        return scaleInCooldown == null ? DEFAULT_COOLDOWN_SECONDS : scaleInCooldown;
    }
}
