package dev.ecsdeck.provider.sim;

import dev.ecsdeck.model.MetricPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A service's per-minute CPU and memory utilisation for the last {@link #CAPACITY} minutes, in a ring. */
final class MetricSeries {
    static final int CAPACITY = 360;
    private final long[] minutes = new long[CAPACITY];
    private final float[] cpu = new float[CAPACITY];
    private final float[] memory = new float[CAPACITY];
    private int start;
    private int size;

    void add(long minute, double cpuPercent, double memoryPercent) {
        int i = (start + size) % CAPACITY;
        if (size == CAPACITY) {
            i = start;
            start = (start + 1) % CAPACITY;
        } else {
            size++;
        }
        minutes[i] = minute;
        cpu[i] = (float) cpuPercent;
        memory[i] = (float) memoryPercent;
    }

    /** The last {@code n} datapoints of CPU (or memory), oldest first. */
    double[] last(int n, boolean ofCpu) {
        int k = Math.min(n, size);
        double[] out = new double[k];
        for (int j = 0; j < k; j++) {
            int i = (start + size - k + j) % CAPACITY;
            out[j] = ofCpu ? cpu[i] : memory[i];
        }
        return out;
    }

    /** All datapoints, oldest first, as (minute, cpu, memory) triples: for saving. */
    double[][] export() {
        double[][] out = new double[size][];
        for (int j = 0; j < size; j++) {
            int i = (start + j) % CAPACITY;
            out[j] = new double[] {minutes[i], cpu[i], memory[i]};
        }
        return out;
    }

    List<MetricPoint> since(long fromMinute, boolean ofCpu) {
        List<MetricPoint> out = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            int i = (start + j) % CAPACITY;
            if (minutes[i] >= fromMinute) {
                out.add(new MetricPoint(Instant.ofEpochSecond(minutes[i] * 60), ofCpu ? cpu[i] : memory[i]));
            }
        }
        return out;
    }
}
