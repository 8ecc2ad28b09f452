package dev.ecsdeck.sim.elb;

import dev.ecsdeck.sim.elb.ElbSnapshot.ListenerState;
import dev.ecsdeck.sim.elb.ElbSnapshot.LoadBalancerState;
import dev.ecsdeck.sim.elb.ElbSnapshot.RuleState;
import dev.ecsdeck.sim.elb.ElbSnapshot.TargetGroupState;
import dev.ecsdeck.sim.elb.ElbSnapshot.TargetState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Takes {@link SimElb}'s state as an {@link ElbSnapshot}, and puts one back. */
final class ElbSnapshots {
    private ElbSnapshots() {}

    static ElbSnapshot capture(SimElb elb) {
        List<LoadBalancerState> lbs = new ArrayList<>();
        for (ElbLoadBalancer lb : elb.loadBalancers.values()) {
            lbs.add(new LoadBalancerState(lb.arn, lb.id, lb.name, lb.dnsName, lb.scheme, lb.ipAddressType, lb.subnets, List.copyOf(lb.securityGroups),
                    lb.createdTime, lb.activeAt, lb.stateCode, lb.requestRate));
        }
        List<TargetGroupState> groups = new ArrayList<>();
        for (ElbTargetGroup g : elb.targetGroups.values()) {
            List<TargetState> targets = new ArrayList<>();
            for (ElbTarget t : g.targets.values()) {
                targets.add(new TargetState(t.id, t.port, t.availabilityZone, t.registeredAt, t.state, t.reason, t.since, t.nextCheckAt, t.passes,
                        t.failures, t.drainUntil));
            }
            groups.add(new TargetGroupState(g.arn, g.id, g.name, g.protocol, g.protocolVersion, g.port, g.vpcId, g.targetType, g.ipAddressType,
                    g.createdTime, g.healthCheckProtocol, g.healthCheckPort, g.healthCheckPath, g.healthCheckIntervalSeconds,
                    g.healthCheckTimeoutSeconds, g.healthyThresholdCount, g.unhealthyThresholdCount, g.matcher, new LinkedHashMap<>(g.attributes),
                    targets, List.copyOf(g.loadBalancerArns), g.requests.snapshot()));
        }
        List<ListenerState> listeners = new ArrayList<>();
        for (ElbListener l : elb.listeners.values()) {
            listeners.add(new ListenerState(l.arn, l.id, l.loadBalancerArn, l.port, l.protocol, l.sslPolicy, List.copyOf(l.certificates),
                    l.defaultRuleArn));
        }
        List<RuleState> rules = new ArrayList<>();
        for (ElbRule r : elb.rules.values()) {
            rules.add(new RuleState(r.arn, r.listenerArn, r.isDefault, r.priority, List.copyOf(r.conditions), List.copyOf(r.actions)));
        }
        Map<String, Map<String, String>> tags = new LinkedHashMap<>();
        elb.tags.forEach((arn, t) -> tags.put(arn, new LinkedHashMap<>(t)));
        return new ElbSnapshot(lbs, groups, listeners, rules, tags);
    }

    static void restore(SimElb elb, ElbSnapshot s) {
        for (LoadBalancerState x : list(s.loadBalancers())) {
            ElbLoadBalancer lb = new ElbLoadBalancer(x.arn(), x.id(), x.name(), x.dnsName(), x.scheme(), x.ipAddressType(), x.subnets(),
                    x.securityGroups(), x.createdTime(), x.activeAt());
            lb.stateCode = x.stateCode();
            lb.requestRate = x.requestRate();
            elb.loadBalancers.put(lb.arn, lb);
        }
        for (TargetGroupState x : list(s.targetGroups())) {
            ElbTargetGroup g = new ElbTargetGroup(x.arn(), x.id(), x.name(), x.protocol(), x.protocolVersion(), x.port(), x.vpcId(), x.targetType(),
                    x.ipAddressType(), x.createdTime());
            g.healthCheckProtocol = x.healthCheckProtocol();
            g.healthCheckPort = x.healthCheckPort();
            g.healthCheckPath = x.healthCheckPath();
            g.healthCheckIntervalSeconds = x.healthCheckIntervalSeconds();
            g.healthCheckTimeoutSeconds = x.healthCheckTimeoutSeconds();
            g.healthyThresholdCount = x.healthyThresholdCount();
            g.unhealthyThresholdCount = x.unhealthyThresholdCount();
            g.matcher = x.matcher();
            g.attributes.putAll(x.attributes());
            for (TargetState t : list(x.targets())) {
                ElbTarget target = new ElbTarget(t.id(), t.port(), t.availabilityZone());
                target.registeredAt = t.registeredAt();
                target.state = t.state();
                target.reason = t.reason();
                target.since = t.since();
                target.nextCheckAt = t.nextCheckAt();
                target.passes = t.passes();
                target.failures = t.failures();
                target.drainUntil = t.drainUntil();
                g.targets.put(target.key(), target);
            }
            g.loadBalancerArns.addAll(list(x.loadBalancerArns()));
            g.requests.restore(list(x.requests()));
            elb.targetGroups.put(g.arn, g);
        }
        for (ListenerState x : list(s.listeners())) {
            ElbListener l = new ElbListener(x.arn(), x.id(), x.loadBalancerArn(), x.defaultRuleArn());
            l.port = x.port();
            l.protocol = x.protocol();
            l.sslPolicy = x.sslPolicy();
            l.certificates.addAll(list(x.certificates()));
            elb.listeners.put(l.arn, l);
        }
        for (RuleState x : list(s.rules())) {
            ElbRule r = new ElbRule(x.arn(), x.listenerArn(), x.defaultRule(), x.priority());
            r.conditions.addAll(list(x.conditions()));
            r.actions.addAll(list(x.actions()));
            elb.rules.put(r.arn, r);
        }
        if (s.tags() != null) {
            s.tags().forEach((arn, t) -> elb.tags.put(arn, new LinkedHashMap<>(t)));
        }
    }

    private static <T> List<T> list(List<T> saved) {
        return saved == null ? List.of() : saved;
    }
}
