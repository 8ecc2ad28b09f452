package dev.ecsdeck.sim.autoscaling;

import dev.ecsdeck.model.ScalableTarget;
import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.ScalableService;
import dev.ecsdeck.sim.ecs.ScalableService.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Application Auto Scaling's target tracking on the simulated metrics: a service's average CPU or
 * memory utilisation (ECS records them each simulated minute), or its target group's
 * ALBRequestCountPerTarget (read from ELB through {@link AlbRequestMetric}). Whatever the metric, a
 * policy scales out when it has been above target for 3 consecutive minutes (the high alarm) and in
 * when it has been below 90% of target for 15 (the low alarm), to ceil(desired × metric / target) within min and max.
 * Scale-out waits for its cooldown after a scale-out; scale-in waits for its cooldown after any
 * scaling, is off while a deployment is in progress, and never happens with DisableScaleIn.
 */
final class AutoScaler {
    static final int HIGH_DATAPOINTS = 3;
    static final int LOW_DATAPOINTS = 15;
    static final double LOW_FRACTION = 0.9;
    static final int MAX_ACTIVITIES = 100;

    private final SimEngine engine;
    private final AlbRequestMetric requests;
    /**
     * Policy ARN → the ResourceLabel last reported as naming nothing, so the report is made once, not
     * each minute. Not saved with the state: after a restore a still-missing metric is reported once more.
     */
    private final Map<String, String> noDataReported = new HashMap<>();

    AutoScaler(SimEngine engine) {
        this.engine = engine;
        this.requests = new AlbRequestMetric(engine);
    }

    /** Runs at each simulated second; does its work on minute boundaries. */
    void step(Instant now, Map<String, ScalableTarget> targets, Map<String, Map<String, ScalingPolicy>> policies,
            Map<String, List<ScalingActivity>> activities) {
        if (now.getEpochSecond() % 60 != 0) {
            return;
        }
        if (!noDataReported.isEmpty()) {
            Set<String> live = new HashSet<>();
            policies.values().forEach(byName -> byName.values().forEach(p -> live.add(p.policyArn())));
            noDataReported.keySet().retainAll(live);
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

    /** Reads the policy's metric, then applies the alarm rules to it. */
    private void evaluate(ScalableService svc, ScalableTarget target, ScalingPolicy policy, Instant now,
            Map<String, List<ScalingActivity>> activities) {
        TargetTrackingConfig tt = policy.targetTracking();
        double[] recent;
        if (TargetTrackingConfig.ALB_REQUESTS.equals(tt.predefinedMetricType())) {
            String group = requests.targetGroupArn(tt.resourceLabel());
            if (group == null) {
                reportNoData(target, policy, now, activities);
                return;
            }
            noDataReported.remove(policy.policyArn());
            recent = requests.recent(group, now, LOW_DATAPOINTS);
        } else {
            String[] parts = target.resourceId().split("/");
            recent = engine.metrics().recentServiceUtilisation(parts[1], parts[2], !TargetTrackingConfig.MEMORY.equals(tt.predefinedMetricType()),
                    LOW_DATAPOINTS);
        }
        track(svc, target, policy, recent, now, activities);
    }

    /** The alarm rules on the last datapoints of the metric (oldest first), whichever metric it is. */
    private void track(ScalableService svc, ScalableTarget target, ScalingPolicy policy, double[] recent, Instant now,
            Map<String, List<ScalingActivity>> activities) {
        TargetTrackingConfig tt = policy.targetTracking();
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

    /**
     * A policy whose ResourceLabel names no target group in use has no datapoints (its alarms would
     * stay in INSUFFICIENT_DATA): it does nothing, and a failed activity says why, once until the label resolves.
     */
    private void reportNoData(ScalableTarget target, ScalingPolicy policy, Instant now, Map<String, List<ScalingActivity>> activities) {
        String label = policy.targetTracking().resourceLabel();
        if (label.equals(noDataReported.put(policy.policyArn(), label))) {
            return;
        }
        log(activities, new ScalingActivity(engine.ids().uuid(), target.resourceId(),
                "Not scaling: policy " + policy.policyName() + " has no ALBRequestCountPerTarget data.",
                "target tracking policy " + policy.policyName() + " found no datapoints for ResourceLabel " + label + ".", "Failed",
                "No ALBRequestCountPerTarget data: the ResourceLabel " + label + " names no target group that a load balancer uses,"
                        + " so the policy's alarms have insufficient data and it does not scale.", now, now));
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
        log(activities, new ScalingActivity(engine.ids().uuid(), resourceId, "Setting desired count to " + desired + ".",
                cause + " changing the desired capacity from " + from + " to " + desired + ".", "Successful",
                "Successfully set desired count to " + desired + ". Change successfully fulfilled by ecs.",
                now, now.plusSeconds(1)));
    }

    private static void log(Map<String, List<ScalingActivity>> activities, ScalingActivity activity) {
        List<ScalingActivity> list = activities.computeIfAbsent(activity.resourceId(), r -> new ArrayList<>());
        list.add(activity);
        while (list.size() > MAX_ACTIVITIES) {
            list.remove(0);
        }
    }
}
