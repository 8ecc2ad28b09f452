package dev.ecsdeck.sim.autoscaling;

import dev.ecsdeck.model.ScalableTarget;
import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.ScheduledAction;
import dev.ecsdeck.model.ServiceScaling;
import dev.ecsdeck.model.StepScalingConfig;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Application Auto Scaling for ECS services: scalable targets (min/max of the desired count),
 * target-tracking and step-scaling policies, scheduled actions and the activity history, keyed by
 * resource id "service/cluster/name".
 *
 * <p>Only target tracking is run (by {@link AutoScaler}), on CPU, memory or ALB requests per target
 * (a ResourceLabel naming no target group in use is accepted, as the metric may appear later; the
 * policy then does nothing and its activities say why); a target-tracking policy's two CloudWatch
 * alarms are made and deleted with it ({@link dev.ecsdeck.sim.cloudwatch.AlarmTargetTracking}), on the
 * AutoScaler's own rule. Step policies are stored and described but never evaluated (no alarm of the
 * user's runs them). Scheduled
 * actions are stored and described but never run either: the simulator has no scheduler for
 * at/cron/rate expressions.
 */
public final class ScalingApi {
    private static final Pattern SCHEDULE = Pattern.compile("(at|cron|rate)\\(.+\\)");
    private static final Pattern ACTION_NAME = Pattern.compile("[^:/|\\p{Cntrl} ]([^:/|\\p{Cntrl}]{0,254}[^:/|\\p{Cntrl} ])?");

    /** A scheduled action and when it was put, which DescribeScheduledActions reports. */
    public record Scheduled(ScheduledAction action, Instant creationTime) {}

    private final SimEngine engine;
    private final Map<String, ScalableTarget> targets = new LinkedHashMap<>();
    private final Map<String, Map<String, ScalingPolicy>> policies = new LinkedHashMap<>();
    /** The configuration of each step-scaling policy, by policy ARN. */
    private final Map<String, StepScalingConfig> stepConfigs = new LinkedHashMap<>();
    private final Map<String, Map<String, Scheduled>> scheduled = new LinkedHashMap<>();
    private final Map<String, List<ScalingActivity>> activities = new LinkedHashMap<>();
    private final AutoScaler autoScaler;

    public ScalingApi(SimEngine engine) {
        this.engine = engine;
        this.autoScaler = new AutoScaler(engine);
    }

    public ScalableTarget registerScalableTarget(String resourceId, Integer minCapacity, Integer maxCapacity) {
        synchronized (engine) {
            engine.advance();
            checkService(resourceId);
            ScalableTarget existing = targets.get(resourceId);
            int min = minCapacity != null ? minCapacity : existing != null ? existing.minCapacity() : -1;
            int max = maxCapacity != null ? maxCapacity : existing != null ? existing.maxCapacity() : -1;
            if (min < 0 || max < 0) {
                throw new SimApiException("ValidationException", "MinCapacity and MaxCapacity are required when registering a new scalable target.");
            }
            if (min > max) {
                throw new SimApiException("ValidationException", "Minimum capacity cannot be greater than maximum capacity");
            }
            ScalableTarget t = new ScalableTarget(resourceId, min, max,
                    "arn:aws:iam::" + engine.ids().account() + ":role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
                            + "AWSServiceRoleForApplicationAutoScaling_ECSService",
                    existing != null ? existing.creationTime() : engine.now(), false, false, false);
            targets.put(resourceId, t);
            return t;
        }
    }

