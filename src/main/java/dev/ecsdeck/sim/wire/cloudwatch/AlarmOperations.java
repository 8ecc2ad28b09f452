package dev.ecsdeck.sim.wire.cloudwatch;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.BOOLEAN;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.DOUBLE;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.TIMESTAMP;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.cloudwatch.AlarmDefinition;
import dev.ecsdeck.sim.cloudwatch.AlarmHistoryEntry;
import dev.ecsdeck.sim.cloudwatch.SimAlarm;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch's alarm operations: PutMetricAlarm, DescribeAlarms, DescribeAlarmsForMetric, DeleteAlarms,
 * DescribeAlarmHistory, SetAlarmState, EnableAlarmActions, DisableAlarmActions; PascalCase members, as the
 * model has them. Composite alarms and metric-math alarms are not served (refused, or listed as none).
 */
final class AlarmOperations {
    private static final String[] STATE_VALUES = {"OK", "ALARM", "INSUFFICIENT_DATA"};
    private static final String[] STATISTICS = {"SampleCount", "Average", "Sum", "Minimum", "Maximum"};
    private static final String[] OPERATORS = {"GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold",
            "LessThanOrEqualToThreshold", "LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold"};
    private static final String[] UNITS = {"Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes",
            "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second",
            "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second",
            "Terabits/Second", "Count/Second", "None"};

    private final SimEngine engine;

    private AlarmOperations(SimEngine engine) {
        this.engine = engine;
    }

    static void addTo(WireApi api, SimEngine engine) {
        AlarmOperations o = new AlarmOperations(engine);
        api.add("PutMetricAlarm", of().required("AlarmName", STRING).member("AlarmDescription", STRING).member("ActionsEnabled", BOOLEAN)
                .member("OKActions", STRING_LIST).member("AlarmActions", STRING_LIST).member("InsufficientDataActions", STRING_LIST)
                .member("MetricName", STRING).member("Namespace", STRING).member("Statistic", STRING).member("ExtendedStatistic", STRING)
                .member("Dimensions", STRUCTURE_LIST).member("Period", INTEGER).member("Unit", STRING).member("EvaluationPeriods", INTEGER)
                .member("DatapointsToAlarm", INTEGER).member("Threshold", DOUBLE).member("ComparisonOperator", STRING)
                .member("TreatMissingData", STRING).member("Metrics", STRUCTURE_LIST).member("Tags", STRUCTURE_LIST)
                .member("ThresholdMetricId", STRING).oneOf("Statistic", STATISTICS).oneOf("ComparisonOperator", OPERATORS)
                .oneOf("Unit", UNITS), true, o::putMetricAlarm);
        api.add("DescribeAlarms", of().member("AlarmNames", STRING_LIST).member("AlarmNamePrefix", STRING).member("AlarmTypes", STRING_LIST)
                .member("StateValue", STRING).member("ActionPrefix", STRING).member("MaxRecords", INTEGER).member("NextToken", STRING)
                .oneOf("StateValue", STATE_VALUES).oneOf("AlarmTypes[]", "CompositeAlarm", "MetricAlarm"), false, o::describeAlarms);
        api.add("DescribeAlarmsForMetric", of().required("MetricName", STRING).required("Namespace", STRING).member("Statistic", STRING)
                .member("ExtendedStatistic", STRING).member("Dimensions", STRUCTURE_LIST).member("Period", INTEGER).member("Unit", STRING)
                .oneOf("Statistic", STATISTICS).oneOf("Unit", UNITS), false, o::describeAlarmsForMetric);
        api.add("DeleteAlarms", of().required("AlarmNames", STRING_LIST), true, r -> {
            engine.alarms().delete(names(r));
            return WireJson.object();
        });
        api.add("DescribeAlarmHistory", of().member("AlarmName", STRING).member("AlarmTypes", STRING_LIST).member("HistoryItemType", STRING)
                .member("StartDate", TIMESTAMP).member("EndDate", TIMESTAMP).member("MaxRecords", INTEGER).member("NextToken", STRING)
                .member("ScanBy", STRING).oneOf("HistoryItemType", "ConfigurationUpdate", "StateUpdate", "Action", "AlarmContributorStateUpdate",
                        "AlarmContributorAction").oneOf("ScanBy", "TimestampDescending", "TimestampAscending")
                .oneOf("AlarmTypes[]", "CompositeAlarm", "MetricAlarm"), false, o::describeAlarmHistory);
        api.add("SetAlarmState", of().required("AlarmName", STRING).required("StateValue", STRING).required("StateReason", STRING)
                .member("StateReasonData", STRING).oneOf("StateValue", STATE_VALUES), true, r -> {
                    engine.alarms().setState(r.string("AlarmName"), r.string("StateValue"), r.string("StateReason"), r.string("StateReasonData"));
                    return WireJson.object();
                });
        api.add("EnableAlarmActions", of().required("AlarmNames", STRING_LIST), true, r -> {
            engine.alarms().setActionsEnabled(names(r), true);
            return WireJson.object();
        });
        api.add("DisableAlarmActions", of().required("AlarmNames", STRING_LIST), true, r -> {
            engine.alarms().setActionsEnabled(names(r), false);
            return WireJson.object();
        });
    }

