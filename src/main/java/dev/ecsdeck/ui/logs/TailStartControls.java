package dev.ecsdeck.ui.logs;

import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Binds a start-point choice box, its time field (shown for "a chosen time") and its error label to a chooser. */
final class TailStartControls {
    private TailStartControls() {}

    static void bind(TailStartChooser chooser, ChoiceBox<TailStart.Choice> choice, TextField time, Label error) {
        choice.setItems(FXCollections.observableArrayList(TailStart.Choice.values()));
        choice.valueProperty().bindBidirectional(chooser.choiceProperty());
        time.textProperty().bindBidirectional(chooser.timeTextProperty());
        time.setPromptText(TailStart.TIME_FORMAT);
        time.visibleProperty().bind(chooser.choiceProperty().isEqualTo(TailStart.Choice.CHOSEN));
        time.managedProperty().bind(time.visibleProperty());
        error.textProperty().bind(chooser.errorProperty());
        error.visibleProperty().bind(chooser.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
    }
}
