package dev.ecsdeck.ui.attention;

import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.TextColumns;
import dev.ecsdeck.ui.common.TimeFormat;
import java.util.List;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/** The "Needs attention" list: one row per problem, sortable; double-click or Enter goes to it in the tree. */
public final class AttentionController {
    private final AttentionViewModel model;
    private final Parent view;
    @FXML
    private Label statusLabel;
    @FXML
    private TableView<AttentionItem> table;

    public AttentionController(AttentionViewModel model) {
        this.model = model;
        this.view = Fxml.load(this, "Attention.fxml");
    }

    @FXML
    private void initialize() {
        statusLabel.textProperty().bind(model.statusProperty());
        SortedList<AttentionItem> sorted = new SortedList<>(model.items());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("Nothing needs attention"));
        table.getColumns().setAll(List.of(
                TextColumns.of("Cluster", AttentionItem::cluster, 95),
                TextColumns.of("Service or instance", AttentionItem::subject, 150),
                TextColumns.of("Problem", i -> i.kind().label(), 120),
                TextColumns.withTooltips("What", AttentionItem::what, 420),
                TextColumns.withTooltips("Since", i -> TimeFormat.local(i.since()) + " (" + i.sinceBasis() + ")", 300)));
        table.setRowFactory(t -> {
            TableRow<AttentionItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.reveal(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.reveal(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    public Parent view() {
        return view;
    }

    public TableView<AttentionItem> table() {
        return table;
    }
}
