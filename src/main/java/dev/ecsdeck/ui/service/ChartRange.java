package dev.ecsdeck.ui.service;

import java.time.Duration;

/**
 * How far back the service's charts go, and the period CPU and memory are averaged over: one
 * minute up to six hours, coarser beyond, so a chart has at most 360 points. CloudWatch keeps
 * one-minute figures for 15 days, so every range is there to read.
 */
public enum ChartRange {
    HOUR("1 h", Duration.ofHours(1), Duration.ofMinutes(1)),
    THREE_HOURS("3 h", Duration.ofHours(3), Duration.ofMinutes(1)),
    SIX_HOURS("6 h", Duration.ofHours(6), Duration.ofMinutes(1)),
    TWELVE_HOURS("12 h", Duration.ofHours(12), Duration.ofMinutes(5)),
    DAY("1 d", Duration.ofDays(1), Duration.ofMinutes(5)),
    THREE_DAYS("3 d", Duration.ofDays(3), Duration.ofMinutes(15));

    /** The range the charts open with. */
    public static final ChartRange DEFAULT = THREE_HOURS;

    private final String label;
    private final Duration span;
    private final Duration period;

    ChartRange(String label, Duration span, Duration period) {
        this.label = label;
        this.span = span;
        this.period = period;
    }

    /** "3 h": the picker's button. */
    public String label() {
        return label;
    }

    public Duration span() {
        return span;
    }

    /** GetMetricData's Period for this range. */
    public Duration period() {
        return period;
    }

    /** "per minute", "per 5 minutes". */
    public String periodInWords() {
        long minutes = period.toMinutes();
        return minutes == 1 ? "per minute" : "per " + minutes + " minutes";
    }
}
