package dev.ecsdeck.model;

import java.util.List;

/** Subnets and security groups of an awsvpc task or service. */
public record AwsVpcConfiguration(List<String> subnets, List<String> securityGroups, String assignPublicIp) {
    public AwsVpcConfiguration {
        subnets = Lists.copy(subnets);
        securityGroups = Lists.copy(securityGroups);
    }
}
