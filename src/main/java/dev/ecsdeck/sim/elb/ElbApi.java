package dev.ecsdeck.sim.elb;

import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.SimEngine;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Elastic Load Balancing v2's API on the simulated application load balancers: load balancers,
 * target groups and their attributes, listeners, rules, targets and their health, tags. Each call
 * first catches the simulation up with the clock, then acts under the engine's lock; ELB's errors are
 * {@link dev.ecsdeck.sim.SimApiException}s with the error code of the API model's error shape.
 */
public final class ElbApi {
    private final SimEngine engine;

    public ElbApi(SimEngine engine) {
        this.engine = engine;
    }

    public LoadBalancerDescription createLoadBalancer(CreateLoadBalancerRequest request) {
        return call(elb -> new LoadBalancerCalls(elb).create(request, engine.now()));
    }

    /** By ARNs or by names (not both), or all; a page of at most {@code pageSize} (1–400, default 400). */
    public MarkedPage<LoadBalancerDescription> describeLoadBalancers(List<String> arns, List<String> names, String marker, Integer pageSize) {
        return call(elb -> new LoadBalancerCalls(elb).describe(arns, names, marker, pageSize));
    }

    public void deleteLoadBalancer(String loadBalancerArn) {
        run(elb -> new LoadBalancerCalls(elb).delete(loadBalancerArn, engine.now()));
    }

    public TargetGroupDescription createTargetGroup(CreateTargetGroupRequest request) {
        return call(elb -> new TargetGroupCalls(elb).create(request, engine.now()));
    }

    /** Those a load balancer uses, or by ARNs, or by names (one of them at most), or all. */
    public MarkedPage<TargetGroupDescription> describeTargetGroups(String loadBalancerArn, List<String> arns, List<String> names, String marker,
            Integer pageSize) {
        return call(elb -> new TargetGroupCalls(elb).describe(loadBalancerArn, arns, names, marker, pageSize));
    }

    public TargetGroupDescription modifyTargetGroup(ModifyTargetGroupRequest request) {
        return call(elb -> new TargetGroupCalls(elb).modify(request));
    }

    public void deleteTargetGroup(String targetGroupArn) {
        run(elb -> new TargetGroupCalls(elb).delete(targetGroupArn));
    }

    public List<TargetGroupAttribute> describeTargetGroupAttributes(String targetGroupArn) {
        return call(elb -> new TargetGroupCalls(elb).attributes(targetGroupArn));
    }

    public List<TargetGroupAttribute> modifyTargetGroupAttributes(String targetGroupArn, List<TargetGroupAttribute> attributes) {
        return call(elb -> new TargetGroupCalls(elb).modifyAttributes(targetGroupArn, attributes));
    }

    public ListenerDescription createListener(CreateListenerRequest request) {
        return call(elb -> new ListenerCalls(elb).create(request, engine.now()));
    }

    /** A load balancer's listeners, or the given ones (one of the two). */
    public MarkedPage<ListenerDescription> describeListeners(String loadBalancerArn, List<String> arns, String marker, Integer pageSize) {
        return call(elb -> new ListenerCalls(elb).describe(loadBalancerArn, arns, marker, pageSize));
    }

    public ListenerDescription modifyListener(ModifyListenerRequest request) {
        return call(elb -> new ListenerCalls(elb).modify(request, engine.now()));
    }

    public void deleteListener(String listenerArn) {
        run(elb -> new ListenerCalls(elb).delete(listenerArn, engine.now()));
    }

    public RuleDescription createRule(CreateRuleRequest request) {
        return call(elb -> new RuleCalls(elb).create(request, engine.now()));
    }

    /** A listener's rules in priority order with its default rule last, or the given rules (one of the two). */
    public MarkedPage<RuleDescription> describeRules(String listenerArn, List<String> arns, String marker, Integer pageSize) {
        return call(elb -> new RuleCalls(elb).describe(listenerArn, arns, marker, pageSize));
    }

    /** Replaces the rule's conditions and/or actions (null leaves them). */
    public RuleDescription modifyRule(String ruleArn, List<RuleCondition> conditions, List<Action> actions) {
        return call(elb -> new RuleCalls(elb).modify(ruleArn, conditions, actions, engine.now()));
    }

    public void deleteRule(String ruleArn) {
        run(elb -> new RuleCalls(elb).delete(ruleArn, engine.now()));
    }

    /** Rule ARN → new priority, all at once. */
    public List<RuleDescription> setRulePriorities(Map<String, Integer> priorities) {
        return call(elb -> new RuleCalls(elb).setPriorities(priorities));
    }

    public void registerTargets(String targetGroupArn, List<TargetDescription> targets) {
        run(elb -> new TargetCalls(elb).register(targetGroupArn, targets, engine.now()));
    }

    public void deregisterTargets(String targetGroupArn, List<TargetDescription> targets) {
        run(elb -> new TargetCalls(elb).deregister(targetGroupArn, targets, engine.now()));
    }

    /** Every registered target's health, or the given targets' (one not registered: unused, Target.NotRegistered). */
    public List<TargetHealthDescription> describeTargetHealth(String targetGroupArn, List<TargetDescription> targets) {
        return call(elb -> new TargetCalls(elb).describe(targetGroupArn, targets));
    }

    public void addTags(List<String> resourceArns, List<Tag> tags) {
        run(elb -> ElbTags.add(elb, resourceArns, tags));
    }

    public void removeTags(List<String> resourceArns, List<String> tagKeys) {
        run(elb -> ElbTags.remove(elb, resourceArns, tagKeys));
    }

    public List<TagDescription> describeTags(List<String> resourceArns) {
        return call(elb -> ElbTags.describe(elb, resourceArns));
    }

    private <T> T call(Function<SimElb, T> body) {
        synchronized (engine) {
            engine.advance();
            return body.apply(engine.elb());
        }
    }

    private void run(java.util.function.Consumer<SimElb> body) {
        synchronized (engine) {
            engine.advance();
            body.accept(engine.elb());
        }
    }
}
