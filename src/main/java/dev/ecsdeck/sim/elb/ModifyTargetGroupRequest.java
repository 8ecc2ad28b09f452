package dev.ecsdeck.sim.elb;

/** A ModifyTargetGroup request: the health check settings to change; null leaves one as it is. */
public record ModifyTargetGroupRequest(
        String targetGroupArn,
        String healthCheckProtocol,
        String healthCheckPort,
        String healthCheckPath,
        Boolean healthCheckEnabled,
        Integer healthCheckIntervalSeconds,
        Integer healthCheckTimeoutSeconds,
        Integer healthyThresholdCount,
        Integer unhealthyThresholdCount,
        Matcher matcher) {}
