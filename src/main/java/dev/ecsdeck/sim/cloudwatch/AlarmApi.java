package dev.ecsdeck.sim.cloudwatch;

import dev.ecsdeck.model.AlarmHistoryItem;
import dev.ecsdeck.model.MetricAlarm;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CloudWatch metric alarms on the simulator's clock: PutMetricAlarm, DescribeAlarms, DescribeAlarmsForMetric,
 * DeleteAlarms, DescribeAlarmHistory, SetAlarmState, Enable- and DisableAlarmActions. Each alarm starts in
 * INSUFFICIENT_DATA and is evaluated at the end of each of its periods on {@link MetricApi}'s datapoints
 * ({@link AlarmEvaluation}); a state set by SetAlarmState holds until the next evaluation, as in AWS.
 * Actions are recorded in the history, never carried out. Alarms are kept by name, in name order (as
 * DescribeAlarms lists them).
 */
public final class AlarmApi implements dev.ecsdeck.sim.ecs.DeploymentAlarmWatch.Alarms {
    private final SimEngine engine;
    private final TreeMap<String, SimAlarm> alarms = new TreeMap<>();
    private final AlarmHistory history = new AlarmHistory();

    /** The alarms and their history, for the state file. */
    public record State(List<SimAlarm> alarms, List<AlarmHistoryEntry> history) {}

    public AlarmApi(SimEngine engine) {
        this.engine = engine;
    }

    /** PutMetricAlarm: creates the alarm (INSUFFICIENT_DATA) or replaces its definition (its state and tags stay). */
    public void put(AlarmDefinition d, boolean thresholdGiven, Map<String, String> tags) {
        synchronized (engine) {
            engine.advance();
            AlarmRules.check(d, thresholdGiven);
            if (!alarms.containsKey(d.alarmName()) && alarms.size() >= AlarmRules.MAX_ALARMS) {
                throw new SimApiException("LimitExceeded", "The maximum number of alarms (" + AlarmRules.MAX_ALARMS + ") has been reached.");
            }
            putChecked(d, tags, engine.now());
        }
    }

    /** An alarm another service makes (target tracking's), without PutMetricAlarm's checks of a user's request. */
    public void putOwned(AlarmDefinition d) {
        synchronized (engine) {
            putChecked(d, Map.of(), engine.now());
        }
    }

    private void putChecked(AlarmDefinition d, Map<String, String> tags, Instant now) {
        SimAlarm existing = alarms.get(d.alarmName());
        if (existing != null) {
            history.updated(existing.definition(), d, now);
            alarms.put(d.alarmName(), existing.withDefinition(d, now));
            return;
        }
        String arn = "arn:aws:cloudwatch:" + engine.region() + ":" + engine.account() + ":alarm:" + d.alarmName();
        alarms.put(d.alarmName(), new SimAlarm(d, arn, tags, now, MetricAlarm.INSUFFICIENT_DATA, "Unchecked: Initial alarm creation", null,
                now, now));
        history.created(d, now);
    }

    /**
     * DescribeAlarms' filters: by names (null: any), name prefix, state and action prefix (any of the
     * alarm's actions starts with it); in name order.
     */
    public List<SimAlarm> describe(List<String> names, String namePrefix, String stateValue, String actionPrefix) {
        synchronized (engine) {
            engine.advance();
            List<SimAlarm> out = new ArrayList<>();
            for (SimAlarm a : alarms.values()) {
                AlarmDefinition d = a.definition();
                boolean named = names == null || names.isEmpty() || names.contains(a.name());
                boolean prefixed = namePrefix == null || a.name().startsWith(namePrefix);
                boolean inState = stateValue == null || stateValue.equals(a.stateValue());
                boolean acting = actionPrefix == null || d.okActions().stream().anyMatch(x -> x.startsWith(actionPrefix))
                        || d.alarmActions().stream().anyMatch(x -> x.startsWith(actionPrefix))
                        || d.insufficientDataActions().stream().anyMatch(x -> x.startsWith(actionPrefix));
                if (named && prefixed && inState && acting) {
                    out.add(a);
                }
            }
            return out;
        }
    }

    /** DescribeAlarmsForMetric: alarms on that metric; the other filters apply when given (dimensions: exactly those). */
    public List<SimAlarm> forMetric(String namespace, String metricName, Map<String, String> dimensions, String statistic,
            String extendedStatistic, Integer period, String unit) {
        synchronized (engine) {
            engine.advance();
            List<SimAlarm> out = new ArrayList<>();
            for (SimAlarm a : alarms.values()) {
                AlarmDefinition d = a.definition();
                if (d.namespace().equals(namespace) && d.metricName().equals(metricName)
                        && (dimensions == null || dimensions.isEmpty() || Map.copyOf(dimensions).equals(Map.copyOf(d.dimensions())))
                        && (statistic == null || statistic.equals(d.statistic()))
                        && (extendedStatistic == null || extendedStatistic.equals(d.extendedStatistic()))
                        && (period == null || period == d.period()) && (unit == null || unit.equals(d.unit()))) {
                    out.add(a);
                }
            }
            return out;
        }
    }

    /** DeleteAlarms: all or none; names not found are a ResourceNotFound. */
    public void delete(List<String> names) {
        synchronized (engine) {
            engine.advance();
            List<String> unknown = names.stream().filter(n -> !alarms.containsKey(n)).toList();
            if (!unknown.isEmpty()) {
                throw new SimApiException("ResourceNotFound", unknown.size() + " alarm(s) not found: " + unknown, 404);
            }
            deleteOwned(names);
        }
    }

