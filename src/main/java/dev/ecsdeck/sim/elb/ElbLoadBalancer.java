package dev.ecsdeck.sim.elb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An application load balancer's state; read and changed under the engine's lock. */
final class ElbLoadBalancer {
    final String arn;
    /** The 16 hex digits at the end of its ARN. */
    final String id;
    final String name;
    final String dnsName;
    final String scheme;
    final String ipAddressType;
    final List<String> subnets;
    final List<String> securityGroups;
    final Instant createdTime;
    /** When provisioning ends and it turns active. */
    final Instant activeAt;
    String stateCode = "provisioning";
    /** Requests per second its listeners receive. */
    double requestRate;

    ElbLoadBalancer(String arn, String id, String name, String dnsName, String scheme, String ipAddressType, List<String> subnets,
            List<String> securityGroups, Instant createdTime, Instant activeAt) {
        this.arn = arn;
        this.id = id;
        this.name = name;
        this.dnsName = dnsName;
        this.scheme = scheme;
        this.ipAddressType = ipAddressType;
        this.subnets = List.copyOf(subnets);
        this.securityGroups = new ArrayList<>(securityGroups);
        this.createdTime = createdTime;
        this.activeAt = activeAt;
    }

    boolean active() {
        return "active".equals(stateCode);
    }
}
