package dev.ecsdeck.ui.tree;

import dev.ecsdeck.ui.common.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/** The quick-open picker: type, arrow to a result, Enter opens it in the tree, Escape closes. */
public final class QuickOpenDialog {
    private final QuickOpenViewModel viewModel;
    private final Parent view;
    private Stage stage;
    @FXML
    private TextField queryField;
    @FXML
    private ListView<QuickOpenViewModel.Target> resultsList;
    @FXML
    private Label statusLabel;

    public QuickOpenDialog(QuickOpenViewModel viewModel) {
        this.viewModel = viewModel;
        this.view = Fxml.load(this, "QuickOpen.fxml");
    }

    @FXML
    private void initialize() {
        queryField.textProperty().bindBidirectional(viewModel.queryProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        resultsList.setItems(viewModel.shown());
        resultsList.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(QuickOpenViewModel.Target t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.label());
            }
        });
        viewModel.shown().addListener((javafx.collections.ListChangeListener<QuickOpenViewModel.Target>) c -> {
            if (!viewModel.shown().isEmpty() && resultsList.getSelectionModel().isEmpty()) {
                resultsList.getSelectionModel().selectFirst();
            }
        });
        queryField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                resultsList.requestFocus();
                resultsList.getSelectionModel().selectNext();
            } else if (e.getCode() == KeyCode.ENTER) {
                choose();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
            }
        });
        queryField.textProperty().addListener((obs, was, now) -> resultsList.getSelectionModel().selectFirst());
        resultsList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
            }
        });
        resultsList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                choose();
            }
        });
    }

    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage(StageStyle.UTILITY);
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setTitle("Quick open");
            javafx.scene.Scene scene = new javafx.scene.Scene(view);
            if (owner != null && owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
            stage.setScene(scene);
        }
        viewModel.load();
        stage.show();
        queryField.requestFocus();
    }

    private void choose() {
        QuickOpenViewModel.Target t = resultsList.getSelectionModel().getSelectedItem();
        close();
        viewModel.open(t);
    }

    private void close() {
        if (stage != null) {
            stage.hide();
        }
    }
}
