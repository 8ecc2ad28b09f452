package dev.ecsdeck.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.Confirmer;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.detail.DetailController;
import dev.ecsdeck.ui.detail.DetailViewModel;
import dev.ecsdeck.ui.logs.LogPaneController;
import dev.ecsdeck.ui.logs.LogTabsViewModel;
import dev.ecsdeck.ui.tree.ClusterTreeController;
import dev.ecsdeck.ui.tree.ClusterTreeViewModel;
import dev.ecsdeck.ui.tree.QuickOpenDialog;
import dev.ecsdeck.ui.tree.QuickOpenViewModel;
import dev.ecsdeck.ui.tree.TreeActions;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.function.LongSupplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Builds the console's window from its panels and wires them: the tree's selection drives the
 * detail pane, "Tail logs" opens a tab in the log area, a change refreshes the tree, F5/Ctrl+R
 * refresh, and the theme follows the shell's dark switch.
 */
public final class MainWindow {
    /** What the window needs beyond the provider: refresh interval, log capacity, and the clock for log start times. */
    public record Options(int refreshSeconds, int logCapacity, LongSupplier nowMillis, BackendPickerViewModel picker) {
        public Options(int refreshSeconds, int logCapacity, LongSupplier nowMillis) {
            this(refreshSeconds, logCapacity, nowMillis, null);
        }
    }

    private final ShellViewModel shell;
    private final ClusterTreeViewModel tree;
    private final DetailViewModel detail;
    private final LogTabsViewModel logs;
    private final ClusterTreeController treeController;
    private final DetailController detailController;
    private final LogPaneController logController;
    private final MainWindowController mainController;
    private final QuickOpenDialog quickOpen;
    private final Scene scene;

    public MainWindow(EcsProvider provider, ShellViewModel shell, TaskExecutor executor, Confirmer confirmer, Options options) {
        this.shell = shell;
        this.tree = new ClusterTreeViewModel(provider, executor);
        this.detail = new DetailViewModel(provider, executor, confirmer, shell.readOnlyProperty());
        this.logs = new LogTabsViewModel(provider, executor, options.nowMillis(), options.logCapacity());
        this.treeController = new ClusterTreeController(tree, new WindowTreeActions(), shell.readOnlyProperty());
        this.quickOpen = new QuickOpenDialog(new QuickOpenViewModel(provider, executor,
                (cluster, service) -> tree.reveal(cluster, service, treeController::select)));
        this.detailController = new DetailController(detail);
        this.logController = new LogPaneController(logs);
        this.mainController = new MainWindowController(shell, this::refresh, options.refreshSeconds(), options.picker());
        mainController.setAreas(treeController.view(), detailController.view(), logController.view());

        tree.selectedProperty().addListener((obs, was, now) -> detail.show(now));
        detail.onTailRequested(logs::open);
        detail.onChanged(this::refresh);

        scene = new Scene(mainController.view(), 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/ecsdeck/ui/app.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), this::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), treeController::focusFilter);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), this::openQuickOpen);
        applyTheme(shell.darkProperty().get());
        shell.darkProperty().addListener((obs, was, dark) -> applyTheme(dark));
    }

    public void openQuickOpen() {
        quickOpen.show(scene.getWindow());
    }

    /** The tree's context menu and keys, carried out by the detail pane and the log area. */
    private final class WindowTreeActions implements TreeActions {
        @Override
        public void tailLogs(TreeEntry entry) {
            logs.open(entry);
        }

        @Override
        public void stopTask(TreeEntry entry) {
            detail.show(entry);
            detail.stopTask();
        }

        @Override
        public void scale(TreeEntry entry) {
            detail.show(entry);
            detailController.focusScale();
        }

        @Override
        public void showTaskDefinition(TreeEntry entry) {
            detail.show(new TreeEntry.RevisionEntry(ClusterTreeViewModel.clusterOf(entry), entry.taskDefinitionArn()));
        }

        @Override
        public void quickOpen() {
            openQuickOpen();
        }
    }

    /** Starts loading the tree. */
    public void start() {
        tree.start();
    }

    public void refresh() {
        tree.refresh();
    }

    public void stop() {
        mainController.stop();
        logController.stop();
        logs.closeAll();
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        if (dark) {
            if (!scene.getRoot().getStyleClass().contains("dark")) {
                scene.getRoot().getStyleClass().add("dark");
            }
        } else {
            scene.getRoot().getStyleClass().remove("dark");
        }
    }

    public Scene scene() {
        return scene;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public ClusterTreeViewModel tree() {
        return tree;
    }

    public DetailViewModel detail() {
        return detail;
    }

    public LogTabsViewModel logs() {
        return logs;
    }

    public ClusterTreeController treeController() {
        return treeController;
    }

    public MainWindowController mainController() {
        return mainController;
    }
}
