package dev.ecsdeck.ui.service;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window of its own comparing two service revisions, beside the console rather than over it (not
 * modal: one can keep watching the deployment while reading the comparison). It takes the owner's
 * stylesheets and light or dark look, and closes with its Close button or Escape.
 */
public final class RevisionComparisonWindow {
    private static final String DARK = "dark";
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
                followDarkness(owner.getScene().getRoot(), scene.getRoot());
            }
        }
        stage.titleProperty().bind(model.titleProperty());
        stage.setScene(scene);
    }

    /** The console's dark switch marks its root "dark" (see the shell's Theme); this window's root follows while it is open. */
    private void followDarkness(Parent consoleRoot, Parent root) {
        if (consoleRoot == null) {
            return;
        }
        Runnable follow = () -> {
            boolean dark = consoleRoot.getStyleClass().contains(DARK);
            if (!dark) {
                root.getStyleClass().remove(DARK);
            } else if (!root.getStyleClass().contains(DARK)) {
                root.getStyleClass().add(DARK);
            }
        };
        follow.run();
        ListChangeListener<String> listener = c -> follow.run();
        consoleRoot.getStyleClass().addListener(listener);
        stage.setOnHidden(e -> consoleRoot.getStyleClass().removeListener(listener));
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

    /**
     * The same from the service panel: {@code olderThenNewer} is what the deployment history's
     * "Compare revisions…" hands over, two service revision ARNs, the older first.
     */
    public static RevisionComparisonWindow open(Window owner, ServicePanelContext context, List<String> olderThenNewer) {
        if (olderThenNewer.size() != 2) {
            throw new IllegalArgumentException("Two service revisions to compare, not " + olderThenNewer.size());
        }
        return open(owner, context.provider(), context.executor(), olderThenNewer.get(0), olderThenNewer.get(1));
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
