package dev.ecsdeck.sim.elb;

import java.time.Instant;
import java.util.List;

/** An application load balancer as DescribeLoadBalancers returns it (ELB's {@code LoadBalancer}). */
public record LoadBalancerDescription(
        String loadBalancerArn,
        String dnsName,
        String canonicalHostedZoneId,
        Instant createdTime,
        String loadBalancerName,
        String scheme,
        String vpcId,
        LoadBalancerState state,
        String type,
        List<AvailabilityZone> availabilityZones,
        List<String> securityGroups,
        String ipAddressType) {

    public LoadBalancerDescription {
        availabilityZones = List.copyOf(availabilityZones);
        securityGroups = List.copyOf(securityGroups);
    }
}
