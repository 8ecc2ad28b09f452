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

    public boolean isBusy() {
        return running > 0;
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
