package dev.ecsdeck.provider.aws;

import dev.ecsdeck.model.MetricPoint;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.model.TaskCountHistory;
import dev.ecsdeck.provider.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterField;

/**
 * A service's metrics from CloudWatch (GetMetricData, every page): CPU and memory utilisation from
 * AWS/ECS, and task counts from Container Insights (ECS/ContainerInsights) where its cluster has it on.
 */
final class AwsMetrics {
    static final int PERIOD_SECONDS = 60;
    static final String ECS_NAMESPACE = "AWS/ECS";
    static final String INSIGHTS_NAMESPACE = "ECS/ContainerInsights";
    private static final java.time.Duration END_MARGIN = java.time.Duration.ofDays(1);

    private final CloudWatchClient cloudWatch;
    private final EcsClient ecs;
    private final AwsErrors errors;

    AwsMetrics(CloudWatchClient cloudWatch, EcsClient ecs, AwsErrors errors) {
        this.cloudWatch = cloudWatch;
        this.ecs = ecs;
        this.errors = errors;
    }

    /** Averages over {@code periodSeconds} (60 or a multiple of it, GetMetricData's Period). */
    ServiceUtilization utilization(String cluster, String service, Instant since, int periodSeconds) {
        Map<String, List<MetricPoint>> series = errors.call(Operation.GET_SERVICE_UTILIZATION, () -> averages(ECS_NAMESPACE,
                cluster, service, since, periodSeconds, Map.of("cpu", "CPUUtilization", "memory", "MemoryUtilization")));
        return new ServiceUtilization(series.get("cpu"), series.get("memory"));
    }

    /** Empty when the cluster's Container Insights setting is off (nothing is recorded then). */
    Optional<TaskCountHistory> taskCounts(String cluster, String service, Instant since) {
        if (!containerInsights(cluster)) {
            return Optional.empty();
        }
        Map<String, List<MetricPoint>> series = errors.call(Operation.GET_SERVICE_TASK_COUNTS, () -> averages(INSIGHTS_NAMESPACE,
                cluster, service, since, PERIOD_SECONDS, Map.of("desired", "DesiredTaskCount", "running", "RunningTaskCount", "pending", "PendingTaskCount")));
        return Optional.of(new TaskCountHistory(series.get("desired"), series.get("running"), series.get("pending")));
    }

    /** The cluster's containerInsights setting is "enabled" or "enhanced". */
    private boolean containerInsights(String cluster) {
        return errors.call(Operation.DESCRIBE_CLUSTERS, () -> ecs.describeClusters(b -> b.clusters(cluster).include(ClusterField.SETTINGS))
                .clusters().stream().flatMap(c -> c.settings().stream())
                .anyMatch(s -> "containerInsights".equals(s.nameAsString()) && s.value() != null && !"disabled".equals(s.value())));
    }

    /** Averages over {@code period} seconds of {@code metrics} (query id to metric name) by ClusterName and ServiceName, oldest first. */
    private Map<String, List<MetricPoint>> averages(String namespace, String cluster, String service, Instant since, int period,
            Map<String, String> metrics) {
        List<Dimension> dimensions = List.of(Dimension.builder().name("ClusterName").value(last(cluster)).build(),
                Dimension.builder().name("ServiceName").value(last(service)).build());
        List<MetricDataQuery> queries = new ArrayList<>();
        Map<String, List<MetricPoint>> out = new LinkedHashMap<>();
        metrics.forEach((id, name) -> {
            out.put(id, new ArrayList<>());
            queries.add(MetricDataQuery.builder().id(id).returnData(true).metricStat(s -> s.period(period).stat("Average")
                    .metric(m -> m.namespace(namespace).metricName(name).dimensions(dimensions))).build());
        });
        // Until now by the endpoint's clock, which may be ahead of ours (a served simulator running faster than
        // real time): a day on covers it, and CloudWatch answers only the periods that have data.
        Instant end = (Instant.now().isAfter(since) ? Instant.now() : since).plus(END_MARGIN);
        cloudWatch.getMetricDataPaginator(b -> b.metricDataQueries(queries).startTime(since).endTime(end)
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)).metricDataResults().forEach(r -> {
                    List<MetricPoint> points = out.get(r.id());
                    for (int i = 0; points != null && i < Math.min(r.timestamps().size(), r.values().size()); i++) {
                        points.add(new MetricPoint(r.timestamps().get(i), r.values().get(i)));
                    }
                });
        out.values().forEach(points -> points.sort(Comparator.comparing(MetricPoint::time)));
        return out;
    }

    static String last(String nameOrArn) {
        return nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
    }
}
