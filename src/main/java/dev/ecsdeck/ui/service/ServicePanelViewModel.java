package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The service panel: reads the service (DescribeServices) whenever {@link #poll()} is called — the
 * view does so every two seconds while it shows — publishes it to its parts, and lets each part
 * read what else it shows. The counts headline is here; everything else is in the parts.
 */
public final class ServicePanelViewModel {
    private final ServicePanelContext context;
    private final ServiceRef ref;
    private final ObjectProperty<EcsService> service = new SimpleObjectProperty<>();
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final List<ServicePart> parts = new ArrayList<>();
    private final javafx.beans.property.LongProperty reads = new javafx.beans.property.SimpleLongProperty();
    private final javafx.beans.property.LongProperty skipped = new javafx.beans.property.SimpleLongProperty();
    private boolean polling;

    public ServicePanelViewModel(ServicePanelContext context, ServiceRef ref) {
        this.context = context;
        this.ref = ref;
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
        BackgroundTask.of(() -> context.provider().describeServices(ref.cluster(), List.of(ref.service())))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        message.set("Service " + ref + " no longer exists.");
                        return;
                    }
                    message.set("");
                    show(found.get(0));
                    parts.forEach(ServicePart::refresh);
                    reads.set(reads.get() + 1);
                })
                .onFailure(error -> {
                    message.set(ErrorText.of(error) + " (retrying)");
                    parts.forEach(ServicePart::missed);
                })
                .onFinished(() -> polling = false)
                .executeWith(context.executor());
    }

    /** A read skipped because the panel is not on screen: the parts learn that nothing was observed. */
    public void skip() {
        parts.forEach(ServicePart::missed);
        skipped.set(skipped.get() + 1);
    }

    private void show(EcsService s) {
        service.set(s);
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
        return service;
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
