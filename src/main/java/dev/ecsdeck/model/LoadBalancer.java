package dev.ecsdeck.model;

/** A load balancer target of a service; {@code advancedConfiguration} only for traffic-shifting deployments. */
public record LoadBalancer(String targetGroupArn, String loadBalancerName, String containerName, Integer containerPort,
        AdvancedConfiguration advancedConfiguration) {

    public LoadBalancer(String targetGroupArn, String loadBalancerName, String containerName, Integer containerPort) {
        this(targetGroupArn, loadBalancerName, containerName, containerPort, null);
    }
}
