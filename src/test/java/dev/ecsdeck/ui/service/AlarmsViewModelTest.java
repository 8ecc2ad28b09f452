package dev.ecsdeck.ui.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.model.MetricAlarm;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlarmsViewModelTest {
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private static MetricAlarm alarm(String name, String state, int datapoints, int periods, String comparison, double threshold) {
        return new MetricAlarm(name, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name, null, state, "Threshold Crossed", T0,
                "AWS/ECS", "CPUUtilization", Map.of("ClusterName", "prod-web", "ServiceName", "checkout"), "Average", 60, periods,
                datapoints, threshold, comparison, "missing", true);
    }

    @Test
    void saysWhatAnAlarmWatchesInWords() {
        assertEquals("CPUUtilization (Average, 1 min) > 80 for 3 of 3 periods; missing data: missing",
                AlarmsViewModel.watches(alarm("a", "OK", 3, 3, "GreaterThanThreshold", 80)));
        assertEquals("CPUUtilization (Average, 1 min) ≤ 12.50 for 2 of 5 periods; missing data: missing",
                AlarmsViewModel.watches(alarm("a", "OK", 2, 5, "LessThanOrEqualToThreshold", 12.5)));
    }

    @Test
    void namesWhyAnAlarmConcernsTheService() {
        assertEquals("deployment alarm", AlarmsViewModel.role(alarm("checkout-cpu-high", "OK", 1, 1, "GreaterThanThreshold", 1), true));
        assertEquals("scaling out", AlarmsViewModel.role(alarm("TargetTracking-service/prod-web/checkout-AlarmHigh-1f2e", "OK", 3, 3,
                "GreaterThanThreshold", 70), false));
        assertEquals("scaling in", AlarmsViewModel.role(alarm("TargetTracking-service/prod-web/checkout-AlarmLow-1f2e", "OK", 15, 15,
                "LessThanThreshold", 63), false));
        assertEquals("on its metrics", AlarmsViewModel.role(alarm("checkout-memory", "OK", 1, 1, "GreaterThanThreshold", 90), false));
    }

    @Test
    void sinceWhenInMinutesAndHours() {
        assertEquals("for 40 s", AlarmsViewModel.ago(Duration.ofSeconds(40)));
        assertEquals("for 3 min", AlarmsViewModel.ago(Duration.ofMinutes(3)));
        assertEquals("for 2 h 5 min", AlarmsViewModel.ago(Duration.ofMinutes(125)));
        assertEquals("for 0 s", AlarmsViewModel.ago(Duration.ofSeconds(-5)), "a clock a little behind says nothing odd");
        assertEquals("ALARM", AlarmsViewModel.row(alarm("x", "ALARM", 1, 1, "GreaterThanThreshold", 1), false, T0.plusSeconds(180)).state());
        assertEquals("for 3 min", AlarmsViewModel.row(alarm("x", "ALARM", 1, 1, "GreaterThanThreshold", 1), false, T0.plusSeconds(180)).since());
    }
}
