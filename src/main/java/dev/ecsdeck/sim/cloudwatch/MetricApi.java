package dev.ecsdeck.sim.cloudwatch;

import dev.ecsdeck.sim.SimEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * CloudWatch metrics on the simulator's clock: what ECS, Container Insights and the load balancers
 * publish, and PutMetricData; read by GetMetricData, GetMetricStatistics and ListMetrics, and by the
 * alarms. (Skeleton: a plain list of datapoints, to be replaced by the metric store.)
 */
public final class MetricApi {
    private final SimEngine engine;
    private final List<Datapoint> datapoints = new ArrayList<>();

    private record Datapoint(String namespace, String metricName, Map<String, String> dimensions, Instant timestamp, double value) {}

    public MetricApi(SimEngine engine) {
        this.engine = engine;
    }

    /** Records one value (PutMetricData's, or a simulated service's). */
    public void put(String namespace, String metricName, Map<String, String> dimensions, Instant timestamp, double value) {
        synchronized (engine) {
            datapoints.add(new Datapoint(namespace, metricName, Map.copyOf(dimensions), timestamp, value));
        }
    }

    /**
     * The statistic (Average, Sum, Minimum, Maximum, SampleCount) of the values of exactly these dimensions
     * with timestamps in [start, start + periodSeconds); empty when there are none.
     */
    public OptionalDouble statistic(String namespace, String metricName, Map<String, String> dimensions, String statistic, Instant start,
            int periodSeconds) {
        synchronized (engine) {
            Instant end = start.plusSeconds(periodSeconds);
            double[] values = datapoints.stream()
                    .filter(d -> d.namespace.equals(namespace) && d.metricName.equals(metricName) && d.dimensions.equals(dimensions))
                    .filter(d -> !d.timestamp.isBefore(start) && d.timestamp.isBefore(end))
                    .mapToDouble(Datapoint::value).toArray();
            if (values.length == 0) {
                return OptionalDouble.empty();
            }
            java.util.DoubleSummaryStatistics s = java.util.Arrays.stream(values).summaryStatistics();
            return switch (statistic) {
                case "Sum" -> OptionalDouble.of(s.getSum());
                case "Minimum" -> OptionalDouble.of(s.getMin());
                case "Maximum" -> OptionalDouble.of(s.getMax());
                case "SampleCount" -> OptionalDouble.of(s.getCount());
                default -> OptionalDouble.of(s.getAverage());
            };
        }
    }

    /** One simulated second (under the engine's lock): the simulated services publish their minute's values. */
    public void step(Instant now) {}
}
