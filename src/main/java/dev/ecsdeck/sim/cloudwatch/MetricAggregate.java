package dev.ecsdeck.sim.cloudwatch;

import java.time.Instant;
import java.util.OptionalDouble;

/** The values of one period of a metric: how many, their sum, least and greatest; the period starts at {@code timestamp}. */
public record MetricAggregate(Instant timestamp, double sampleCount, double sum, double minimum, double maximum) {
    /** The statistics the simulator keeps; percentiles (pNN) and the other extended statistics need every value, which it does not keep. */
    public static final java.util.List<String> STATISTICS = java.util.List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");

    public static boolean known(String statistic) {
        return STATISTICS.contains(statistic);
    }

    /** One of {@link #STATISTICS}; empty for any other name. */
    public OptionalDouble statistic(String name) {
        return switch (name) {
            case "SampleCount" -> OptionalDouble.of(sampleCount);
            case "Average" -> OptionalDouble.of(sum / sampleCount);
            case "Sum" -> OptionalDouble.of(sum);
            case "Minimum" -> OptionalDouble.of(minimum);
            case "Maximum" -> OptionalDouble.of(maximum);
            default -> OptionalDouble.empty();
        };
    }
}
