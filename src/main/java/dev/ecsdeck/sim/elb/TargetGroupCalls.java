package dev.ecsdeck.sim.elb;

import dev.ecsdeck.sim.SimApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** CreateTargetGroup, DescribeTargetGroups, ModifyTargetGroup, DeleteTargetGroup and the target group attributes, under the engine's lock. */
final class TargetGroupCalls {
    private static final List<String> PROTOCOLS = List.of("HTTP", "HTTPS");

    private final SimElb elb;

    TargetGroupCalls(SimElb elb) {
        this.elb = elb;
    }

    TargetGroupDescription create(CreateTargetGroupRequest r, Instant now) {
        ElbChecks.name("Target group", r.name());
        String targetType = r.targetType() == null ? "instance" : r.targetType();
        if (!List.of("ip", "instance").contains(targetType)) {
            throw ElbErrors.validation("Target type '" + targetType + "' is not supported by the simulator (only 'ip' and 'instance' are)");
        }
        String protocol = r.protocol();
        if (protocol == null) {
            throw ElbErrors.validation("A protocol must be specified for target type '" + targetType + "'");
        }
        if (!PROTOCOLS.contains(protocol)) {
            throw ElbErrors.validation("Protocol '" + protocol + "' is not supported by the simulator's application load balancers (HTTP and HTTPS are)");
        }
        if (r.port() == null) {
            throw ElbErrors.validation("A port must be specified for target type '" + targetType + "'");
        }
        ElbChecks.port(r.port());
        if (r.vpcId() == null || !r.vpcId().matches("vpc-[0-9a-zA-Z]{1,32}")) {
            throw ElbErrors.validation(r.vpcId() == null ? "A VPC ID must be specified for target type '" + targetType + "'"
                    : "The VPC ID '" + r.vpcId() + "' is not valid");
        }
        String version = r.protocolVersion() == null ? "HTTP1" : r.protocolVersion();
        if (!List.of("HTTP1", "HTTP2", "GRPC").contains(version)) {
            throw ElbErrors.validation("Protocol version '" + version + "' must be HTTP1, HTTP2 or GRPC");
        }
        ElbTags.checkNew(r.tags());
        ElbTargetGroup g = new ElbTargetGroup(null, null, r.name(), protocol, version, r.port(), r.vpcId(), targetType,
                r.ipAddressType() == null ? "ipv4" : r.ipAddressType(), now);
        g.healthCheckProtocol = "HTTP";
        g.healthCheckPort = "traffic-port";
        g.healthCheckPath = "GRPC".equals(version) ? "/AWS.ALB/healthcheck" : "/";
        g.healthCheckIntervalSeconds = 30;
        g.healthCheckTimeoutSeconds = 5;
        g.healthyThresholdCount = 5;
        g.unhealthyThresholdCount = 2;
        g.matcher = "200";
        applyHealthCheck(g, r.healthCheckProtocol(), r.healthCheckPort(), r.healthCheckPath(), r.healthCheckEnabled(),
                r.healthCheckIntervalSeconds(), r.healthCheckTimeoutSeconds(), r.healthyThresholdCount(), r.unhealthyThresholdCount(), r.matcher());
        for (ElbTargetGroup existing : elb.targetGroups.values()) {
            if (existing.name.equals(r.name())) {
                if (sameSettings(existing, g)) {
                    return ElbViews.targetGroup(existing); // CreateTargetGroup is idempotent
                }
                throw new SimApiException("DuplicateTargetGroupName",
                        "A target group with the same name '" + r.name() + "' exists, but with different settings");
            }
        }
        String id = elb.ids.hex(16);
        ElbTargetGroup created = new ElbTargetGroup(elb.ids.targetGroupArn(r.name(), id), id, r.name(), protocol, version, r.port(), r.vpcId(),
                targetType, g.ipAddressType, now);
        copyHealthCheck(g, created);
        elb.targetGroups.put(created.arn, created);
        ElbTags.put(elb, created.arn, r.tags());
        return ElbViews.targetGroup(created);
    }

