package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.MetricPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's per-minute CPU and memory utilisation for the last {@link #CAPACITY} minutes, in a
 * compact ring (minute as int, percentages in hundredths as short: 8 bytes a point), allocated on
 * first use — the large scenario keeps one per service.
 */
final class MetricSeries {
    static final int CAPACITY = 180;
    private int[] minutes;
    private short[] cpu;
    private short[] memory;
    private int start;
    private int size;

    void add(long minute, double cpuPercent, double memoryPercent) {
        if (minutes == null) {
            minutes = new int[CAPACITY];
            cpu = new short[CAPACITY];
            memory = new short[CAPACITY];
        }
        int i;
        if (size == CAPACITY) {
            i = start;
            start = (start + 1) % CAPACITY;
        } else {
            i = (start + size) % CAPACITY;
            size++;
        }
        minutes[i] = (int) minute;
        cpu[i] = hundredths(cpuPercent);
        memory[i] = hundredths(memoryPercent);
    }

    private static short hundredths(double percent) {
        return (short) Math.round(Math.max(0, Math.min(100, percent)) * 100);
    }

    private double value(int i, boolean ofCpu) {
        return (ofCpu ? cpu[i] : memory[i]) / 100.0;
    }

    /** The last {@code n} datapoints of CPU (or memory), oldest first. */
    double[] last(int n, boolean ofCpu) {
        int k = Math.min(n, size);
        double[] out = new double[k];
        for (int j = 0; j < k; j++) {
            out[j] = value((start + size - k + j) % CAPACITY, ofCpu);
        }
        return out;
    }

    /** All datapoints, oldest first, as (minute, cpu, memory) triples: for saving. */
    double[][] export() {
        double[][] out = new double[size][];
        for (int j = 0; j < size; j++) {
            int i = (start + j) % CAPACITY;
            out[j] = new double[] {minutes[i], value(i, true), value(i, false)};
        }
        return out;
    }

    List<MetricPoint> since(long fromMinute, boolean ofCpu) {
        List<MetricPoint> out = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            int i = (start + j) % CAPACITY;
            if (minutes[i] >= fromMinute) {
                out.add(new MetricPoint(Instant.ofEpochSecond(minutes[i] * 60L), value(i, ofCpu)));
            }
        }
        return out;
    }
}
