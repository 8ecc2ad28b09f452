package dev.ecsdeck.sim.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alarms evaluated on the simulator's clock by CloudWatch's rules: M of N datapoints, each TreatMissingData, SetAlarmState, history. */
class AlarmEvaluationTest {
    private static final Map<String, String> DIMS = Map.of("ServiceName", "checkout", "ClusterName", "prod-web");

    private final ManualClock clock = DemoSim.startClock(); // 09:00:00, a minute boundary
    private final SimEngine engine = DemoSim.emptyEngine(clock, 3);

    private static AlarmDefinition alarm(String name, int n, int m, String treatMissing) {
        return new AlarmDefinition(name, "CPU too high", true, List.of(), List.of("arn:aws:sns:us-east-1:000000000000:ops"), List.of(),
                "Test", "CPUUtilization", DIMS, "Average", null, 60, null, n, m, 80.0, "GreaterThanThreshold", treatMissing);
    }

    /** A datapoint in the minute that started {@code minutesAgo} minutes before the clock's next minute boundary. */
    private void point(int minutesAgo, double value) {
        Instant boundary = Instant.ofEpochSecond((clock.now().getEpochSecond() / 60 + 1) * 60);
        engine.metrics().put("Test", "CPUUtilization", DIMS, boundary.minusSeconds(60L * minutesAgo), value);
    }

    private void nextMinute() {
        clock.advance(Duration.ofSeconds(60 - clock.now().getEpochSecond() % 60));
    }

    private SimAlarm get(String name) {
        return engine.alarms().describe(List.of(name), null, null, null).get(0);
    }

    @Test
    void threeOfThreeBreachingGoesToAlarmWithAwsReason() {
        engine.alarms().put(alarm("cpu", 3, 3, "missing"), true, Map.of());
        SimAlarm created = get("cpu");
        assertEquals("INSUFFICIENT_DATA", created.stateValue());
        assertEquals("Unchecked: Initial alarm creation", created.stateReason());
        assertEquals("arn:aws:cloudwatch:us-east-1:000000000000:alarm:cpu", created.alarmArn());
        clock.advance(Duration.ofSeconds(30));
        point(1, 91.2);
        point(2, 90.1);
        point(3, 88.0);
        nextMinute(); // 09:01: the last three minutes are evaluated
        SimAlarm a = get("cpu");
        assertEquals("ALARM", a.stateValue());
        assertEquals("Threshold Crossed: 3 out of the last 3 datapoints [91.2 (22/11/26 09:00:00), 90.1 (22/11/26 08:59:00), 88.0 (22/11/26 08:58:00)]"
                + " were greater than the threshold (80.0) (minimum 3 datapoints for OK -> ALARM transition).", a.stateReason());
        assertTrue(a.stateReasonData().contains("\"recentDatapoints\":[88.0,90.1,91.2]"), a.stateReasonData());
        assertEquals(Instant.parse("2026-11-22T09:01:00Z"), a.stateTransitionedAt());
        List<AlarmHistoryEntry> history = engine.alarms().history("cpu", null, null, null, false);
        assertEquals(List.of("Action", "StateUpdate", "ConfigurationUpdate"), history.stream().map(AlarmHistoryEntry::historyItemType).toList());
        assertEquals("Alarm updated from INSUFFICIENT_DATA to ALARM", history.get(1).historySummary());
        assertTrue(history.get(1).historyData().contains("\"oldState\":{\"stateValue\":\"INSUFFICIENT_DATA\""), history.get(1).historyData());
        assertEquals("Successfully executed action arn:aws:sns:us-east-1:000000000000:ops", history.get(0).historySummary());
        assertEquals("Alarm \"cpu\" created", history.get(2).historySummary());
    }

    @Test
    void twoOfThreeIsEnoughWithDatapointsToAlarmTwoAndOneBelowGoesBackToOk() {
        engine.alarms().put(alarm("m-of-n", 3, 2, "missing"), true, Map.of());
        point(1, 85);
        point(2, 70);
        point(3, 90);
        nextMinute();
        assertEquals("ALARM", get("m-of-n").stateValue());
        assertEquals("Threshold Crossed: 2 out of the last 3 datapoints [85.0 (22/11/26 09:00:00), 90.0 (22/11/26 08:58:00)] were greater than"
                + " the threshold (80.0) (minimum 2 datapoints for OK -> ALARM transition).", get("m-of-n").stateReason());
        point(1, 50); // 09:01 low, 09:00 85 high, 08:59 70 low: 1 of 3 breaching
        nextMinute();
        SimAlarm a = get("m-of-n");
        assertEquals("OK", a.stateValue());
        assertEquals("Threshold Crossed: 2 out of the last 3 datapoints [50.0 (22/11/26 09:01:00), 70.0 (22/11/26 08:59:00)] were not greater than"
                + " the threshold (80.0) (minimum 1 datapoint for ALARM -> OK transition).", a.stateReason());
    }

    @Test
    void oneBreachingOfThreeWithThreeToAlarmIsOk() {
        engine.alarms().put(alarm("quiet", 3, 3, "missing"), true, Map.of());
        point(1, 95);
        point(2, 60);
        point(3, 99);
        nextMinute();
        assertEquals("OK", get("quiet").stateValue());
    }

