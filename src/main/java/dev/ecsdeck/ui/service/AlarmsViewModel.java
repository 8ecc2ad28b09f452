package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.AlarmHistoryItem;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.MetricAlarm;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The CloudWatch alarms that concern the service (DescribeAlarms): those on its metrics, its deployment
 * alarms and its target-tracking policies' alarms, each with its state, what it watches in words and
 * why it is in that state; and the history of the one selected (DescribeAlarmHistory). Read on the
 * panel's poll while the tab is shown. Alarms in ALARM come first.
 */
public final class AlarmsViewModel implements ServicePart {
    static final int HISTORY_ITEMS = 50;
    static final String NONE = "No CloudWatch alarm watches this service: none on its metrics, no deployment alarms, no scaling policy alarms.";

    /** One alarm as the table shows it. */
    public record AlarmRow(String name, String state, String since, String role, String watches, String reason, MetricAlarm alarm) {}

    /** One history entry. */
    public record HistoryRow(String when, String type, String summary) {}

    private final ServicePanelContext ctx;
    private final ServiceRef ref;
    private final ReadOnlyObjectProperty<EcsService> service;
    private final ObservableList<AlarmRow> alarms = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty selectedReason = new SimpleStringProperty("");
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>();
    private boolean loading;
    /** The selected alarm's state change its history was last read for: read again only when it changes. */
    private Instant historyReadAt;

    public AlarmsViewModel(ServicePanelContext ctx, ServiceRef ref, ReadOnlyObjectProperty<EcsService> service) {
        this.ctx = ctx;
        this.ref = ref;
        this.service = service;
        shown.addListener((obs, was, now) -> {
            if (now) {
                refresh();
            }
        });
        selected.addListener((obs, was, name) -> {
            readHistory(name);
            showReason();
        });
    }

    @Override
    public void refresh() {
        if (!shown.get() || loading || service.get() == null) {
            return;
        }
        loading = true;
        EcsService s = service.get();
        BackgroundTask.of(() -> ctx.provider().describeServiceAlarms(ref.cluster(), ref.service()))
                .onSuccess(read -> show(read, s))
                .onFailure(error -> message.set(error instanceof UnsupportedOperationException ? "This backend has no CloudWatch alarms."
                        : "Alarms: " + ErrorText.of(error)))
                .onFinished(() -> loading = false)
                .executeWith(ctx.executor());
    }

    private void show(List<MetricAlarm> read, EcsService s) {
        Instant now = now();
        Set<String> deploymentAlarms = s.deploymentConfiguration() == null || s.deploymentConfiguration().alarms() == null ? Set.of()
                : Set.copyOf(s.deploymentConfiguration().alarms().alarmNames());
        List<AlarmRow> rows = read.stream()
                .sorted(Comparator.comparingInt((MetricAlarm a) -> stateOrder(a.stateValue())).thenComparing(MetricAlarm::alarmName))
                .map(a -> row(a, deploymentAlarms.contains(a.alarmName()), now)).toList();
        KeyedListMerge.merge(alarms, rows, AlarmRow::name);
        showReason();
        alarms.stream().filter(r -> r.name().equals(selected.get())).findFirst()
                .filter(r -> !java.util.Objects.equals(r.alarm().stateUpdatedTimestamp(), historyReadAt))
                .ifPresent(r -> readHistory(r.name()));
        message.set(read.isEmpty() ? NONE : "");
    }

    /** Why the selected alarm is in its state, in CloudWatch's words (too long for a table cell). */
    private void showReason() {
        String name = selected.get();
        selectedReason.set(alarms.stream().filter(r -> r.name().equals(name)).findFirst()
                .map(r -> r.name() + " is " + r.state() + (r.reason().isEmpty() ? "." : ": " + r.reason())).orElse(""));
    }

