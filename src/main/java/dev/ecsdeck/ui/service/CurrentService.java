package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.EcsService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The service a panel shows, in one place: the panel's reads put it here, and so does every part
 * that changes it (scale, deploy, force a new deployment…) with the description the provider
 * returned, so every part shows the change at once rather than at the next read. A change whose
 * result the provider does not return (auto scaling) asks for a read now instead.
 */
public final class CurrentService {
    private final ObjectProperty<EcsService> service = new SimpleObjectProperty<>();
    /** How many changes have been published: a read begun before the last one may predate it. */
    private long changes;
    private Runnable readNow = () -> { };

    public CurrentService() {
    }

    public CurrentService(EcsService initial) {
        service.set(initial);
    }

    public ReadOnlyObjectProperty<EcsService> property() {
        return service;
    }

    public EcsService get() {
        return service.get();
    }

    /** The service as a change left it (what UpdateService returned): every part shows it now. */
    public void publish(EcsService updated) {
        if (updated == null) {
            return;
        }
        changes++;
        service.set(updated);
    }

    /** A change the provider did not describe the service after (auto scaling may move the desired count): read it now. */
    public void readNow() {
        readNow.run();
    }

    /** Who reads the service when asked to (the panel). */
    void onReadNow(Runnable read) {
        this.readNow = read;
    }

    /** Marks the start of a read: hand the mark back with its result. */
    long readStarting() {
        return changes;
    }

    /** A read's result, shown unless a change was published while it was under way (it may describe the service before it). */
    boolean read(EcsService s, long mark) {
        if (mark != changes) {
            return false;
        }
        service.set(s);
        return true;
    }
}
