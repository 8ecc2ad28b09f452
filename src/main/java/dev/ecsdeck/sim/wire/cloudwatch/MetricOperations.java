package dev.ecsdeck.sim.wire.cloudwatch;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.BOOLEAN;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.TIMESTAMP;
import static dev.ecsdeck.sim.wire.cloudwatch.MetricRequests.absent;
import static dev.ecsdeck.sim.wire.cloudwatch.MetricRequests.combination;
import static dev.ecsdeck.sim.wire.cloudwatch.MetricRequests.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.cloudwatch.MetricApi;
import dev.ecsdeck.sim.cloudwatch.MetricKey;
import dev.ecsdeck.sim.wire.RequestShape;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch's metric operations: GetMetricData and GetMetricStatistics ({@link MetricReads}), ListMetrics
 * and PutMetricData, on the simulator's {@link MetricApi}; written on the protocol-independent member tree.
 */
final class MetricOperations {
    static final String[] UNITS = {"Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
        "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second",
        "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
        "Count/Second", "None"};
    static final int LIST_PAGE = 500;
    static final int MAX_METRIC_DATA = 1000;
    static final int MAX_VALUES = 150;
    static final int MAX_DIMENSION_FILTERS = 10;
    private static final Duration MAX_AGE = Duration.ofDays(14);
    private static final Duration MAX_AHEAD = Duration.ofHours(2);

    private MetricOperations() {}

    static void addTo(WireApi api, SimEngine engine) {
        MetricApi metrics = engine.metrics();
        MetricReads reads = new MetricReads(metrics);
        api.add("GetMetricData", RequestShape.of().required("MetricDataQueries", STRUCTURE_LIST).required("StartTime", TIMESTAMP)
                .required("EndTime", TIMESTAMP).member("NextToken", STRING).member("ScanBy", STRING).member("MaxDatapoints", INTEGER)
                .member("LabelOptions", STRUCTURE).oneOf("ScanBy", "TimestampDescending", "TimestampAscending")
                .oneOf("MetricDataQueries[].MetricStat.Unit", UNITS), false, reads::getMetricData);
        api.add("GetMetricStatistics", RequestShape.of().required("Namespace", STRING).required("MetricName", STRING)
                .member("Dimensions", STRUCTURE_LIST).required("StartTime", TIMESTAMP).required("EndTime", TIMESTAMP).required("Period", INTEGER)
                .member("Statistics", STRING_LIST).member("ExtendedStatistics", STRING_LIST).member("Unit", STRING)
                .oneOf("Statistics[]", "SampleCount", "Average", "Sum", "Minimum", "Maximum").oneOf("Unit", UNITS), false,
                reads::getMetricStatistics);
        api.add("ListMetrics", RequestShape.of().member("Namespace", STRING).member("MetricName", STRING).member("Dimensions", STRUCTURE_LIST)
                .member("NextToken", STRING).member("RecentlyActive", STRING).member("IncludeLinkedAccounts", BOOLEAN)
                .member("OwningAccount", STRING).oneOf("RecentlyActive", "PT3H"), false, r -> listMetrics(r, metrics, engine.account()));
        api.add("PutMetricData", RequestShape.of().required("Namespace", STRING).member("MetricData", STRUCTURE_LIST)
                .member("EntityMetricData", STRUCTURE_LIST).member("StrictEntityValidation", BOOLEAN).oneOf("MetricData[].Unit", UNITS), true,
                r -> putMetricData(r, metrics));
    }

