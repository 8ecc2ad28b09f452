package dev.ecsdeck.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Prints benchmark figures, one line each: {@code BENCH <name> <value> <unit>}. */
public final class Bench {
    private Bench() {}

    public static void print(String name, double value, String unit) {
        String v = value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
        System.out.println("BENCH " + name + " " + v + " " + unit);
        System.out.flush();
    }

    public static double median(List<? extends Number> samples) {
        List<Double> sorted = new ArrayList<>();
        samples.forEach(n -> sorted.add(n.doubleValue()));
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