    /** Deletes the alarms of these names that exist (as a service deleting its own alarms does). */
    public void deleteOwned(List<String> names) {
        synchronized (engine) {
            for (String n : names) {
                SimAlarm removed = alarms.remove(n);
                if (removed != null) {
                    history.deleted(removed.definition(), engine.now());
                }
            }
        }
    }

    /** SetAlarmState: the state holds until the alarm's next evaluation. */
    public void setState(String name, String stateValue, String reason, String reasonData) {
        synchronized (engine) {
            engine.advance();
            SimAlarm a = alarms.get(name);
            if (a == null) {
                throw new SimApiException("ResourceNotFound", "Alarm " + name + " not found", 404);
            }
            if (reasonData != null && !reasonData.isEmpty()) {
                try {
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(reasonData);
                } catch (java.io.IOException e) {
                    throw new SimApiException("InvalidFormat", "StateReasonData is not valid JSON: " + reasonData);
                }
            }
            transition(a, stateValue, reason, reasonData, engine.now());
        }
    }

    /** Enable- or DisableAlarmActions; names that are not alarms are passed over, as CloudWatch does. */
    public void setActionsEnabled(List<String> names, boolean enabled) {
        synchronized (engine) {
            engine.advance();
            for (String n : names) {
                SimAlarm a = alarms.get(n);
                if (a != null) {
                    alarms.put(n, new SimAlarm(a.definition().withActionsEnabled(enabled), a.alarmArn(), a.tags(), a.configurationUpdatedAt(),
                            a.stateValue(), a.stateReason(), a.stateReasonData(), a.stateUpdatedAt(), a.stateTransitionedAt()));
                }
            }
        }
    }

    /** DescribeAlarmHistory's filters; newest first unless {@code ascending}. */
    public List<AlarmHistoryEntry> history(String alarmName, String type, Instant start, Instant end, boolean ascending) {
        synchronized (engine) {
            engine.advance();
            return history.find(alarmName, type, start, end, ascending);
        }
    }

    /** The state (OK, ALARM, INSUFFICIENT_DATA) of the alarm of that name, if there is one. */
    @Override
    public Optional<String> stateOf(String alarmName) {
        synchronized (engine) {
            SimAlarm a = alarms.get(alarmName);
            return a == null ? Optional.empty() : Optional.of(a.stateValue());
        }
    }

    /** How long the alarm looks back (period × evaluation periods), if there is such an alarm: a deployment's bake time derives from it. */
    @Override
    public Optional<Duration> evaluationRange(String alarmName) {
        synchronized (engine) {
            SimAlarm a = alarms.get(alarmName);
            return a == null ? Optional.empty()
                    : Optional.of(Duration.ofSeconds((long) a.definition().period() * a.definition().evaluationPeriods()));
        }
    }

    /** The alarm's period, if there is such an alarm. */
    @Override
    public Optional<Duration> period(String alarmName) {
        synchronized (engine) {
            SimAlarm a = alarms.get(alarmName);
            return a == null ? Optional.empty() : Optional.of(Duration.ofSeconds(a.definition().period()));
        }
    }

    /** The alarm as the console's model has it. */
    public static MetricAlarm view(SimAlarm a) {
        AlarmDefinition d = a.definition();
        return new MetricAlarm(d.alarmName(), a.alarmArn(), d.alarmDescription(), a.stateValue(), a.stateReason(), a.stateUpdatedAt(),
                d.namespace(), d.metricName(), d.dimensions(), d.statisticUsed(), d.period(), d.evaluationPeriods(), d.datapointsToAlarm(),
                d.threshold(), d.comparisonOperator(), d.treatMissingData(), d.actionsEnabled());
    }

    public static AlarmHistoryItem view(AlarmHistoryEntry e) {
        return new AlarmHistoryItem(e.alarmName(), e.timestamp(), e.historyItemType(), e.historySummary());
    }

    /** One simulated second (under the engine's lock, after the metrics): alarms whose period ended are evaluated. */
    public void step(Instant now) {
        for (SimAlarm a : new ArrayList<>(alarms.values())) {
            if (AlarmEvaluation.due(a.definition(), now)) {
                AlarmEvaluation.evaluate(a.definition(), engine.metrics(), now)
                        .ifPresent(o -> transition(a, o.stateValue(), o.reason(), o.reasonData(), now));
            }
        }
    }

    /** A new state: recorded, with its history item and its actions (when enabled), only when the value changes. */
    private void transition(SimAlarm a, String value, String reason, String reasonData, Instant now) {
        if (value.equals(a.stateValue())) {
            return;
        }
        SimAlarm after = a.withState(value, reason, reasonData, now);
        alarms.put(a.name(), after);
        history.stateChanged(a, after, now);
        AlarmDefinition d = a.definition();
        if (d.actionsEnabled()) {
            List<String> actions = switch (value) {
                case MetricAlarm.ALARM -> d.alarmActions();
                case MetricAlarm.OK -> d.okActions();
                default -> d.insufficientDataActions();
            };
            actions.forEach(arn -> history.action(a.name(), arn, now, now));
        }
    }

    /** Under the engine's lock. */
    public State snapshot() {
        return new State(List.copyOf(alarms.values()), history.all());
    }

    public void restore(State s) {
        alarms.clear();
        if (s == null) {
            return;
        }
        s.alarms().forEach(a -> alarms.put(a.name(), a));
        history.restore(s.history());
    }
}
