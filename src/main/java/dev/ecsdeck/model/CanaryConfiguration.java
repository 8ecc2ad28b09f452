package dev.ecsdeck.model;

/** A canary deployment: {@code canaryPercent} of production traffic (default 5.0) for {@code canaryBakeTimeInMinutes} (default 10), then the rest. */
public record CanaryConfiguration(Double canaryPercent, Integer canaryBakeTimeInMinutes) {
    public static final double DEFAULT_PERCENT = 5.0;
    public static final int DEFAULT_BAKE_MINUTES = 10;

    public double percentOrDefault() {
        return canaryPercent == null ? DEFAULT_PERCENT : canaryPercent;
    }

    public int bakeMinutesOrDefault() {
        return canaryBakeTimeInMinutes == null ? DEFAULT_BAKE_MINUTES : canaryBakeTimeInMinutes;
    }
}
