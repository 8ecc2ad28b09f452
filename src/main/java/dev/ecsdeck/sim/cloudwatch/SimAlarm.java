package dev.ecsdeck.sim.cloudwatch;

import java.time.Instant;
import java.util.Map;

/**
 * One metric alarm as CloudWatch holds it: its definition, ARN and tags, when it was last configured, and
 * its state (OK, ALARM, INSUFFICIENT_DATA) with the reason, the reason's data (JSON), when the state was
 * last updated and when it last changed value. Replaced whole on each change (data, for the state file).
 */
public record SimAlarm(
        AlarmDefinition definition,
        String alarmArn,
        Map<String, String> tags,
        Instant configurationUpdatedAt,
        String stateValue,
        String stateReason,
        String stateReasonData,
        Instant stateUpdatedAt,
        Instant stateTransitionedAt) {

    public SimAlarm {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public String name() {
        return definition.alarmName();
    }

    /** The alarm in another state; the transition time moves only when the value changes. */
    SimAlarm withState(String value, String reason, String reasonData, Instant now) {
        Instant transitioned = value.equals(stateValue) ? stateTransitionedAt : now;
        return new SimAlarm(definition, alarmArn, tags, configurationUpdatedAt, value, reason, reasonData, now, transitioned);
    }

    SimAlarm withDefinition(AlarmDefinition d, Instant now) {
        return new SimAlarm(d, alarmArn, tags, now, stateValue, stateReason, stateReasonData, stateUpdatedAt, stateTransitionedAt);
    }
}
