package dev.ecsdeck.ui.service;

import dev.ecsdeck.ui.common.ReadOnlyHint;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The history table of the Deployments tab: its columns, a selection that holds across refreshes
 * (a row the refresh replaced is selected again by its ARN), the row menu, and the buttons that act
 * on the selection ("Roll back to this revision…", "Compare revisions…").
 */
final class DeploymentHistoryTable {
    private final DeploymentHistoryViewModel history;
    private final TableView<DeploymentHistoryRow> table;
    /** The ARNs the user selected; put back after a refresh replaced their rows. */
    private List<String> chosen = List.of();
    private boolean restoring;

    DeploymentHistoryTable(DeploymentHistoryViewModel history, TableView<DeploymentHistoryRow> table, Label message, Button rollBackTo,
            Button compare) {
        this.history = history;
        this.table = table;
        message.textProperty().bind(history.messageProperty());
        message.visibleProperty().bind(history.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        table.setItems(history.rows());
        table.setPlaceholder(new Label("No service deployments yet"));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().setAll(TableFit.text("Status · stage", r -> r.stage().isEmpty() ? r.status() : r.status() + " · " + r.stage()),
                TableFit.text("Strategy", DeploymentHistoryRow::strategy), TableFit.text("Revisions", DeploymentHistoryRow::revisions),
                TableFit.text("When", r -> r.inFlight() ? "since " + r.started() : r.started() + " – " + r.finished()),
                TableFit.text("Took", DeploymentHistoryRow::duration), TableFit.text("Reason", DeploymentHistoryRow::reason));
        TableFit.fit(table);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<DeploymentHistoryRow>) c -> selectionChanged());
        history.onMerged(this::restoreSelection);
        table.setRowFactory(t -> {
            TableRow<DeploymentHistoryRow> row = new TableRow<>();
            row.itemProperty().addListener((obs, was, item) -> row.setContextMenu(item == null ? null : menu(item)));
            return row;
        });

        rollBackTo.disableProperty().bind(history.rollBackOffProperty());
        ReadOnlyHint.apply(rollBackTo, history.readOnly(), "Deploy again the revision the selected finished deployment came from (asks first).");
        compare.visibleProperty().bind(history.canCompare());
        compare.managedProperty().bind(compare.visibleProperty());
        compare.disableProperty().bind(Bindings.createBooleanBinding(() -> history.comparedRevisions().size() != 2, history.selected()));
        compare.setTooltip(new Tooltip("Select one deployment (its two revisions) or two (their new revisions)."));
    }

    /** The row's menu: roll back to the revision it came from, or to the one it deployed (any earlier revision). */
    private ContextMenu menu(DeploymentHistoryRow row) {
        ContextMenu menu = new ContextMenu();
        if (row.sourceRevisionArn() != null && !row.inFlight()) {
            menu.getItems().add(rollBackItem("Roll back to " + row.sourceLabel() + "…", row.sourceRevisionArn()));
        }
        if (row.targetRevisionArn() != null) {
            menu.getItems().add(rollBackItem("Roll back to " + row.targetLabel() + "…", row.targetRevisionArn()));
        }
        return menu.getItems().isEmpty() ? null : menu;
    }

    private MenuItem rollBackItem(String text, String revisionArn) {
        MenuItem item = new MenuItem(text);
        item.getStyleClass().add("mutating");
        item.disableProperty().bind(Bindings.createBooleanBinding(() -> history.readOnly().get() || history.service().get() == null
                || history.labels().taskDefinition(revisionArn) == null, history.readOnly(), history.service()));
        item.setOnAction(e -> history.rollBackTo(revisionArn));
        return item;
    }

    private void selectionChanged() {
        if (restoring || history.merging()) {
            return;
        }
        List<DeploymentHistoryRow> now = List.copyOf(table.getSelectionModel().getSelectedItems());
        chosen = now.stream().map(DeploymentHistoryRow::arn).toList();
        history.selected().setAll(now);
    }

    /** After a refresh: the same deployments selected as before, their rows being the fresh ones. */
    private void restoreSelection() {
        restoring = true;
        try {
            List<DeploymentHistoryRow> rows = history.rows();
            List<String> selectedNow = table.getSelectionModel().getSelectedItems().stream().map(DeploymentHistoryRow::arn).toList();
            if (!selectedNow.equals(chosen)) {
                table.getSelectionModel().clearSelection();
                for (int i = 0; i < rows.size(); i++) {
                    if (chosen.contains(rows.get(i).arn())) {
                        table.getSelectionModel().select(i);
                    }
                }
            }
        } finally {
            restoring = false;
        }
        List<DeploymentHistoryRow> fresh = history.rows().stream().filter(r -> chosen.contains(r.arn())).toList();
        if (!fresh.equals(history.selected())) {
            history.selected().setAll(fresh);
        }
    }
}
