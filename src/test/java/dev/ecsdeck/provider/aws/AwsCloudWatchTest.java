package dev.ecsdeck.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.AlarmHistoryItem;
import dev.ecsdeck.model.MetricAlarm;
import dev.ecsdeck.model.MetricPoint;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.model.TaskCountHistory;
import dev.ecsdeck.provider.AccessDeniedException;
import dev.ecsdeck.provider.InvalidInputException;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.CustomWireServer;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.WireServer;
import dev.ecsdeck.sim.wire.autoscaling.ScalingOperations;
import dev.ecsdeck.sim.wire.ecs.EcsOperations;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS provider's CloudWatch calls through the SDK's CloudWatch client (RPC v2 CBOR) against a served
 * test-only CloudWatch ({@link FakeCloudWatch}) beside the simulator's ECS and Application Auto Scaling.
 */
class AwsCloudWatchTest {
    private static final Instant SINCE = Instant.parse("2026-11-22T06:00:00Z");
    private final SimEngine engine = DemoSim.demoEngine(DemoSim.startClock());
    private final FakeCloudWatch cloudWatch = new FakeCloudWatch();
    private final WireServer server;
    private final AwsEcsProvider aws;

    AwsCloudWatchTest() throws Exception {
        server = CustomWireServer.serve(engine, ApiFaults.realTime(1),
                List.of(EcsOperations.api(engine), ScalingOperations.api(engine), cloudWatch.api()));
        aws = new AwsEcsProvider(new AwsSettings(null, "us-east-1", URI.create("http://127.0.0.1:" + server.port())));
    }

    @AfterEach
    void close() {
        aws.close();
        server.close();
    }

    private static List<MetricPoint> expected(String metric) {
        return IntStream.range(0, FakeCloudWatch.POINTS)
                .mapToObj(i -> new MetricPoint(SINCE.plusSeconds(60L * i), FakeCloudWatch.value(metric, i))).toList();
    }

    @Test
    void serviceUtilizationReadsCpuAndMemoryAveragesByClusterAndServiceOnEveryPage() {
        String serviceArn = aws.listServices("prod-web").stream().filter(s -> s.serviceName().equals("web")).findFirst().orElseThrow()
                .serviceArn();
        ServiceUtilization u = aws.serviceUtilization("prod-web", serviceArn, SINCE).orElseThrow();
        assertEquals(expected("CPUUtilization"), u.cpu());
        assertEquals(expected("MemoryUtilization"), u.memory());
        assertEquals(2, cloudWatch.metricRequests.size(), "both pages were read");
        WireRequest first = cloudWatch.metricRequests.get(0);
        assertEquals("TimestampAscending", first.string("ScanBy"));
        List<String> seen = new ArrayList<>();
        first.node("MetricDataQueries").forEach(q -> {
            var stat = q.path("MetricStat");
            assertEquals(60, stat.path("Period").asInt());
            assertEquals("Average", stat.path("Stat").asText());
            assertEquals("AWS/ECS", stat.path("Metric").path("Namespace").asText());
            assertEquals("[{\"Name\":\"ClusterName\",\"Value\":\"prod-web\"},{\"Name\":\"ServiceName\",\"Value\":\"web\"}]",
                    stat.path("Metric").path("Dimensions").toString(), "names, not ARNs");
            seen.add(stat.path("Metric").path("MetricName").asText());
        });
        assertEquals(List.of("CPUUtilization", "MemoryUtilization"), seen.stream().sorted().toList());
        assertEquals(SINCE.getEpochSecond(), first.node("StartTime").asLong());
    }

    @Test
    void taskCountsComeFromContainerInsightsOnlyWhereTheClusterHasItOn() {
        TaskCountHistory counts = aws.serviceTaskCounts("prod-web", "web", SINCE).orElseThrow();
        assertEquals(expected("DesiredTaskCount"), counts.desired());
        assertEquals(expected("RunningTaskCount"), counts.running());
        assertEquals(expected("PendingTaskCount"), counts.pending());
        assertEquals("ECS/ContainerInsights", cloudWatch.metricRequests.get(0).node("MetricDataQueries").get(0)
                .path("MetricStat").path("Metric").path("Namespace").asText());
        int calls = cloudWatch.metricRequests.size();
        assertTrue(aws.serviceTaskCounts("prod-batch", "reports-worker", SINCE).isEmpty(), "prod-batch has containerInsights disabled");
        assertEquals(calls, cloudWatch.metricRequests.size(), "no GetMetricData for a cluster without Container Insights");
    }

    @Test
    void describeAlarmsAsksAtMostAHundredNamesACall() {
        List<String> names = new ArrayList<>(IntStream.range(0, 150).mapToObj(i -> String.format("bulk-%03d", i)).toList());
        names.add("no-such-alarm");
        List<MetricAlarm> alarms = aws.describeAlarms(names);
        assertEquals(150, alarms.size(), "an unknown name is left out");
        assertEquals(2, cloudWatch.alarmRequests.size());
        assertEquals(100, cloudWatch.alarmRequests.get(0).strings("AlarmNames").size());
        MetricAlarm a = alarms.get(0);
        assertEquals("bulk-000", a.alarmName());
        assertEquals(Instant.parse("2026-11-22T08:00:00Z"), a.stateUpdatedTimestamp());
        assertEquals(80.0, a.threshold());
        assertEquals(3, a.evaluationPeriods());
        assertEquals(2, a.datapointsToAlarm());
        assertEquals("missing", a.treatMissingData(), "CloudWatch's default when the alarm sets none");
        assertEquals(Map.of(), a.dimensions());
    }

    @Test
    void serviceAlarmsAreThoseOnItsMetricsAndItsScalingPoliciesAlarms() {
        List<String> names = aws.describeServiceAlarms("prod-web", "orders-api").stream().map(MetricAlarm::alarmName).toList();
        assertEquals(4, names.size(), names.toString());
        assertTrue(names.get(0).startsWith("TargetTracking-service/prod-web/orders-api-AlarmHigh-"), names.toString());
        assertTrue(names.get(1).startsWith("TargetTracking-service/prod-web/orders-api-AlarmLow-"), names.toString());
        assertEquals(List.of("orders-api-cpu-high", "orders-api-latency-math"), names.subList(2, 4), "by name, as CloudWatch lists them");
        MetricAlarm cpu = aws.describeServiceAlarms("prod-web", "orders-api").get(2);
        assertEquals(Map.of("ClusterName", "prod-web", "ServiceName", "orders-api"), cpu.dimensions());
        assertTrue(cpu.inAlarm());
        assertEquals(4, cloudWatch.alarmRequests.stream().filter(r -> !r.has("AlarmNames")).count(), "both pages of all alarms, on each of the two calls");
    }

    @Test
    void alarmHistoryIsNewestFirstUpToMaxAcrossPages() {
        List<AlarmHistoryItem> items = aws.describeAlarmHistory("orders-api-cpu-high", 4);
        assertEquals(List.of("Item 0", "Item 1", "Item 2", "Item 3"), items.stream().map(AlarmHistoryItem::historySummary).toList());
        assertEquals(Instant.parse("2026-11-22T07:59:00Z"), items.get(1).timestamp());
        assertEquals("StateUpdate", items.get(0).historyItemType());
    }

    @Test
    void cloudWatchErrorsAreTheProvidersTypedErrors() {
        AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> aws.describeAlarmHistory("denied", 10));
        assertEquals("AccessDenied", denied.errorCode());
        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> aws.describeAlarmHistory("bad-token", 10));
        assertEquals("InvalidNextToken", bad.errorCode());
    }
}