    MarkedPage<TargetGroupDescription> describe(String loadBalancerArn, List<String> arns, List<String> names, String marker, Integer pageSize) {
        int filters = (loadBalancerArn != null ? 1 : 0) + (arns != null && !arns.isEmpty() ? 1 : 0) + (names != null && !names.isEmpty() ? 1 : 0);
        if (filters > 1) {
            throw ElbErrors.validation("Only one of load balancer ARN, target group ARNs or target group names can be specified");
        }
        List<TargetGroupDescription> out = new ArrayList<>();
        if (loadBalancerArn != null) {
            if (!elb.loadBalancers.containsKey(loadBalancerArn)) {
                throw ElbErrors.loadBalancerNotFound();
            }
            elb.targetGroups.values().stream().filter(g -> g.loadBalancerArns.contains(loadBalancerArn)).forEach(g -> out.add(ElbViews.targetGroup(g)));
        } else if (arns != null && !arns.isEmpty()) {
            arns.forEach(arn -> out.add(ElbViews.targetGroup(elb.group(arn))));
        } else if (names != null && !names.isEmpty()) {
            for (String name : names) {
                ElbTargetGroup g = elb.targetGroups.values().stream().filter(t -> t.name.equals(name)).findFirst().orElse(null);
                if (g == null) {
                    throw new SimApiException("TargetGroupNotFound", "Target groups '[" + name + "]' not found");
                }
                out.add(ElbViews.targetGroup(g));
            }
        } else {
            elb.targetGroups.values().forEach(g -> out.add(ElbViews.targetGroup(g)));
        }
        return ElbChecks.page(out, marker, pageSize);
    }

    TargetGroupDescription modify(ModifyTargetGroupRequest r) {
        ElbTargetGroup g = elb.group(r.targetGroupArn());
        ElbTargetGroup trial = new ElbTargetGroup(g.arn, g.id, g.name, g.protocol, g.protocolVersion, g.port, g.vpcId, g.targetType, g.ipAddressType,
                g.createdTime);
        copyHealthCheck(g, trial);
        applyHealthCheck(trial, r.healthCheckProtocol(), r.healthCheckPort(), r.healthCheckPath(), r.healthCheckEnabled(),
                r.healthCheckIntervalSeconds(), r.healthCheckTimeoutSeconds(), r.healthyThresholdCount(), r.unhealthyThresholdCount(), r.matcher());
        copyHealthCheck(trial, g);
        return ElbViews.targetGroup(g);
    }

    /** Deletes a target group no action refers to; one that does not exist is deleted already. */
    void delete(String arn) {
        ElbTargetGroup g = elb.targetGroups.get(arn);
        if (g == null) {
            return;
        }
        if (g.inUse()) {
            throw ElbErrors.resourceInUse("Target group '" + arn + "' is currently in use by a listener or a rule");
        }
        elb.targetGroups.remove(arn);
        elb.tags.remove(arn);
    }

    List<TargetGroupAttribute> attributes(String arn) {
        List<TargetGroupAttribute> out = new ArrayList<>();
        elb.group(arn).attributes.forEach((k, v) -> out.add(new TargetGroupAttribute(k, v)));
        return out;
    }

    /** Changes the given attributes (all or none) and returns them all. */
    List<TargetGroupAttribute> modifyAttributes(String arn, List<TargetGroupAttribute> attributes) {
        ElbTargetGroup g = elb.group(arn);
        if (attributes == null || attributes.isEmpty()) {
            throw ElbErrors.validation("At least one attribute must be specified");
        }
        Map<String, String> changed = new LinkedHashMap<>();
        for (TargetGroupAttribute a : attributes) {
            TargetGroupAttributes.check(a.key(), a.value());
            changed.put(a.key(), a.value());
        }
        g.attributes.putAll(changed);
        return attributes(arn);
    }

