package dev.ecsdeck.sim.cloudwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One evaluation of a metric alarm at the end of a period, by CloudWatch's rules: the last
 * {@code evaluationPeriods} periods' datapoints; ALARM when at least {@code datapointsToAlarm} of them breach,
 * else OK. Missing datapoints: {@code missing} leaves them out (none at all: INSUFFICIENT_DATA);
 * {@code ignore} leaves them out too (none at all: the state stays); {@code breaching} and
 * {@code notBreaching} count them as such. When too few datapoints are present to decide either way (fewer
 * than {@code datapointsToAlarm} breach and none is below the threshold), the state stays.
 */
final class AlarmEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REASON_TIME = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    /** A new state, its reason and the reason's data (JSON). */
    record Outcome(String stateValue, String reason, String reasonData) {}

    private record Point(Instant start, Double value, double sampleCount) {}

    private AlarmEvaluation() {}

    /** Whether an alarm is evaluated at this second: at the end of each of its periods. */
    static boolean due(AlarmDefinition d, Instant now) {
        return now.getEpochSecond() % d.period() == 0;
    }

    static Optional<Outcome> evaluate(AlarmDefinition d, MetricApi metrics, Instant now) {
        int n = d.evaluationPeriods();
        int m = d.datapointsToAlarm();
        List<Point> points = new ArrayList<>(); // newest first
        for (int i = 0; i < n; i++) {
            Instant start = now.minusSeconds((long) d.period() * (i + 1));
            OptionalDouble v = metrics.statistic(d.namespace(), d.metricName(), d.dimensions(), d.statisticUsed(), start, d.period());
            OptionalDouble count = metrics.statistic(d.namespace(), d.metricName(), d.dimensions(), "SampleCount", start, d.period());
            points.add(new Point(start, v.isPresent() ? v.getAsDouble() : null, count.orElse(0)));
        }
        List<Point> present = points.stream().filter(p -> p.value() != null).toList();
        int missing = n - present.size();
        String treat = d.treatMissingData();
        String data = reasonData(d, points, now);
        if (present.isEmpty()) {
            return switch (treat) {
                case "ignore" -> Optional.empty();
                case "breaching" -> Optional.of(new Outcome("ALARM", "Threshold Crossed: no datapoints were received for " + n + periods(n)
                        + " and " + n + " missing " + datapoints(n) + " treated as [Breaching].", data));
                case "notBreaching" -> Optional.of(new Outcome("OK", "Threshold Crossed: no datapoints were received for " + n + periods(n)
                        + " and " + n + " missing " + datapoints(n) + " treated as [NonBreaching].", data));
                default -> Optional.of(new Outcome("INSUFFICIENT_DATA", "Insufficient Data: " + n + (n == 1 ? " datapoint was" : " datapoints were")
                        + " unknown.", data));
            };
        }
        List<Point> breaching = present.stream().filter(p -> d.breaches(p.value())).toList();
        List<Point> notBreaching = present.stream().filter(p -> !d.breaches(p.value())).toList();
        int missingBreaching = "breaching".equals(treat) ? missing : 0;
        int missingNotBreaching = "notBreaching".equals(treat) ? missing : 0;
        if (breaching.size() + missingBreaching >= m) {
            String reason = crossed(breaching.size() + missingBreaching, n, breaching, "", d) + treated(missingBreaching, "Breaching")
                    + (n > 1 ? " (minimum " + m + " " + (m == 1 ? "datapoint" : "datapoints") + " for OK -> ALARM transition)." : ".");
            return Optional.of(new Outcome("ALARM", reason, data));
        }
        if (notBreaching.isEmpty() && missingNotBreaching == 0) {
            return Optional.empty(); // too few datapoints to decide: the state stays
        }
        String reason = crossed(notBreaching.size() + missingNotBreaching, n, notBreaching, "not ", d) + treated(missingNotBreaching, "NonBreaching")
                + (n > 1 ? " (minimum 1 datapoint for ALARM -> OK transition)." : ".");
        return Optional.of(new Outcome("OK", reason, data));
    }

    /** "Threshold Crossed: 3 out of the last 3 datapoints [91.2 (06/12/26 14:03:00), ...] were greater than the threshold (80.0)". */
    private static String crossed(int count, int n, List<Point> shown, String not, AlarmDefinition d) {
        StringBuilder s = new StringBuilder("Threshold Crossed: ");
        s.append(n == 1 ? count + " datapoint" : count + " out of the last " + n + " datapoints");
        s.append(" [");
        for (int i = 0; i < shown.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(shown.get(i).value()).append(" (").append(REASON_TIME.format(shown.get(i).start())).append(')');
        }
        s.append("] ").append(count == 1 ? "was " : "were ").append(not).append(d.operatorWords()).append(" the threshold (")
                .append(d.threshold()).append(')');
        return s.toString();
    }

    private static String treated(int missing, String as) {
        return missing == 0 ? "" : " and " + missing + " missing " + datapoints(missing) + " treated as [" + as + "]";
    }

    private static String periods(int n) {
        return n == 1 ? " period" : " periods";
    }

    private static String datapoints(int n) {
        return n == 1 ? "datapoint was" : "datapoints were";
    }

    /** StateReasonData as AWS writes it: the query, the recent datapoints (oldest first) and those evaluated. */
    private static String reasonData(AlarmDefinition d, List<Point> points, Instant now) {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", "1.0");
        o.put("queryDate", DATA_TIME.format(now));
        o.put("startDate", DATA_TIME.format(points.get(points.size() - 1).start()));
        if (d.extendedStatistic() != null) {
            o.put("extendedStatistic", d.extendedStatistic());
        } else {
            o.put("statistic", d.statistic());
        }
        o.put("period", d.period());
        ArrayNode recent = o.putArray("recentDatapoints");
        for (int i = points.size() - 1; i >= 0; i--) {
            if (points.get(i).value() != null) {
                recent.add(points.get(i).value());
            }
        }
        o.put("threshold", d.threshold());
        ArrayNode evaluated = o.putArray("evaluatedDatapoints");
        for (Point p : points) {
            ObjectNode e = evaluated.addObject().put("timestamp", DATA_TIME.format(p.start()));
            if (p.value() != null) {
                e.put("sampleCount", p.sampleCount()).put("value", p.value());
            }
        }
        return o.toString();
    }
}
