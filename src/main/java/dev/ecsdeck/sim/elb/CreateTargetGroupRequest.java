package dev.ecsdeck.sim.elb;

import dev.ecsdeck.model.Tag;
import java.util.List;

/** A CreateTargetGroup request; null members take ELB's defaults for an HTTP target group of an application load balancer. */
public record CreateTargetGroupRequest(
        String name,
        String protocol,
        String protocolVersion,
        Integer port,
        String vpcId,
        String healthCheckProtocol,
        String healthCheckPort,
        Boolean healthCheckEnabled,
        String healthCheckPath,
        Integer healthCheckIntervalSeconds,
        Integer healthCheckTimeoutSeconds,
        Integer healthyThresholdCount,
        Integer unhealthyThresholdCount,
        Matcher matcher,
        String targetType,
        List<Tag> tags,
        String ipAddressType) {

    public CreateTargetGroupRequest {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** An HTTP target group on {@code port} with ELB's default health check. */
    public static CreateTargetGroupRequest http(String name, int port, String vpcId, String targetType) {
        return new CreateTargetGroupRequest(name, "HTTP", null, port, vpcId, null, null, null, null, null, null, null, null, null,
                targetType, null, null);
    }
}
