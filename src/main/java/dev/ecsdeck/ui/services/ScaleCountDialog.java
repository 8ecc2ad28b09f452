package dev.ecsdeck.ui.services;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for the one desired count to give the selected services; the confirmation comes after it. */
final class ScaleCountDialog {
    static final int MAX = 10_000;

    private ScaleCountDialog() {}

    static Optional<Integer> ask(Window owner, List<ServiceRow> rows) {
        ButtonType next = new ButtonType("Scale…", ButtonBar.ButtonData.OK_DONE);
        Dialog<Integer> dialog = new Dialog<>();
        dialog.setTitle("Scale services");
        dialog.setHeaderText("Desired count for " + rows.stream().map(ServiceRow::name).collect(Collectors.joining(", ")));
        Spinner<Integer> spinner = new Spinner<>(0, MAX, rows.get(0).desired());
        spinner.setId("scaleCountSpinner");
        spinner.setEditable(true);
        String now = rows.stream().map(r -> r.name() + " " + r.desired()).collect(Collectors.joining(", "));
        Label current = new Label("Now: " + now + ". You are asked to confirm next.");
        current.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(10, current, spinner));
        dialog.getDialogPane().getButtonTypes().addAll(next, ButtonType.CANCEL);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setOnShown(e -> spinner.getEditor().requestFocus());
        dialog.setResultConverter(button -> {
            if (button != next) {
                return null;
            }
            try {
                int typed = Integer.parseInt(spinner.getEditor().getText().trim());
                return typed < 0 || typed > MAX ? null : typed; // out of range: nothing to scale to
            } catch (NumberFormatException e) {
                return null; // not a number: nothing to scale to
            }
        });
        return dialog.showAndWait();
    }
}
