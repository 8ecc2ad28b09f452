package dev.ecsdeck.sim.elb;

import java.util.ArrayList;
import java.util.List;

/**
 * A target group's requests per minute for the last {@link #MINUTES} minutes: the RequestCount sum and
 * the requests each serving target received on average (ALBRequestCountPerTarget). A ring of slots,
 * each stamped with its epoch minute, so old minutes fall away without work.
 */
final class RequestHistory {
    static final int MINUTES = 180;

    private final long[] minute = new long[MINUTES];
    private final double[] count = new double[MINUTES];
    private final double[] perTarget = new double[MINUTES];

    RequestHistory() {
        java.util.Arrays.fill(minute, Long.MIN_VALUE);
    }

    void add(long epochMinute, double requests, double requestsPerTarget) {
        int i = slot(epochMinute);
        if (minute[i] != epochMinute) {
            minute[i] = epochMinute;
            count[i] = 0;
            perTarget[i] = 0;
        }
        count[i] += requests;
        perTarget[i] += requestsPerTarget;
    }

    double count(long epochMinute) {
        int i = slot(epochMinute);
        return minute[i] == epochMinute ? count[i] : 0;
    }

    double perTarget(long epochMinute) {
        int i = slot(epochMinute);
        return minute[i] == epochMinute ? perTarget[i] : 0;
    }

    List<ElbSnapshot.MinuteCount> snapshot() {
        List<ElbSnapshot.MinuteCount> out = new ArrayList<>();
        for (int i = 0; i < MINUTES; i++) {
            if (minute[i] != Long.MIN_VALUE) {
                out.add(new ElbSnapshot.MinuteCount(minute[i], count[i], perTarget[i]));
            }
        }
        out.sort(java.util.Comparator.comparingLong(ElbSnapshot.MinuteCount::epochMinute));
        return out;
    }

    void restore(List<ElbSnapshot.MinuteCount> saved) {
        for (ElbSnapshot.MinuteCount m : saved) {
            int i = slot(m.epochMinute());
            minute[i] = m.epochMinute();
            count[i] = m.requests();
            perTarget[i] = m.requestsPerTarget();
        }
    }

    private static int slot(long epochMinute) {
        return (int) Math.floorMod(epochMinute, (long) MINUTES);
    }
}
