package dev.ecsdeck.sim.autoscaling;

import dev.ecsdeck.model.ScalableTarget;
import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.ScalableService;
import dev.ecsdeck.sim.ecs.ScalableService.Reason;
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
        targets.forEach((resourceId, target) -> {
            ScalableService svc = service(resourceId);
            if (svc == null || !svc.isActive()) {
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

    private ScalableService service(String resourceId) {
        String[] parts = resourceId.split("/");
        return engine.ecs().scalable(parts[1], parts[2]);
    }

    /** A desired count outside [min, max] is brought inside, as registering a target does. */
    private void clampToTarget(ScalableService svc, ScalableTarget target, Instant now, Map<String, List<ScalingActivity>> activities) {
        int clamped = Math.max(target.minCapacity(), Math.min(target.maxCapacity(), svc.desiredCount()));
        if (clamped != svc.desiredCount() && !svc.isDaemon()) {
            record(activities, target.resourceId(), svc, clamped, now, Reason.CAPACITY_LIMITS, "minimum or maximum capacity of the scalable target");
        }
    }

    private void evaluate(ScalableService svc, ScalableTarget target, ScalingPolicy policy, Instant now,
            Map<String, List<ScalingActivity>> activities) {
        TargetTrackingConfig tt = policy.targetTracking();
        boolean cpu = !TargetTrackingConfig.MEMORY.equals(tt.predefinedMetricType());
        double[] recent = svc.recentUtilisation(LOW_DATAPOINTS, cpu);
        if (recent.length < HIGH_DATAPOINTS) {
            return;
        }
        int current = svc.desiredCount();
        boolean high = true;
        for (int i = recent.length - HIGH_DATAPOINTS; i < recent.length; i++) {
            high &= recent[i] > tt.targetValue();
        }
        double latest = recent[recent.length - 1];
        int wanted = (int) Math.ceil(current * latest / tt.targetValue());
        if (high) {
            int next = Math.min(target.maxCapacity(), Math.max(wanted, current + 1));
            boolean cooling = svc.lastScaleOutAt() != null && now.isBefore(svc.lastScaleOutAt().plusSeconds(tt.scaleOutCooldownOrDefault()));
            if (next > current && !cooling) {
                record(activities, target.resourceId(), svc, next, now, Reason.SCALE_OUT, alarmCause(target, policy, "AlarmHigh"));
            }
            return;
        }
        boolean low = recent.length == LOW_DATAPOINTS;
        for (double v : recent) {
            low &= v < tt.targetValue() * LOW_FRACTION;
        }
        if (!low || tt.disableScaleIn() || svc.deploying()) {
            return;
        }
        Instant lastScaling = later(svc.lastScaleOutAt(), svc.lastScaleInAt());
        if (lastScaling != null && now.isBefore(lastScaling.plusSeconds(tt.scaleInCooldownOrDefault()))) {
            return;
        }
        // Only as far down as the metric allows: fewer tasks than ceil(desired × metric / target) would breach the target.
        int next = Math.max(target.minCapacity(), wanted);
        if (next < current) {
            record(activities, target.resourceId(), svc, next, now, Reason.SCALE_IN, alarmCause(target, policy, "AlarmLow"));
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private String alarmCause(ScalableTarget target, ScalingPolicy policy, String alarm) {
        return "monitor alarm TargetTracking-" + target.resourceId() + "-" + alarm + "-" + engine.ids().uuid()
                + " in state ALARM triggered policy " + policy.policyName();
    }

    private void record(Map<String, List<ScalingActivity>> activities, String resourceId, ScalableService svc, int desired, Instant now,
            Reason reason, String cause) {
        int from = svc.desiredCount();
        svc.scaleTo(desired, now, reason);
        List<ScalingActivity> list = activities.computeIfAbsent(resourceId, r -> new java.util.ArrayList<>());
        list.add(new ScalingActivity(engine.ids().uuid(), resourceId, "Setting desired count to " + desired + ".",
                cause + " changing the desired capacity from " + from + " to " + desired + ".", "Successful",
                "Successfully set desired count to " + desired + ". Change successfully fulfilled by ecs.",
                now, now.plusSeconds(1)));
        while (list.size() > MAX_ACTIVITIES) {
            list.remove(0);
        }
    }
}