    private JsonNode putMetricAlarm(WireRequest r) {
        if (r.has("Metrics") || r.has("ThresholdMetricId")) {
            throw invalid("The simulator serves single-metric alarms only (MetricName, Namespace, Statistic), not Metrics or ThresholdMetricId.");
        }
        Integer evaluationPeriods = r.integer("EvaluationPeriods");
        Integer datapoints = r.integer("DatapointsToAlarm");
        Integer period = r.integer("Period");
        Double threshold = number(r.node("Threshold"), "Threshold");
        Boolean enabled = r.bool("ActionsEnabled");
        int n = evaluationPeriods == null ? 0 : evaluationPeriods;
        AlarmDefinition d = new AlarmDefinition(r.string("AlarmName"), r.string("AlarmDescription"), enabled == null || enabled,
                r.strings("OKActions"), r.strings("AlarmActions"), r.strings("InsufficientDataActions"), r.string("Namespace"),
                r.string("MetricName"), pairs(r.node("Dimensions"), "Dimensions", "Name", "Value"), r.string("Statistic"),
                r.string("ExtendedStatistic"), period == null ? 0 : period, r.string("Unit"), n, datapoints == null ? n : datapoints,
                threshold == null ? 0 : threshold, r.string("ComparisonOperator"), r.string("TreatMissingData"));
        engine.alarms().put(d, threshold != null, pairs(r.node("Tags"), "Tags", "Key", "Value"));
        return WireJson.object();
    }

    private JsonNode describeAlarms(WireRequest r) {
        List<String> names = r.strings("AlarmNames");
        String prefix = r.string("AlarmNamePrefix");
        if (names != null && !names.isEmpty() && prefix != null) {
            throw new SimApiException("InvalidParameterCombination", "AlarmNames and AlarmNamePrefix cannot be specified together.");
        }
        if (names != null && names.size() > 100) {
            throw invalid("The collection AlarmNames must not have more than 100 members.");
        }
        List<String> types = r.strings("AlarmTypes");
        boolean metricAlarms = types == null || types.isEmpty() || types.contains("MetricAlarm");
        boolean compositeAlarms = types != null && types.contains("CompositeAlarm");
        List<SimAlarm> all = metricAlarms ? engine.alarms().describe(names, prefix, r.string("StateValue"), r.string("ActionPrefix")) : List.of();
        ObjectNode out = WireJson.object();
        ArrayNode list = out.putArray("MetricAlarms");
        for (SimAlarm a : page(all, r, 100, 50, out)) {
            list.add(alarm(a));
        }
        if (compositeAlarms) {
            out.putArray("CompositeAlarms"); // the simulator has none
        }
        return out;
    }

    private JsonNode describeAlarmsForMetric(WireRequest r) {
        Map<String, String> dimensions = r.has("Dimensions") ? pairs(r.node("Dimensions"), "Dimensions", "Name", "Value") : null;
        ObjectNode out = WireJson.object();
        ArrayNode list = out.putArray("MetricAlarms");
        for (SimAlarm a : engine.alarms().forMetric(r.string("Namespace"), r.string("MetricName"), dimensions, r.string("Statistic"),
                r.string("ExtendedStatistic"), r.integer("Period"), r.string("Unit"))) {
            list.add(alarm(a));
        }
        return out;
    }

    private JsonNode describeAlarmHistory(WireRequest r) {
        List<String> types = r.strings("AlarmTypes");
        boolean metricAlarms = types == null || types.isEmpty() || types.contains("MetricAlarm");
        Instant start = timestamp(r.node("StartDate"), "StartDate");
        Instant end = timestamp(r.node("EndDate"), "EndDate");
        boolean ascending = "TimestampAscending".equals(r.string("ScanBy"));
        List<AlarmHistoryEntry> all = metricAlarms
                ? engine.alarms().history(r.string("AlarmName"), r.string("HistoryItemType"), start, end, ascending) : List.of();
        ObjectNode out = WireJson.object();
        ArrayNode list = out.putArray("AlarmHistoryItems");
        for (AlarmHistoryEntry e : page(all, r, 100, 100, out)) {
            ObjectNode n = list.addObject().put("AlarmName", e.alarmName()).put("AlarmType", "MetricAlarm");
            n.set("Timestamp", WireJson.tree(e.timestamp()));
            n.put("HistoryItemType", e.historyItemType()).put("HistorySummary", e.historySummary()).put("HistoryData", e.historyData());
        }
        return out;
    }

