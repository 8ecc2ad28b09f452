package dev.ecsdeck.model;

/**
 * What a load balancer of a service needs for blue/green, canary and linear deployments: the
 * alternate target group, the production and test listener rules whose weights ECS changes, and
 * the role ECS acts with.
 */
public record AdvancedConfiguration(String alternateTargetGroupArn, String productionListenerRule, String testListenerRule, String roleArn) {}
