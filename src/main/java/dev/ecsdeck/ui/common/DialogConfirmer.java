package dev.ecsdeck.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks with a modal dialog whose default button is Cancel, so Enter never confirms by accident. */
public final class DialogConfirmer implements Confirmer {
    private final Window owner;

    public DialogConfirmer(Window owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String message) {
        return confirm(title, message, "Confirm", "Cancel");
    }

    @Override
    public boolean confirm(String title, String message, String goOn, String goBack) {
        ButtonType ok = new ButtonType(goOn, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(goBack, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ok, cancel);
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (owner != null) {
            alert.initOwner(owner);
        }
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ok)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        return alert.showAndWait().filter(ok::equals).isPresent();
    }
}
