package dev.ecsdeck.ui.service;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A confirmation whose Confirm button stays off until the expected word is typed. Enter in the field
 * confirms once the word matches and does nothing before; elsewhere Cancel is the default.
 */
public final class DialogTypedConfirmer implements TypedConfirmer {
    private final Supplier<Window> owner;

    public DialogTypedConfirmer(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirmTyped(String title, String message, String expected) {
        ButtonType ok = new ButtonType("Confirm", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, null, ok, cancel);
        alert.setTitle(title);
        alert.setHeaderText(title);
        TextField typed = new TextField();
        typed.setId("typedConfirmation");
        typed.setPromptText(expected);
        Label text = new Label(message);
        text.setWrapText(true);
        alert.getDialogPane().setContent(new VBox(10, text, typed));
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
        }
        Button confirm = (Button) alert.getDialogPane().lookupButton(ok);
        confirm.setDefaultButton(false);
        confirm.disableProperty().bind(typed.textProperty().isNotEqualTo(expected));
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        // Enter in the field means "this is the name": consumed here, it does not reach the default button (Cancel).
        typed.setOnAction(e -> {
            e.consume();
            if (!confirm.isDisabled()) {
                confirm.fire();
            }
        });
        // The dialog gives its default button the focus as it shows; the name field takes it after that.
        alert.setOnShown(e -> Platform.runLater(typed::requestFocus));
        return alert.showAndWait().filter(ok::equals).isPresent();
    }
}
