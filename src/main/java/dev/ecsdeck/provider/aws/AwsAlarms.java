package dev.ecsdeck.provider.aws;

import dev.ecsdeck.model.AlarmHistoryItem;
import dev.ecsdeck.model.MetricAlarm;
import dev.ecsdeck.model.ScalableTarget;
import dev.ecsdeck.provider.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * CloudWatch metric alarms and their history (DescribeAlarms, DescribeAlarmHistory), and the alarms
 * that concern a service: on its metrics, its deployment alarms, and its scaling policies' alarms.
 */
final class AwsAlarms {
    /** DescribeAlarms takes at most 100 names a call. */
    static final int NAMES_PER_CALL = 100;
    /** The most DescribeAlarms answers a page (the default is 50). */
    static final int MAX_RECORDS = 100;

    private final CloudWatchClient cloudWatch;
    private final EcsClient ecs;
    private final ApplicationAutoScalingClient scaling;
    private final AwsErrors errors;

    AwsAlarms(CloudWatchClient cloudWatch, EcsClient ecs, ApplicationAutoScalingClient scaling, AwsErrors errors) {
        this.cloudWatch = cloudWatch;
        this.ecs = ecs;
        this.scaling = scaling;
        this.errors = errors;
    }

    List<MetricAlarm> describe(List<String> names) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(names));
        List<MetricAlarm> out = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += NAMES_PER_CALL) {
            List<String> batch = distinct.subList(i, Math.min(distinct.size(), i + NAMES_PER_CALL));
            errors.call(Operation.DESCRIBE_ALARMS, () -> {
                cloudWatch.describeAlarmsPaginator(b -> b.alarmNames(batch).alarmTypes(AlarmType.METRIC_ALARM).maxRecords(MAX_RECORDS)).metricAlarms()
                        .forEach(a -> out.add(alarm(a)));
                return null;
            });
        }
        return out;
    }

    /** By alarm name: the alarms on the service's metrics, then its deployment alarms and its scaling policies' alarms. */
    List<MetricAlarm> forService(String cluster, String service) {
        String clusterName = AwsMetrics.last(cluster);
        String serviceName = AwsMetrics.last(service);
        Map<String, MetricAlarm> found = new LinkedHashMap<>();
        errors.call(Operation.DESCRIBE_ALARMS, () -> {
            cloudWatch.describeAlarmsPaginator(b -> b.alarmTypes(AlarmType.METRIC_ALARM).maxRecords(MAX_RECORDS)).metricAlarms().stream()
                    .filter(a -> onService(a, clusterName, serviceName)).forEach(a -> found.put(a.alarmName(), alarm(a)));
            return null;
        });
        Set<String> named = new LinkedHashSet<>(deploymentAlarmNames(cluster, service));
        named.addAll(scalingAlarmNames(clusterName, serviceName));
        named.removeAll(found.keySet());
        describe(List.copyOf(named)).forEach(a -> found.put(a.alarmName(), a));
        return found.values().stream().sorted(Comparator.comparing(MetricAlarm::alarmName)).toList();
    }

    List<AlarmHistoryItem> history(String alarmName, int max) {
        List<AlarmHistoryItem> out = new ArrayList<>();
        if (max <= 0) {
            return out;
        }
        return errors.call(Operation.DESCRIBE_ALARM_HISTORY, () -> {
            for (var page : cloudWatch.describeAlarmHistoryPaginator(b -> b.alarmName(alarmName).scanBy(ScanBy.TIMESTAMP_DESCENDING)
                    .maxRecords(Math.min(max, MAX_RECORDS)))) {
                for (var h : page.alarmHistoryItems()) {
                    out.add(new AlarmHistoryItem(h.alarmName(), h.timestamp(), h.historyItemTypeAsString(), h.historySummary()));
                    if (out.size() >= max) {
                        return out;
                    }
                }
            }
            return out;
        });
    }

    /** An alarm on this service's metrics: its dimensions (or those of a metric in its math) name the cluster and the service. */
    private static boolean onService(software.amazon.awssdk.services.cloudwatch.model.MetricAlarm a, String cluster, String service) {
        if (names(a.dimensions(), cluster, service)) {
            return true;
        }
        return a.metrics().stream().anyMatch(q -> q.metricStat() != null && q.metricStat().metric() != null
                && names(q.metricStat().metric().dimensions(), cluster, service));
    }

    private static boolean names(List<Dimension> dimensions, String cluster, String service) {
        return dimensions.stream().anyMatch(d -> "ClusterName".equals(d.name()) && cluster.equals(d.value()))
                && dimensions.stream().anyMatch(d -> "ServiceName".equals(d.name()) && service.equals(d.value()));
    }

    private List<String> deploymentAlarmNames(String cluster, String service) {
        return errors.call(Operation.DESCRIBE_SERVICES, () -> ecs.describeServices(b -> b.cluster(cluster).services(service)).services()
                .stream().filter(s -> s.deploymentConfiguration() != null && s.deploymentConfiguration().alarms() != null)
                .flatMap(s -> s.deploymentConfiguration().alarms().alarmNames().stream()).toList());
    }

    private List<String> scalingAlarmNames(String cluster, String service) {
        String resourceId = ScalableTarget.resourceId(cluster, service);
        return errors.call(Operation.DESCRIBE_SCALING, () -> {
            List<String> out = new ArrayList<>();
            scaling.describeScalingPoliciesPaginator(b -> b.serviceNamespace(ServiceNamespace.ECS).resourceId(resourceId)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)).scalingPolicies()
                    .forEach(p -> p.alarms().forEach(a -> out.add(a.alarmName())));
            return out;
        });
    }

    /** The SDK's alarm as the model's; an alarm without datapointsToAlarm alarms on all its evaluation periods, as CloudWatch does. */
    static MetricAlarm alarm(software.amazon.awssdk.services.cloudwatch.model.MetricAlarm a) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        a.dimensions().forEach(d -> dimensions.put(d.name(), d.value()));
        int evaluationPeriods = a.evaluationPeriods() == null ? 0 : a.evaluationPeriods();
        return new MetricAlarm(a.alarmName(), a.alarmArn(), a.alarmDescription(), a.stateValueAsString(), a.stateReason(),
                a.stateUpdatedTimestamp(), a.namespace(), a.metricName(), dimensions,
                a.statistic() != null ? a.statisticAsString() : a.extendedStatistic(), a.period() == null ? 0 : a.period(), evaluationPeriods,
                a.datapointsToAlarm() == null ? evaluationPeriods : a.datapointsToAlarm(), a.threshold() == null ? 0 : a.threshold(),
                a.comparisonOperatorAsString(), a.treatMissingData() == null ? "missing" : a.treatMissingData(),
                Boolean.TRUE.equals(a.actionsEnabled()));
    }
}
