package dev.ecsdeck.sim.cloudwatch;

import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.TargetTrackingConfig;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The two alarms Application Auto Scaling makes for a target-tracking policy, as AWS names and sets them:
 * {@code TargetTracking-<resource>-AlarmHigh-<uuid>} (3 of 3 one-minute datapoints above the target) and
 * {@code -AlarmLow-<uuid>} (15 of 15 below 90% of it), on the policy's metric: AWS/ECS CPUUtilization or
 * MemoryUtilization by ClusterName and ServiceName, or AWS/ApplicationELB RequestCountPerTarget by
 * TargetGroup. Their actions name the policy. The same rule as the simulator's AutoScaler applies.
 */
public final class AlarmTargetTracking {
    public static final String HIGH = "AlarmHigh";
    public static final String LOW = "AlarmLow";

    private AlarmTargetTracking() {}

    /** The alarm's name: stable for a policy (its uuid derives from the policy's ARN). */
    public static String name(ScalingPolicy p, String kind) {
        String id = UUID.nameUUIDFromBytes(p.policyArn().getBytes(StandardCharsets.UTF_8)).toString();
        return "TargetTracking-" + p.resourceId() + "-" + kind + "-" + id;
    }

    public static List<String> names(ScalingPolicy p) {
        return List.of(name(p, HIGH), name(p, LOW));
    }

    /** The high and low alarms of a target-tracking policy. */
    public static List<AlarmDefinition> definitions(ScalingPolicy p) {
        TargetTrackingConfig c = p.targetTracking();
        String[] resource = p.resourceId().split("/"); // service/<cluster>/<service>
        Map<String, String> dimensions = new LinkedHashMap<>();
        String namespace;
        String metric;
        String statistic;
        if (TargetTrackingConfig.ALB_REQUESTS.equals(c.predefinedMetricType())) {
            namespace = "AWS/ApplicationELB";
            metric = "RequestCountPerTarget";
            statistic = "Sum";
            String label = c.resourceLabel();
            int at = label.indexOf("targetgroup/");
            dimensions.put("TargetGroup", at < 0 ? label : label.substring(at));
        } else {
            namespace = "AWS/ECS";
            metric = TargetTrackingConfig.MEMORY.equals(c.predefinedMetricType()) ? "MemoryUtilization" : "CPUUtilization";
            statistic = "Average";
            dimensions.put("ClusterName", resource.length > 1 ? resource[1] : "");
            dimensions.put("ServiceName", resource.length > 2 ? resource[2] : "");
        }
        String description = "DO NOT EDIT OR DELETE. For TargetTrackingScaling policy " + p.policyArn() + ".";
        AlarmDefinition high = new AlarmDefinition(name(p, HIGH), description, true, List.of(), List.of(p.policyArn()), List.of(), namespace,
                metric, dimensions, statistic, null, 60, null, 3, 3, c.targetValue(), "GreaterThanThreshold", "missing");
        AlarmDefinition low = new AlarmDefinition(name(p, LOW), description, true, List.of(), List.of(p.policyArn()), List.of(), namespace,
                metric, dimensions, statistic, null, 60, null, 15, 15, c.targetValue() * 0.9, "LessThanThreshold", "missing");
        return List.of(high, low);
    }
}
