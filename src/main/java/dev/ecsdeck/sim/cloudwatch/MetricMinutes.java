package dev.ecsdeck.sim.cloudwatch;

import java.util.Arrays;

/**
 * One metric's one-minute aggregates for its last {@code capacity} minutes, in a ring indexed by the
 * epoch minute. Compact while every minute holds one value that a float keeps exactly enough (what the
 * simulated services publish: 4 bytes a minute); it turns to full aggregates (count, sum, min, max as
 * doubles) at the first minute that gets a second value, a statistic set, or a value a float does not keep to its decimal digits.
 */
final class MetricMinutes {
    private final int capacity;
    /** The unit its values were last given in ("None" when none was given). */
    String unit = "None";
    /** The newest minute held; the ring holds (newest − capacity, newest]. */
    private long newest = Long.MIN_VALUE;
    /** Compact form: the minute's one value, NaN where none. Null once full. */
    private float[] single;
    /** Full form (null while compact). A count of 0 marks an empty minute. */
    private double[] count;
    private double[] sum;
    private double[] min;
    private double[] max;

    MetricMinutes(int capacity) {
        this.capacity = capacity;
        single = new float[capacity];
        Arrays.fill(single, Float.NaN);
    }

    long newestMinute() {
        return newest;
    }

    /** Adds values to a minute: {@code n} of them summing to {@code s}, least {@code lo}, greatest {@code hi}. Too old a minute is dropped. */
    void add(long minute, double n, double s, double lo, double hi) {
        if (newest != Long.MIN_VALUE && minute <= newest - capacity) {
            return;
        }
        if (minute > newest) {
            clearUpTo(minute);
        }
        int i = slot(minute);
        if (single != null) {
            if (n == 1 && Float.isNaN(single[i]) && decimal((float) s) == s) {
                single[i] = (float) s;
                return;
            }
            widen();
        }
        if (count[i] == 0) {
            count[i] = n;
            sum[i] = s;
            min[i] = lo;
            max[i] = hi;
        } else {
            count[i] += n;
            sum[i] += s;
            min[i] = Math.min(min[i], lo);
            max[i] = Math.max(max[i], hi);
        }
    }

    /** Empties the minutes between the newest held and {@code minute}, which becomes the newest. */
    private void clearUpTo(long minute) {
        long from = newest == Long.MIN_VALUE ? minute - capacity + 1 : Math.max(newest + 1, minute - capacity + 1);
        for (long m = from; m <= minute; m++) {
            int i = slot(m);
            if (single != null) {
                single[i] = Float.NaN;
            } else {
                count[i] = 0;
            }
        }
        newest = minute;
    }

    private void widen() {
        count = new double[capacity];
        sum = new double[capacity];
        min = new double[capacity];
        max = new double[capacity];
        for (int i = 0; i < capacity; i++) {
            if (!Float.isNaN(single[i])) {
                count[i] = 1;
                sum[i] = single[i];
                min[i] = single[i];
                max[i] = single[i];
            }
        }
        single = null;
    }

    /** The double a float stands for as decimal text (42.37f is 42.37, not 42.369998931884766). */
    private static double decimal(float f) {
        return Double.parseDouble(Float.toString(f));
    }

    private int slot(long minute) {
        return (int) Math.floorMod(minute, (long) capacity);
    }

    boolean holds(long minute) {
        if (newest == Long.MIN_VALUE || minute > newest || minute <= newest - capacity) {
            return false;
        }
        int i = slot(minute);
        return single != null ? !Float.isNaN(single[i]) : count[i] > 0;
    }

    /** The minute's aggregate as {count, sum, min, max}; only for a minute it {@link #holds}. */
    double[] at(long minute) {
        int i = slot(minute);
        if (single != null) {
            double v = decimal(single[i]);
            return new double[] {1, v, v, v};
        }
        return new double[] {count[i], sum[i], min[i], max[i]};
    }

    /** The oldest minute the ring can still hold. */
    long oldestMinute() {
        return newest - capacity + 1;
    }
}
