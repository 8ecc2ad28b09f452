package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.KeyValue;
import dev.ecsdeck.model.MetricPoint;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.model.TaskCountHistory;
import dev.ecsdeck.provider.AccessDeniedException;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The numbers behind the service's charts, over the chosen {@link ChartRange} (the last 3 hours at
 * first) up to the backend's time now. Task counts: Container Insights' history where the cluster has
 * it, then samples of each new service description while the panel is open. CPU / memory utilisation:
 * read in {@link #refresh()} while the charts are shown, at most every 30 s of backend time, and at
 * once when the range changes. When the backend cannot provide utilisation it says so instead of
 * showing an empty chart.
 *
 * <p>Runs of equal live counts are kept as their first and last sample (the last one moves forward
 * with each poll), so hours of polls every 2 s stay a handful of points while the lines are the same.
 */
public final class ServiceChartsViewModel implements ServicePart {
    /** Utilisation is read at most this often (backend time), but for a change of range. */
    static final Duration UTILIZATION_INTERVAL = Duration.ofSeconds(30);
    /** The IAM permission every chart read needs on AWS. */
    static final String GET_METRIC_DATA = "cloudwatch:GetMetricData";

    public static final String NOT_AVAILABLE = "CPU and memory utilisation are not available from this backend.";
    static final String READING = "Reading CPU and memory utilisation…";
    static final String NO_SAMPLES = "No CPU or memory samples in this range.";

    /**
     * The service's task counts at one moment; {@code afterGap}: the first sample after a time nothing
     * was observed (the panel hidden, a read failed), where the lines break instead of joining.
     */
    public record CountSample(Instant time, int desired, int running, int pending, boolean afterGap) {
        public CountSample(Instant time, int desired, int running, int pending) {
            this(time, desired, running, pending, false);
        }

        CountSample at(Instant when) {
            return new CountSample(when, desired, running, pending, afterGap);
        }

        boolean sameCounts(CountSample o) {
            return o != null && desired == o.desired && running == o.running && pending == o.pending;
        }
    }

    /** One read's answers for one range; an answer that failed is its error instead. */
    private record Read(ChartRange range, Optional<ServiceUtilization> utilization, Throwable utilizationError,
            Optional<TaskCountHistory> counts, Throwable countsError, Boolean insightsOn) {}

    private final ServicePanelContext ctx;
    private final ServiceRef ref;
    private final Instant openedAt;
    /** Container Insights' samples first ({@link #historySize} of them), then the live ones. */
    private final ObservableList<CountSample> counts = FXCollections.observableArrayList();
    private int historySize;
    private final ObservableList<MetricPoint> cpu = FXCollections.observableArrayList();
    private final ObservableList<MetricPoint> memory = FXCollections.observableArrayList();
    private final BooleanProperty utilizationAvailable = new SimpleBooleanProperty(true);
    private final StringProperty utilizationMessage = new SimpleStringProperty(READING);
    private final StringProperty countsMessage = new SimpleStringProperty("");
    private final ObjectProperty<ChartRange> range = new SimpleObjectProperty<>(ChartRange.DEFAULT);
    private final ObjectProperty<Instant> end = new SimpleObjectProperty<>();
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private Instant lastRead;
    private boolean reading;
    /** The range changed while a read was under way: read again when it ends. */
    private boolean readAgain;
    /** The cluster's containerInsights setting: null until read (and after a change of range, which reads it again). */
    private Boolean insightsOn;
    /** Why there are no Container Insights counts ("" when there are), before the time it names. */
    private String countsGap = "";
    /** A read was missed since the last sample: the next one starts a new stretch of the lines. */
    private boolean gap;

    public ServiceChartsViewModel(ServicePanelContext ctx, ServiceRef ref, ReadOnlyObjectProperty<EcsService> service) {
        this.ctx = ctx;
        this.ref = ref;
        this.openedAt = now();
        end.set(openedAt);
        // Every new description counts, equal or not (a change listener would skip equal ones).
        service.addListener((Observable o) -> sample(service.get()));
        sample(service.get());
        range.addListener((obs, was, now) -> rangeChanged());
        shown.addListener((obs, was, now) -> {
            if (now) {
                refresh();
            }
        });
    }

    private Instant now() {
        return Instant.ofEpochMilli(ctx.nowMillis().getAsLong());
    }

    /** Adds the counts of a new service description, at the backend's time. */
    private void sample(EcsService s) {
        if (s == null) {
            return;
        }
        int n = counts.size();
        int live = n - historySize;
        CountSample last = live == 0 ? null : counts.get(n - 1);
        CountSample sample = new CountSample(now(), s.desiredCount(), s.runningCount(), s.pendingCount(), gap && last != null);
        gap = false;
        if (last != null && !sample.time().isAfter(last.time())) {
            // The backend's clock has not moved: the newest description wins.
            if (!last.sameCounts(sample)) {
                counts.set(n - 1, new CountSample(last.time(), sample.desired(), sample.running(), sample.pending(), last.afterGap()));
            }
        } else if (live >= 2 && !sample.afterGap() && !last.afterGap() && last.sameCounts(sample) && counts.get(n - 2).sameCounts(sample)) {
            counts.set(n - 1, sample); // the flat run goes on: its end moves forward
        } else {
            counts.add(sample);
        }
        end.set(sample.time());
        prune(sample.time().minus(range.get().span()));
        updateCountsMessage();
    }

    /** Drops samples before {@code cutoff}; a run that started before it now starts at it. */
    private void prune(Instant cutoff) {
        int drop = 0;
        while (drop + 1 < counts.size() && !counts.get(drop + 1).time().isAfter(cutoff)) {
            drop++;
        }
        if (drop > 0) {
            historySize = Math.max(0, historySize - drop);
            counts.remove(0, drop);
        }
        CountSample first = counts.isEmpty() ? null : counts.get(0);
        if (first != null && first.time().isBefore(cutoff) && counts.size() > 1) {
            counts.set(0, first.at(cutoff));
        }
    }

    private void rangeChanged() {
        Instant now = now();
        end.set(now);
        prune(now.minus(range.get().span()));
        insightsOn = null;
        lastRead = null; // the new range is read now, not 30 s after the last read
        updateCountsMessage();
        if (reading) {
            readAgain = true;
        } else {
            refresh();
        }
    }

    /** Nothing was observed for a while (the panel hidden, a read failed): the counts' lines break there. */
    @Override
    public void missed() {
        gap = true;
    }

    /** Reads utilisation and task-count history while shown, when 30 s of backend time have passed since the last read. */
    @Override
    public void refresh() {
        Instant now = now();
        if (!shown.get() || reading) {
            return;
        }
        if (lastRead != null && Duration.between(lastRead, now).compareTo(UTILIZATION_INTERVAL) < 0) {
            return;
        }
        lastRead = now;
        reading = true;
        ChartRange r = range.get();
        Instant since = now.minus(r.span());
        boolean utilization = utilizationAvailable.get(); // not available stays so: the backend cannot change
        Boolean knownInsights = insightsOn;
        BackgroundTask.of(() -> read(r, since, utilization, knownInsights))
                .onSuccess(this::show)
                .onFinished(() -> {
                    reading = false;
                    if (readAgain) {
                        readAgain = false;
                        refresh();
                    }
                })
                .executeWith(ctx.executor());
    }

    /** Off the FX thread: the range's utilisation and task counts, and whether the cluster has Container Insights when there are no counts. */
    private Read read(ChartRange r, Instant since, boolean utilization, Boolean knownInsights) {
        var provider = ctx.provider();
        Optional<ServiceUtilization> u = Optional.empty();
        Throwable uError = null;
        if (utilization) {
            try {
                u = provider.serviceUtilization(ref.cluster(), ref.service(), since, r.period());
            } catch (RuntimeException e) {
                uError = e;
            }
        }
        Optional<TaskCountHistory> c = Optional.empty();
        Throwable cError = null;
        try {
            c = provider.serviceTaskCounts(ref.cluster(), ref.service(), since);
        } catch (RuntimeException e) {
            cError = e;
        }
        Boolean insights = knownInsights;
        if (insights == null && cError == null && c.map(h -> h.desired().isEmpty() && h.running().isEmpty()).orElse(true)) {
            try {
                insights = containerInsights(provider.describeClusters(List.of(ref.cluster())));
            } catch (RuntimeException e) {
                insights = null; // not known: the words below do not guess
            }
        }
        return new Read(r, u, uError, c, cError, insights);
    }

    /** The cluster's containerInsights setting: true when enabled or enhanced, false when disabled, null when not said. */
    static Boolean containerInsights(List<Cluster> clusters) {
        for (Cluster c : clusters) {
            for (KeyValue kv : c.settings()) {
                if ("containerInsights".equals(kv.name()) && kv.value() != null) {
                    return !"disabled".equals(kv.value());
                }
            }
        }
        return null;
    }

    private void show(Read read) {
        if (read.range() != range.get()) {
            return; // an older range's answer: the new one is being read
        }
        if (read.utilizationError() != null) {
            utilizationMessage.set("CPU and memory utilisation: " + failure(read.utilizationError()));
        } else if (utilizationAvailable.get()) {
            showUtilization(read.utilization(), read.range());
        }
        insightsOn = read.insightsOn();
        showCounts(read);
    }

    private void showUtilization(Optional<ServiceUtilization> read, ChartRange r) {
        if (read.isEmpty()) {
            cpu.clear();
            memory.clear();
            utilizationAvailable.set(false);
            utilizationMessage.set(NOT_AVAILABLE);
            return;
        }
        ChartPoints.merge(cpu, ChartPoints.averaged(read.get().cpu(), r.period()));
        ChartPoints.merge(memory, ChartPoints.averaged(read.get().memory(), r.period()));
        utilizationAvailable.set(true);
        utilizationMessage.set(cpu.isEmpty() && memory.isEmpty() ? NO_SAMPLES : "");
    }

    private void showCounts(Read read) {
        Instant liveFrom = liveFrom();
        List<CountSample> history = read.counts().map(h -> ChartPoints.samples(h, liveFrom)).orElse(List.of());
        if (!history.equals(counts.subList(0, historySize))) {
            counts.remove(0, historySize);
            counts.addAll(0, history);
            historySize = history.size();
        }
        if (read.countsError() != null) {
            countsGap = failure(read.countsError());
        } else if (!history.isEmpty()) {
            countsGap = "";
        } else if (Boolean.FALSE.equals(read.insightsOn())) {
            countsGap = "are not recorded: turn on Container Insights for cluster " + ref.cluster() + " to see their history.";
        } else if (Boolean.TRUE.equals(read.insightsOn())) {
            countsGap = "are not shown: Container Insights returned none for this range.";
        } else {
            countsGap = "are not shown: this backend returned no Container Insights history for them.";
        }
        updateCountsMessage();
    }

    /** "Task counts before 14:32 …" while the live samples start after the range does and nothing fills the time before. */
    private void updateCountsMessage() {
        Instant liveFrom = liveFrom();
        boolean uncovered = historySize == 0 && liveFrom.isAfter(end.get().minus(range.get().span()));
        countsMessage.set(uncovered && !countsGap.isEmpty() ? "Task counts before " + TimeFormat.clock(liveFrom) + " " + countsGap : "");
    }

    /** When the live samples start: the first one's time, or now when there is none yet. */
    private Instant liveFrom() {
        return counts.size() > historySize ? counts.get(historySize).time() : end.get();
    }

    /** A failed read in words; a refusal says which IAM permission the charts need. */
    static String failure(Throwable error) {
        String text = ErrorText.of(error);
        boolean denied = false;
        for (Throwable t = error; t != null && !denied; t = t.getCause()) {
            denied = t instanceof AccessDeniedException;
        }
        return denied && !text.contains(GET_METRIC_DATA) ? text + " — the charts need the IAM permission " + GET_METRIC_DATA + "." : text;
    }

    /** Desired, running and pending counts over time, oldest first: Container Insights' history, then the live samples. */
    public ObservableList<CountSample> counts() {
        return counts;
    }

    /** How many of {@link #counts()} come from Container Insights (the first ones). */
    public int historySize() {
        return historySize;
    }

    /** Average CPU utilisation in percent, oldest first (empty when not available). */
    public ObservableList<MetricPoint> cpu() {
        return cpu;
    }

    /** Average memory utilisation in percent, oldest first (empty when not available). */
    public ObservableList<MetricPoint> memory() {
        return memory;
    }

    /** False once the backend said it cannot provide utilisation. */
    public ReadOnlyBooleanProperty utilizationAvailableProperty() {
        return utilizationAvailable;
    }

    /** Empty while the utilisation chart has data; otherwise why it has none (reading, not available, an error). */
    public ReadOnlyStringProperty utilizationMessageProperty() {
        return utilizationMessage;
    }

    /** Why the counts chart is empty before the panel opened, or empty. */
    public ReadOnlyStringProperty countsMessageProperty() {
        return countsMessage;
    }

    /** How far back the charts go; setting it reads the new range at once (while shown). */
    public ObjectProperty<ChartRange> rangeProperty() {
        return range;
    }

    /** The backend's time of the newest sample: the charts end here and start the range's span before. */
    public ReadOnlyObjectProperty<Instant> endProperty() {
        return end;
    }

    /** Whether the charts are on screen: they read only then. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** When the panel opened (backend time): the live counts start here. */
    public Instant openedAt() {
        return openedAt;
    }

    public ServiceRef ref() {
        return ref;
    }
}
