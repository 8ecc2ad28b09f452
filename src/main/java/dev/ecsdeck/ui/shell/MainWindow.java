package dev.ecsdeck.ui.shell;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.ui.exec.OpenShellDialog;
import dev.ecsdeck.ui.exec.OpenShellViewModel;
import dev.ecsdeck.ui.exec.TerminalLauncher;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.Confirmer;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.detail.DetailController;
import dev.ecsdeck.ui.detail.DetailViewModel;
import dev.ecsdeck.ui.logs.LogPaneController;
import dev.ecsdeck.ui.logs.LogTabsViewModel;
import dev.ecsdeck.ui.tree.ClusterTreeController;
import dev.ecsdeck.ui.tree.ClusterTreeViewModel;
import dev.ecsdeck.ui.tree.ServiceNameIndex;
import dev.ecsdeck.ui.tree.QuickOpenDialog;
import dev.ecsdeck.ui.tree.QuickOpenViewModel;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.function.LongSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import dev.ecsdeck.ui.taskdef.DeployViewModel;
import dev.ecsdeck.ui.taskdef.DeploymentFollower;
import dev.ecsdeck.ui.taskdef.Draft;
import dev.ecsdeck.ui.taskdef.DraftStore;
import dev.ecsdeck.ui.service.DialogTypedConfirmer;
import dev.ecsdeck.ui.service.ServicePanel;
import dev.ecsdeck.ui.service.ServicePanelContext;
import dev.ecsdeck.ui.service.DeploymentTimelineView;
import dev.ecsdeck.ui.service.ServiceRef;
import dev.ecsdeck.ui.taskdef.RevisionsBrowserController;
import dev.ecsdeck.ui.taskdef.RevisionsViewModel;
import dev.ecsdeck.ui.taskdef.RolloutViewModel;
import dev.ecsdeck.ui.taskdef.TaskDefinitionEditorController;
import dev.ecsdeck.ui.taskdef.TaskDefinitionEditorViewModel;
import dev.ecsdeck.ui.attention.AttentionController;
import dev.ecsdeck.ui.attention.AttentionReveal;
import dev.ecsdeck.ui.attention.AttentionViewModel;
import dev.ecsdeck.ui.services.ServicesTableController;
import dev.ecsdeck.ui.services.ServicesTableViewModel;
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
    /** Made at the first Ctrl+P. */
    private QuickOpenDialog quickOpen;
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final Confirmer confirmer;
    private final DraftStore drafts;
    /** The clock of the backend's "now" (the simulator's), for ages such as an image's "pushed 3 days ago". */
    private final LongSupplier nowMillis;
    private final TabPane detailTabs = new TabPane();
    private final Tab detailsTab;
    private final ServicePanelContext serviceContext;
    private ServicePanel servicePanel;
    private final RevisionsViewModel revisions;
    private final Tab revisionsTab;
    private final java.util.List<TaskDefinitionEditorController> editors = new java.util.ArrayList<>();
    private final Scene scene;
    private final ServicesTableViewModel services;
    /** Made when a cluster is first shown. */
    private ServicesTableController servicesController;
    private final AttentionViewModel attention;
    private final Tab attentionTab;

    public MainWindow(EcsProvider provider, ShellViewModel shell, TaskExecutor executor, Confirmer confirmer, Options options) {
        this.shell = shell;
        this.provider = provider;
        this.executor = executor;
        this.confirmer = confirmer;
        this.drafts = options.drafts();
        this.nowMillis = options.nowMillis();
        // Service names are listed on threads of their own (many clusters at once), results on the UI thread.
        this.tree = new ClusterTreeViewModel(provider, executor, new ServiceNameIndex(provider, executor,
                executor.parallel(ServiceNameIndex.PARALLEL), ServiceNameIndex::sleep));
        this.detail = new DetailViewModel(provider, executor, confirmer, shell.readOnlyProperty());
        this.logs = new LogTabsViewModel(provider, executor, options.nowMillis(), options.logCapacity());
        this.treeController = new ClusterTreeController(tree, new WindowTreeActions(this), shell.readOnlyProperty(), options.nowMillis());
        this.detailController = new DetailController(detail);
        this.logController = new LogPaneController(logs);
        this.mainController = new MainWindowController(shell, this::refresh, this::autoRefresh, options.refreshSeconds(), options.picker());
        Tab details = new Tab("Details", detailController.view());
        details.setClosable(false);
        this.detailsTab = details;
        detailTabs.setId("detailTabs");
        this.revisions = new RevisionsViewModel(provider, executor, confirmer, shell.readOnlyProperty());
        revisions.onOpen(this::openEditor);
        revisionsTab = new Tab("Task definitions");
        revisionsTab.setId("revisionsTab");
        revisionsTab.setClosable(false);
        revisionsTab.selectedProperty().addListener((obs, was, now) -> {
            if (now && revisionsTab.getContent() == null) {
                revisionsTab.setContent(new RevisionsBrowserController(revisions).view());
            }
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
        this.services = new ServicesTableViewModel(provider, executor, confirmer, serviceContext.typedConfirmer(), shell.readOnlyProperty());
        services.onTailRequested(logs::open);
        services.onChanged(this::refresh);
        this.attention = new AttentionViewModel(provider, executor, options.nowMillis());
        this.attentionTab = attentionTab();
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), this::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), treeController::focusFilter);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), this::openQuickOpen);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                logController::openSourceDialog);
        Theme.apply(scene, shell.darkProperty().get());
        shell.darkProperty().addListener((obs, was, dark) -> Theme.apply(scene, dark));
    }

    /** The "Needs attention" tab beside "Task definitions"; a row goes to its service or instance in the tree. */
    private Tab attentionTab() {
        Tab tab = new Tab("Needs attention");
        tab.setId("attentionTab");
        tab.setClosable(false);
        tab.selectedProperty().addListener((obs, was, now) -> {
            if (now && tab.getContent() == null) {
                tab.setContent(new AttentionController(attention).view());
            }
        });
        tab.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> attention.items().isEmpty() ? "Needs attention"
                : "Needs attention (" + attention.items().size() + ")", attention.items()));
        detailTabs.getTabs().add(detailTabs.getTabs().indexOf(revisionsTab) + 1, tab);
        AttentionReveal reveal = new AttentionReveal(tree, treeController);
        attention.onRevealRequested(item -> {
            detailTabs.getSelectionModel().select(detailsTab);
            reveal.reveal(item);
        });
        attention.countsProperty().addListener((obs, was, now) -> treeController.showAttentionCounts(attention::count));
        return tab;
    }

    /** A cluster, or its Services folder, shows the cluster's sheet above its services table. */
    private static boolean showsServicesTable(TreeEntry entry) {
        return entry instanceof TreeEntry.ClusterEntry
                || entry instanceof TreeEntry.FolderEntry f && f.kind() == TreeEntry.FolderKind.SERVICES;
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
        } else if (showsServicesTable(entry)) {
            closeServicePanel();
            services.show(ClusterTreeViewModel.clusterOf(entry));
            detailsTab.setContent(servicesController().show(detailController.view()));
        } else {
            closeServicePanel();
            if (servicesController != null) {
                servicesController.releaseSheet();
            }
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
                        () -> shell.setStatus("Task " + taskId + " is no longer listed by ECS (it keeps stopped tasks about an hour).")));
    }

    /** A service the editor's "Deploy to…" updated: the service panel showing it shows the result at once. */
    private void serviceUpdated(dev.ecsdeck.model.EcsService updated) {
        if (servicePanel != null) {
            servicePanel.model().changedElsewhere(updated);
        }
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

    /** The service panel's timeline of a service's newest deployment, reading every two seconds until finished or stopped. */
    private DeploymentFollower followDeployment(String cluster, String service) {
        DeploymentTimelineView timeline = DeploymentTimelineView.following(serviceContext, new ServiceRef(cluster, service), null);
        timeline.start();
        return new DeploymentFollower() {
            @Override
            public javafx.scene.Node view() {
                return timeline.view();
            }

            @Override
            public void finish() {
                timeline.stop();
                timeline.model().refresh();
            }

            @Override
            public void stop() {
                timeline.stop();
            }
        };
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
        deploy.onServiceUpdated(this::serviceUpdated);
        TaskDefinitionEditorViewModel editor = new TaskDefinitionEditorViewModel(provider, executor, confirmer, shell.readOnlyProperty(),
                drafts, java.time.Clock.systemUTC());
        editor.onRegistered(td -> refresh());
        TaskDefinitionEditorController controller = new TaskDefinitionEditorController(editor, deploy, this::followDeployment,
                new dev.ecsdeck.ui.taskdef.ImageCatalog(provider, executor, () -> java.time.Instant.ofEpochMilli(nowMillis.getAsLong())));
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

    /** The Open shell window of a task (ECS Exec), over this window. */
    void openShell(EcsTask task) {
        OpenShellDialog.show(scene.getWindow(), new OpenShellViewModel(provider, executor, task, TerminalLauncher.system()));
    }

    public void openQuickOpen() {
        if (quickOpen == null) {
            quickOpen = new QuickOpenDialog(new QuickOpenViewModel(tree.serviceNames(), provider, executor,
                    new WindowQuickOpener(tree, treeController, shell::setStatus, this::showAlone, this::browseRevisions)));
        }
        quickOpen.show(scene.getWindow());
    }

    /** Brings the Details tab to the front. */
    void showDetailsTab() {
        detailTabs.getSelectionModel().select(detailsTab);
    }

    /** Starts loading the tree. */
    public void start() {
        tree.start();
        attention.refresh();
    }

    public void refresh() {
        refreshViews();
        attention.refresh();
    }

    private void refreshViews() {
        tree.refresh();
        if (servicesController != null && detailsTab.getContent() == servicesController.view()) {
            services.refresh();
        }
    }

    /** Shows a row in the Details tab without selecting it in the tree (a task quick open found outside any service). */
    private void showAlone(TreeEntry entry) {
        detailTabs.getSelectionModel().select(detailsTab);
        detail.show(entry);
    }

    /**
     * The timer's refresh: the tree and the table as often as asked, but the attention check — every
     * cluster's services, stopped tasks and instances — only two minutes after the last one ended (on
     * a large fleet it is thousands of calls); F5 and every change still check at once.
     */
    private void autoRefresh() {
        refreshViews();
        attention.refreshIfOlderThan(java.time.Duration.ofMinutes(2));
    }

    public void stop() {
        closeServicePanel();
        editors.forEach(TaskDefinitionEditorController::stop);
        mainController.stop();
        logController.stop();
        logs.closeAll();
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

    private ServicesTableController servicesController() {
        if (servicesController == null) {
            servicesController = new ServicesTableController(services, shell.readOnlyProperty());
        }
        return servicesController;
    }

    public ServicesTableViewModel services() {
        return services;
    }

    public AttentionViewModel attention() {
        return attention;
    }

    public MainWindowController mainController() {
        return mainController;
    }
}
