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
 * A diff shown as a table: one row per field path with the left and right values, coloured by
 * change, or the same diff as text; "Only changes" hides the unchanged paths. Side by side where
 * there is room; stacked (the old value above the new, each the column's whole width) in a narrow
 * place such as beside the editor, so a changed image reference shows whole to its tag.
 */
public final class RevisionDiffPane {
    private final BorderPane view = new BorderPane();

    public RevisionDiffPane(DiffViewModel model) {
        this(model, false);
    }

    public RevisionDiffPane(DiffViewModel model, boolean stacked) {
        CheckBox onlyChanges = new CheckBox("Only changes");
        onlyChanges.setId("onlyChanges");
        onlyChanges.selectedProperty().bindBidirectional(model.onlyChangesProperty());
        ToggleButton asText = new ToggleButton("As text");
        asText.setId("diffAsText");
        Label count = new Label();
        count.getStyleClass().add("log-status");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> dev.ecsdeck.ui.common.Plural.of((int) model.rows().stream().filter(d -> d.change() != DiffEntry.Change.UNCHANGED).count(),
                        "changed path"), model.rows()));
        onlyChanges.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        asText.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, onlyChanges, asText, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("diff-bar");

        TableView<DiffEntry> table = new TableView<>(model.rows());
        table.setId("diffTable");
        table.setPlaceholder(new Label("No differences"));
        TableColumn<DiffEntry, String> path = column(new SimpleStringProperty("Path"), DiffEntry::path, 120);
        path.setMinWidth(60);
        // A path is long only at its start ("containerDefinitions[0]."): its end, the field, stays.
        path.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
                // Beside the first line of its values (two when stacked), not in the middle of the row.
                setAlignment(Pos.TOP_LEFT);
            }
        });
        if (stacked) {
            path.setPrefWidth(100);
            TableColumn<DiffEntry, DiffEntry> both = valueColumn(javafx.beans.binding.Bindings.concat(model.leftTitleProperty(), " \u2192 ",
                    model.rightTitleProperty()), DiffValueCell.Shows.BOTH, "diffValues");
            both.setPrefWidth(300);
            table.getColumns().setAll(path, both);
        } else {
            table.getColumns().setAll(path, valueColumn(model.leftTitleProperty(), DiffValueCell.Shows.OLD, "diffLeft"),
                    valueColumn(model.rightTitleProperty(), DiffValueCell.Shows.NEW, "diffRight"));
        }
        // Shared out in proportion: the values get the larger share.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(DiffEntry d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().removeIf(s -> s.startsWith("diff-"));
                setTooltip(null);
                if (!empty && d != null) {
                    getStyleClass().add("diff-" + d.change().name().toLowerCase(Locale.ROOT));
                    // The columns are narrow beside the editor: the whole line on hover.
                    javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip(d.asText());
                    whole.setWrapText(true);
                    whole.setMaxWidth(640);
                    setTooltip(whole);
                }
            }
        });
        TextArea text = new TextArea();
        text.setId("diffText");
        text.setEditable(false);
        // Long lines wrap: the changed part at the end of a line is never off to the side.
        text.setWrapText(true);
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

    private static TableColumn<DiffEntry, DiffEntry> valueColumn(ObservableStringValue title, DiffValueCell.Shows shows, String id) {
        TableColumn<DiffEntry, DiffEntry> c = new TableColumn<>();
        c.textProperty().bind(title);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setCellFactory(col -> new DiffValueCell(shows));
        c.setPrefWidth(240);
        c.setMinWidth(60);
        c.setId(id);
        return c;
    }

    public Parent view() {
        return view;
    }
}
