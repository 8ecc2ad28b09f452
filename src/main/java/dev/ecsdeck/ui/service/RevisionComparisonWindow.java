package dev.ecsdeck.ui.service;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.TaskExecutor;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window of its own comparing two service revisions, beside the console rather than over it (not
 * modal: one can keep watching the deployment while reading the comparison). It takes the owner's
 * stylesheets and light or dark look, and closes with its Close button or Escape.
 */
public final class RevisionComparisonWindow {
    private final Stage stage;
    private final RevisionComparisonViewModel model;

    private RevisionComparisonWindow(Window owner, RevisionComparisonViewModel model) {
        this.model = model;
        this.stage = new Stage();
        RevisionComparisonController controller = new RevisionComparisonController(model, this::close);
        Scene scene = new Scene(controller.view());
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
                if (owner.getScene().getRoot() != null && owner.getScene().getRoot().getStyleClass().contains("dark")) {
                    scene.getRoot().getStyleClass().add("dark");
                }
            }
        }
        stage.titleProperty().bind(model.titleProperty());
        stage.setScene(scene);
    }

    /**
     * Opens a window comparing the service revision {@code olderRevisionArn} (left) with
     * {@code newerRevisionArn} (right) of one service and starts reading both, with their task
     * definitions, through {@code executor}. On the FX thread.
     */
    public static RevisionComparisonWindow open(Window owner, EcsProvider provider, TaskExecutor executor, String olderRevisionArn,
            String newerRevisionArn) {
        RevisionComparisonWindow window = new RevisionComparisonWindow(owner,
                new RevisionComparisonViewModel(provider, executor, olderRevisionArn, newerRevisionArn));
        window.stage.show();
        window.model.load();
        return window;
    }

    public void close() {
        stage.close();
    }

    public Stage stage() {
        return stage;
    }

    public RevisionComparisonViewModel model() {
        return model;
    }
}
