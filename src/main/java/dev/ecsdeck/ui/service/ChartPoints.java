package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.MetricPoint;
import dev.ecsdeck.model.TaskCountHistory;
import dev.ecsdeck.ui.service.ServiceChartsViewModel.CountSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.collections.ObservableList;

/** The charts' arithmetic on points: averaging over a period, task-count history as samples, following a fresh read in place. */
final class ChartPoints {
    private ChartPoints() {}

    /**
     * {@code points} (oldest first) averaged over {@code period}, each at the start of its period, as
     * GetMetricData answers (for a backend that returned finer points than asked).
     */
    static List<MetricPoint> averaged(List<MetricPoint> points, Duration period) {
        long seconds = Math.max(1, period.getSeconds());
        List<MetricPoint> out = new ArrayList<>();
        long bucket = Long.MIN_VALUE;
        double sum = 0;
        int n = 0;
        for (MetricPoint p : points) {
            long b = Math.floorDiv(p.time().getEpochSecond(), seconds) * seconds;
            if (b != bucket && n > 0) {
                out.add(new MetricPoint(Instant.ofEpochSecond(bucket), sum / n));
                sum = 0;
                n = 0;
            }
            bucket = b;
            sum += p.value();
            n++;
        }
        if (n > 0) {
            out.add(new MetricPoint(Instant.ofEpochSecond(bucket), sum / n));
        }
        return out;
    }

    /**
     * Container Insights' desired, running and pending counts as samples, oldest first, those before
     * {@code before} only (the live samples are more precise from there on). A count missing at a time
     * the others have keeps its value before (0 at the start): Container Insights leaves out empty minutes.
     */
    static List<CountSample> samples(TaskCountHistory history, Instant before) {
        TreeMap<Instant, int[]> rows = new TreeMap<>();
        List<List<MetricPoint>> series = List.of(history.desired(), history.running(), history.pending());
        for (int k = 0; k < series.size(); k++) {
            for (MetricPoint p : series.get(k)) {
                if (before == null || p.time().isBefore(before)) {
                    rows.computeIfAbsent(p.time(), t -> new int[] {-1, -1, -1})[k] = (int) Math.round(p.value());
                }
            }
        }
        List<CountSample> out = new ArrayList<>();
        int[] last = {0, 0, 0};
        for (Map.Entry<Instant, int[]> row : rows.entrySet()) {
            for (int k = 0; k < 3; k++) {
                if (row.getValue()[k] >= 0) {
                    last[k] = row.getValue()[k];
                }
            }
            out.add(new CountSample(row.getKey(), last[0], last[1], last[2]));
        }
        return out;
    }

    /** Makes {@code target} equal to {@code fresh} (both oldest first), leaving points that did not change in place. */
    static void merge(ObservableList<MetricPoint> target, List<MetricPoint> fresh) {
        int i = 0;
        int j = 0;
        while (j < fresh.size()) {
            MetricPoint f = fresh.get(j);
            if (i >= target.size()) {
                target.addAll(fresh.subList(j, fresh.size()));
                return;
            }
            MetricPoint t = target.get(i);
            int order = t.time().compareTo(f.time());
            if (order < 0) {
                target.remove(i); // no longer returned
            } else if (order > 0) {
                target.add(i++, f);
                j++;
            } else {
                if (!t.equals(f)) {
                    target.set(i, f);
                }
                i++;
                j++;
            }
        }
        if (i < target.size()) {
            target.remove(i, target.size());
        }
    }
}
