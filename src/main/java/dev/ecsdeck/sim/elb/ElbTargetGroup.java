package dev.ecsdeck.sim.elb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A target group's state: its settings, attributes, registered targets and request history. */
final class ElbTargetGroup {
    final String arn;
    final String id;
    final String name;
    final String protocol;
    final String protocolVersion;
    final int port;
    final String vpcId;
    final String targetType;
    final String ipAddressType;
    final Instant createdTime;
    String healthCheckProtocol;
    String healthCheckPort;
    String healthCheckPath;
    int healthCheckIntervalSeconds;
    int healthCheckTimeoutSeconds;
    int healthyThresholdCount;
    int unhealthyThresholdCount;
    String matcher;
    final Map<String, String> attributes = new LinkedHashMap<>(TargetGroupAttributes.DEFAULTS);
    /** By {@link ElbTarget#key()}, in registration order. */
    final Map<String, ElbTarget> targets = new LinkedHashMap<>();
    /** The load balancers whose listeners forward to it, worked out again whenever routes change. */
    final List<String> loadBalancerArns = new ArrayList<>();
    final RequestHistory requests = new RequestHistory();

    ElbTargetGroup(String arn, String id, String name, String protocol, String protocolVersion, int port, String vpcId, String targetType,
            String ipAddressType, Instant createdTime) {
        this.arn = arn;
        this.id = id;
        this.name = name;
        this.protocol = protocol;
        this.protocolVersion = protocolVersion;
        this.port = port;
        this.vpcId = vpcId;
        this.targetType = targetType;
        this.ipAddressType = ipAddressType;
        this.createdTime = createdTime;
    }

    boolean inUse() {
        return !loadBalancerArns.isEmpty();
    }

    int deregistrationDelaySeconds() {
        return Integer.parseInt(attributes.get(TargetGroupAttributes.DEREGISTRATION_DELAY));
    }
}
