package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.taskdef.DiffEntry;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * A diff shown side by side: one row per field path with the left and right values, coloured by
 * change, or the same diff as text; "Only changes" hides the unchanged paths.
 */
public final class RevisionDiffPane {
    private final BorderPane view = new BorderPane();

    public RevisionDiffPane(DiffViewModel model) {
        CheckBox onlyChanges = new CheckBox("Only changes");
        onlyChanges.setId("onlyChanges");
        onlyChanges.selectedProperty().bindBidirectional(model.onlyChangesProperty());
        ToggleButton asText = new ToggleButton("As text");
        asText.setId("diffAsText");
        Label count = new Label();
        count.getStyleClass().add("log-status");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.rows().stream().filter(d -> d.change() != DiffEntry.Change.UNCHANGED).count() + " changed paths", model.rows()));
        onlyChanges.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        asText.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, onlyChanges, asText, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("diff-bar");

        TableView<DiffEntry> table = new TableView<>(model.rows());
        table.setId("diffTable");
        table.setPlaceholder(new Label("No differences"));
        table.getColumns().setAll(column(new SimpleStringProperty("Path"), DiffEntry::path, 230),
                column(model.leftTitleProperty(), DiffEntry::left, 220), column(model.rightTitleProperty(), DiffEntry::right, 220));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(DiffEntry d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().removeIf(s -> s.startsWith("diff-"));
                setTooltip(null);
                if (!empty && d != null) {
                    getStyleClass().add("diff-" + d.change().name().toLowerCase(Locale.ROOT));
                    // The columns are narrow beside the editor: the whole line on hover.
                    setTooltip(new javafx.scene.control.Tooltip(d.asText()));
                }
            }
        });
        TextArea text = new TextArea();
        text.setId("diffText");
        text.setEditable(false);
        text.getStyleClass().add("document-area");
        text.textProperty().bind(model.textProperty());
        text.visibleProperty().bind(asText.selectedProperty());
        table.visibleProperty().bind(asText.selectedProperty().not());

        view.setTop(bar);
        view.setCenter(new StackPane(table, text));
        view.getStyleClass().add("revision-diff");
    }

    private static TableColumn<DiffEntry, String> column(ObservableStringValue title, java.util.function.Function<DiffEntry, String> value,
            double width) {
        TableColumn<DiffEntry, String> c = new TableColumn<>();
        c.textProperty().bind(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public Parent view() {
        return view;
    }
}
