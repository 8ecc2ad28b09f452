package dev.ecsdeck.sim.elb;

import dev.ecsdeck.sim.SimApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** CreateLoadBalancer, DescribeLoadBalancers and DeleteLoadBalancer, on the state, under the engine's lock. */
final class LoadBalancerCalls {
    /** How long a new load balancer is provisioning. */
    static final int PROVISIONING_SECONDS = 10;
    private static final String SUBNET = "subnet-[0-9a-zA-Z]{1,32}";
    private static final String SECURITY_GROUP = "sg-[0-9a-zA-Z]{1,32}";

    private final SimElb elb;

    LoadBalancerCalls(SimElb elb) {
        this.elb = elb;
    }

    LoadBalancerDescription create(CreateLoadBalancerRequest r, Instant now) {
        ElbChecks.name("Load balancer", r.name());
        if (r.name().startsWith("internal-")) {
            throw ElbErrors.validation("Load balancer name '" + r.name() + "' cannot begin with 'internal-'");
        }
        if (r.type() != null && !"application".equals(r.type())) {
            throw ElbErrors.validation("Load balancer type '" + r.type() + "' is not supported by the simulator (only 'application' is)");
        }
        String scheme = r.scheme() == null ? "internet-facing" : r.scheme();
        if (!List.of("internet-facing", "internal").contains(scheme)) {
            throw ElbErrors.validation("Scheme '" + scheme + "' must be 'internet-facing' or 'internal'");
        }
        String ipType = r.ipAddressType() == null ? "ipv4" : r.ipAddressType();
        if (!List.of("ipv4", "dualstack", "dualstack-without-public-ipv4").contains(ipType)) {
            throw ElbErrors.validation("IP address type '" + ipType + "' must be 'ipv4', 'dualstack' or 'dualstack-without-public-ipv4'");
        }
        for (String subnet : r.subnets()) {
            if (subnet == null || !subnet.matches(SUBNET)) {
                throw new SimApiException("SubnetNotFound", "The subnet ID '" + subnet + "' is not valid");
            }
        }
        if (new HashSet<>(r.subnets()).size() < 2) {
            throw ElbErrors.validation("At least two subnets in two different Availability Zones must be specified");
        }
        if (new HashSet<>(r.subnets()).size() != r.subnets().size()) {
            throw ElbErrors.validation("A subnet cannot be specified twice");
        }
        for (String sg : r.securityGroups()) {
            if (sg == null || !sg.matches(SECURITY_GROUP)) {
                throw new SimApiException("InvalidSecurityGroup", "Security group '" + sg + "' does not exist");
            }
        }
        ElbTags.checkNew(r.tags());
        for (ElbLoadBalancer existing : elb.loadBalancers.values()) {
            if (existing.name.equals(r.name())) {
                if (existing.subnets.equals(r.subnets()) && existing.scheme.equals(scheme) && existing.securityGroups.equals(r.securityGroups())) {
                    return view(existing); // CreateLoadBalancer is idempotent
                }
                throw new SimApiException("DuplicateLoadBalancerName",
                        "A load balancer with the same name '" + r.name() + "' exists, but with different settings");
            }
        }
        String id = elb.ids.hex(16);
        String dns = ("internal".equals(scheme) ? "internal-" : "") + r.name() + "-" + elb.ids.between(100_000_000L, 1_999_999_999L) + "."
                + elb.ids.region() + ".elb.amazonaws.com";
        ElbLoadBalancer lb = new ElbLoadBalancer(elb.ids.loadBalancerArn(r.name(), id), id, r.name(), dns, scheme, ipType, r.subnets(),
                r.securityGroups(), now, now.plusSeconds(PROVISIONING_SECONDS));
        lb.requestRate = elb.ids.between(20, 120);
        elb.loadBalancers.put(lb.arn, lb);
        ElbTags.put(elb, lb.arn, r.tags());
        return view(lb);
    }

    MarkedPage<LoadBalancerDescription> describe(List<String> arns, List<String> names, String marker, Integer pageSize) {
        boolean byArn = arns != null && !arns.isEmpty();
        boolean byName = names != null && !names.isEmpty();
        if (byArn && byName) {
            throw ElbErrors.validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
        }
        List<LoadBalancerDescription> out = new ArrayList<>();
        if (byArn) {
            for (String arn : arns) {
                ElbLoadBalancer lb = elb.loadBalancers.get(arn);
                if (lb == null) {
                    throw ElbErrors.loadBalancerNotFound();
                }
                out.add(view(lb));
            }
        } else if (byName) {
            List<String> missing = new ArrayList<>();
            for (String name : names) {
                ElbLoadBalancer lb = elb.loadBalancers.values().stream().filter(l -> l.name.equals(name)).findFirst().orElse(null);
                if (lb == null) {
                    missing.add(name);
                } else {
                    out.add(view(lb));
                }
            }
            if (!missing.isEmpty()) {
                throw new SimApiException("LoadBalancerNotFound", "Load balancers '" + missing + "' not found");
            }
        } else {
            elb.loadBalancers.values().forEach(lb -> out.add(view(lb)));
        }
        return ElbChecks.page(out, marker, pageSize);
    }

    /** Deletes the load balancer and its listeners and rules; one that does not exist is deleted already. */
    void delete(String arn, Instant now) {
        ElbLoadBalancer lb = elb.loadBalancers.remove(arn);
        if (lb == null) {
            return;
        }
        elb.tags.remove(arn);
        for (ElbListener l : elb.listenersOf(arn)) {
            ListenerCalls.remove(elb, l);
        }
        elb.routesChanged(now);
    }

    private LoadBalancerDescription view(ElbLoadBalancer lb) {
        return ElbViews.loadBalancer(lb, elb.ids.region());
    }
}
