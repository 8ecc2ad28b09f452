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
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import dev.ecsdeck.ui.taskdef.DeployViewModel;
import dev.ecsdeck.ui.taskdef.Draft;
import dev.ecsdeck.ui.taskdef.DraftStore;
import dev.ecsdeck.ui.service.DialogTypedConfirmer;
import dev.ecsdeck.ui.service.ServicePanel;
import dev.ecsdeck.ui.service.ServicePanelContext;
import dev.ecsdeck.ui.service.ServiceRef;
import dev.ecsdeck.ui.taskdef.RevisionsBrowserController;
import dev.ecsdeck.ui.taskdef.RevisionsViewModel;
import dev.ecsdeck.ui.taskdef.RolloutViewModel;
import dev.ecsdeck.ui.taskdef.TaskDefinitionEditorController;
import dev.ecsdeck.ui.taskdef.TaskDefinitionEditorViewModel;
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
    public record Options(int refreshSeconds, int logCapacity, LongSupplier nowMillis, BackendPickerViewModel picker, DraftStore drafts) {
        public Options(int refreshSeconds, int logCapacity, LongSupplier nowMillis, DraftStore drafts) {
            this(refreshSeconds, logCapacity, nowMillis, null, drafts);
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
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final Confirmer confirmer;
    private final DraftStore drafts;
    private final TabPane detailTabs = new TabPane();
    private final Tab detailsTab;
    private final ServicePanelContext serviceContext;
    private ServicePanel servicePanel;
    private final RevisionsViewModel revisions;
    private final Tab revisionsTab;
    private final java.util.List<TaskDefinitionEditorController> editors = new java.util.ArrayList<>();
    private final Scene scene;

    public MainWindow(EcsProvider provider, ShellViewModel shell, TaskExecutor executor, Confirmer confirmer, Options options) {
        this.shell = shell;
        this.provider = provider;
        this.executor = executor;
        this.confirmer = confirmer;
        this.drafts = options.drafts();
        this.tree = new ClusterTreeViewModel(provider, executor);
        this.detail = new DetailViewModel(provider, executor, confirmer, shell.readOnlyProperty());
        this.logs = new LogTabsViewModel(provider, executor, options.nowMillis(), options.logCapacity());
        this.treeController = new ClusterTreeController(tree, new WindowTreeActions(), shell.readOnlyProperty(), options.nowMillis());
        this.quickOpen = new QuickOpenDialog(new QuickOpenViewModel(provider, executor,
                (cluster, service) -> tree.reveal(cluster, service, treeController::select)));
        this.detailController = new DetailController(detail);
        this.logController = new LogPaneController(logs);
        this.mainController = new MainWindowController(shell, this::refresh, options.refreshSeconds(), options.picker());
        Tab details = new Tab("Details", detailController.view());
        details.setClosable(false);
        this.detailsTab = details;
        detailTabs.setId("detailTabs");
        this.revisions = new RevisionsViewModel(provider, executor, confirmer, shell.readOnlyProperty());
        revisions.onOpen(this::openEditor);
        revisionsTab = new Tab("Task definitions", new RevisionsBrowserController(revisions).view());
        revisionsTab.setId("revisionsTab");
        revisionsTab.setClosable(false);
        revisionsTab.selectedProperty().addListener((obs, was, now) -> {
            if (now && revisions.families().isEmpty()) {
                revisions.refresh();
            }
        });
        detailTabs.getTabs().addAll(details, revisionsTab);
        mainController.setAreas(treeController.view(), detailTabs, logController.view());
        logs.tails().addListener((javafx.collections.ListChangeListener<dev.ecsdeck.ui.logs.LogTailViewModel>) c ->
                mainController.showLogs(!logs.tails().isEmpty()));
        mainController.setDrafts(drafts, this::openDraft);

        tree.selectedProperty().addListener((obs, was, now) -> detail.show(now));
        detail.entryProperty().addListener((obs, was, now) -> showDetailOf(now));
        detail.onTailRequested(logs::open);
        detail.onEditRequested(this::openEditor);
        detail.onChanged(this::refresh);

        scene = new Scene(mainController.view(), 1280, 800);
        this.serviceContext = new ServicePanelContext(provider, executor, confirmer, new DialogTypedConfirmer(scene::getWindow),
                shell.readOnlyProperty(), options.nowMillis());
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/ecsdeck/ui/app.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), this::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), treeController::focusFilter);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), this::openQuickOpen);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                logController::openSourceDialog);
        applyTheme(shell.darkProperty().get());
        shell.darkProperty().addListener((obs, was, dark) -> applyTheme(dark));
    }

    /**
     * A service shows in its service panel (kept while the same service stays shown, so its charts
     * go on); anything else in the detail view.
     */
    private void showDetailOf(TreeEntry entry) {
        if (entry instanceof TreeEntry.ServiceEntry s) {
            ServiceRef ref = new ServiceRef(s.cluster(), s.service().serviceName());
            if (servicePanel == null || !servicePanel.ref().equals(ref)) {
                closeServicePanel();
                servicePanel = new ServicePanel(serviceContext, ref, serviceHandlers(ref), detail.sections());
                servicePanel.start();
            }
            detailsTab.setContent(servicePanel.view());
        } else {
            closeServicePanel();
            detailsTab.setContent(detailController.view());
        }
    }

    private void closeServicePanel() {
        if (servicePanel != null) {
            servicePanel.stop();
            servicePanel = null;
        }
    }

    private ServicePanel.Handlers serviceHandlers(ServiceRef ref) {
        return new ServicePanel.Handlers(
                () -> {
                    if (detail.entryProperty().get() instanceof TreeEntry.ServiceEntry s) {
                        logs.open(s);
                    }
                },
                task -> logs.open(new TreeEntry.TaskEntry(ref.cluster(), task)),
                this::openEditor,
                taskId -> tree.revealTask(ref.cluster(), ref.service(), taskId, treeController::select,
                        () -> shell.setStatus("Task " + taskId + " is not in the tree: it has stopped (turn on Stopped tasks) or is gone.")));
    }

    /** The service panel on screen, or null. */
    public ServicePanel servicePanel() {
        return servicePanel;
    }

    /** Opens a task-definition editor tab on a revision. */
    public TaskDefinitionEditorViewModel openEditor(String taskDefinitionArn) {
        TaskDefinitionEditorViewModel editor = newEditor();
        editor.open(taskDefinitionArn);
        return editor;
    }

    /** Opens a saved draft in an editor tab. */
    public TaskDefinitionEditorViewModel openDraft(Draft draft) {
        TaskDefinitionEditorViewModel editor = newEditor();
        editor.openDraft(draft);
        return editor;
    }

    private TaskDefinitionEditorViewModel newEditor() {
        RolloutViewModel rollout = new RolloutViewModel(provider, executor);
        DeployViewModel deploy = new DeployViewModel(provider, executor, confirmer, shell.readOnlyProperty(), rollout);
        TaskDefinitionEditorViewModel editor = new TaskDefinitionEditorViewModel(provider, executor, confirmer, shell.readOnlyProperty(),
                drafts, java.time.Clock.systemUTC());
        editor.onRegistered(td -> refresh());
        TaskDefinitionEditorController controller = new TaskDefinitionEditorController(editor, deploy);
        editors.add(controller);
        Tab tab = new Tab();
        tab.textProperty().bind(editor.titleProperty());
        tab.setContent(controller.view());
        tab.setOnClosed(e -> {
            controller.stop();
            editors.remove(controller);
        });
        detailTabs.getTabs().add(tab);
        detailTabs.getSelectionModel().select(tab);
        return editor;
    }

    /** Shows the revisions browser on a family. */
    public void browseRevisions(String family) {
        detailTabs.getSelectionModel().select(revisionsTab);
        revisions.select(family);
    }

    public RevisionsViewModel revisions() {
        return revisions;
    }

    public TabPane detailTabs() {
        return detailTabs;
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
            detailTabs.getSelectionModel().select(detailsTab);
            if (servicePanel != null) {
                servicePanel.focusScale();
            }
        }

        @Override
        public void showTaskDefinition(TreeEntry entry) {
            detail.show(new TreeEntry.RevisionEntry(ClusterTreeViewModel.clusterOf(entry), entry.taskDefinitionArn()));
        }

        @Override
        public void quickOpen() {
            openQuickOpen();
        }

        @Override
        public void editTaskDefinition(TreeEntry entry) {
            openEditor(entry.taskDefinitionArn());
        }

        @Override
        public void browseRevisions(String family) {
            MainWindow.this.browseRevisions(family);
        }

        @Override
        public void drainInstance(TreeEntry entry) {
            detail.show(entry);
            detail.drainInstance();
        }

        @Override
        public void deregisterInstance(TreeEntry entry) {
            detail.show(entry);
            detail.deregisterInstance();
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
        closeServicePanel();
        editors.forEach(TaskDefinitionEditorController::stop);
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

    public LogPaneController logPane() {
        return logController;
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
