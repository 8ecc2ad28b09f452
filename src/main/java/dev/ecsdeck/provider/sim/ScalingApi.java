package dev.ecsdeck.provider.sim;

import dev.ecsdeck.model.ScalableTarget;
import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.ScheduledAction;
import dev.ecsdeck.model.ServiceScaling;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.model.TargetTrackingConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Application Auto Scaling for ECS services: scalable targets (min/max of the desired count),
 * target-tracking policies and the activity history, keyed by resource id "service/cluster/name".
 */
public final class ScalingApi {
    private final SimEngine engine;
    private final Map<String, ScalableTarget> targets = new LinkedHashMap<>();
    private final Map<String, Map<String, ScalingPolicy>> policies = new LinkedHashMap<>();
    private final Map<String, List<ScalingActivity>> activities = new LinkedHashMap<>();
    private final AutoScaler autoScaler;

    ScalingApi(SimEngine engine) {
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
                    "arn:aws:iam::" + SimIds.ACCOUNT + ":role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService",
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
            Map<String, ScalingPolicy> byName = policies.computeIfAbsent(resourceId, r -> new LinkedHashMap<>());
            ScalingPolicy existing = byName.get(policyName);
            String arn = existing != null ? existing.policyArn()
                    : engine.ids.arn("autoscaling", "scalingPolicy:" + engine.ids.uuid() + ":resource/ecs/" + resourceId + ":policyName/" + policyName);
            ScalingPolicy p = new ScalingPolicy(arn, policyName, resourceId, "TargetTrackingScaling", config, null,
                    existing != null ? existing.creationTime() : engine.now());
            byName.put(policyName, p);
            return p;
        }
    }

    public void deleteScalingPolicy(String resourceId, String policyName) {
        synchronized (engine) {
            engine.advance();
            Map<String, ScalingPolicy> byName = policies.get(resourceId);
            if (byName == null || byName.remove(policyName) == null) {
                throw new SimApiException("ObjectNotFoundException", "No scaling policy found for service namespace: ecs, resource ID: "
                        + resourceId + ", scalable dimension: ecs:service:DesiredCount, policy name: " + policyName);
            }
        }
    }

    public ServiceScaling describe(String resourceId) {
        synchronized (engine) {
            engine.advance();
            ScalableTarget t = targets.get(resourceId);
            if (t == null) {
                return ServiceScaling.none();
            }
            List<ScalingPolicy> list = new ArrayList<>(policies.getOrDefault(resourceId, Map.of()).values());
            return new ServiceScaling(t, list, List.<ScheduledAction>of());
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
        SimCluster c = engine.clusters.get(parts[1]);
        if (c == null || !c.services.containsKey(parts[2])) {
            throw new SimApiException("ValidationException", "ECS service doesn't exist: " + resourceId);
        }
    }

    Map<String, ScalableTarget> targets() {
        return targets;
    }

    Map<String, Map<String, ScalingPolicy>> policies() {
        return policies;
    }

    Map<String, List<ScalingActivity>> activityLog() {
        return activities;
    }

    /** Called by the engine each simulated second: metrics and target tracking, once a minute. */
    void step(Instant now) {
        autoScaler.step(now, targets, policies, activities);
    }

    /** The service's per-minute CPU and memory utilisation since {@code since}. */
    public ServiceUtilization utilization(String cluster, String service, Instant since) {
        synchronized (engine) {
            engine.advance();
            SimService svc = ServiceApi.service(engine.cluster(cluster), service);
            long from = since.getEpochSecond() / 60;
            return new ServiceUtilization(svc.metrics.since(from, true), svc.metrics.since(from, false));
        }
    }

    /** Sets a service's load curve from a scenario: base CPU and memory, and factor steps from now. */
    void defineLoad(String cluster, String service, Scenario.Load spec) {
        synchronized (engine) {
            SimService svc = ServiceApi.service(engine.cluster(cluster), service);
            ServiceLoad defaults = svc.load(engine.ids);
            ServiceLoad load = new ServiceLoad(spec.cpu() == null ? defaults.cpuPercent : spec.cpu(),
                    spec.memory() == null ? defaults.memoryPercent : spec.memory(), Math.max(1, svc.desiredCount), defaults.seed);
            long start = engine.now().toEpochMilli();
            for (Scenario.LoadStep step : spec.steps()) {
                load.setFactor(start + step.atSeconds() * 1000L, step.factor());
            }
            svc.load = load;
        }
    }

    /** Multiplies the service's work by {@code factor} from now on (1 is its base load). */
    public void setLoadFactor(String cluster, String service, double factor) {
        synchronized (engine) {
            engine.advance();
            SimService svc = ServiceApi.service(engine.cluster(cluster), service);
            svc.load(engine.ids).setFactor(engine.now().toEpochMilli(), factor);
        }
    }
}
