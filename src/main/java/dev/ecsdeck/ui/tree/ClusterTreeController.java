package dev.ecsdeck.ui.tree;

import dev.ecsdeck.ui.common.Fxml;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** Binds the tree view to its view model: rows, selection, the stopped-tasks toggle. */
public final class ClusterTreeController {
    private final ClusterTreeViewModel viewModel;
    private final Parent view;
    @FXML
    private TreeView<TreeEntry> treeView;
    @FXML
    private CheckBox showStoppedBox;

    public ClusterTreeController(ClusterTreeViewModel viewModel) {
        this.viewModel = viewModel;
        this.view = Fxml.load(this, "ClusterTree.fxml");
    }

    @FXML
    private void initialize() {
        treeView.setRoot(viewModel.root());
        treeView.setCellFactory(tv -> new ClusterTreeCell());
        showStoppedBox.selectedProperty().bindBidirectional(viewModel.showStoppedTasksProperty());
        // The detail follows the selected row, and the row's value when a refresh replaces it.
        ChangeListener<TreeEntry> valueChanged = (obs, was, now) -> viewModel.selectedProperty().set(now);
        treeView.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.valueProperty().removeListener(valueChanged);
            }
            if (now != null) {
                now.valueProperty().addListener(valueChanged);
            }
            viewModel.selectedProperty().set(now == null ? null : now.getValue());
        });
    }

    public Parent view() {
        return view;
    }

    public TreeView<TreeEntry> treeView() {
        return treeView;
    }

    /** Selects and shows a row. */
    public void select(TreeItem<TreeEntry> item) {
        for (TreeItem<TreeEntry> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
        treeView.getSelectionModel().select(item);
        int row = treeView.getRow(item);
        if (row >= 0) {
            treeView.scrollTo(Math.max(0, row - 3));
        }
    }
}
