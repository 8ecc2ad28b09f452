package dev.ecsdeck.sim.elb;

import java.util.ArrayList;
import java.util.List;

/** A listener's state; its default actions are those of its default rule. */
final class ElbListener {
    final String arn;
    final String id;
    final String loadBalancerArn;
    int port;
    String protocol;
    String sslPolicy;
    final List<Certificate> certificates = new ArrayList<>();
    final String defaultRuleArn;

    ElbListener(String arn, String id, String loadBalancerArn, String defaultRuleArn) {
        this.arn = arn;
        this.id = id;
        this.loadBalancerArn = loadBalancerArn;
        this.defaultRuleArn = defaultRuleArn;
    }
}
