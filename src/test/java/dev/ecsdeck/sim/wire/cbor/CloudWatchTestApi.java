package dev.ecsdeck.sim.wire.cbor;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only CloudWatch, configured as the served one ({@link CloudWatchOperations}), answering ListMetrics
 * (two pages), GetMetricData (two points at the request's StartTime and a minute later) and DescribeAlarms
 * (one alarm; NextToken "bad" is refused) with fixed trees, so the protocols are tested apart from the simulation.
 */
final class CloudWatchTestApi {
    static final Instant ALARM_UPDATED = Instant.parse("2025-05-01T12:00:00.250Z");
    /** The request trees the operations saw, for tests of what a client sent. */
    final List<WireRequest> requests = new CopyOnWriteArrayList<>();

    WireApi api() {
        WireApi api = new WireApi(CloudWatchOperations.TARGET_PREFIX, "CloudWatch", "MissingParameter", "InternalServiceFault",
                CloudWatchOperations.XML_NAMESPACE);
        api.queryVersion(CloudWatchOperations.API_VERSION).awsQueryCompatible(CloudWatchShapes.ERROR_CODES)
                .timestampMembers(CloudWatchShapes.TIMESTAMP_MEMBERS);
        api.add("ListMetrics", RequestShape.of().member("Namespace", Kind.STRING).member("MetricName", Kind.STRING)
                .member("NextToken", Kind.STRING), false, this::listMetrics);
        api.add("GetMetricData", RequestShape.of().required("MetricDataQueries", Kind.STRUCTURE_LIST)
                .required("StartTime", Kind.TIMESTAMP).required("EndTime", Kind.TIMESTAMP).member("NextToken", Kind.STRING), false, this::getMetricData);
        api.add("DescribeAlarms", RequestShape.of().member("AlarmNames", Kind.STRING_LIST).member("NextToken", Kind.STRING), false,
                this::describeAlarms);
        return api;
    }

    private JsonNode listMetrics(WireRequest r) {
        requests.add(r);
        boolean second = "page-2".equals(r.string("NextToken"));
        ObjectNode out = WireJson.object();
        ObjectNode metric = out.putArray("Metrics").addObject().put("Namespace", "AWS/ECS").put("MetricName", second ? "MemoryUtilization" : "CPUUtilization");
        ArrayNode dims = metric.putArray("Dimensions");
        dims.addObject().put("Name", "ClusterName").put("Value", "prod");
        dims.addObject().put("Name", "ServiceName").put("Value", "web");
        if (!second) {
            out.put("NextToken", "page-2");
        }
        return out;
    }

    private JsonNode getMetricData(WireRequest r) {
        requests.add(r);
        BigDecimal start = r.node("StartTime").isNumber() ? r.node("StartTime").decimalValue()
                : BigDecimal.valueOf(Instant.parse(r.string("StartTime")).toEpochMilli()).movePointLeft(3);
        ObjectNode out = WireJson.object();
        ArrayNode results = out.putArray("MetricDataResults");
        for (JsonNode q : r.node("MetricDataQueries")) {
            ObjectNode res = results.addObject().put("Id", q.path("Id").asText()).put("Label", "CPUUtilization").put("StatusCode", "Complete");
            res.putArray("Timestamps").add(start.add(BigDecimal.valueOf(60))).add(start);
            res.putArray("Values").add(new BigDecimal("12.5")).add(new BigDecimal("10.0"));
        }
        out.putArray("Messages");
        return out;
    }

    private JsonNode describeAlarms(WireRequest r) {
        requests.add(r);
        if ("bad".equals(r.string("NextToken"))) {
            throw new SimApiException("InvalidNextToken", "The service couldn't process your request because the NextToken is invalid.");
        }
        ObjectNode out = WireJson.object();
        out.putArray("CompositeAlarms");
        ObjectNode alarm = out.putArray("MetricAlarms").addObject().put("AlarmName", "web-cpu-high")
                .put("AlarmArn", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-cpu-high").put("StateValue", "ALARM")
                .put("StateReason", "Threshold Crossed").put("MetricName", "CPUUtilization").put("Namespace", "AWS/ECS")
                .put("Statistic", "Average").put("Period", 60).put("EvaluationPeriods", 3).put("Threshold", new BigDecimal("80.0"))
                .put("ComparisonOperator", "GreaterThanThreshold").put("ActionsEnabled", true);
        alarm.put("StateUpdatedTimestamp", BigDecimal.valueOf(ALARM_UPDATED.toEpochMilli()).movePointLeft(3));
        ArrayNode dims = alarm.putArray("Dimensions");
        dims.addObject().put("Name", "ClusterName").put("Value", "prod");
        dims.addObject().put("Name", "ServiceName").put("Value", "web");
        return out;
    }
}
