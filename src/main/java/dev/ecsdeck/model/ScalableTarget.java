package dev.ecsdeck.model;

import java.time.Instant;

/**
 * The Application Auto Scaling target of a service's desired count. {@code resourceId} is
 * "service/&lt;cluster&gt;/&lt;service&gt;".
 */
public record ScalableTarget(
        String resourceId,
        int minCapacity,
        int maxCapacity,
        String roleArn,
        Instant creationTime,
        boolean dynamicScalingInSuspended,
        boolean dynamicScalingOutSuspended,
        boolean scheduledScalingSuspended) {

    public static String resourceId(String clusterName, String serviceName) {
        return "service/" + clusterName + "/" + serviceName;
    }
}
