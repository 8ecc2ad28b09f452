package dev.ecsdeck.model;

import java.time.Instant;
import java.util.Map;

/**
 * A CloudWatch metric alarm as DescribeAlarms shows it: what it watches (namespace, metric,
 * dimensions, statistic over {@code periodSeconds}), when it fires ({@code comparisonOperator}
 * {@code threshold} in {@code datapointsToAlarm} of {@code evaluationPeriods} periods, missing data
 * treated as {@code treatMissingData}) and its state now: OK, ALARM or INSUFFICIENT_DATA.
 */
public record MetricAlarm(
        String alarmName,
        String alarmArn,
        String alarmDescription,
        String stateValue,
        String stateReason,
        Instant stateUpdatedTimestamp,
        String namespace,
        String metricName,
        Map<String, String> dimensions,
        String statistic,
        int periodSeconds,
        int evaluationPeriods,
        int datapointsToAlarm,
        double threshold,
        String comparisonOperator,
        String treatMissingData,
        boolean actionsEnabled) {

    public static final String OK = "OK";
    public static final String ALARM = "ALARM";
    public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

    public MetricAlarm {
        dimensions = Lists.copy(dimensions);
    }

    public boolean inAlarm() {
        return ALARM.equals(stateValue);
    }
}
