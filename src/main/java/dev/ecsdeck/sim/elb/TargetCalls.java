package dev.ecsdeck.sim.elb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** RegisterTargets, DeregisterTargets and DescribeTargetHealth, under the engine's lock. */
final class TargetCalls {
    private static final String INSTANCE_ID = "i-[0-9a-f]{8}(?:[0-9a-f]{9})?";
    private static final String IPV4 = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}";

    private final SimElb elb;

    TargetCalls(SimElb elb) {
        this.elb = elb;
    }

    void register(String targetGroupArn, List<TargetDescription> targets, Instant now) {
        ElbTargetGroup g = elb.group(targetGroupArn);
        if (targets == null || targets.isEmpty()) {
            throw ElbErrors.validation("At least one target must be specified");
        }
        for (TargetDescription t : targets) {
            check(g, t);
        }
        for (TargetDescription t : targets) {
            elb.register(g.arn, t.id(), portOf(g, t), t.availabilityZone(), now);
        }
    }

    void deregister(String targetGroupArn, List<TargetDescription> targets, Instant now) {
        ElbTargetGroup g = elb.group(targetGroupArn);
        if (targets == null || targets.isEmpty()) {
            throw ElbErrors.validation("At least one target must be specified");
        }
        for (TargetDescription t : targets) {
            if (t.id() == null || t.id().isEmpty()) {
                throw ElbErrors.validation("A target ID must be specified");
            }
            ElbChecks.port(portOf(g, t));
        }
        for (TargetDescription t : targets) {
            elb.deregister(g.arn, t.id(), portOf(g, t), now);
        }
    }

    /** Every registered target's health, or the given targets' (a target named without a port: each of its registrations). */
    List<TargetHealthDescription> describe(String targetGroupArn, List<TargetDescription> targets) {
        ElbTargetGroup g = elb.group(targetGroupArn);
        List<TargetHealthDescription> out = new ArrayList<>();
        if (targets == null || targets.isEmpty()) {
            g.targets.values().forEach(t -> out.add(ElbViews.health(g, t)));
            return out;
        }
        for (TargetDescription wanted : targets) {
            check(g, wanted);
            List<ElbTarget> found = new ArrayList<>();
            for (ElbTarget t : g.targets.values()) {
                if (t.id.equals(wanted.id()) && (wanted.port() == null || t.port == wanted.port())) {
                    found.add(t);
                }
            }
            if (found.isEmpty()) {
                out.add(ElbViews.notRegistered(g, wanted.id(), portOf(g, wanted)));
            }
            found.forEach(t -> out.add(ElbViews.health(g, t)));
        }
        return out;
    }

    private static int portOf(ElbTargetGroup g, TargetDescription t) {
        return t.port() == null ? g.port : t.port();
    }

    /** An ip group takes private IPv4 addresses, an instance group EC2 instance ids; anything else is an invalid target. */
    private static void check(ElbTargetGroup g, TargetDescription t) {
        String id = t.id();
        if (id == null || id.isEmpty()) {
            throw ElbErrors.validation("A target ID must be specified");
        }
        ElbChecks.port(portOf(g, t));
        if ("instance".equals(g.targetType)) {
            if (!id.matches(INSTANCE_ID)) {
                throw ElbErrors.invalidTarget("The target '" + id + "' is not a valid EC2 instance ID; target group '" + g.name
                        + "' has target type 'instance'");
            }
            if (t.availabilityZone() != null) {
                throw ElbErrors.validation("An Availability Zone cannot be specified for targets of type 'instance'");
            }
            return;
        }
        if (!id.matches(IPV4)) {
            throw ElbErrors.invalidTarget("The target '" + id + "' is not a valid IPv4 address; target group '" + g.name
                    + "' has target type 'ip'");
        }
        if (!privateAddress(id)) {
            throw ElbErrors.invalidTarget("The IP address '" + id + "' is not in a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 "
                    + "or 100.64.0.0/10)");
        }
    }

    private static boolean privateAddress(String ip) {
        String[] p = ip.split("\\.");
        int a = Integer.parseInt(p[0]);
        int b = Integer.parseInt(p[1]);
        return a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 100 && b >= 64 && b <= 127);
    }
}
