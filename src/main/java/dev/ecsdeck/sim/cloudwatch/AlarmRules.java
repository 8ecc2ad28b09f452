package dev.ecsdeck.sim.cloudwatch;

import dev.ecsdeck.sim.SimApiException;
import java.util.List;
import java.util.regex.Pattern;

/** PutMetricAlarm's checks, with CloudWatch's error codes and wording. */
final class AlarmRules {
    static final int MAX_ALARMS = 5000;
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d{0,10})?|100)");
    private static final List<String> STATISTICS = List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");
    private static final List<String> ANOMALY = List.of("LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold",
            "GreaterThanUpperThreshold");

    private AlarmRules() {}

    static void check(AlarmDefinition d, boolean thresholdGiven) {
        String name = d.alarmName();
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw invalid("The parameter AlarmName must be between 1 and 255 characters long.");
        }
        if (d.comparisonOperator() == null) {
            throw missing("ComparisonOperator");
        }
        if (ANOMALY.contains(d.comparisonOperator())) {
            throw invalid("The simulator does not evaluate anomaly detection alarms (ComparisonOperator " + d.comparisonOperator()
                    + " needs ThresholdMetricId and Metrics).");
        }
        if (!AlarmDefinition.OPERATORS.contains(d.comparisonOperator())) {
            throw invalid("The parameter ComparisonOperator must be one of " + String.join(", ", AlarmDefinition.OPERATORS) + ".");
        }
        if (d.namespace() == null) {
            throw missing("Namespace");
        }
        if (d.metricName() == null) {
            throw missing("MetricName");
        }
        if (d.statistic() != null && d.extendedStatistic() != null) {
            throw new SimApiException("InvalidParameterCombination", "Exactly one element of Statistic and ExtendedStatistic must be present.");
        }
        if (d.statistic() == null && d.extendedStatistic() == null) {
            throw new SimApiException("MissingParameter", "Exactly one element of Statistic and ExtendedStatistic must be present.");
        }
        if (d.statistic() != null && !STATISTICS.contains(d.statistic())) {
            throw invalid("The parameter Statistic must be one of " + String.join(", ", STATISTICS) + ".");
        }
        if (d.extendedStatistic() != null && !PERCENTILE.matcher(d.extendedStatistic()).matches()) {
            throw invalid("The value " + d.extendedStatistic() + " for parameter ExtendedStatistic is not supported.");
        }
        if (d.period() < 1) {
            throw missingOrInvalid("Period", d.period());
        }
        if (d.period() < 60 ? !List.of(10, 20, 30).contains(d.period()) : d.period() % 60 != 0) {
            throw invalid("The parameter Period must be 10, 20, 30 or a multiple of 60.");
        }
        if (d.evaluationPeriods() < 1) {
            throw missingOrInvalid("EvaluationPeriods", d.evaluationPeriods());
        }
        if ((long) d.period() * d.evaluationPeriods() > 86_400) {
            throw invalid("The evaluation period (Period multiplied by EvaluationPeriods) must not exceed 86400 seconds (1 day).");
        }
        if (d.datapointsToAlarm() < 1 || d.datapointsToAlarm() > d.evaluationPeriods()) {
            throw invalid("DatapointsToAlarm must be between 1 and EvaluationPeriods (" + d.evaluationPeriods() + ").");
        }
        if (!thresholdGiven) {
            throw missing("Threshold");
        }
        if (!AlarmDefinition.MISSING_DATA.contains(d.treatMissingData())) {
            throw invalid("The parameter TreatMissingData must be one of " + String.join(", ", AlarmDefinition.MISSING_DATA) + ".");
        }
        if (d.dimensions().size() > 30) {
            throw invalid("The collection Dimensions must not have more than 30 members.");
        }
        for (List<String> actions : List.of(d.okActions(), d.alarmActions(), d.insufficientDataActions())) {
            if (actions.size() > 5) {
                throw invalid("An alarm may have at most 5 actions of each kind.");
            }
            for (String a : actions) {
                if (!a.startsWith("arn:")) {
                    throw invalid("Invalid arn syntax: " + a);
                }
            }
        }
        if (d.alarmDescription() != null && d.alarmDescription().length() > 1024) {
            throw invalid("The parameter AlarmDescription must not be longer than 1024 characters.");
        }
    }

    private static SimApiException missingOrInvalid(String member, int value) {
        return value == 0 ? missing(member) : invalid("The parameter " + member + " must be greater than or equal to 1.");
    }

    static SimApiException missing(String member) {
        return new SimApiException("MissingParameter", "The parameter " + member + " is required.");
    }

    static SimApiException invalid(String message) {
        return new SimApiException("InvalidParameterValue", message);
    }
}
