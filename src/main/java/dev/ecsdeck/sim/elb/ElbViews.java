package dev.ecsdeck.sim.elb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The state of SimElb as the records its API returns. */
final class ElbViews {
    /** Route 53 hosted zones of application load balancers in the regions the simulator knows them for. */
    private static final Map<String, String> HOSTED_ZONES = Map.of(
            "us-east-1", "Z35SXDOTRQ7X7K",
            "us-west-2", "Z1H1FL5HABSF5",
            "eu-west-1", "Z32O12XQLNTSW2");

    private ElbViews() {}

    static LoadBalancerDescription loadBalancer(ElbLoadBalancer lb, String region) {
        List<AvailabilityZone> zones = new ArrayList<>();
        for (int i = 0; i < lb.subnets.size(); i++) {
            zones.add(new AvailabilityZone(zoneOf(region, i), lb.subnets.get(i)));
        }
        return new LoadBalancerDescription(lb.arn, lb.dnsName, HOSTED_ZONES.get(region), lb.createdTime, lb.name, lb.scheme, SimElb.VPC,
                new LoadBalancerState(lb.stateCode, null), "application", zones, lb.securityGroups, lb.ipAddressType);
    }

    /** The zone of a load balancer's i-th subnet: a, b, c… in order, as the simulated ECS maps a task's zone to its subnet. */
    static String zoneOf(String region, int subnetIndex) {
        return region + (char) ('a' + subnetIndex % 26);
    }

    static TargetGroupDescription targetGroup(ElbTargetGroup g) {
        return new TargetGroupDescription(g.arn, g.name, g.protocol, g.port, g.vpcId, g.healthCheckProtocol, g.healthCheckPort, true,
                g.healthCheckIntervalSeconds, g.healthCheckTimeoutSeconds, g.healthyThresholdCount, g.unhealthyThresholdCount, g.healthCheckPath,
                new Matcher(g.matcher), g.loadBalancerArns, g.targetType, g.protocolVersion, g.ipAddressType);
    }

    static TargetGroupInfo info(ElbTargetGroup g) {
        return new TargetGroupInfo(g.arn, g.name, g.targetType, g.protocol, g.port, g.healthCheckProtocol, g.healthCheckPort, g.healthCheckPath,
                g.healthCheckIntervalSeconds, g.healthCheckTimeoutSeconds, g.healthyThresholdCount, g.unhealthyThresholdCount, g.matcher,
                g.deregistrationDelaySeconds(), g.loadBalancerArns);
    }

    static ListenerDescription listener(ElbListener l, SimElb elb) {
        return new ListenerDescription(l.arn, l.loadBalancerArn, l.port, l.protocol, l.certificates, l.sslPolicy,
                elb.rules.get(l.defaultRuleArn).actions);
    }

    static RuleDescription rule(ElbRule r) {
        return new RuleDescription(r.arn, r.isDefault ? "default" : String.valueOf(r.priority), r.conditions, r.actions, r.isDefault);
    }

    static TargetHealthDescription health(ElbTargetGroup g, ElbTarget t) {
        return new TargetHealthDescription(new TargetDescription(t.id, t.port, t.availabilityZone), healthCheckPort(g, t.port),
                new TargetHealth(t.state, t.reason, TargetHealthChecks.describe(g, t.reason)));
    }

    static TargetHealthDescription notRegistered(ElbTargetGroup g, String id, int port) {
        return new TargetHealthDescription(new TargetDescription(id, port, null), healthCheckPort(g, port),
                new TargetHealth("unused", "Target.NotRegistered", TargetHealthChecks.describe(g, "Target.NotRegistered")));
    }

    /** The port health checks go to: the target's own port for "traffic-port". */
    private static String healthCheckPort(ElbTargetGroup g, int port) {
        return "traffic-port".equals(g.healthCheckPort) ? String.valueOf(port) : g.healthCheckPort;
    }
}
