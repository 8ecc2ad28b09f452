package dev.ecsdeck.sim.cloudwatch;

import dev.ecsdeck.model.MetricPoint;
import dev.ecsdeck.sim.SimEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * CloudWatch metrics on the simulator's clock: what ECS, Container Insights and the load balancers
 * publish ({@link PublishedMetrics}), and PutMetricData; read by GetMetricData, GetMetricStatistics and
 * ListMetrics, by the alarms, by Application Auto Scaling and by the simulator's provider — the one
 * record of the simulated services' utilisation. Values are kept as one-minute aggregates (count, sum,
 * minimum, maximum) in a {@link MetricStore}, so percentiles cannot be computed.
 */
public final class MetricApi {
    /** What ListMetrics' RecentlyActive=PT3H means. */
    public static final Duration RECENTLY_ACTIVE = Duration.ofHours(3);

    private final SimEngine engine;
    private final MetricStore store = new MetricStore();
    private final PublishedMetrics published;

    /** One metric's minutes for the state file: each as {epochMinute, sampleCount, sum, minimum, maximum}, or {epochMinute, value} for one value. */
    public record SeriesState(String namespace, String metricName, Map<String, String> dimensions, String unit, List<double[]> minutes) {}

    /** All metrics, for the state file. */
    public record State(List<SeriesState> series) {}

    public MetricApi(SimEngine engine) {
        this.engine = engine;
        this.published = new PublishedMetrics(engine, store);
    }

    /** Records one value (PutMetricData's, or a simulated service's). */
    public void put(String namespace, String metricName, Map<String, String> dimensions, Instant timestamp, double value) {
        putStatistics(namespace, metricName, dimensions, null, timestamp, 1, value, value, value);
    }

    /** Records a statistic set (PutMetricData's StatisticValues, or Values with Counts): {@code sampleCount} values summing to {@code sum}. */
    public void putStatistics(String namespace, String metricName, Map<String, String> dimensions, String unit, Instant timestamp,
            double sampleCount, double sum, double minimum, double maximum) {
        synchronized (engine) {
            engine.advance();
            store.add(new MetricKey(namespace, metricName, dimensions), unit, timestamp, sampleCount, sum, minimum, maximum);
        }
    }

    /**
     * The statistic (Average, Sum, Minimum, Maximum, SampleCount) of the values of exactly these dimensions
     * with timestamps in [start, start + periodSeconds), counted by whole minutes; empty when there are none.
     */
    public OptionalDouble statistic(String namespace, String metricName, Map<String, String> dimensions, String statistic, Instant start,
            int periodSeconds) {
        synchronized (engine) {
            engine.advance();
            int period = Math.max(60, periodSeconds - periodSeconds % 60);
            List<MetricAggregate> a = store.aggregates(new MetricKey(namespace, metricName, dimensions), start, start.plusSeconds(periodSeconds),
                    period);
            return a.isEmpty() ? OptionalDouble.empty() : a.get(0).statistic(statistic);
        }
    }

    /** The aggregates of each period with values (periodSeconds a multiple of 60), oldest first: see {@link MetricStore#aggregates}. */
    public List<MetricAggregate> aggregates(MetricKey metric, Instant start, Instant end, int periodSeconds) {
        synchronized (engine) {
            engine.advance();
            return store.aggregates(metric, start, end, periodSeconds);
        }
    }

    /** The unit of a metric's values ("None" when none was given); null for a metric CloudWatch has no values of. */
    public String unitOf(MetricKey metric) {
        synchronized (engine) {
            engine.advance();
            return store.unitOf(metric);
        }
    }

    /** Now, on the simulation's clock (caught up). */
    public Instant now() {
        synchronized (engine) {
            engine.advance();
            return engine.now();
        }
    }

