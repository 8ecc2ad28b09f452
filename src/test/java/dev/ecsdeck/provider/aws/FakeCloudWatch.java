package dev.ecsdeck.provider.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.wire.RequestShape;
import dev.ecsdeck.sim.wire.RequestShape.Kind;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.cloudwatch.CloudWatchOperations;
import dev.ecsdeck.sim.wire.cloudwatch.CloudWatchShapes;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only CloudWatch served on its protocols (the SDK speaks RPC v2 CBOR to it), for the AWS provider's
 * CloudWatch calls apart from the simulator's metrics: GetMetricData answers five one-minute points from
 * StartTime in two pages; DescribeAlarms knows {@link #ALARMS} plus any "TargetTracking-" name asked for,
 * in pages of MaxRecords; DescribeAlarmHistory has five items, newest first, in pages.
 */
final class FakeCloudWatch {
    static final int POINTS = 5;
    /** Alarms as (name, cluster, service, in metric math): on a service's metrics or on none. */
    static final List<String[]> ALARMS = alarms();
    final List<WireRequest> metricRequests = new CopyOnWriteArrayList<>();
    final List<WireRequest> alarmRequests = new CopyOnWriteArrayList<>();

    private static List<String[]> alarms() {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"orders-api-cpu-high", "prod-web", "orders-api", "no"});
        out.add(new String[] {"orders-api-latency-math", "prod-web", "orders-api", "yes"});
        out.add(new String[] {"web-memory-high", "prod-web", "web", "no"});
        out.add(new String[] {"orders-api-in-staging", "staging", "orders-api", "no"});
        for (int i = 0; i < 150; i++) {
            out.add(new String[] {String.format("bulk-%03d", i), null, null, "no"});
        }
        return out;
    }

    WireApi api() {
        WireApi api = new WireApi(CloudWatchOperations.TARGET_PREFIX, "CloudWatch", "MissingParameter", "InternalServiceFault",
                CloudWatchOperations.XML_NAMESPACE);
        api.queryVersion(CloudWatchOperations.API_VERSION).awsQueryCompatible(CloudWatchShapes.ERROR_CODES)
                .timestampMembers(CloudWatchShapes.TIMESTAMP_MEMBERS);
        api.add("GetMetricData", RequestShape.of().required("MetricDataQueries", Kind.STRUCTURE_LIST).required("StartTime", Kind.TIMESTAMP)
                .required("EndTime", Kind.TIMESTAMP).member("NextToken", Kind.STRING).member("ScanBy", Kind.STRING), false, this::getMetricData);
        api.add("DescribeAlarms", RequestShape.of().member("AlarmNames", Kind.STRING_LIST).member("AlarmTypes", Kind.STRING_LIST)
                .member("MaxRecords", Kind.INTEGER).member("NextToken", Kind.STRING), false, this::describeAlarms);
        api.add("DescribeAlarmHistory", RequestShape.of().member("AlarmName", Kind.STRING).member("ScanBy", Kind.STRING)
                .member("MaxRecords", Kind.INTEGER).member("NextToken", Kind.STRING), false, this::describeAlarmHistory);
        return api;
    }

    /** The value of point {@code i} of a metric: distinct per metric, so a mix-up shows. */
    static double value(String metricName, int i) {
        return switch (metricName) {
            case "CPUUtilization" -> 10 + i + 0.25;
            case "MemoryUtilization" -> 50 + i + 0.5;
            case "DesiredTaskCount" -> 4;
            case "RunningTaskCount" -> 3 + (i % 2);
            default -> i % 2;
        };
    }

    private static BigDecimal seconds(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3);
    }

    private JsonNode getMetricData(WireRequest r) {
        metricRequests.add(r);
        Instant start = Instant.ofEpochMilli(r.node("StartTime").decimalValue().movePointRight(3).longValue());
        boolean second = "page-2".equals(r.string("NextToken"));
        ObjectNode out = WireJson.object();
        ArrayNode results = out.putArray("MetricDataResults");
        for (JsonNode q : r.node("MetricDataQueries")) {
            String metric = q.path("MetricStat").path("Metric").path("MetricName").asText();
            ObjectNode res = results.addObject().put("Id", q.path("Id").asText()).put("Label", metric)
                    .put("StatusCode", second ? "Complete" : "PartialData");
            ArrayNode times = res.putArray("Timestamps");
            ArrayNode values = res.putArray("Values");
            for (int i = second ? 3 : 0; i < (second ? POINTS : 3); i++) {
                times.add(seconds(start.plusSeconds(60L * i)));
                values.add(BigDecimal.valueOf(value(metric, i)));
            }
        }
        if (!second) {
            out.put("NextToken", "page-2");
        }
        return out;
    }

    private JsonNode describeAlarms(WireRequest r) {
        alarmRequests.add(r);
        List<String> names = r.has("AlarmNames") ? r.strings("AlarmNames") : List.of();
        if (names.size() > 100) {
            throw new SimApiException("InvalidParameterValue", "The collection AlarmNames must not have a size greater than 100.");
        }
        List<ObjectNode> matching = new ArrayList<>();
        for (String[] a : ALARMS) {
            if (names.isEmpty() || names.contains(a[0])) {
                matching.add(alarm(a[0], a[1], a[2], "yes".equals(a[3])));
            }
        }
        names.stream().filter(n -> n.startsWith("TargetTracking-")).sorted().forEach(n -> matching.add(alarm(n, null, null, false)));
        int max = r.has("MaxRecords") ? r.integer("MaxRecords") : 50;
        int from = r.has("NextToken") ? Integer.parseInt(r.string("NextToken")) : 0;
        ObjectNode out = WireJson.object();
        ArrayNode page = out.putArray("MetricAlarms");
        matching.subList(from, Math.min(matching.size(), from + max)).forEach(page::add);
        if (from + max < matching.size()) {
            out.put("NextToken", String.valueOf(from + max));
        }
        out.putArray("CompositeAlarms");
        return out;
    }

    static ObjectNode alarm(String name, String cluster, String service, boolean math) {
        ObjectNode a = WireJson.object().put("AlarmName", name).put("AlarmArn", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name)
                .put("StateValue", name.contains("cpu") ? "ALARM" : "OK").put("StateReason", "Threshold Crossed")
                .put("ComparisonOperator", "GreaterThanThreshold").put("Threshold", new BigDecimal("80.0")).put("EvaluationPeriods", 3)
                .put("ActionsEnabled", true);
        a.put("StateUpdatedTimestamp", seconds(Instant.parse("2026-11-22T08:00:00Z")));
        ArrayNode dims = WireJson.object().arrayNode();
        if (cluster != null) {
            dims.addObject().put("Name", "ClusterName").put("Value", cluster);
            dims.addObject().put("Name", "ServiceName").put("Value", service);
        }
        if (math) {
            ObjectNode metric = a.putArray("Metrics").addObject().put("Id", "m1").putObject("MetricStat").put("Period", 60).put("Stat", "Average")
                    .putObject("Metric").put("Namespace", "AWS/ECS").put("MetricName", "CPUUtilization");
            metric.set("Dimensions", dims);
        } else {
            a.put("Namespace", "AWS/ECS").put("MetricName", "CPUUtilization").put("Statistic", "Average").put("Period", 60)
                    .put("DatapointsToAlarm", 2);
            a.set("Dimensions", dims);
        }
        return a;
    }

    private JsonNode describeAlarmHistory(WireRequest r) {
        String name = r.string("AlarmName");
        if ("denied".equals(name)) {
            throw new SimApiException("AccessDenied", "User is not authorized to perform: cloudwatch:DescribeAlarmHistory", 403);
        }
        if ("bad-token".equals(name)) {
            throw new SimApiException("InvalidNextToken", "The service couldn't process your request because the NextToken is invalid.");
        }
        int max = r.has("MaxRecords") ? r.integer("MaxRecords") : 50;
        int from = r.has("NextToken") ? Integer.parseInt(r.string("NextToken")) : 0;
        ObjectNode out = WireJson.object();
        ArrayNode items = out.putArray("AlarmHistoryItems");
        for (int i = from; i < Math.min(5, from + max); i++) {
            items.addObject().put("AlarmName", name).put("HistoryItemType", "StateUpdate").put("HistorySummary", "Item " + i)
                    .put("Timestamp", seconds(Instant.parse("2026-11-22T08:00:00Z").minusSeconds(60L * i)));
        }
        if (from + max < 5) {
            out.put("NextToken", String.valueOf(from + max));
        }
        return out;
    }
}
