package dev.ecsdeck.sim.elb;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests each active load balancer receives, spread as simply as can still show a traffic
 * shift: evenly over its listeners, then evenly over each listener's rules (the default rule is one),
 * then over a rule's target groups by forward weight; within a group evenly over its healthy targets
 * (ALB fails open: over every target it routes to when none is healthy; nowhere when it has none).
 */
final class RequestTraffic {
    private final SimElb elb;

    RequestTraffic(SimElb elb) {
        this.elb = elb;
    }

    void step(Instant now) {
        if (elb.listeners.isEmpty()) {
            return;
        }
        Map<ElbTargetGroup, Double> toGroup = new LinkedHashMap<>();
        for (ElbLoadBalancer lb : elb.loadBalancers.values()) {
            if (!lb.active() || lb.requestRate <= 0) {
                continue;
            }
            List<ElbListener> ls = elb.listenersOf(lb.arn);
            for (ElbListener l : ls) {
                List<ElbRule> routes = elb.rulesOf(l.arn);
                double perRule = lb.requestRate / ls.size() / routes.size();
                for (ElbRule r : routes) {
                    spread(r.forwardTargets(), perRule, toGroup);
                }
            }
        }
        long minute = Math.floorDiv(now.getEpochSecond(), 60L);
        toGroup.forEach((g, requests) -> {
            int serving = serving(g);
            if (serving > 0) {
                g.requests.add(minute, requests, requests / serving);
            }
        });
    }

    private void spread(List<TargetGroupTuple> targets, double requests, Map<ElbTargetGroup, Double> toGroup) {
        int total = 0;
        for (TargetGroupTuple t : targets) {
            total += t.weight();
        }
        if (total == 0) {
            return;
        }
        for (TargetGroupTuple t : targets) {
            ElbTargetGroup g = elb.targetGroups.get(t.targetGroupArn());
            if (g != null && t.weight() > 0) {
                toGroup.merge(g, requests * t.weight() / total, Double::sum);
            }
        }
    }

    /** How many targets share the group's requests: the healthy ones, or (failing open) all it routes to. */
    private static int serving(ElbTargetGroup g) {
        int healthy = 0;
        int routable = 0;
        for (ElbTarget t : g.targets.values()) {
            if ("healthy".equals(t.state)) {
                healthy++;
            }
            if ("healthy".equals(t.state) || "unhealthy".equals(t.state) || "initial".equals(t.state)) {
                routable++;
            }
        }
        return healthy > 0 ? healthy : routable;
    }
}
