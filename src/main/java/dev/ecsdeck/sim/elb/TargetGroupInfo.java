package dev.ecsdeck.sim.elb;

import java.util.List;

/**
 * What ECS needs to know of a target group: how targets are named (target type {@code ip} or
 * {@code instance}), its port and protocol, its health check, its deregistration delay and the load
 * balancers whose listeners use it.
 */
public record TargetGroupInfo(
        String targetGroupArn,
        String targetGroupName,
        String targetType,
        String protocol,
        int port,
        String healthCheckProtocol,
        String healthCheckPort,
        String healthCheckPath,
        int healthCheckIntervalSeconds,
        int healthCheckTimeoutSeconds,
        int healthyThresholdCount,
        int unhealthyThresholdCount,
        String matcherHttpCode,
        int deregistrationDelaySeconds,
        List<String> loadBalancerArns) {

    public TargetGroupInfo {
        loadBalancerArns = List.copyOf(loadBalancerArns);
    }
}
