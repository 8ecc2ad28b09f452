package dev.ecsdeck.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.model.StepScalingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.model.AdjustmentType;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricAggregationType;
import software.amazon.awssdk.services.applicationautoscaling.model.StepAdjustment;
import software.amazon.awssdk.services.applicationautoscaling.model.StepScalingPolicyConfiguration;

/** The SDK's StepScalingPolicyConfiguration read into the model, bounds and all (the served simulator's round trip is in the contract). */
class AwsScalingStepTest {
    @Test
    void stepConfigurationsKeepBoundsAdjustmentsAndCooldown() {
        StepScalingPolicyConfiguration sdk = StepScalingPolicyConfiguration.builder()
                .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY).cooldown(60).metricAggregationType(MetricAggregationType.AVERAGE)
                .stepAdjustments(StepAdjustment.builder().metricIntervalUpperBound(0.0).scalingAdjustment(-1).build(),
                        StepAdjustment.builder().metricIntervalLowerBound(0.0).scalingAdjustment(2).build())
                .build();
        StepScalingConfig c = AwsScaling.stepScaling(sdk);
        assertEquals(new StepScalingConfig("ChangeInCapacity", List.of(new StepScalingConfig.Step(null, 0.0, -1),
                new StepScalingConfig.Step(0.0, null, 2)), 60, "Average", null), c);
        assertEquals("ChangeInCapacity: -1 below the alarm, +2 above the alarm; cooldown 60 s", c.summary());
    }
}
