package dev.ecsdeck.model;

/** A linear deployment: {@code stepPercent} more production traffic (default 10.0) every {@code stepBakeTimeInMinutes} (default 6). */
public record LinearConfiguration(Double stepPercent, Integer stepBakeTimeInMinutes) {
    public static final double DEFAULT_STEP_PERCENT = 10.0;
    public static final int DEFAULT_STEP_BAKE_MINUTES = 6;

    public double stepPercentOrDefault() {
        return stepPercent == null ? DEFAULT_STEP_PERCENT : stepPercent;
    }

    public int stepBakeMinutesOrDefault() {
        return stepBakeTimeInMinutes == null ? DEFAULT_STEP_BAKE_MINUTES : stepBakeTimeInMinutes;
    }
}
