package dev.ecsdeck.sim.elb;

import java.util.List;

/** A target group as DescribeTargetGroups returns it (ELB's {@code TargetGroup}). */
public record TargetGroupDescription(
        String targetGroupArn,
        String targetGroupName,
        String protocol,
        Integer port,
        String vpcId,
        String healthCheckProtocol,
        String healthCheckPort,
        Boolean healthCheckEnabled,
        Integer healthCheckIntervalSeconds,
        Integer healthCheckTimeoutSeconds,
        Integer healthyThresholdCount,
        Integer unhealthyThresholdCount,
        String healthCheckPath,
        Matcher matcher,
        List<String> loadBalancerArns,
        String targetType,
        String protocolVersion,
        String ipAddressType) {

    public TargetGroupDescription {
        loadBalancerArns = List.copyOf(loadBalancerArns);
    }
}
