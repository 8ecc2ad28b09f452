package dev.ecsdeck.sim.autoscaling;

import dev.ecsdeck.model.ScalableTarget;
import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.ServiceLoad;
import dev.ecsdeck.sim.ecs.SimCluster;
import dev.ecsdeck.sim.ecs.SimService;
import dev.ecsdeck.sim.ecs.SimTask;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Application Auto Scaling's target tracking on the simulated metrics. Every simulated minute each
 * service's average CPU and memory utilisation is recorded; a policy scales out when its metric
 * has been above target for 3 consecutive minutes (the high alarm) and in when it has been below
 * 90% of target for 15 (the low alarm), to ceil(desired × metric / target) within min and max.
 * Scale-out waits for its cooldown after a scale-out; scale-in waits for its cooldown after any
 * scaling, is off while a deployment is in progress, and never happens with DisableScaleIn.
 */
final class AutoScaler {
    static final int HIGH_DATAPOINTS = 3;
    static final int LOW_DATAPOINTS = 15;
    static final double LOW_FRACTION = 0.9;
    static final int MAX_ACTIVITIES = 100;

    private final SimEngine engine;

    AutoScaler(SimEngine engine) {
        this.engine = engine;
    }

    /** Runs at each simulated second; does its work on minute boundaries. */
    void step(Instant now, Map<String, ScalableTarget> targets, Map<String, Map<String, ScalingPolicy>> policies,
            Map<String, List<ScalingActivity>> activities) {
        if (now.getEpochSecond() % 60 != 0) {
            return;
        }
        long minute = now.getEpochSecond() / 60;
        for (SimCluster cluster : engine.clusters.values()) {
            for (SimService svc : cluster.services.values()) {
                if ("ACTIVE".equals(svc.status)) {
                    int running = 0;
                    for (SimTask t : cluster.tasksOf(svc.name)) {
                        running += t.isRunning() ? 1 : 0;
                    }
                    ServiceLoad load = svc.load(engine.ids);
                    svc.metrics.add(minute, load.cpuUtilisation(minute, running), load.memoryUtilisation(minute, running));
                }
            }
        }
        targets.forEach((resourceId, target) -> {
            SimService svc = service(resourceId);
            if (svc == null || !"ACTIVE".equals(svc.status)) {
                return;
            }
            clampToTarget(svc, target, now, activities);
            for (ScalingPolicy p : policies.getOrDefault(resourceId, Map.of()).values()) {
                if (p.isTargetTracking()) {
                    evaluate(svc, target, p, now, activities);
                }
            }
        });
    }

    private SimService service(String resourceId) {
        String[] parts = resourceId.split("/");
        SimCluster c = engine.clusters.get(parts[1]);
        return c == null ? null : c.services.get(parts[2]);
    }

    /** A desired count outside [min, max] is brought inside, as registering a target does. */
    private void clampToTarget(SimService svc, ScalableTarget target, Instant now, Map<String, List<ScalingActivity>> activities) {
        int clamped = Math.max(target.minCapacity(), Math.min(target.maxCapacity(), svc.desiredCount));
        if (clamped != svc.desiredCount && !svc.isDaemon()) {
            record(activities, target.resourceId(), svc, clamped, now, "minimum or maximum capacity of the scalable target");
        }
    }

    private void evaluate(SimService svc, ScalableTarget target, ScalingPolicy policy, Instant now,
            Map<String, List<ScalingActivity>> activities) {
        TargetTrackingConfig tt = policy.targetTracking();
        boolean cpu = !TargetTrackingConfig.MEMORY.equals(tt.predefinedMetricType());
        double[] recent = svc.metrics.last(LOW_DATAPOINTS, cpu);
        if (recent.length < HIGH_DATAPOINTS) {
            return;
        }
        int current = svc.desiredCount;
        boolean high = true;
        for (int i = recent.length - HIGH_DATAPOINTS; i < recent.length; i++) {
            high &= recent[i] > tt.targetValue();
        }
        double latest = recent[recent.length - 1];
        int wanted = (int) Math.ceil(current * latest / tt.targetValue());
        if (high) {
            int next = Math.min(target.maxCapacity(), Math.max(wanted, current + 1));
            boolean cooling = svc.lastScaleOutAt != null && now.isBefore(svc.lastScaleOutAt.plusSeconds(tt.scaleOutCooldownOrDefault()));
            if (next > current && !cooling) {
                svc.lastScaleOutAt = now;
                record(activities, target.resourceId(), svc, next, now, alarmCause(target, policy, "AlarmHigh"));
            }
            return;
        }
        boolean low = recent.length == LOW_DATAPOINTS;
        for (double v : recent) {
            low &= v < tt.targetValue() * LOW_FRACTION;
        }
        if (!low || tt.disableScaleIn() || deploying(svc)) {
            return;
        }
        Instant lastScaling = later(svc.lastScaleOutAt, svc.lastScaleInAt);
        if (lastScaling != null && now.isBefore(lastScaling.plusSeconds(tt.scaleInCooldownOrDefault()))) {
            return;
        }
        // Only as far down as the metric allows: fewer tasks than ceil(desired × metric / target) would breach the target.
        int next = Math.max(target.minCapacity(), wanted);
        if (next < current) {
            svc.lastScaleInAt = now;
            record(activities, target.resourceId(), svc, next, now, alarmCause(target, policy, "AlarmLow"));
        }
    }

    private static boolean deploying(SimService svc) {
        return svc.deployments.size() > 1 || (svc.primary() != null && "IN_PROGRESS".equals(svc.primary().rolloutState));
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private String alarmCause(ScalableTarget target, ScalingPolicy policy, String alarm) {
        return "monitor alarm TargetTracking-" + target.resourceId() + "-" + alarm + "-" + engine.ids.uuid()
                + " in state ALARM triggered policy " + policy.policyName();
    }

    private void record(Map<String, List<ScalingActivity>> activities, String resourceId, SimService svc, int desired, Instant now,
            String cause) {
        int from = svc.desiredCount;
        svc.desiredCount = desired;
        svc.steady = false;
        List<ScalingActivity> list = activities.computeIfAbsent(resourceId, r -> new java.util.ArrayList<>());
        list.add(new ScalingActivity(engine.ids.uuid(), resourceId, "Setting desired count to " + desired + ".",
                cause + " changing the desired capacity from " + from + " to " + desired + ".", "Successful",
                "Successfully set desired count to " + desired + ". Change successfully fulfilled by ecs.",
                now, now.plusSeconds(1)));
        while (list.size() > MAX_ACTIVITIES) {
            list.remove(0);
        }
    }
}
