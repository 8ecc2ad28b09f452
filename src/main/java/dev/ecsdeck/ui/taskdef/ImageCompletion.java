package dev.ecsdeck.ui.taskdef;

import impl.org.controlsfx.skin.AutoCompletePopup;
import impl.org.controlsfx.skin.AutoCompletePopupSkin;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

/**
 * The suggestions under an image field, as the user types: the account's ECR repositories, then
 * the chosen repository's tags and digests with when each was pushed, its size and its scan
 * findings. Arrow keys and Enter, or a click, pick one. The list is drawn from what the catalog
 * keeps; typing asks it for what it lacks, and the list is shown again when that arrives.
 */
final class ImageCompletion {
    private ImageCompletion() {}

    static void attach(TextField field, ImageCatalog catalog) {
        AutoCompletionBinding<ImageSuggestion> binding = TextFields.bindAutoCompletion(field,
                request -> request.isCancelled() ? List.of() : catalog.suggest(request.getUserText()), new StringConverter<>() {
                    @Override
                    public String toString(ImageSuggestion s) {
                        return s == null ? "" : s.value();
                    }

                    @Override
                    public ImageSuggestion fromString(String text) {
                        return null;
                    }
                });
        binding.setDelay(100);
        binding.setVisibleRowCount(10);
        binding.minWidthProperty().bind(field.widthProperty());
        AutoCompletePopup<ImageSuggestion> popup = binding.getAutoCompletionPopup();
        popup.getStyleClass().add("image-suggestions");
        // ControlsFX's popup stylesheet reads Modena's colours, which the theme does not define: named here from the theme's.
        popup.setStyle("-fx-color: -color-bg-default; -fx-control-inner-background: -color-bg-default;"
                + " -fx-selection-bar-non-focused: -color-accent-subtle; -fx-selection-bar: -color-accent-muted; -fx-accent: -color-accent-muted;");
        // A click elsewhere (Register, another field) closes the list and still does what it was for.
        popup.setConsumeAutoHidingEvents(false);
        popup.setSkin(new AutoCompletePopupSkin<>(popup, list -> {
            // The popup's height is counted in rows of 24: each row is that high, so the last one is not cut off.
            list.setFixedCellSize(24);
            // Tab leaves the field, as everywhere else, rather than taking a suggestion (the list's own Tab): only Enter or a click takes one.
            // Enter takes the selected suggestion only while the list is the one for what is typed now: a list still
            // drawn for the text before the last keystroke (it is fetched after a short delay) is closed instead,
            // and the field keeps what was typed.
            list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                boolean stale = e.getCode() == KeyCode.ENTER && !catalog.suggest(field.getText()).contains(list.getSelectionModel().getSelectedItem());
                if (e.getCode() == KeyCode.TAB || stale) {
                    e.consume();
                    popup.hide();
                    field.fireEvent(e.copyFor(field, field));
                }
            });
            return new SuggestionCell();
        }));
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                catalog.want(field.getText());
            }
        });
        field.textProperty().addListener((obs, was, now) -> {
            if (field.isFocused()) {
                catalog.want(now);
            }
        });
        // What was missing arrived: the list is drawn again for what is typed now.
        catalog.versionProperty().addListener((obs, was, now) -> {
            if (field.isFocused()) {
                binding.setUserInput(field.getText());
            }
        });
        // A repository picked: its tags follow at once (after the binding has closed its list).
        binding.setOnAutoCompleted(e -> {
            if (e.getCompletion() != null && e.getCompletion().kind() == ImageSuggestion.Kind.REPOSITORY) {
                Platform.runLater(() -> {
                    catalog.want(field.getText());
                    binding.setUserInput(field.getText());
                });
            }
        });
    }

    /** One line: the tag (or repository, or digest) in bold, then what is known of it. */
    private static final class SuggestionCell extends ListCell<ImageSuggestion> {
        private final Label title = new Label();
        private final Label details = new Label();
        private final HBox line = new HBox(12, title, details);

        SuggestionCell() {
            title.setStyle("-fx-font-weight: bold;");
            details.setStyle("-fx-opacity: 0.75;");
            line.getStyleClass().add("image-suggestion");
        }

        @Override
        protected void updateItem(ImageSuggestion s, boolean empty) {
            super.updateItem(s, empty);
            setText(null);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            title.setText(s.title());
            details.setText(s.details());
            setGraphic(line);
        }
    }
}
