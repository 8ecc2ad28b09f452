package dev.ecsdeck.sim.elb;

import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated Elastic Load Balancing (application load balancers): load balancers, listeners and
 * their rules, target groups with their targets' health, tags, and the requests each load balancer
 * spreads over its target groups. The engine owns one and calls {@link #step} once a simulated
 * second, after ECS; {@link ElbApi} and ECS read and change it under the engine's lock (its public
 * methods do not catch the simulation up with the clock: they are for code that already holds the lock).
 *
 * <p>ELB does not know who runs at an address: whether a target answers its health check is the
 * {@link TargetResponder}'s call (by default nothing answers).
 */
public final class SimElb {
    /** The simulator has no VPCs; a load balancer is in this one. */
    static final String VPC = "vpc-0sim0default";

    final SimIds ids;
    final Map<String, ElbLoadBalancer> loadBalancers = new LinkedHashMap<>();
    final Map<String, ElbTargetGroup> targetGroups = new LinkedHashMap<>();
    final Map<String, ElbListener> listeners = new LinkedHashMap<>();
    final Map<String, ElbRule> rules = new LinkedHashMap<>();
    final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
    private final TargetHealthChecks healthChecks = new TargetHealthChecks();
    private final RequestTraffic traffic = new RequestTraffic(this);
    private TargetResponder responder = TargetResponder.NOBODY;

    public SimElb(SimIds ids) {
        this.ids = ids;
    }

    /** Who answers health checks (set once by the engine). */
    public void setResponder(TargetResponder responder) {
        this.responder = responder == null ? TargetResponder.NOBODY : responder;
    }

    /** What ECS needs of a target group; null if there is none. */
    public TargetGroupInfo targetGroup(String arn) {
        ElbTargetGroup g = targetGroups.get(arn);
        return g == null ? null : ElbViews.info(g);
    }

    /**
     * Registers a target (as ECS does when a task starts); registering one already registered changes
     * nothing, one draining registers afresh. Throws ELB's TargetGroupNotFound when the group is gone.
     */
    public void register(String targetGroupArn, String targetId, int port, String availabilityZone, Instant now) {
        ElbTargetGroup g = group(targetGroupArn);
        ElbTarget existing = g.targets.get(ElbTarget.key(targetId, port));
        if (existing != null && !existing.draining()) {
            return;
        }
        ElbTarget t = new ElbTarget(targetId, port, availabilityZone);
        g.targets.remove(t.key());
        g.targets.put(t.key(), t);
        healthChecks.registered(g, t, now);
    }

    /**
     * Deregisters a target: it drains for the group's deregistration delay, then is gone. A target (or
     * target group) that is not there is ignored: there is nothing to drain.
     */
    public void deregister(String targetGroupArn, String targetId, int port, Instant now) {
        ElbTargetGroup g = targetGroups.get(targetGroupArn);
        ElbTarget t = g == null ? null : g.targets.get(ElbTarget.key(targetId, port));
        if (t == null || t.draining()) {
            return;
        }
        int delay = g.deregistrationDelaySeconds();
        if (delay == 0) {
            g.targets.remove(t.key());
            return;
        }
        t.enter("draining", "Target.DeregistrationInProgress", now);
        t.nextCheckAt = null;
        t.drainUntil = now.plusSeconds(delay);
    }

    /** A registered target's health; null when it is not registered (or its draining is over). */
    public TargetHealthState health(String targetGroupArn, String targetId, int port) {
        ElbTargetGroup g = targetGroups.get(targetGroupArn);
        ElbTarget t = g == null ? null : g.targets.get(ElbTarget.key(targetId, port));
        return t == null ? null : new TargetHealthState(t.state, t.reason, TargetHealthChecks.describe(g, t.reason), t.since);
    }

    /** A rule (or a listener's default rule) as ECS checks it; null if there is none. */
    public RuleInfo rule(String ruleArn) {
        ElbRule r = rules.get(ruleArn);
        if (r == null) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        r.forwardTargets().forEach(t -> groups.add(t.targetGroupArn()));
        return new RuleInfo(r.arn, r.listenerArn, listeners.get(r.listenerArn).loadBalancerArn, r.isDefault, groups);
    }

