package dev.ecsdeck.sim.cloudwatch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What PutMetricAlarm says of a single-metric alarm: the metric it watches (namespace, name, dimensions in
 * the order given), the statistic (or extended statistic, e.g. p99) over {@code period} seconds, and when it
 * fires: {@code comparisonOperator} {@code threshold} in {@code datapointsToAlarm} of the last
 * {@code evaluationPeriods} periods, missing data treated as {@code treatMissingData}.
 */
public record AlarmDefinition(
        String alarmName,
        String alarmDescription,
        boolean actionsEnabled,
        List<String> okActions,
        List<String> alarmActions,
        List<String> insufficientDataActions,
        String namespace,
        String metricName,
        Map<String, String> dimensions,
        String statistic,
        String extendedStatistic,
        int period,
        String unit,
        int evaluationPeriods,
        int datapointsToAlarm,
        double threshold,
        String comparisonOperator,
        String treatMissingData) {

    public static final List<String> OPERATORS = List.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold",
            "LessThanOrEqualToThreshold");
    public static final List<String> MISSING_DATA = List.of("missing", "ignore", "breaching", "notBreaching");

    public AlarmDefinition {
        okActions = okActions == null ? List.of() : List.copyOf(okActions);
        alarmActions = alarmActions == null ? List.of() : List.copyOf(alarmActions);
        insufficientDataActions = insufficientDataActions == null ? List.of() : List.copyOf(insufficientDataActions);
        dimensions = dimensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        treatMissingData = treatMissingData == null ? "missing" : treatMissingData;
    }

    /** The statistic the datapoints are computed with: the extended one (a percentile) when given. */
    public String statisticUsed() {
        return extendedStatistic != null ? extendedStatistic : statistic;
    }

    /** The same alarm with its actions on or off. */
    AlarmDefinition withActionsEnabled(boolean enabled) {
        return new AlarmDefinition(alarmName, alarmDescription, enabled, okActions, alarmActions, insufficientDataActions, namespace, metricName,
                dimensions, statistic, extendedStatistic, period, unit, evaluationPeriods, datapointsToAlarm, threshold, comparisonOperator,
                treatMissingData);
    }

    /** Whether a value crosses the threshold the way the comparison operator says. */
    boolean breaches(double value) {
        return switch (comparisonOperator) {
            case "GreaterThanOrEqualToThreshold" -> value >= threshold;
            case "GreaterThanThreshold" -> value > threshold;
            case "LessThanThreshold" -> value < threshold;
            case "LessThanOrEqualToThreshold" -> value <= threshold;
            default -> false;
        };
    }

    /** The operator in the words of a state reason: "greater than", "less than or equal to", ... */
    String operatorWords() {
        return switch (comparisonOperator) {
            case "GreaterThanOrEqualToThreshold" -> "greater than or equal to";
            case "GreaterThanThreshold" -> "greater than";
            case "LessThanThreshold" -> "less than";
            default -> "less than or equal to";
        };
    }
}