    /** Metrics with values, filtered by namespace, name and dimensions (each filter names a dimension the metric has, and its value if given). */
    static JsonNode listMetrics(WireRequest r, MetricApi metrics, String account) {
        String namespace = r.string("Namespace");
        String name = r.string("MetricName");
        JsonNode filters = r.node("Dimensions");
        List<String[]> wanted = new ArrayList<>();
        if (filters != null) {
            if (filters.size() > MAX_DIMENSION_FILTERS) {
                throw invalid("The collection Dimensions must not have a size greater than " + MAX_DIMENSION_FILTERS + ".");
            }
            int i = 1;
            for (JsonNode f : filters) {
                String at = "Dimensions.member." + i++;
                wanted.add(new String[] {MetricRequests.requiredText(f.get("Name"), at + ".Name"), MetricRequests.text(f.get("Value"), at + ".Value")});
            }
        }
        String owner = r.string("OwningAccount");
        List<MetricKey> matching = new ArrayList<>();
        for (MetricKey k : metrics.metrics(r.has("RecentlyActive"))) {
            if ((namespace == null || namespace.equals(k.namespace())) && (name == null || name.equals(k.metricName()))
                    && (owner == null || owner.equals(account)) && wanted.stream().allMatch(w -> k.dimensions().containsKey(w[0])
                            && (w[1] == null || w[1].equals(k.dimensions().get(w[0]))))) {
                matching.add(k);
            }
        }
        int from = 0;
        String token = r.string("NextToken");
        if (token != null) {
            from = listOffset(token, matching.size());
        }
        int to = Math.min(matching.size(), from + LIST_PAGE);
        ObjectNode out = WireJson.object();
        ArrayNode list = out.putArray("Metrics");
        for (MetricKey k : matching.subList(from, to)) {
            list.add(MetricRequests.metricNode(k));
        }
        if (r.flag("IncludeLinkedAccounts")) {
            ArrayNode owners = out.putArray("OwningAccounts");
            for (int i = from; i < to; i++) {
                owners.add(account);
            }
        }
        if (to < matching.size()) {
            out.put("NextToken", "lm-" + to);
        }
        return out;
    }