    public ScalingPolicy putTargetTrackingPolicy(String resourceId, String policyName, TargetTrackingConfig config) {
        synchronized (engine) {
            engine.advance();
            if (!targets.containsKey(resourceId)) {
                throw new SimApiException("ObjectNotFoundException", "No scalable target registered for service namespace: ecs, resource ID: "
                        + resourceId + ", scalable dimension: ecs:service:DesiredCount");
            }
            if (policyName == null || policyName.isBlank()) {
                throw new SimApiException("ValidationException", "PolicyName is required.");
            }
            if (!(config.targetValue() > 0)) {
                throw new SimApiException("ValidationException", "TargetValue must be greater than 0.");
            }
            boolean alb = TargetTrackingConfig.ALB_REQUESTS.equals(config.predefinedMetricType());
            if (alb && (config.resourceLabel() == null || config.resourceLabel().isBlank())) {
                throw new SimApiException("ValidationException", "ResourceLabel is required for ALBRequestCountPerTarget.");
            }
            if (!alb && config.resourceLabel() != null) {
                throw new SimApiException("ValidationException", "You can't specify a resource label unless the metric type is"
                        + " ALBRequestCountPerTarget.");
            }
            Map<String, ScalingPolicy> byName = policies.computeIfAbsent(resourceId, r -> new LinkedHashMap<>());
            ScalingPolicy existing = byName.get(policyName);
            String arn = existing != null ? existing.policyArn()
                    : engine.ids().arn("autoscaling", "scalingPolicy:" + engine.ids().uuid() + ":resource/ecs/" + resourceId + ":policyName/" + policyName);
            ScalingPolicy p = new ScalingPolicy(arn, policyName, resourceId, "TargetTrackingScaling", config, null,
                    existing != null ? existing.creationTime() : engine.now());
            byName.put(policyName, p);
            stepConfigs.remove(arn);
            // Its two CloudWatch alarms, made (or updated to the new target) as Application Auto Scaling does.
            dev.ecsdeck.sim.cloudwatch.AlarmTargetTracking.definitions(p).forEach(engine.alarms()::putOwned);
            return p;
        }
    }

    public void deleteScalingPolicy(String resourceId, String policyName) {
        synchronized (engine) {
            engine.advance();
            Map<String, ScalingPolicy> byName = policies.get(resourceId);
            ScalingPolicy removed = byName == null ? null : byName.remove(policyName);
            if (removed == null) {
                throw new SimApiException("ObjectNotFoundException", "No scaling policy found for service namespace: ecs, resource ID: "
                        + resourceId + ", scalable dimension: ecs:service:DesiredCount, policy name: " + policyName);
            }
            stepConfigs.remove(removed.policyArn());
            if (removed.isTargetTracking()) {
                engine.alarms().deleteOwned(dev.ecsdeck.sim.cloudwatch.AlarmTargetTracking.names(removed));
            }
        }
    }

    /**
     * Stores a step-scaling policy (described with a one-line summary). It is never evaluated: step
     * policies are run by CloudWatch alarms, which the simulator does not have.
     */
    public ScalingPolicy putStepScalingPolicy(String resourceId, String policyName, StepScalingConfig config) {
        synchronized (engine) {
            engine.advance();
            requireTarget(resourceId);
            if (policyName == null || policyName.isBlank()) {
                throw new SimApiException("ValidationException", "PolicyName is required.");
            }
            StepScalingRules.check(config);
            Map<String, ScalingPolicy> byName = policies.computeIfAbsent(resourceId, r -> new LinkedHashMap<>());
            ScalingPolicy existing = byName.get(policyName);
            // A name-based id: scenario policies must not draw from the seeded random source, or every later id would change.
            String arn = existing != null ? existing.policyArn()
                    : engine.ids().arn("autoscaling", "scalingPolicy:" + nameUuid(resourceId + "/" + policyName) + ":resource/ecs/"
                    + resourceId + ":policyName/" + policyName);
            ScalingPolicy p = new ScalingPolicy(arn, policyName, resourceId, "StepScaling", null, config.summary(),
                    existing != null ? existing.creationTime() : engine.now());
            byName.put(policyName, p);
            stepConfigs.put(arn, config);
            return p;
        }
    }

    /** The configuration of a step-scaling policy, or null for any other policy. */
    public StepScalingConfig stepScaling(String policyArn) {
        synchronized (engine) {
            return stepConfigs.get(policyArn);
        }
    }

