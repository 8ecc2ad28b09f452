package dev.ecsdeck.sim.wire.cloudwatch;

import static dev.ecsdeck.sim.wire.cloudwatch.MetricRequests.absent;
import static dev.ecsdeck.sim.wire.cloudwatch.MetricRequests.combination;
import static dev.ecsdeck.sim.wire.cloudwatch.MetricRequests.invalid;
import static dev.ecsdeck.sim.wire.cloudwatch.MetricRequests.missing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.cloudwatch.MetricAggregate;
import dev.ecsdeck.sim.cloudwatch.MetricApi;
import dev.ecsdeck.sim.cloudwatch.MetricKey;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GetMetricData and GetMetricStatistics on the simulator's metrics. GetMetricData answers MetricStat
 * queries; metric math (Expression) is not evaluated and is refused naming the query. Periods are
 * multiples of 60 (the metrics are kept as one-minute aggregates) and the statistics are SampleCount,
 * Average, Sum, Minimum and Maximum: percentiles and the other extended statistics are refused.
 */
final class MetricReads {
    static final int MAX_QUERIES = 500;
    static final int DEFAULT_MAX_DATAPOINTS = 100_800;
    static final int MAX_STATISTICS_DATAPOINTS = 1_440;
    private static final Pattern QUERY_ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

    private final MetricApi metrics;

    MetricReads(MetricApi metrics) {
        this.metrics = metrics;
    }

    /** One MetricStat query, read and checked. */
    private record Query(String id, String label, MetricKey metric, int period, String stat, String unit, boolean returnData) {}

    /** A query's answer before paging: timestamps and values in the order asked (ScanBy). */
    private record Series(Query query, List<Instant> timestamps, List<Double> values) {}

    JsonNode getMetricData(WireRequest r) {
        Instant start = MetricRequests.timestamp(r.node("StartTime"), "StartTime");
        Instant end = MetricRequests.timestamp(r.node("EndTime"), "EndTime");
        if (!start.isBefore(end)) {
            throw invalid("The parameter StartTime must be less than the parameter EndTime.");
        }
        List<Query> queries = queries(r.node("MetricDataQueries"));
        Integer max = r.integer("MaxDatapoints");
        if (max != null && max < 1) {
            throw invalid("The parameter MaxDatapoints must be greater than 0.");
        }
        int capacity = max == null ? DEFAULT_MAX_DATAPOINTS : max;
        boolean ascending = "TimestampAscending".equals(r.string("ScanBy"));
        String fingerprint = Integer.toHexString((r.node("MetricDataQueries").toString() + start + end + ascending).hashCode());
        long offset = offset(r.string("NextToken"), fingerprint);

        List<Series> all = new ArrayList<>();
        for (Query q : queries) {
            if (q.returnData()) {
                all.add(series(q, start, end, ascending));
            }
        }
        ArrayNode results = MetricRequests.array();
        long skip = offset;
        long room = capacity;
        boolean more = false;
        for (Series s : all) {
            int size = s.values().size();
            int from = (int) Math.min(skip, size);
            skip -= from;
            int to = (int) Math.min(size, from + room);
            room -= to - from;
            more |= to < size;
            ObjectNode result = results.addObject();
            result.put("Id", s.query().id());
            result.put("Label", s.query().label());
            ArrayNode timestamps = result.putArray("Timestamps");
            ArrayNode values = result.putArray("Values");
            for (int i = from; i < to; i++) {
                timestamps.add(MetricRequests.epochSeconds(s.timestamps().get(i)));
                values.add(s.values().get(i));
            }
            result.put("StatusCode", to < size ? "PartialData" : "Complete");
        }
        ObjectNode out = WireJson.object();
        out.set("MetricDataResults", results);
        if (more) {
            out.put("NextToken", token(offset + capacity, fingerprint));
        }
        out.putArray("Messages");
        return out;
    }

