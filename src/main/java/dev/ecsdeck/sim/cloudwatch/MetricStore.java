package dev.ecsdeck.sim.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every metric's one-minute aggregates. A metric keeps {@link #LONG_MINUTES} (24 hours) while the store
 * holds few metrics, {@link #SHORT_MINUTES} (a little over 3 hours, what the console's charts show) once it
 * holds many (the large scenario's thousands of services): the retention is chosen when a metric first
 * gets a value. Not thread-safe: {@link MetricApi} calls it under the engine's lock.
 */
final class MetricStore {
    static final int LONG_MINUTES = 24 * 60;
    static final int SHORT_MINUTES = 3 * 60 + 10;
    static final int FEW_METRICS = 400;

    private final Map<MetricKey, MetricMinutes> metrics = new HashMap<>();

    /** Adds to the minute of {@code timestamp} {@code n} values summing to {@code sum}, least {@code min}, greatest {@code max}. */
    void add(MetricKey key, String unit, Instant timestamp, double n, double sum, double min, double max) {
        MetricMinutes m = metrics.computeIfAbsent(key, k -> new MetricMinutes(metrics.size() < FEW_METRICS ? LONG_MINUTES : SHORT_MINUTES));
        if (unit != null) {
            m.unit = unit;
        }
        m.add(minuteOf(timestamp), n, sum, min, max);
    }

    static long minuteOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 60L);
    }

    /**
     * The aggregates of each period of {@code periodSeconds} (a multiple of 60) that has values, oldest first.
     * Periods start at {@code start} rounded down to its minute, then every period after; minutes up to
     * {@code end} (exclusive) count.
     */
    List<MetricAggregate> aggregates(MetricKey key, Instant start, Instant end, int periodSeconds) {
        List<MetricAggregate> out = new ArrayList<>();
        MetricMinutes m = metrics.get(key);
        if (m == null || m.newestMinute() == Long.MIN_VALUE) {
            return out;
        }
        long periodMinutes = Math.max(1, periodSeconds / 60);
        long origin = minuteOf(start);
        long from = Math.max(origin, m.oldestMinute());
        long to = Math.min(Math.floorDiv(end.getEpochSecond() - 1, 60L), m.newestMinute());
        long bucket = Long.MIN_VALUE;
        double n = 0;
        double sum = 0;
        double lo = 0;
        double hi = 0;
        for (long minute = from; minute <= to; minute++) {
            if (!m.holds(minute)) {
                continue;
            }
            long b = Math.floorDiv(minute - origin, periodMinutes);
            if (b != bucket && n > 0) {
                out.add(new MetricAggregate(Instant.ofEpochSecond((origin + bucket * periodMinutes) * 60), n, sum, lo, hi));
                n = 0;
                sum = 0;
            }
            bucket = b;
            double[] a = m.at(minute);
            if (n == 0) {
                lo = a[2];
                hi = a[3];
            } else {
                lo = Math.min(lo, a[2]);
                hi = Math.max(hi, a[3]);
            }
            n += a[0];
            sum += a[1];
        }
        if (n > 0) {
            out.add(new MetricAggregate(Instant.ofEpochSecond((origin + bucket * periodMinutes) * 60), n, sum, lo, hi));
        }
        return out;
    }

    /** The averages of the last {@code n} minutes with values before {@code beforeMinute}, oldest first (fewer if there are fewer). */
    double[] recentAverages(MetricKey key, long beforeMinute, int n) {
        MetricMinutes m = metrics.get(key);
        if (m == null || m.newestMinute() == Long.MIN_VALUE) {
            return new double[0];
        }
        double[] found = new double[n];
        int k = 0;
        for (long minute = Math.min(beforeMinute - 1, m.newestMinute()); minute >= m.oldestMinute() && k < n; minute--) {
            if (m.holds(minute)) {
                double[] a = m.at(minute);
                found[k++] = a[1] / a[0];
            }
        }
        double[] out = new double[k];
        for (int j = 0; j < k; j++) {
            out[j] = found[k - 1 - j];
        }
        return out;
    }

    /** The unit of the metric's values ("None" when none was given), or null for a metric without values. */
    String unitOf(MetricKey key) {
        MetricMinutes m = metrics.get(key);
        return m == null ? null : m.unit;
    }

    /** Each metric with the newest minute it has values for. */
    Map<MetricKey, Long> newestMinutes() {
        Map<MetricKey, Long> out = new HashMap<>();
        metrics.forEach((k, m) -> {
            if (m.newestMinute() != Long.MIN_VALUE) {
                out.put(k, m.newestMinute());
            }
        });
        return out;
    }

    /** Every minute of every metric, for the state file. */
    List<MetricApi.SeriesState> export() {
        List<MetricApi.SeriesState> out = new ArrayList<>();
        metrics.forEach((k, m) -> {
            List<double[]> minutes = new ArrayList<>();
            if (m.newestMinute() != Long.MIN_VALUE) {
                for (long minute = m.oldestMinute(); minute <= m.newestMinute(); minute++) {
                    if (m.holds(minute)) {
                        double[] a = m.at(minute);
                        boolean single = a[0] == 1 && a[2] == a[1] && a[3] == a[1];
                        minutes.add(single ? new double[] {minute, a[1]} : new double[] {minute, a[0], a[1], a[2], a[3]});
                    }
                }
            }
            out.add(new MetricApi.SeriesState(k.namespace(), k.metricName(), k.sortedDimensions(), m.unit, minutes));
        });
        out.sort(java.util.Comparator.comparing(MetricApi.SeriesState::namespace).thenComparing(MetricApi.SeriesState::metricName)
                .thenComparing(s -> s.dimensions().toString()));
        return out;
    }

    void clear() {
        metrics.clear();
    }
}
