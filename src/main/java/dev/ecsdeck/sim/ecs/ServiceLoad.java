package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.sim.logs.SimLogs;
import java.util.ArrayList;
import java.util.List;

/**
 * How much work a service has, as a curve over time: at factor 1 its tasks run at {@code cpuPercent}
 * average CPU when {@code baseTasks} of them share the work. More tasks share the same work (lower
 * utilisation); a load step multiplies it. Memory follows CPU partly, as in most services.
 */
final class ServiceLoad {
    /** A change of the load factor at a simulated time (epoch ms). */
    record Step(long atMillis, double factor) {}

    final double cpuPercent;
    final double memoryPercent;
    final int baseTasks;
    final long seed;
    private final List<Step> steps = new ArrayList<>();

    ServiceLoad(double cpuPercent, double memoryPercent, int baseTasks, long seed) {
        this.cpuPercent = cpuPercent;
        this.memoryPercent = memoryPercent;
        this.baseTasks = Math.max(1, baseTasks);
        this.seed = seed;
    }

    /** From {@code atMillis} on, the work is {@code factor} times the base. */
    void setFactor(long atMillis, double factor) {
        steps.removeIf(s -> s.atMillis() >= atMillis);
        steps.add(new Step(atMillis, factor));
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    double factorAt(long millis) {
        double f = 1.0;
        for (Step s : steps) {
            if (s.atMillis() <= millis) {
                f = s.factor();
            }
        }
        return f;
    }

    /** Average CPU utilisation (%) of {@code running} tasks at this minute, with a little seeded noise. */
    double cpuUtilisation(long minute, int running) {
        if (running <= 0) {
            return 0;
        }
        double work = cpuPercent * baseTasks * factorAt(minute * 60_000);
        return clamp(work / running + noise(minute, 1) * 3.0);
    }

    double memoryUtilisation(long minute, int running) {
        if (running <= 0) {
            return 0;
        }
        return clamp(memoryPercent + 0.25 * (cpuUtilisation(minute, running) - cpuPercent) + noise(minute, 2) * 1.5);
    }

    private double noise(long minute, int salt) {
        long h = SimLogs.mix(seed + salt, minute);
        return ((h >>> 11) / (double) (1L << 53)) * 2 - 1;
    }

    private static double clamp(double v) {
        return Math.max(0.5, Math.min(100, v));
    }
}
