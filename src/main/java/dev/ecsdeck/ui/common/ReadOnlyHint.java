package dev.ecsdeck.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/** The tooltip of a control that changes something: why it is off in read-only mode, else what it does. */
public final class ReadOnlyHint {
    public static final String READ_ONLY = "Read-only mode: changes are turned off.";

    private ReadOnlyHint() {
    }

    public static void apply(Control control, ObservableBooleanValue readOnly, String whatItDoes) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> readOnly.get() ? READ_ONLY : whatItDoes, readOnly));
        control.setTooltip(tip);
    }
}
