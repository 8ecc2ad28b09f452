package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.MetricPoint;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The numbers behind the service's charts: desired/running/pending counts sampled from each new
 * service description (at the backend's time) while the panel is open, and CPU / memory utilisation
 * read from the backend in {@link #refresh()} at most every 30 s of backend time, from an hour before
 * the panel opened. When the backend cannot provide utilisation (real AWS without the CloudWatch
 * module) it says so instead of showing an empty chart.
 *
 * <p>Runs of equal counts are kept as their first and last sample (the last one moves forward with
 * each poll), so two hours of polls every 2 s stay a handful of points while the lines are the same.
 */
public final class ServiceChartsViewModel implements ServicePart {
    /** How long counts are kept. */
    static final Duration COUNT_HISTORY = Duration.ofHours(2);
    /** Utilisation is read at most this often (backend time). */
    static final Duration UTILIZATION_INTERVAL = Duration.ofSeconds(30);
    /** Utilisation is read from this long before the panel opened... */
    static final Duration UTILIZATION_BEFORE_OPEN = Duration.ofHours(1);
    /** ...but never more than this far back. */
    static final Duration UTILIZATION_HISTORY = Duration.ofHours(3);

    public static final String NOT_AVAILABLE =
            "CPU and memory utilisation are not available from this backend (CloudWatch metrics are not read).";
    static final String READING = "Reading CPU and memory utilisation…";
    static final String NO_SAMPLES = "No CPU or memory samples yet.";

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

    private final ServicePanelContext ctx;
    private final ServiceRef ref;
    private final Instant openedAt;
    private final ObservableList<CountSample> counts = FXCollections.observableArrayList();
    private final ObservableList<MetricPoint> cpu = FXCollections.observableArrayList();
    private final ObservableList<MetricPoint> memory = FXCollections.observableArrayList();
    private final BooleanProperty utilizationAvailable = new SimpleBooleanProperty(true);
    private final StringProperty utilizationMessage = new SimpleStringProperty(READING);
    private Instant lastRead;
    private boolean reading;
    /** A read was missed since the last sample: the next one starts a new stretch of the lines. */
    private boolean gap;

    public ServiceChartsViewModel(ServicePanelContext ctx, ServiceRef ref, ReadOnlyObjectProperty<EcsService> service) {
        this.ctx = ctx;
        this.ref = ref;
        this.openedAt = now();
        // Every new description counts, equal or not (a change listener would skip equal ones).
        service.addListener((Observable o) -> sample(service.get()));
        sample(service.get());
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
        CountSample last = n == 0 ? null : counts.get(n - 1);
        CountSample sample = new CountSample(now(), s.desiredCount(), s.runningCount(), s.pendingCount(), gap && last != null);
        gap = false;
        if (last != null && !sample.time().isAfter(last.time())) {
            // The backend's clock has not moved: the newest description wins.
            if (!last.sameCounts(sample)) {
                counts.set(n - 1, new CountSample(last.time(), sample.desired(), sample.running(), sample.pending(), last.afterGap()));
            }
        } else if (n >= 2 && !sample.afterGap() && !last.afterGap() && last.sameCounts(sample) && counts.get(n - 2).sameCounts(sample)) {
            counts.set(n - 1, sample); // the flat run goes on: its end moves forward
        } else {
            counts.add(sample);
        }
        prune(sample.time().minus(COUNT_HISTORY));
    }

    /** Drops samples before {@code cutoff}; a run that started before it now starts at it. */
    private void prune(Instant cutoff) {
        int drop = 0;
        while (drop + 1 < counts.size() && !counts.get(drop + 1).time().isAfter(cutoff)) {
            drop++;
        }
        if (drop > 0) {
            counts.remove(0, drop);
        }
        CountSample first = counts.isEmpty() ? null : counts.get(0);
        if (first != null && first.time().isBefore(cutoff) && counts.size() > 1) {
            counts.set(0, first.at(cutoff));
        }
    }

    /** Nothing was observed for a while (the panel hidden, a read failed): the counts' lines break there. */
    @Override
    public void missed() {
        gap = true;
    }

    /** Reads the utilisation when 30 s of backend time have passed since the last read. */
    @Override
    public void refresh() {
        Instant now = now();
        if (reading || !utilizationAvailable.get()) { // not available stays so: the backend cannot change
            return;
        }
        if (lastRead != null && Duration.between(lastRead, now).compareTo(UTILIZATION_INTERVAL) < 0) {
            return;
        }
        lastRead = now;
        reading = true;
        Instant since = max(openedAt.minus(UTILIZATION_BEFORE_OPEN), now.minus(UTILIZATION_HISTORY));
        BackgroundTask.of(() -> ctx.provider().serviceUtilization(ref.cluster(), ref.service(), since))
                .onSuccess(this::showUtilization)
                .onFailure(error -> utilizationMessage.set("CPU and memory utilisation: " + ErrorText.of(error)))
                .onFinished(() -> reading = false)
                .executeWith(ctx.executor());
    }

    private void showUtilization(Optional<ServiceUtilization> read) {
        if (read.isEmpty()) {
            cpu.clear();
            memory.clear();
            utilizationAvailable.set(false);
            utilizationMessage.set(NOT_AVAILABLE);
            return;
        }
        merge(cpu, read.get().cpu());
        merge(memory, read.get().memory());
        utilizationAvailable.set(true);
        utilizationMessage.set(cpu.isEmpty() && memory.isEmpty() ? NO_SAMPLES : "");
    }

    /** Makes {@code target} equal to {@code fresh} (both oldest first), leaving points that did not change in place. */
    static void merge(ObservableList<MetricPoint> target, List<MetricPoint> fresh) {
        int i = 0;
        int j = 0;
        while (j < fresh.size()) {
            MetricPoint f = fresh.get(j);
            if (i >= target.size()) {
                target.addAll(fresh.subList(j, fresh.size()));
                return;
            }
            MetricPoint t = target.get(i);
            int order = t.time().compareTo(f.time());
            if (order < 0) {
                target.remove(i); // no longer returned
            } else if (order > 0) {
                target.add(i++, f);
                j++;
            } else {
                if (!t.equals(f)) {
                    target.set(i, f);
                }
                i++;
                j++;
            }
        }
        if (i < target.size()) {
            target.remove(i, target.size());
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Desired, running and pending counts over time, oldest first. */
    public ObservableList<CountSample> counts() {
        return counts;
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

    /** When the panel opened (backend time): the counts chart starts here. */
    public Instant openedAt() {
        return openedAt;
    }

    public ServiceRef ref() {
        return ref;
    }
}
