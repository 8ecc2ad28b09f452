package dev.ecsdeck.sim.elb;

import dev.ecsdeck.model.Tag;
import java.util.List;

/** A CreateLoadBalancer request; null members take ELB's defaults (scheme internet-facing, type application, ipv4). */
public record CreateLoadBalancerRequest(
        String name,
        List<String> subnets,
        List<String> securityGroups,
        String scheme,
        List<Tag> tags,
        String type,
        String ipAddressType) {

    public CreateLoadBalancerRequest {
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** An internet-facing application load balancer in {@code subnets}. */
    public static CreateLoadBalancerRequest application(String name, List<String> subnets) {
        return new CreateLoadBalancerRequest(name, subnets, null, null, null, null, null);
    }
}