    /** The metrics with values, optionally only those with a value in the last {@link #RECENTLY_ACTIVE}; in namespace, name, dimensions order. */
    public List<MetricKey> metrics(boolean recentlyActiveOnly) {
        synchronized (engine) {
            engine.advance();
            long since = MetricStore.minuteOf(engine.now().minus(RECENTLY_ACTIVE));
            List<MetricKey> out = new ArrayList<>();
            store.newestMinutes().forEach((k, newest) -> {
                if (!recentlyActiveOnly || newest >= since) {
                    out.add(k);
                }
            });
            out.sort(Comparator.comparing(MetricKey::namespace).thenComparing(MetricKey::metricName)
                    .thenComparing(k -> k.sortedDimensions().toString()));
            return out;
        }
    }

    /**
     * A service's per-minute average CPU (or memory) utilisation ({@code AWS/ECS} by ClusterName and
     * ServiceName) from the minute holding {@code since}, oldest first: what GetMetricData answers for the
     * Average at a period of 60.
     */
    public List<MetricPoint> serviceUtilisation(String cluster, String service, boolean cpu, Instant since) {
        return serviceUtilisation(cluster, service, cpu, since, 60);
    }

    /** As above, the Average over each period of {@code periodSeconds} (a multiple of 60) from the minute holding {@code since}. */
    public List<MetricPoint> serviceUtilisation(String cluster, String service, boolean cpu, Instant since, int periodSeconds) {
        return serviceSeries(PublishedMetrics.ECS, cpu ? "CPUUtilization" : "MemoryUtilization", cluster, service, since, periodSeconds);
    }

    /** A service's per-minute Container Insights figure ({@code ECS/ContainerInsights}, e.g. RunningTaskCount) from {@code since}, oldest first. */
    public List<MetricPoint> serviceInsights(String metricName, String cluster, String service, Instant since) {
        return serviceSeries(PublishedMetrics.INSIGHTS, metricName, cluster, service, since, 60);
    }

    private List<MetricPoint> serviceSeries(String namespace, String metricName, String cluster, String service, Instant since, int period) {
        synchronized (engine) {
            engine.advance();
            List<MetricPoint> out = new ArrayList<>();
            MetricKey key = PublishedMetrics.serviceMetric(namespace, metricName, cluster, service);
            for (MetricAggregate a : store.aggregates(key, since, engine.now().plusSeconds(60), period)) {
                out.add(new MetricPoint(a.timestamp(), a.sum() / a.sampleCount()));
            }
            return out;
        }
    }

    /**
     * The last {@code n} per-minute averages of a service's CPU (or memory) utilisation, oldest first (for
     * Application Auto Scaling, which calls it under the engine's lock while the engine steps).
     */
    public double[] recentServiceUtilisation(String cluster, String service, boolean cpu, int n) {
        synchronized (engine) {
            MetricKey key = PublishedMetrics.serviceMetric(PublishedMetrics.ECS, cpu ? "CPUUtilization" : "MemoryUtilization", cluster, service);
            return store.recentAverages(key, MetricStore.minuteOf(engine.now()) + 1, n);
        }
    }

    /** The metrics for the state file. */
    public State snapshot() {
        synchronized (engine) {
            return new State(store.export());
        }
    }

    /** Puts back saved metrics (none when {@code saved} is null: a state file from before metrics were saved). */
    public void restore(State saved) {
        synchronized (engine) {
            store.clear();
            if (saved == null) {
                return;
            }
            for (SeriesState s : saved.series()) {
                MetricKey key = new MetricKey(s.namespace(), s.metricName(), s.dimensions());
                for (double[] m : s.minutes()) {
                    Instant at = Instant.ofEpochSecond((long) m[0] * 60);
                    if (m.length == 2) {
                        store.add(key, s.unit(), at, 1, m[1], m[1], m[1]);
                    } else {
                        store.add(key, s.unit(), at, m[1], m[2], m[3], m[4]);
                    }
                }
            }
        }
    }

    /**
     * Gives the services a steady past: the minutes in [from, to) as they would have been published had every
     * active service run at its desired count (how a scenario starts with history, without simulating it).
     */
    public void publishSteadyHistory(Instant from, Instant to) {
        synchronized (engine) {
            published.publishSteadyHistory(from, to);
        }
    }

    /** One simulated second (under the engine's lock): the simulated services publish the minute that just ended. */
    public void step(Instant now) {
        published.step(now);
    }
}