    private static void applyHealthCheck(ElbTargetGroup g, String protocol, String port, String path, Boolean enabled, Integer interval,
            Integer timeout, Integer healthy, Integer unhealthy, Matcher matcher) {
        if (Boolean.FALSE.equals(enabled)) {
            throw ElbErrors.invalidConfiguration("Health checks cannot be disabled for target groups with target type '" + g.targetType + "'");
        }
        if (protocol != null && !PROTOCOLS.contains(protocol)) {
            throw ElbErrors.invalidConfiguration("Health check protocol '" + protocol + "' is not supported for target groups with protocol "
                    + g.protocol + " (HTTP and HTTPS are)");
        }
        if (port != null && !"traffic-port".equals(port)) {
            try {
                ElbChecks.port(Integer.parseInt(port));
            } catch (NumberFormatException e) {
                throw ElbErrors.validation("Health check port '" + port + "' must be 'traffic-port' or a port from 1 to 65535");
            }
        }
        if (path != null && (path.isEmpty() || path.length() > 1024 || !path.startsWith("/"))) {
            throw ElbErrors.validation("Health check path '" + path + "' must start with '/' and be at most 1024 characters");
        }
        ElbChecks.range("HealthCheckIntervalSeconds", interval, 5, 300);
        ElbChecks.range("HealthCheckTimeoutSeconds", timeout, 2, 120);
        ElbChecks.range("HealthyThresholdCount", healthy, 2, 10);
        ElbChecks.range("UnhealthyThresholdCount", unhealthy, 2, 10);
        if (matcher != null && (matcher.httpCode() == null || !validCodes(matcher.httpCode()))) {
            throw ElbErrors.validation("Health check matcher HTTP code '" + (matcher == null ? null : matcher.httpCode())
                    + "' must be codes from 200 to 499, as '200', '200,202' or '200-299'");
        }
        g.healthCheckProtocol = protocol != null ? protocol : g.healthCheckProtocol;
        g.healthCheckPort = port != null ? port : g.healthCheckPort;
        g.healthCheckPath = path != null ? path : g.healthCheckPath;
        g.healthCheckIntervalSeconds = interval != null ? interval : g.healthCheckIntervalSeconds;
        g.healthCheckTimeoutSeconds = timeout != null ? timeout : g.healthCheckTimeoutSeconds;
        g.healthyThresholdCount = healthy != null ? healthy : g.healthyThresholdCount;
        g.unhealthyThresholdCount = unhealthy != null ? unhealthy : g.unhealthyThresholdCount;
        g.matcher = matcher != null ? matcher.httpCode() : g.matcher;
        if (g.healthCheckTimeoutSeconds >= g.healthCheckIntervalSeconds) {
            throw ElbErrors.invalidConfiguration("Health check timeout '" + g.healthCheckTimeoutSeconds
                    + "' must be smaller than the interval '" + g.healthCheckIntervalSeconds + "'");
        }
    }

    private static boolean validCodes(String codes) {
        for (String part : codes.split(",", -1)) {
            String[] range = part.trim().split("-", -1);
            if (range.length > 2) {
                return false;
            }
            for (String code : range) {
                if (!code.matches("\\d{3}") || Integer.parseInt(code) < 200 || Integer.parseInt(code) > 499) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void copyHealthCheck(ElbTargetGroup from, ElbTargetGroup to) {
        to.healthCheckProtocol = from.healthCheckProtocol;
        to.healthCheckPort = from.healthCheckPort;
        to.healthCheckPath = from.healthCheckPath;
        to.healthCheckIntervalSeconds = from.healthCheckIntervalSeconds;
        to.healthCheckTimeoutSeconds = from.healthCheckTimeoutSeconds;
        to.healthyThresholdCount = from.healthyThresholdCount;
        to.unhealthyThresholdCount = from.unhealthyThresholdCount;
        to.matcher = from.matcher;
    }

    private static boolean sameSettings(ElbTargetGroup a, ElbTargetGroup b) {
        return a.protocol.equals(b.protocol) && a.port == b.port && a.vpcId.equals(b.vpcId) && a.targetType.equals(b.targetType)
                && a.protocolVersion.equals(b.protocolVersion) && Objects.equals(a.healthCheckPath, b.healthCheckPath)
                && Objects.equals(a.healthCheckPort, b.healthCheckPort) && a.healthCheckIntervalSeconds == b.healthCheckIntervalSeconds
                && a.healthCheckTimeoutSeconds == b.healthCheckTimeoutSeconds && a.healthyThresholdCount == b.healthyThresholdCount
                && a.unhealthyThresholdCount == b.unhealthyThresholdCount && Objects.equals(a.matcher, b.matcher);
    }
}