    private static int listOffset(String token, int size) {
        if (token.startsWith("lm-")) {
            try {
                int n = Integer.parseInt(token.substring(3));
                if (n > 0 && n <= size) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw invalid("The value " + token + " for parameter NextToken is not valid.");
    }

    /** One datum read and checked: its values as one statistic set. */
    private record Datum(MetricKey metric, String unit, Instant timestamp, double count, double sum, double min, double max) {}

    /** Checks every datum first, then records them all: a request with one bad datum records none. */
    static JsonNode putMetricData(WireRequest r, MetricApi metrics) {
        String namespace = r.string("Namespace");
        if (namespace.startsWith("AWS/")) {
            throw invalid("The value " + namespace + " for parameter Namespace is invalid: the AWS/ namespaces are reserved for AWS services.");
        }
        JsonNode data = r.node("MetricData");
        JsonNode entityData = r.node("EntityMetricData");
        if (data == null && entityData == null) {
            throw MetricRequests.missing("MetricData");
        }
        Instant now = metrics.now();
        List<Datum> datums = new ArrayList<>();
        if (data != null) {
            read(data, "MetricData", namespace, now, datums);
        }
        if (entityData != null) {
            int i = 1;
            for (JsonNode e : entityData) {
                JsonNode inner = e.get("MetricData");
                if (!absent(inner)) {
                    read(inner, "EntityMetricData.member." + i + ".MetricData", namespace, now, datums);
                }
                i++;
            }
        }
        if (datums.size() > MAX_METRIC_DATA) {
            throw invalid("The collection MetricData must not have a size greater than " + MAX_METRIC_DATA + ".");
        }
        for (Datum d : datums) {
            metrics.putStatistics(d.metric().namespace(), d.metric().metricName(), d.metric().dimensions(), d.unit(), d.timestamp(), d.count(),
                    d.sum(), d.min(), d.max());
        }
        return WireJson.object();
    }

    private static void read(JsonNode list, String path, String namespace, Instant now, List<Datum> out) {
        int i = 1;
        for (JsonNode d : list) {
            String at = path + ".member." + i++;
            String name = MetricRequests.requiredText(d.get("MetricName"), at + ".MetricName");
            Map<String, String> dimensions = MetricRequests.dimensions(d.get("Dimensions"), at + ".Dimensions");
            Instant timestamp = MetricRequests.timestamp(d.get("Timestamp"), at + ".Timestamp");
            if (timestamp == null) {
                timestamp = now;
            } else if (timestamp.isBefore(now.minus(MAX_AGE))) {
                throw invalid("The parameter " + at + ".Timestamp must specify a time no more than two weeks in the past.");
            } else if (timestamp.isAfter(now.plus(MAX_AHEAD))) {
                throw invalid("The parameter " + at + ".Timestamp must specify a time no more than two hours in the future.");
            }
            Integer resolution = MetricRequests.integer(d.get("StorageResolution"), at + ".StorageResolution");
            if (resolution != null && resolution != 1 && resolution != 60) {
                throw invalid("The value " + resolution + " for parameter " + at + ".StorageResolution is invalid: it is 1 or 60.");
            }
            String unit = MetricRequests.text(d.get("Unit"), at + ".Unit");
            out.add(values(d, at, new MetricKey(namespace, name, dimensions), unit == null ? "None" : unit, timestamp));
        }
    }

    /** Value, StatisticValues, or Values (with Counts): exactly one of them. */
    private static Datum values(JsonNode d, String at, MetricKey metric, String unit, Instant timestamp) {
        boolean value = !absent(d.get("Value"));
        boolean set = !absent(d.get("StatisticValues"));
        boolean values = !absent(d.get("Values"));
        if ((value ? 1 : 0) + (set ? 1 : 0) + (values ? 1 : 0) > 1) {
            throw combination("The parameters " + at + ".Value, " + at + ".StatisticValues and " + at
                    + ".Values are mutually exclusive and you have specified more than one.");
        }
        if (value) {
            double v = checked(MetricRequests.number(d.get("Value"), at + ".Value"), at + ".Value");
            return new Datum(metric, unit, timestamp, 1, v, v, v);
        }
        if (set) {
            JsonNode s = d.get("StatisticValues");
            double count = required(s, "SampleCount", at);
            double sum = required(s, "Sum", at);
            double min = required(s, "Minimum", at);
            double max = required(s, "Maximum", at);
            if (count <= 0) {
                throw invalid("The parameter " + at + ".StatisticValues.SampleCount must be greater than 0.");
            }
            if (min > max) {
                throw invalid("The parameter " + at + ".StatisticValues.Minimum must not be greater than its Maximum.");
            }
            return new Datum(metric, unit, timestamp, count, sum, min, max);
        }
        if (values) {
            return fromValues(d, at, metric, unit, timestamp);
        }
        throw MetricRequests.missing(at + ".Value");
    }

    private static Datum fromValues(JsonNode d, String at, MetricKey metric, String unit, Instant timestamp) {
        JsonNode vs = d.get("Values");
        JsonNode cs = d.get("Counts");
        if (vs.size() == 0 || vs.size() > MAX_VALUES) {
            throw invalid("The collection " + at + ".Values must hold 1 to " + MAX_VALUES + " values.");
        }
        if (!absent(cs) && cs.size() != vs.size()) {
            throw invalid("The parameters " + at + ".Values and " + at + ".Counts must be of the same size.");
        }
        double count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < vs.size(); j++) {
            double v = checked(MetricRequests.number(vs.get(j), at + ".Values.member." + (j + 1)), at + ".Values.member." + (j + 1));
            double c = absent(cs) ? 1 : MetricRequests.number(cs.get(j), at + ".Counts.member." + (j + 1));
            if (c < 0) {
                throw invalid("The parameter " + at + ".Counts.member." + (j + 1) + " must not be negative.");
            }
            if (c > 0) {
                count += c;
                sum += v * c;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (count == 0) {
            throw invalid("The parameter " + at + ".Counts must count at least one value.");
        }
        return new Datum(metric, unit, timestamp, count, sum, min, max);
    }

    private static double required(JsonNode set, String member, String at) {
        Double v = MetricRequests.number(set.get(member), at + ".StatisticValues." + member);
        if (v == null) {
            throw MetricRequests.missing(at + ".StatisticValues." + member);
        }
        return checked(v, at + ".StatisticValues." + member);
    }

    /** CloudWatch refuses values too large in magnitude (above 2^360) or not numbers. */
    private static double checked(double v, String path) {
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) > 1.174271e108) {
            throw new SimApiException("InvalidParameterValue", "The value " + v + " for parameter " + path + " is invalid: it must be a number"
                    + " of magnitude at most 2^360.");
        }
        return v;
    }
}