    @Test
    void missingDataEachWay() {
        engine.alarms().put(alarm("missing", 2, 2, "missing"), true, Map.of());
        engine.alarms().put(alarm("ignore", 2, 2, "ignore"), true, Map.of());
        engine.alarms().put(alarm("breaching", 2, 2, "breaching"), true, Map.of());
        engine.alarms().put(alarm("notBreaching", 2, 2, "notBreaching"), true, Map.of());
        nextMinute(); // no data at all
        assertEquals("INSUFFICIENT_DATA", get("missing").stateValue());
        assertEquals("INSUFFICIENT_DATA", get("ignore").stateValue(), "ignore keeps the state it has");
        assertEquals("ALARM", get("breaching").stateValue());
        assertEquals("Threshold Crossed: no datapoints were received for 2 periods and 2 missing datapoints were treated as [Breaching].",
                get("breaching").stateReason());
        assertEquals("OK", get("notBreaching").stateValue());
        point(1, 10);
        nextMinute(); // one low datapoint, one missing
        assertEquals("OK", get("missing").stateValue());
        assertEquals("OK", get("ignore").stateValue());
        assertEquals("OK", get("breaching").stateValue(), "the missing one counts as breaching, the low one not: 1 of 2 does not alarm");
        nextMinute(); // the low datapoint is still in range: nothing changes
        nextMinute(); // now none in range
        assertEquals("INSUFFICIENT_DATA", get("missing").stateValue());
        assertEquals("Insufficient Data: 2 datapoints were unknown.", get("missing").stateReason());
        assertEquals("OK", get("ignore").stateValue(), "ignore keeps OK with no data");
        assertEquals("ALARM", get("breaching").stateValue());
        assertEquals("OK", get("notBreaching").stateValue());
    }

    @Test
    void setAlarmStateHoldsUntilTheNextEvaluation() {
        engine.alarms().put(alarm("forced", 1, 1, "notBreaching"), true, Map.of());
        nextMinute();
        assertEquals("OK", get("forced").stateValue());
        clock.advance(Duration.ofSeconds(10));
        engine.alarms().setState("forced", "ALARM", "testing", "{\"a\":1}");
        assertEquals("ALARM", get("forced").stateValue());
        assertEquals("testing", get("forced").stateReason());
        clock.advance(Duration.ofSeconds(49));
        assertEquals("ALARM", get("forced").stateValue());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("OK", get("forced").stateValue());
        assertEquals("ResourceNotFound", assertThrows(SimApiException.class, () -> engine.alarms().setState("nope", "OK", "x", null)).errorCode());
        assertEquals("InvalidFormat", assertThrows(SimApiException.class, () -> engine.alarms().setState("forced", "OK", "x", "{nope")).errorCode());
    }

    @Test
    void disabledActionsRunNone() {
        engine.alarms().put(alarm("quiet-actions", 1, 1, "breaching"), true, Map.of());
        engine.alarms().setActionsEnabled(List.of("quiet-actions", "not-an-alarm"), false);
        nextMinute();
        assertEquals("ALARM", get("quiet-actions").stateValue());
        assertEquals(List.of(), engine.alarms().history("quiet-actions", "Action", null, null, false));
        assertEquals(false, get("quiet-actions").definition().actionsEnabled());
    }

    @Test
    void putRefusesWhatCloudWatchRefuses() {
        AlarmDefinition ok = alarm("x", 3, 3, "missing");
        assertEquals("InvalidParameterValue", refused(new AlarmDefinition("x", null, true, null, null, null, "Test", "M", DIMS, "Average", null,
                45, null, 3, 3, 1, "GreaterThanThreshold", null), true));
        assertEquals("InvalidParameterValue", refused(new AlarmDefinition("x", null, true, null, null, null, "Test", "M", DIMS, "Average", null,
                60, null, 3, 4, 1, "GreaterThanThreshold", null), true));
        assertEquals("InvalidParameterValue", refused(new AlarmDefinition("x", null, true, null, null, null, "Test", "M", DIMS, "Average", null,
                60, null, 3, 3, 1, "GreaterThanUpperThreshold", null), true));
        assertEquals("InvalidParameterCombination", refused(new AlarmDefinition("x", null, true, null, null, null, "Test", "M", DIMS, "Average",
                "p99", 60, null, 3, 3, 1, "GreaterThanThreshold", null), true));
        assertEquals("InvalidParameterValue", refused(new AlarmDefinition("x", null, true, null, null, null, "Test", "M", DIMS, "Average", null,
                60, null, 3, 3, 1, "GreaterThanThreshold", "sometimes"), true));
        assertEquals("MissingParameter", refused(ok, false));
        assertEquals("MissingParameter", refused(new AlarmDefinition("x", null, true, null, null, null, null, "M", DIMS, "Average", null,
                60, null, 3, 3, 1, "GreaterThanThreshold", null), true));
        assertEquals(List.of(), engine.alarms().describe(null, null, null, null));
    }

    private String refused(AlarmDefinition d, boolean thresholdGiven) {
        return assertThrows(SimApiException.class, () -> engine.alarms().put(d, thresholdGiven, Map.of())).errorCode();
    }
}