    private void readHistory(String alarmName) {
        if (alarmName == null) {
            history.clear();
            return;
        }
        historyReadAt = alarms.stream().filter(r -> r.name().equals(alarmName)).findFirst()
                .map(r -> r.alarm().stateUpdatedTimestamp()).orElse(null);
        BackgroundTask.of(() -> ctx.provider().describeAlarmHistory(alarmName, HISTORY_ITEMS))
                .onSuccess(items -> {
                    if (alarmName.equals(selected.get())) {
                        history.setAll(items.stream().map(AlarmsViewModel::historyRow).toList());
                    }
                })
                .onFailure(error -> message.set("Alarm history: " + ErrorText.of(error)))
                .executeWith(ctx.executor());
    }

    static AlarmRow row(MetricAlarm a, boolean deploymentAlarm, Instant now) {
        String since = a.stateUpdatedTimestamp() == null ? "" : ago(Duration.between(a.stateUpdatedTimestamp(), now));
        return new AlarmRow(a.alarmName(), a.stateValue(), since, role(a, deploymentAlarm), watches(a), Objects.toString(a.stateReason(), ""), a);
    }

    /** Why the alarm concerns the service. */
    static String role(MetricAlarm a, boolean deploymentAlarm) {
        if (deploymentAlarm) {
            return "deployment alarm";
        }
        if (a.alarmName().startsWith("TargetTracking-")) {
            return a.alarmName().contains("-AlarmHigh-") ? "scaling out" : a.alarmName().contains("-AlarmLow-") ? "scaling in" : "scaling";
        }
        return "on its metrics";
    }

    /** "CPUUtilization (Average, 1 min) > 80 for 3 of 3 periods; missing data: missing". */
    static String watches(MetricAlarm a) {
        String period = a.periodSeconds() % 60 == 0 ? (a.periodSeconds() / 60) + " min" : a.periodSeconds() + " s";
        String of = a.datapointsToAlarm() == a.evaluationPeriods() ? a.evaluationPeriods() + " of " + a.evaluationPeriods()
                : a.datapointsToAlarm() + " of " + a.evaluationPeriods();
        return a.metricName() + " (" + a.statistic() + ", " + period + ") " + operator(a.comparisonOperator()) + " " + number(a.threshold())
                + " for " + of + " periods" + (a.treatMissingData() == null ? "" : "; missing data: " + a.treatMissingData());
    }

    static String operator(String comparison) {
        if (comparison == null) {
            return "?";
        }
        return switch (comparison) {
            case "GreaterThanOrEqualToThreshold" -> "≥";
            case "GreaterThanThreshold" -> ">";
            case "LessThanThreshold" -> "<";
            case "LessThanOrEqualToThreshold" -> "≤";
            default -> comparison;
        };
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    static HistoryRow historyRow(AlarmHistoryItem h) {
        return new HistoryRow(TableFit.time(h.timestamp()), Objects.toString(h.historyItemType(), ""),
                Objects.toString(h.historySummary(), ""));
    }

    private static int stateOrder(String state) {
        return Map.of(MetricAlarm.ALARM, 0, MetricAlarm.INSUFFICIENT_DATA, 1, MetricAlarm.OK, 2).getOrDefault(state, 3);
    }

    /** "for 3 min", "for 2 h 5 min". */
    static String ago(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return "for " + Math.max(0, d.toSeconds()) + " s";
        }
        return minutes < 60 ? "for " + minutes + " min" : "for " + (minutes / 60) + " h " + (minutes % 60) + " min";
    }

    private Instant now() {
        return Instant.ofEpochMilli(ctx.nowMillis().getAsLong());
    }

    // ---- properties ----

    public ObservableList<AlarmRow> alarms() {
        return alarms;
    }

    public ObservableList<HistoryRow> history() {
        return history;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public BooleanProperty shownProperty() {
        return shown;
    }

    /** The selected alarm's state and CloudWatch's reason for it; empty when none is selected. */
    public ReadOnlyStringProperty selectedReasonProperty() {
        return selectedReason;
    }

    /** The alarm whose history is shown. */
    public ObjectProperty<String> selectedProperty() {
        return selected;
    }
}
