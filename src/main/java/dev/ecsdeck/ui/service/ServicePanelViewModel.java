package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The service panel: reads the service (DescribeServices) whenever {@link #poll()} is called — the
 * view does so every two seconds while it shows — publishes it to its parts through its
 * {@link CurrentService}, and lets each part read what else it shows. A part that changes the
 * service publishes what the change returned there too, so every part shows it at once. The
 * counts headline is here; everything else is in the parts.
 */
public final class ServicePanelViewModel {
    private final ServicePanelContext context;
    private final ServiceRef ref;
    private final CurrentService current = new CurrentService();
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final List<ServicePart> parts = new ArrayList<>();
    private final javafx.beans.property.LongProperty reads = new javafx.beans.property.SimpleLongProperty();
    private final javafx.beans.property.LongProperty skipped = new javafx.beans.property.SimpleLongProperty();
    private boolean polling;
    /** A read was asked for while one was under way, which may have begun before the change that asked. */
    private boolean readAgain;

    public ServicePanelViewModel(ServicePanelContext context, ServiceRef ref) {
        this.context = context;
        this.ref = ref;
        current.property().addListener((obs, was, now) -> show(now));
        current.onReadNow(this::readNow);
    }

    /** Adds a part; it is refreshed after each read of the service, in the order added. */
    public <P extends ServicePart> P add(P part) {
        parts.add(part);
        return part;
    }

    /** Reads the service once more, then lets every part refresh. A read still in flight is not doubled. */
    public void poll() {
        if (polling) {
            return;
        }
        polling = true;
        long mark = current.readStarting();
        BackgroundTask.of(() -> context.provider().describeServices(ref.cluster(), List.of(ref.service())))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        message.set("Service " + ref + " no longer exists.");
                        return;
                    }
                    message.set("");
                    current.read(found.get(0), mark); // not shown when a change was published meanwhile: it may predate it
                    parts.forEach(ServicePart::refresh);
                    reads.set(reads.get() + 1);
                })
                .onFailure(error -> {
                    message.set(ErrorText.of(error) + " (retrying)");
                    parts.forEach(ServicePart::missed);
                })
                .onFinished(() -> {
                    polling = false;
                    if (readAgain) {
                        readAgain = false;
                        poll();
                    }
                })
                .executeWith(context.executor());
    }

    private void readNow() {
        if (polling) {
            readAgain = true;
        } else {
            poll();
        }
    }

    /** A change made elsewhere in the window (the editor's "Deploy to…"): shown at once when it is this panel's service. */
    public void changedElsewhere(EcsService updated) {
        if (updated != null && ref.is(updated)) {
            current.publish(updated);
        }
    }

    /** A read skipped because the panel is not on screen: the parts learn that nothing was observed. */
    public void skip() {
        parts.forEach(ServicePart::missed);
        skipped.set(skipped.get() + 1);
    }

    private void show(EcsService s) {
        if (s == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append(s.desiredCount()).append(" desired · ").append(s.runningCount()).append(" running · ")
                .append(s.pendingCount()).append(" pending");
        if (s.deployments().size() > 1) {
            for (Deployment d : s.deployments()) {
                text.append("\n").append(d.status()).append(' ').append(dev.ecsdeck.model.Arns.familyRevision(d.taskDefinition()))
                        .append(": ").append(d.runningCount()).append('/').append(d.desiredCount()).append(" running, ")
                        .append(d.pendingCount()).append(" pending");
            }
        }
        counts.set(text.toString());
    }

    public ServiceRef ref() {
        return ref;
    }

    public ServicePanelContext context() {
        return context;
    }

    public ReadOnlyObjectProperty<EcsService> serviceProperty() {
        return current.property();
    }

    /** Where the parts read the service and publish what their changes return. */
    public CurrentService current() {
        return current;
    }

    /** "4 desired · 3 running · 1 pending", one more line per deployment while there are several. */
    public ReadOnlyStringProperty countsProperty() {
        return counts;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** How many reads were skipped while the panel was hidden (tests wait for one before moving the clock). */
    public javafx.beans.property.ReadOnlyLongProperty skippedProperty() {
        return skipped;
    }

    /** How many reads of the service have been shown (tests wait for the next one after moving the clock). */
    public javafx.beans.property.ReadOnlyLongProperty readsProperty() {
        return reads;
    }
}
