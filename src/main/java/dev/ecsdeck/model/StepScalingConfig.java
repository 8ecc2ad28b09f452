package dev.ecsdeck.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A step-scaling policy's configuration. {@code adjustmentType} is ChangeInCapacity,
 * PercentChangeInCapacity or ExactCapacity; each step's bounds are relative to the alarm's
 * threshold (null is minus / plus infinity); {@code cooldown} is in seconds, null for the default.
 */
public record StepScalingConfig(
        String adjustmentType,
        List<Step> stepAdjustments,
        Integer cooldown,
        String metricAggregationType,
        Integer minAdjustmentMagnitude) {

    public static final String CHANGE_IN_CAPACITY = "ChangeInCapacity";
    public static final String PERCENT_CHANGE_IN_CAPACITY = "PercentChangeInCapacity";
    public static final String EXACT_CAPACITY = "ExactCapacity";

    /** One step: from {@code lowerBound} to {@code upperBound} past the threshold, scale by {@code scalingAdjustment}. */
    public record Step(Double lowerBound, Double upperBound, int scalingAdjustment) {}

    public StepScalingConfig {
        stepAdjustments = Lists.copy(stepAdjustments);
    }

    /**
     * One line for a table cell, e.g. "ChangeInCapacity: +1 when 0–10 above the alarm, +3 above 10;
     * cooldown 120 s".
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (Step s : stepAdjustments) {
            parts.add(step(s));
        }
        StringBuilder sb = new StringBuilder(adjustmentType == null ? "StepScaling" : adjustmentType).append(": ");
        sb.append(parts.isEmpty() ? "no steps" : String.join(", ", parts));
        if (minAdjustmentMagnitude != null) {
            sb.append("; by at least ").append(minAdjustmentMagnitude);
        }
        if (cooldown != null) {
            sb.append("; cooldown ").append(cooldown).append(" s");
        }
        return sb.toString();
    }

    private String step(Step s) {
        String amount = amount(s.scalingAdjustment());
        Double lo = s.lowerBound();
        Double hi = s.upperBound();
        if (lo != null && hi != null) {
            if (lo >= 0) {
                return amount + " when " + number(lo) + "–" + number(hi) + " above the alarm";
            }
            if (hi <= 0) {
                return amount + " when " + number(-hi) + "–" + number(-lo) + " below the alarm";
            }
            return amount + " when " + number(lo) + " to " + number(hi) + " around the alarm";
        }
        if (lo != null) {
            return lo == 0 ? amount + " above the alarm" : amount + " above " + number(lo);
        }
        if (hi != null) {
            return hi == 0 ? amount + " below the alarm" : amount + " below " + number(hi);
        }
        return amount + " whenever the alarm fires";
    }

    private String amount(int adjustment) {
        if (EXACT_CAPACITY.equals(adjustmentType)) {
            return "set to " + adjustment;
        }
        String signed = (adjustment > 0 ? "+" : "") + adjustment;
        return PERCENT_CHANGE_IN_CAPACITY.equals(adjustmentType) ? signed + "%" : signed;
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
