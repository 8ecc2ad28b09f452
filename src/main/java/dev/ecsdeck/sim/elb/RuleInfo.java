package dev.ecsdeck.sim.elb;

import java.util.List;

/** A listener rule as ECS checks it: its listener, load balancer and the target groups it forwards to (the default rule too). */
public record RuleInfo(String ruleArn, String listenerArn, String loadBalancerArn, boolean isDefault, List<String> targetGroupArns) {

    public RuleInfo {
        targetGroupArns = List.copyOf(targetGroupArns);
    }
}
