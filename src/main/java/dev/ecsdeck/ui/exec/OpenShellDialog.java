package dev.ecsdeck.ui.exec;

import dev.ecsdeck.ui.common.Fxml;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "Open shell" window of one task: the container to open it in, Open shell, what happened, and
 * the AWS CLI command with a Copy button. A thin controller over {@link OpenShellViewModel}.
 */
public final class OpenShellDialog {
    private final OpenShellViewModel model;
    private final Stage stage = new Stage();
    @FXML
    private ComboBox<String> containerChoice;
    @FXML
    private Button openButton;
    @FXML
    private Label messageLabel;
    @FXML
    private TextArea commandArea;
    @FXML
    private Button copyButton;

    private OpenShellDialog(Window owner, OpenShellViewModel model) {
        this.model = model;
        Parent view = Fxml.load(this, "OpenShell.fxml");
        Scene scene = new Scene(view);
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        stage.setTitle(model.title());
        stage.setScene(scene);
    }

    /** Opens the window for the task; on the FX thread. */
    public static OpenShellDialog show(Window owner, OpenShellViewModel model) {
        OpenShellDialog dialog = new OpenShellDialog(owner, model);
        dialog.stage.show();
        return dialog;
    }

    @FXML
    private void initialize() {
        containerChoice.setItems(model.containers());
        containerChoice.valueProperty().bindBidirectional(model.containerProperty());
        // One container: nothing to choose.
        containerChoice.setDisable(model.containers().size() < 2);
        openButton.disableProperty().bind(model.canOpen().not());
        openButton.setTooltip(new Tooltip("Open a shell (/bin/sh) in the chosen container with ECS Exec"));
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.visibleProperty().bind(Bindings.isNotEmpty(model.messageProperty()));
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        commandArea.textProperty().bind(model.commandProperty());
        commandArea.visibleProperty().bind(Bindings.isNotEmpty(model.commandProperty()));
        commandArea.managedProperty().bind(commandArea.visibleProperty());
        copyButton.visibleProperty().bind(commandArea.visibleProperty());
        copyButton.setTooltip(new Tooltip("Copy the AWS CLI command to the clipboard"));
        // The window grows to show what came (it was sized before there was any).
        model.messageProperty().addListener((obs, was, now) -> stage.sizeToScene());
        model.commandProperty().addListener((obs, was, now) -> stage.sizeToScene());
    }

    @FXML
    private void open() {
        model.open();
    }

    @FXML
    private void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.commandProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void close() {
        stage.close();
    }

    public Stage stage() {
        return stage;
    }
}
