package dev.ecsdeck.sim.elb;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Elastic Load Balancing's state as plain data, for the state file. */
public record ElbSnapshot(
        List<LoadBalancerState> loadBalancers,
        List<TargetGroupState> targetGroups,
        List<ListenerState> listeners,
        List<RuleState> rules,
        Map<String, Map<String, String>> tags) {

    public record LoadBalancerState(String arn, String id, String name, String dnsName, String scheme, String ipAddressType, List<String> subnets,
            List<String> securityGroups, Instant createdTime, Instant activeAt, String stateCode, double requestRate) {}

    public record TargetGroupState(String arn, String id, String name, String protocol, String protocolVersion, int port, String vpcId,
            String targetType, String ipAddressType, Instant createdTime, String healthCheckProtocol, String healthCheckPort,
            String healthCheckPath, int healthCheckIntervalSeconds, int healthCheckTimeoutSeconds, int healthyThresholdCount,
            int unhealthyThresholdCount, String matcher, Map<String, String> attributes, List<TargetState> targets,
            List<String> loadBalancerArns, List<MinuteCount> requests) {}

    public record TargetState(String id, int port, String availabilityZone, Instant registeredAt, String state, String reason, Instant since,
            Instant nextCheckAt, int passes, int failures, Instant drainUntil) {}

    public record ListenerState(String arn, String id, String loadBalancerArn, int port, String protocol, String sslPolicy,
            List<Certificate> certificates, String defaultRuleArn) {}

    /** {@code priority} null for a listener's default rule. */
    public record RuleState(String arn, String listenerArn, boolean defaultRule, Integer priority, List<RuleCondition> conditions,
            List<Action> actions) {}

    public record MinuteCount(long epochMinute, double requests, double requestsPerTarget) {}
}
