package dev.ecsdeck.ui.exec;

import dev.ecsdeck.ui.common.ReadOnlyHint;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;

/**
 * The "Open shell…" item of a task's menu: off, with the reason in its tooltip, when the task cannot
 * open a shell (no ECS Exec, not RUNNING) and in read-only mode (a shell can change anything).
 */
public final class ShellMenuItem {
    public static final String TEXT = "Open shell…";

    private ShellMenuItem() {
    }

    /** The item; {@code unavailableReason} null when the task can open a shell. */
    public static MenuItem of(String unavailableReason, ObservableBooleanValue readOnly, Runnable open) {
        Label label = new Label(TEXT);
        label.setId("openShellItem");
        CustomMenuItem item = new CustomMenuItem(label);
        item.setText(TEXT); // not drawn (the label is); what the item says, for whoever lists a menu's items
        item.getStyleClass().add("mutating");
        item.setMnemonicParsing(false);
        // The tooltip sits on the label (a menu item has none); ReadOnlyHint shows it while the item is off.
        ReadOnlyHint.apply(label, readOnly, unavailableReason != null ? unavailableReason
                : "Open a shell (/bin/sh) in one of the task's containers with ECS Exec");
        item.disableProperty().bind(Bindings.createBooleanBinding(() -> unavailableReason != null || readOnly.get(), readOnly));
        label.disableProperty().bind(item.disableProperty());
        item.setOnAction(e -> open.run());
        return item;
    }
}
