package dev.ecsdeck.sim.autoscaling;

import dev.ecsdeck.model.StepScalingConfig;
import dev.ecsdeck.model.StepScalingConfig.Step;
import dev.ecsdeck.sim.SimApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Application Auto Scaling's checks of a StepScalingPolicyConfiguration: an adjustment type, at least
 * one step, each step's upper bound above its lower bound, no overlaps nor gaps between steps, at
 * most one step open downwards and one open upwards, no negative ExactCapacity, and
 * MinAdjustmentMagnitude only with PercentChangeInCapacity.
 */
final class StepScalingRules {
    private static final Set<String> ADJUSTMENT_TYPES = Set.of(StepScalingConfig.CHANGE_IN_CAPACITY,
            StepScalingConfig.PERCENT_CHANGE_IN_CAPACITY, StepScalingConfig.EXACT_CAPACITY);
    private static final Set<String> AGGREGATIONS = Set.of("Average", "Minimum", "Maximum");

    private StepScalingRules() {}

    static void check(StepScalingConfig c) {
        if (c == null || c.adjustmentType() == null) {
            throw invalid("AdjustmentType is required if you are adding a new step scaling policy configuration.");
        }
        if (!ADJUSTMENT_TYPES.contains(c.adjustmentType())) {
            throw invalid("AdjustmentType must be one of " + ADJUSTMENT_TYPES.stream().sorted().toList() + ", not " + c.adjustmentType() + ".");
        }
        if (c.metricAggregationType() != null && !AGGREGATIONS.contains(c.metricAggregationType())) {
            throw invalid("MetricAggregationType must be Average, Minimum or Maximum, not " + c.metricAggregationType() + ".");
        }
        if (c.cooldown() != null && c.cooldown() < 0) {
            throw invalid("Cooldown must be 0 or more seconds.");
        }
        if (c.minAdjustmentMagnitude() != null
                && (c.minAdjustmentMagnitude() < 1 || !StepScalingConfig.PERCENT_CHANGE_IN_CAPACITY.equals(c.adjustmentType()))) {
            throw invalid("MinAdjustmentMagnitude (1 or more) is only for AdjustmentType PercentChangeInCapacity.");
        }
        if (c.stepAdjustments().isEmpty()) {
            throw invalid("At least one step adjustment is required if you are adding a new step scaling policy configuration.");
        }
        List<Step> steps = new ArrayList<>(c.stepAdjustments());
        for (Step s : steps) {
            if (s.lowerBound() != null && s.upperBound() != null && s.upperBound() <= s.lowerBound()) {
                throw invalid("The upper bound of a step adjustment must be greater than its lower bound: " + s + ".");
            }
            if (StepScalingConfig.EXACT_CAPACITY.equals(c.adjustmentType()) && s.scalingAdjustment() < 0) {
                throw invalid("ScalingAdjustment cannot be negative with AdjustmentType ExactCapacity.");
            }
        }
        steps.sort(Comparator.comparing(Step::lowerBound, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (int i = 1; i < steps.size(); i++) {
            Double previousUpper = steps.get(i - 1).upperBound();
            Double lower = steps.get(i).lowerBound();
            if (previousUpper == null || lower == null) {
                throw invalid("Only one step adjustment can have an unbounded lower bound, and only one an unbounded upper bound.");
            }
            if (!previousUpper.equals(lower)) {
                throw invalid("The step adjustments' intervals must not overlap nor leave a gap: " + previousUpper + " is followed by "
                        + lower + ".");
            }
        }
    }

    private static SimApiException invalid(String message) {
        return new SimApiException("ValidationException", message);
    }
}
