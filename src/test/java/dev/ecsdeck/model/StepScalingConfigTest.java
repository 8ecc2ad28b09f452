package dev.ecsdeck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.model.StepScalingConfig.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepScalingConfigTest {
    @Test
    void scaleOutStepsReadAsRangesAboveTheAlarm() {
        StepScalingConfig c = new StepScalingConfig(StepScalingConfig.CHANGE_IN_CAPACITY,
                List.of(new Step(0.0, 10.0, 1), new Step(10.0, null, 3)), null, null, null);
        assertEquals("ChangeInCapacity: +1 when 0–10 above the alarm, +3 above 10", c.summary());
    }

    @Test
    void scaleInStepsReadBelowTheAlarmWithCooldownAndPercentages() {
        StepScalingConfig c = new StepScalingConfig(StepScalingConfig.PERCENT_CHANGE_IN_CAPACITY,
                List.of(new Step(-15.5, 0.0, -10), new Step(null, -15.5, -25)), 300, "Average", 2);
        assertEquals("PercentChangeInCapacity: -10% when 0–15.5 below the alarm, -25% below -15.5; by at least 2; cooldown 300 s",
                c.summary());
    }

    @Test
    void exactCapacityAndUnboundedStepsSayWhatTheyDo() {
        assertEquals("ExactCapacity: set to 4 above the alarm", new StepScalingConfig(StepScalingConfig.EXACT_CAPACITY,
                List.of(new Step(0.0, null, 4)), null, null, null).summary());
        assertEquals("ChangeInCapacity: -1 below the alarm", new StepScalingConfig(StepScalingConfig.CHANGE_IN_CAPACITY,
                List.of(new Step(null, 0.0, -1)), null, null, null).summary());
        assertEquals("ChangeInCapacity: +2 when -5 to 5 around the alarm", new StepScalingConfig(StepScalingConfig.CHANGE_IN_CAPACITY,
                List.of(new Step(-5.0, 5.0, 2)), null, null, null).summary());
    }
}
