package dev.ecsdeck.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * True while any background task showing it runs ({@link BackgroundTask#showingBusy}): set when
 * the first is handed to the executor, cleared when the last has finished, however it finished.
 * Touched on the UI thread only.
 */
public final class BusyFlag {
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int running;

    public ReadOnlyBooleanProperty property() {
        return busy.getReadOnlyProperty();
    }

    /**
     * The property's own value: reading it is what lets its next change notify again (a JavaFX
     * property not read since it last changed stays quiet), so a binding that calls this, and
     * depends on {@link #property()}, follows every change.
     */
    public boolean isBusy() {
        return busy.get();
    }

    void begin() {
        running++;
        busy.set(true);
    }

    void end() {
        running--;
        busy.set(running > 0);
    }
}
