package dev.ecsdeck.model;

import java.util.List;

/** An Elastic Load Balancing target group, as the console shows it: what it routes to and how it checks health. */
public record TargetGroup(
        String targetGroupArn,
        String targetGroupName,
        String protocol,
        Integer port,
        String targetType,
        String healthCheckPath,
        Integer healthCheckIntervalSeconds,
        Integer healthyThresholdCount,
        Integer unhealthyThresholdCount,
        List<String> loadBalancerArns) {

    public TargetGroup {
        loadBalancerArns = Lists.copy(loadBalancerArns);
    }
}