    private List<Query> queries(JsonNode list) {
        if (list.isEmpty()) {
            throw invalid("The collection MetricDataQueries must not be empty.");
        }
        if (list.size() > MAX_QUERIES) {
            throw invalid("The collection MetricDataQueries must not have a size greater than " + MAX_QUERIES + ".");
        }
        List<Query> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int i = 1;
        for (JsonNode q : list) {
            String at = "MetricDataQueries.member." + i++;
            String id = MetricRequests.requiredText(q.get("Id"), at + ".Id");
            if (!QUERY_ID.matcher(id).matches()) {
                throw invalid("The value " + id + " for parameter " + at + ".Id is not valid: an Id starts with a lowercase letter and"
                        + " holds only letters, digits and underscores.");
            }
            if (!ids.add(id)) {
                throw invalid("The value " + id + " for parameter " + at + ".Id is used by another query: each query's Id must be unique.");
            }
            JsonNode stat = q.get("MetricStat");
            if (!absent(q.get("Expression"))) {
                if (!absent(stat)) {
                    throw combination("Query " + id + " has both MetricStat and Expression: give exactly one.");
                }
                throw invalid("Query " + id + ": metric math (Expression) is not evaluated by the simulator; ask for the metrics with MetricStat.");
            }
            if (absent(stat)) {
                throw missing(at + ".MetricStat");
            }
            MetricKey metric = MetricRequests.metric(stat.get("Metric"), at + ".MetricStat.Metric");
            int period = MetricRequests.period(MetricRequests.integer(stat.get("Period"), at + ".MetricStat.Period"), at + ".MetricStat.Period");
            String statistic = MetricRequests.requiredText(stat.get("Stat"), at + ".MetricStat.Stat");
            if (!MetricAggregate.known(statistic)) {
                throw invalid("Query " + id + ": the statistic " + statistic + " is not available: the simulator keeps one-minute aggregates and"
                        + " answers " + String.join(", ", MetricAggregate.STATISTICS) + " (no percentiles or other extended statistics).");
            }
            String label = MetricRequests.text(q.get("Label"), at + ".Label");
            JsonNode returnData = q.get("ReturnData");
            boolean returns = absent(returnData) || returnData.asBoolean(true) && !"false".equals(returnData.asText());
            out.add(new Query(id, label != null ? label : metric.metricName(), metric, period, statistic,
                    MetricRequests.text(stat.get("Unit"), at + ".MetricStat.Unit"), returns));
        }
        return out;
    }

    private Series series(Query q, Instant start, Instant end, boolean ascending) {
        List<Instant> timestamps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        if (q.unit() == null || q.unit().equals(metrics.unitOf(q.metric()))) {
            for (MetricAggregate a : metrics.aggregates(q.metric(), start, end, q.period())) {
                timestamps.add(a.timestamp());
                values.add(a.statistic(q.stat()).orElseThrow());
            }
        }
        if (!ascending) {
            Collections.reverse(timestamps);
            Collections.reverse(values);
        }
        return new Series(q, timestamps, values);
    }

    private static String token(long offset, String fingerprint) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((offset + ":" + fingerprint).getBytes(StandardCharsets.UTF_8));
    }

    /** The datapoints already returned, from a token this operation gave for the same request; 0 without one. */
    private static long offset(String token, String fingerprint) {
        if (token == null) {
            return 0;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 2 && parts[1].equals(fingerprint)) {
                return Long.parseLong(parts[0]);
            }
        } catch (IllegalArgumentException e) {
            // not a token of ours: refused below
        }
        throw new SimApiException("InvalidNextToken", "The service couldn't process your request because the NextToken is not valid"
                + " (it belongs to another request, or was not given by GetMetricData).");
    }

    JsonNode getMetricStatistics(WireRequest r) {
        MetricKey metric = new MetricKey(r.string("Namespace"), r.string("MetricName"), MetricRequests.dimensions(r.node("Dimensions"), "Dimensions"));
        Instant start = MetricRequests.timestamp(r.node("StartTime"), "StartTime");
        Instant end = MetricRequests.timestamp(r.node("EndTime"), "EndTime");
        if (!start.isBefore(end)) {
            throw invalid("The parameter StartTime must be less than the parameter EndTime.");
        }
        int period = MetricRequests.period(r.integer("Period"), "Period");
        List<String> statistics = r.strings("Statistics");
        List<String> extended = r.strings("ExtendedStatistics");
        if ((statistics == null || statistics.isEmpty()) && (extended == null || extended.isEmpty())) {
            throw combination("Must specify either Statistics or ExtendedStatistics.");
        }
        if (statistics != null && statistics.size() > 5) {
            throw invalid("The collection Statistics must not have a size greater than 5.");
        }
        if (extended != null && !extended.isEmpty()) {
            throw invalid("The simulator keeps one-minute aggregates, not every value: ExtendedStatistics " + extended
                    + " cannot be answered; ask for Statistics (SampleCount, Average, Sum, Minimum, Maximum).");
        }
        long requested = (end.getEpochSecond() - start.getEpochSecond() + period - 1) / period;
        if (requested > MAX_STATISTICS_DATAPOINTS) {
            throw combination("You have requested up to " + requested + " datapoints, which exceeds the limit of 1,440. You may reduce the"
                    + " datapoints requested by increasing Period, or decreasing the time range.");
        }
        String unit = r.string("Unit");
        String metricUnit = metrics.unitOf(metric);
        ArrayNode datapoints = MetricRequests.array();
        if (metricUnit != null && (unit == null || unit.equals(metricUnit))) {
            for (MetricAggregate a : metrics.aggregates(metric, start, end, period)) {
                ObjectNode d = datapoints.addObject();
                d.set("Timestamp", MetricRequests.epochSeconds(a.timestamp()));
                for (String s : statistics) {
                    d.put(s, a.statistic(s).orElseThrow());
                }
                d.put("Unit", metricUnit);
            }
        }
        ObjectNode out = WireJson.object();
        out.put("Label", metric.metricName());
        out.set("Datapoints", datapoints);
        return out;
    }
}
