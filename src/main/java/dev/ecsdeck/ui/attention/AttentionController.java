package dev.ecsdeck.ui.attention;

import dev.ecsdeck.ui.common.Fxml;
import dev.ecsdeck.ui.common.WrappedColumns;
import java.util.List;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
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
        // Fits the tab at the default window size: "What" takes the rest and wraps (whole text in its tooltip),
        // "Since" is short, with the full time and what it is based on in its tooltip.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column(WrappedColumns.of("Cluster", AttentionItem::cluster, 95, 2), 70),
                column(WrappedColumns.of("Service or instance", AttentionItem::subject, 150, 2), 90),
                column(WrappedColumns.of("Problem", i -> i.kind().label(), 125, 2), 75),
                column(WrappedColumns.of("Since", model::sinceShort, AttentionItem::sinceInFull, 125, 2), 70),
                column(WrappedColumns.of("What", AttentionItem::what, 400, 3), 200)));
        WrappedColumns.fit(table);
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

    private static TableColumn<AttentionItem, String> column(TableColumn<AttentionItem, String> c, double minWidth) {
        c.setMinWidth(minWidth); // the header's text widens it when needed
        return c;
    }

    public Parent view() {
        return view;
    }

    public TableView<AttentionItem> table() {
        return table;
    }
}