    /** The weights of the rule's forward action: target group ARN → weight, in the rule's order (empty if it does not forward). */
    public Map<String, Integer> forwardWeights(String ruleArn) {
        ElbRule r = rules.get(ruleArn);
        if (r == null) {
            throw ElbErrors.ruleNotFound();
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        r.forwardTargets().forEach(t -> out.put(t.targetGroupArn(), t.weight()));
        return out;
    }

    /** Makes the rule forward by these weights (what ECS does to shift traffic); DescribeRules shows it as a ForwardConfig. */
    public void setForwardWeights(String ruleArn, Map<String, Integer> weights, Instant now) {
        ElbRule r = rules.get(ruleArn);
        if (r == null) {
            throw ElbErrors.ruleNotFound();
        }
        List<TargetGroupTuple> tuples = new ArrayList<>();
        weights.forEach((arn, w) -> tuples.add(new TargetGroupTuple(arn, w)));
        List<Action> actions = List.of(Action.forward(tuples));
        ElbActions.check(this, actions, listeners.get(r.listenerArn).loadBalancerArn);
        r.actions.clear();
        r.actions.addAll(ElbActions.normalise(actions));
        routesChanged(now);
    }

    /** Sets how many requests per second the load balancer receives. */
    public void setRequestRate(String loadBalancerArn, double perSecond) {
        ElbLoadBalancer lb = loadBalancers.get(loadBalancerArn);
        if (lb == null) {
            throw ElbErrors.loadBalancerNotFound();
        }
        if (perSecond < 0) {
            throw new IllegalArgumentException("A request rate cannot be negative: " + perSecond);
        }
        lb.requestRate = perSecond;
    }

    /** ALBRequestCountPerTarget of the minute: the requests each target that served the group received, on average (0 if none). */
    public double requestCountPerTarget(String targetGroupArn, long epochMinute) {
        ElbTargetGroup g = targetGroups.get(targetGroupArn);
        return g == null ? 0 : g.requests.perTarget(epochMinute);
    }

    /** The ARNs of the target groups, in the order they were made (what CloudWatch's ELB metrics walk). */
    public java.util.List<String> targetGroupArns() {
        return java.util.List.copyOf(targetGroups.keySet());
    }

    /** RequestCount of the minute: the requests the load balancer routed to the group's targets. */
    public double requestCount(String targetGroupArn, long epochMinute) {
        ElbTargetGroup g = targetGroups.get(targetGroupArn);
        return g == null ? 0 : g.requests.count(epochMinute);
    }

    /**
     * What Application Auto Scaling's ResourceLabel names for the group,
     * {@code app/<lb-name>/<lb-id>/targetgroup/<tg-name>/<tg-id>}; null if the group is not used by a load balancer.
     */
    public String resourceLabel(String targetGroupArn) {
        ElbTargetGroup g = targetGroups.get(targetGroupArn);
        if (g == null || !g.inUse()) {
            return null;
        }
        ElbLoadBalancer lb = loadBalancers.get(g.loadBalancerArns.get(0));
        return "app/" + lb.name + "/" + lb.id + "/targetgroup/" + g.name + "/" + g.id;
    }

    /** One simulated second: load balancers finish provisioning, health checks due are made, draining ends, requests are counted. */
    public void step(Instant now) {
        if (targetGroups.isEmpty() && loadBalancers.isEmpty()) {
            return;
        }
        for (ElbLoadBalancer lb : loadBalancers.values()) {
            if (!lb.active() && !now.isBefore(lb.activeAt)) {
                lb.stateCode = "active";
            }
        }
        for (ElbTargetGroup g : targetGroups.values()) {
            if (!g.targets.isEmpty()) {
                healthChecks.step(g, now, responder);
            }
        }
        traffic.step(now);
    }

    public ElbSnapshot snapshot() {
        return ElbSnapshots.capture(this);
    }

    /** Puts a saved state back into this one, which must be new; null (a state file from before ELB) leaves it empty. */
    public void restore(ElbSnapshot saved) {
        if (saved != null) {
            ElbSnapshots.restore(this, saved);
        }
    }

    ElbTargetGroup group(String arn) {
        ElbTargetGroup g = targetGroups.get(arn);
        if (g == null) {
            throw ElbErrors.targetGroupNotFound();
        }
        return g;
    }

    /** The listener's rules in priority order, the default rule last. */
    List<ElbRule> rulesOf(String listenerArn) {
        List<ElbRule> out = new ArrayList<>();
        ElbRule defaultRule = null;
        for (ElbRule r : rules.values()) {
            if (r.listenerArn.equals(listenerArn)) {
                if (r.isDefault) {
                    defaultRule = r;
                } else {
                    out.add(r);
                }
            }
        }
        out.sort(java.util.Comparator.comparing(r -> r.priority));
        if (defaultRule != null) {
            out.add(defaultRule);
        }
        return out;
    }

    List<ElbListener> listenersOf(String loadBalancerArn) {
        List<ElbListener> out = new ArrayList<>();
        for (ElbListener l : listeners.values()) {
            if (l.loadBalancerArn.equals(loadBalancerArn)) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * Works out again which load balancers use each target group, after a listener or rule changed.
     * A group that turns used starts its targets' registration afresh; one that turns unused holds them unused.
     */
    void routesChanged(Instant now) {
        Map<String, Set<String>> users = new LinkedHashMap<>();
        for (ElbRule r : rules.values()) {
            String lbArn = listeners.get(r.listenerArn).loadBalancerArn;
            for (TargetGroupTuple t : r.forwardTargets()) {
                users.computeIfAbsent(t.targetGroupArn(), k -> new LinkedHashSet<>()).add(lbArn);
            }
        }
        for (ElbTargetGroup g : targetGroups.values()) {
            boolean was = g.inUse();
            g.loadBalancerArns.clear();
            g.loadBalancerArns.addAll(users.getOrDefault(g.arn, Set.of()));
            if (was != g.inUse()) {
                for (ElbTarget t : g.targets.values()) {
                    if (!t.draining()) {
                        healthChecks.registered(g, t, now);
                    }
                }
            }
        }
    }

    static SimApiException notFoundFor(String arn) {
        String resource = arn == null ? "" : arn.replaceFirst("^arn:aws:elasticloadbalancing:[^:]*:[^:]*:", "");
        if (resource.startsWith("loadbalancer/")) {
            return ElbErrors.loadBalancerNotFound();
        }
        if (resource.startsWith("targetgroup/")) {
            return ElbErrors.targetGroupNotFound();
        }
        if (resource.startsWith("listener-rule/")) {
            return ElbErrors.ruleNotFound();
        }
        if (resource.startsWith("listener/")) {
            return ElbErrors.listenerNotFound();
        }
        return ElbErrors.validation("'" + arn + "' is not a valid Elastic Load Balancing resource ARN");
    }
}
