package dev.ecsdeck.sim.cloudwatch;

import dev.ecsdeck.sim.SimEngine;
import java.time.Instant;
import java.util.Optional;

/**
 * CloudWatch metric alarms on the simulator's clock: PutMetricAlarm, DescribeAlarms, DeleteAlarms,
 * alarm history, evaluated each period on {@link MetricApi}'s datapoints. (Skeleton.)
 */
public final class AlarmApi {
    private final SimEngine engine;

    public AlarmApi(SimEngine engine) {
        this.engine = engine;
    }

    /** The state (OK, ALARM, INSUFFICIENT_DATA) of the alarm of that name, if there is one. */
    public Optional<String> stateOf(String alarmName) {
        synchronized (engine) {
            return Optional.empty();
        }
    }

    /** One simulated second (under the engine's lock, after the metrics): alarms whose period ended are evaluated. */
    public void step(Instant now) {}
}