    /** A MetricAlarm with every member DescribeAlarms gives a single-metric alarm. */
    static ObjectNode alarm(SimAlarm a) {
        AlarmDefinition d = a.definition();
        ObjectNode n = WireJson.object();
        n.put("AlarmName", d.alarmName()).put("AlarmArn", a.alarmArn());
        if (d.alarmDescription() != null) {
            n.put("AlarmDescription", d.alarmDescription());
        }
        n.set("AlarmConfigurationUpdatedTimestamp", WireJson.tree(a.configurationUpdatedAt()));
        n.put("ActionsEnabled", d.actionsEnabled());
        n.set("OKActions", WireJson.strings(d.okActions()));
        n.set("AlarmActions", WireJson.strings(d.alarmActions()));
        n.set("InsufficientDataActions", WireJson.strings(d.insufficientDataActions()));
        n.put("StateValue", a.stateValue()).put("StateReason", a.stateReason());
        if (a.stateReasonData() != null) {
            n.put("StateReasonData", a.stateReasonData());
        }
        n.set("StateUpdatedTimestamp", WireJson.tree(a.stateUpdatedAt()));
        n.put("MetricName", d.metricName()).put("Namespace", d.namespace());
        if (d.statistic() != null) {
            n.put("Statistic", d.statistic());
        } else {
            n.put("ExtendedStatistic", d.extendedStatistic());
        }
        ArrayNode dims = n.putArray("Dimensions");
        d.dimensions().forEach((k, v) -> dims.addObject().put("Name", k).put("Value", v));
        n.put("Period", d.period());
        if (d.unit() != null) {
            n.put("Unit", d.unit());
        }
        n.put("EvaluationPeriods", d.evaluationPeriods()).put("DatapointsToAlarm", d.datapointsToAlarm()).put("Threshold", d.threshold())
                .put("ComparisonOperator", d.comparisonOperator()).put("TreatMissingData", d.treatMissingData());
        n.set("StateTransitionedTimestamp", WireJson.tree(a.stateTransitionedAt()));
        return n;
    }

    private static List<String> names(WireRequest r) {
        List<String> names = r.strings("AlarmNames");
        if (names.size() > 100) {
            throw invalid("The collection AlarmNames must not have more than 100 members.");
        }
        return names;
    }

    /** A list of {key: .., value: ..} structures (Dimensions, Tags) as an ordered map; a member missing inside is MissingParameter. */
    private static Map<String, String> pairs(JsonNode list, String member, String key, String value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (list == null) {
            return out;
        }
        int i = 1;
        for (JsonNode e : list) {
            JsonNode k = e.get(key);
            JsonNode v = e.get(value);
            if (k == null || k.isNull() || v == null || v.isNull()) {
                throw new SimApiException("MissingParameter", "The parameter " + member + ".member." + i + "." + (k == null || k.isNull() ? key : value)
                        + " is required.");
            }
            if (!k.isTextual() || !v.isTextual()) {
                throw WireJson.serialization("Expected a string for '" + member + "[" + (i - 1) + "]', found " + WireJson.kind(e) + ".");
            }
            out.put(k.asText(), v.asText());
            i++;
        }
        return out;
    }

    private static Double number(JsonNode v, String member) {
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        try {
            return Double.parseDouble(v.asText().trim()); // Query sends numbers as text
        } catch (NumberFormatException e) {
            throw WireJson.serialization("Expected a number for '" + member + "', found '" + v.asText() + "'.");
        }
    }

    /** Epoch seconds (JSON), or ISO-8601 text (Query). */
    private static Instant timestamp(JsonNode v, String member) {
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return Instant.ofEpochMilli(v.decimalValue().movePointRight(3).longValue());
        }
        try {
            return Instant.parse(v.asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw WireJson.serialization("Expected a timestamp for '" + member + "', found '" + v.asText() + "'.");
        }
    }

    /** One page: MaxRecords (1..max, default {@code size}) and an opaque NextToken naming where the next page starts. */
    private static <T> List<T> page(List<T> all, WireRequest r, int max, int size, ObjectNode out) {
        Integer asked = r.integer("MaxRecords");
        if (asked != null && (asked < 1 || asked > max)) {
            throw invalid("The parameter MaxRecords must be between 1 and " + max + ".");
        }
        int from = 0;
        String token = r.string("NextToken");
        if (token != null) {
            try {
                String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (!s.startsWith("cw:")) {
                    throw new IllegalArgumentException(s);
                }
                from = Integer.parseInt(s.substring(3));
                if (from < 0 || from > all.size()) {
                    throw new IllegalArgumentException(s);
                }
            } catch (IllegalArgumentException e) {
                throw new SimApiException("InvalidNextToken", "The service couldn't find the token provided (NextToken " + token + ").");
            }
        }
        int to = Math.min(all.size(), from + (asked == null ? size : asked));
        if (to < all.size()) {
            out.put("NextToken", Base64.getUrlEncoder().withoutPadding().encodeToString(("cw:" + to).getBytes(StandardCharsets.UTF_8)));
        }
        return new ArrayList<>(all.subList(from, to));
    }

    private static SimApiException invalid(String message) {
        return new SimApiException("InvalidParameterValue", message);
    }
}
