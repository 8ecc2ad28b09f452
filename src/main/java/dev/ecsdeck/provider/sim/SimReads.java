package dev.ecsdeck.provider.sim;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.LogGroupInfo;
import dev.ecsdeck.model.LogStreamInfo;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.model.TaskCountHistory;
import dev.ecsdeck.provider.LogPage;
import dev.ecsdeck.provider.LogQuery;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.logs.LogApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reads of {@link SimProvider} that take more than one engine call: every page of a service's deployments,
 * ARNs described twenty at a time, Container Insights' counts, and log groups, streams and events in the
 * console's model. {@link SimProvider} runs each inside its fault and error handling.
 */
final class SimReads {
    private static final int LOG_PAGE_SIZE = 50;
    private static final int MAX_LIST_RESULTS = dev.ecsdeck.provider.BatchingEcsProvider.MAX_LIST_RESULTS;

    private final SimEngine engine;

    SimReads(SimEngine engine) {
        this.engine = engine;
    }

    List<ServiceDeploymentBrief> serviceDeployments(String cluster, String service) {
        List<ServiceDeploymentBrief> all = new ArrayList<>();
        String token = null;
        do {
            Page<ServiceDeploymentBrief> page = engine.serviceDeployments().listServiceDeployments(cluster, service, null, null, null,
                    token, MAX_LIST_RESULTS);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    /** DescribeServiceDeployments and DescribeServiceRevisions take at most 20 ARNs a call. */
    static <T> List<T> inTwenties(List<String> arns, Function<List<String>, List<T>> describe) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += 20) {
            out.addAll(describe.apply(arns.subList(i, Math.min(arns.size(), i + 20))));
        }
        return out;
    }

    /**
     * Container Insights' task counts (ECS/ContainerInsights by ClusterName and ServiceName, as GetMetricData
     * reads them): none when the cluster does not have Container Insights and never had it for this service.
     */
    Optional<TaskCountHistory> taskCounts(String cluster, String service, Instant since) {
        List<Cluster> found = engine.clusters().describeClusters(List.of(cluster)).items();
        String name = found.isEmpty() ? cluster : found.get(0).clusterName();
        boolean insights = !found.isEmpty() && found.get(0).settings().stream().anyMatch(s -> "containerInsights".equals(s.name())
                && ("enabled".equals(s.value()) || "enhanced".equals(s.value())));
        TaskCountHistory counts = new TaskCountHistory(engine.metrics().serviceInsights("DesiredTaskCount", name, service, since),
                engine.metrics().serviceInsights("RunningTaskCount", name, service, since),
                engine.metrics().serviceInsights("PendingTaskCount", name, service, since));
        boolean any = !counts.desired().isEmpty() || !counts.running().isEmpty() || !counts.pending().isEmpty();
        return insights || any ? Optional.of(counts) : Optional.empty();
    }

    LogPage logEvents(LogQuery q) {
        Page<dev.ecsdeck.model.LogEvent> page = engine.logs().filterLogEvents(q.logGroupName(), q.logStreamNames(), q.startTime(),
                q.endTime(), q.nextToken(), q.limit());
        return new LogPage(page.items(), page.nextToken());
    }

    Page<LogGroupInfo> logGroups(String namePrefix, String nextToken) {
        Page<LogApi.LogGroupInfo> page = engine.logs().describeLogGroups(blankToNull(namePrefix), nextToken, LOG_PAGE_SIZE);
        return new Page<>(page.items().stream().map(g -> new LogGroupInfo(g.logGroupName(), g.creationTime(), g.storedBytes()))
                .toList(), page.nextToken());
    }

    /** Newest first by last event, or, with a prefix (which CloudWatch cannot combine with that order), by name. */
    Page<LogStreamInfo> logStreams(String logGroupName, String namePrefix, String nextToken) {
        String prefix = blankToNull(namePrefix);
        Page<LogApi.LogStreamInfo> page = engine.logs().describeLogStreams(logGroupName, prefix, prefix == null, prefix == null,
                nextToken, LOG_PAGE_SIZE);
        return new Page<>(page.items().stream().map(s -> new LogStreamInfo(s.logStreamName(), s.creationTime(),
                s.firstEventTimestamp(), s.lastEventTimestamp())).toList(), page.nextToken());
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
