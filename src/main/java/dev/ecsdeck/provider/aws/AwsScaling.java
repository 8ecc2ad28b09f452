package dev.ecsdeck.provider.aws;

import dev.ecsdeck.model.ScalableTarget;
import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.ScheduledAction;
import dev.ecsdeck.model.ServiceScaling;
import dev.ecsdeck.model.StepScalingConfig;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.provider.Operation;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PredefinedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.StepAdjustment;
import software.amazon.awssdk.services.applicationautoscaling.model.StepScalingPolicyConfiguration;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

/** A service's Application Auto Scaling: its scalable target, policies, scheduled actions and activities. */
final class AwsScaling {
    private final ApplicationAutoScalingClient client;
    private final AwsErrors errors;

    AwsScaling(ApplicationAutoScalingClient client, AwsErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    private static String resourceId(String cluster, String service) {
        return ScalableTarget.resourceId(last(cluster), last(service));
    }

    private static String last(String nameOrArn) {
        return nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
    }

    ServiceScaling describe(String cluster, String service) {
        String id = resourceId(cluster, service);
        return errors.call(Operation.DESCRIBE_SCALING, () -> {
            var targets = client.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.ECS).resourceIds(id)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)).scalableTargets();
            if (targets.isEmpty()) {
                return ServiceScaling.none();
            }
            var t = targets.get(0);
            var suspended = t.suspendedState();
            ScalableTarget target = new ScalableTarget(t.resourceId(), t.minCapacity(), t.maxCapacity(), t.roleARN(), t.creationTime(),
                    suspended != null && Boolean.TRUE.equals(suspended.dynamicScalingInSuspended()),
                    suspended != null && Boolean.TRUE.equals(suspended.dynamicScalingOutSuspended()),
                    suspended != null && Boolean.TRUE.equals(suspended.scheduledScalingSuspended()));
            List<ScalingPolicy> policies = new ArrayList<>();
            client.describeScalingPoliciesPaginator(b -> b.serviceNamespace(ServiceNamespace.ECS).resourceId(id)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)).scalingPolicies().forEach(p -> policies.add(policy(p)));
            List<ScheduledAction> scheduled = new ArrayList<>();
            client.describeScheduledActionsPaginator(b -> b.serviceNamespace(ServiceNamespace.ECS).resourceId(id)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)).scheduledActions().forEach(a -> scheduled.add(
                    new ScheduledAction(a.scheduledActionName(), a.scheduledActionARN(), a.resourceId(), a.schedule(), a.timezone(),
                            a.scalableTargetAction() == null ? null : a.scalableTargetAction().minCapacity(),
                            a.scalableTargetAction() == null ? null : a.scalableTargetAction().maxCapacity(), a.startTime(), a.endTime())));
            return new ServiceScaling(target, policies, scheduled);
        });
    }

    private static ScalingPolicy policy(software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy p) {
        TargetTrackingConfig tt = null;
        String summary = null;
        var c = p.targetTrackingScalingPolicyConfiguration();
        if (c != null) {
            var metric = c.predefinedMetricSpecification();
            tt = new TargetTrackingConfig(metric == null ? "Custom" : metric.predefinedMetricTypeAsString(),
                    metric == null ? null : metric.resourceLabel(), c.targetValue() == null ? 0 : c.targetValue(), c.scaleOutCooldown(),
                    c.scaleInCooldown(), Boolean.TRUE.equals(c.disableScaleIn()));
        } else if (p.stepScalingPolicyConfiguration() != null) {
            summary = stepScaling(p.stepScalingPolicyConfiguration()).summary();
        } else {
            summary = p.policyTypeAsString();
        }
        return new ScalingPolicy(p.policyARN(), p.policyName(), p.resourceId(), p.policyTypeAsString(), tt, summary, p.creationTime());
    }

    static StepScalingConfig stepScaling(StepScalingPolicyConfiguration s) {
        List<StepScalingConfig.Step> steps = new ArrayList<>();
        for (StepAdjustment a : s.stepAdjustments()) {
            steps.add(new StepScalingConfig.Step(a.metricIntervalLowerBound(), a.metricIntervalUpperBound(),
                    a.scalingAdjustment() == null ? 0 : a.scalingAdjustment()));
        }
        return new StepScalingConfig(s.adjustmentTypeAsString(), steps, s.cooldown(), s.metricAggregationTypeAsString(),
                s.minAdjustmentMagnitude());
    }

    List<ScalingActivity> activities(String cluster, String service) {
        String id = resourceId(cluster, service);
        return errors.call(Operation.DESCRIBE_SCALING_ACTIVITIES, () -> {
            List<ScalingActivity> out = new ArrayList<>();
            client.describeScalingActivitiesPaginator(b -> b.serviceNamespace(ServiceNamespace.ECS).resourceId(id)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)).scalingActivities().forEach(a -> out.add(
                    new ScalingActivity(a.activityId(), a.resourceId(), a.description(), a.cause(), a.statusCodeAsString(),
                            a.statusMessage(), a.startTime(), a.endTime())));
            return out;
        });
    }

    ScalableTarget register(String cluster, String service, int min, int max) {
        String id = resourceId(cluster, service);
        errors.call(Operation.REGISTER_SCALABLE_TARGET, () -> client.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).minCapacity(min).maxCapacity(max)));
        ServiceScaling now = describe(cluster, service);
        return now.target();
    }

    ScalingPolicy putTargetTracking(String cluster, String service, String name, TargetTrackingConfig config) {
        String id = resourceId(cluster, service);
        var metric = PredefinedMetricSpecification.builder().predefinedMetricType(MetricType.fromValue(config.predefinedMetricType()))
                .resourceLabel(config.resourceLabel()).build();
        var tt = TargetTrackingScalingPolicyConfiguration.builder().targetValue(config.targetValue()).predefinedMetricSpecification(metric)
                .scaleOutCooldown(config.scaleOutCooldown()).scaleInCooldown(config.scaleInCooldown()).disableScaleIn(config.disableScaleIn())
                .build();
        var r = errors.call(Operation.PUT_SCALING_POLICY, () -> client.putScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).policyName(name)
                .policyType(PolicyType.TARGET_TRACKING_SCALING).targetTrackingScalingPolicyConfiguration(tt)));
        return describe(cluster, service).policies().stream().filter(p -> p.policyName().equals(name)).findFirst()
                .orElse(new ScalingPolicy(r.policyARN(), name, id, "TargetTrackingScaling", config, null, null));
    }

    void delete(String cluster, String service, String name) {
        String id = resourceId(cluster, service);
        errors.call(Operation.DELETE_SCALING_POLICY, () -> client.deleteScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(id).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).policyName(name)));
    }
}