    /**
     * Stores a scheduled action (at(...), cron(...) or rate(...)); null min or max leaves that bound
     * as it is. It is described but never run: the simulator has no scheduler for these expressions.
     */
    public ScheduledAction putScheduledAction(String resourceId, String name, String schedule, String timezone, Integer minCapacity,
            Integer maxCapacity, Instant startTime, Instant endTime) {
        synchronized (engine) {
            engine.advance();
            requireTarget(resourceId);
            if (name == null || !ACTION_NAME.matcher(name).matches()) {
                throw new SimApiException("ValidationException", "ScheduledActionName must be 1 to 256 characters without ':', '/', '|'"
                        + " or control characters, and not start or end with a space: " + name);
            }
            if (schedule == null || !SCHEDULE.matcher(schedule).matches()) {
                throw new SimApiException("ValidationException", "Schedule must be at(...), cron(...) or rate(...): " + schedule);
            }
            if (minCapacity != null && maxCapacity != null && minCapacity > maxCapacity) {
                throw new SimApiException("ValidationException", "Minimum capacity cannot be greater than maximum capacity");
            }
            if (minCapacity == null && maxCapacity == null) {
                throw new SimApiException("ValidationException", "ScalableTargetAction needs MinCapacity, MaxCapacity or both.");
            }
            Map<String, Scheduled> byName = scheduled.computeIfAbsent(resourceId, r -> new LinkedHashMap<>());
            Scheduled existing = byName.get(name);
            String arn = existing != null ? existing.action().scheduledActionArn()
                    : engine.ids().arn("autoscaling", "scheduledAction:" + nameUuid(resourceId + "#" + name) + ":resource/ecs/" + resourceId
                    + ":scheduledActionName/" + name);
            ScheduledAction a = new ScheduledAction(name, arn, resourceId, schedule, timezone, minCapacity, maxCapacity, startTime, endTime);
            byName.put(name, new Scheduled(a, existing != null ? existing.creationTime() : engine.now()));
            return a;
        }
    }

    /** The scheduled actions of a scalable target, in the order they were first put. */
    public List<Scheduled> scheduledActions(String resourceId) {
        synchronized (engine) {
            engine.advance();
            return new ArrayList<>(scheduled.getOrDefault(resourceId, Map.of()).values());
        }
    }

    private void requireTarget(String resourceId) {
        if (!targets.containsKey(resourceId)) {
            throw new SimApiException("ObjectNotFoundException", "No scalable target registered for service namespace: ecs, resource ID: "
                    + resourceId + ", scalable dimension: ecs:service:DesiredCount");
        }
    }

    private static String nameUuid(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public ServiceScaling describe(String resourceId) {
        synchronized (engine) {
            engine.advance();
            ScalableTarget t = targets.get(resourceId);
            if (t == null) {
                return ServiceScaling.none();
            }
            List<ScalingPolicy> list = new ArrayList<>(policies.getOrDefault(resourceId, Map.of()).values());
            List<ScheduledAction> actions = new ArrayList<>();
            scheduled.getOrDefault(resourceId, Map.of()).values().forEach(s -> actions.add(s.action()));
            return new ServiceScaling(t, list, actions);
        }
    }

    public List<ScalableTarget> scalableTargets() {
        synchronized (engine) {
            engine.advance();
            return new ArrayList<>(targets.values());
        }
    }

    /** Newest first. */
    public List<ScalingActivity> activities(String resourceId) {
        synchronized (engine) {
            engine.advance();
            List<ScalingActivity> list = new ArrayList<>(activities.getOrDefault(resourceId, List.of()));
            java.util.Collections.reverse(list);
            return list;
        }
    }

    private void checkService(String resourceId) {
        String[] parts = resourceId == null ? new String[0] : resourceId.split("/");
        if (parts.length != 3 || !"service".equals(parts[0])) {
            throw new SimApiException("ValidationException", "Unsupported resource ID: " + resourceId
                    + ". Expected service/<cluster>/<service>.");
        }
        if (engine.ecs().scalable(parts[1], parts[2]) == null) {
            throw new SimApiException("ValidationException", "ECS service doesn't exist: " + resourceId);
        }
    }

    public Map<String, ScalableTarget> targets() {
        return targets;
    }

    public Map<String, Map<String, ScalingPolicy>> policies() {
        return policies;
    }

    public Map<String, List<ScalingActivity>> activityLog() {
        return activities;
    }

    public Map<String, StepScalingConfig> stepConfigs() {
        return stepConfigs;
    }

    public Map<String, Map<String, Scheduled>> scheduled() {
        return scheduled;
    }

    /** Called by the engine each simulated second: metrics and target tracking, once a minute. */
    public void step(Instant now) {
        autoScaler.step(now, targets, policies, activities);
    }
}
