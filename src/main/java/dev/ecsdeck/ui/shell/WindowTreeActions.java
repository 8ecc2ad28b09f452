package dev.ecsdeck.ui.shell;

import dev.ecsdeck.ui.service.ServicePanel;
import dev.ecsdeck.ui.service.ServiceRef;
import dev.ecsdeck.ui.tree.ClusterTreeViewModel;
import dev.ecsdeck.ui.tree.TreeActions;
import dev.ecsdeck.ui.tree.TreeEntry;

/**
 * The tree's context menu and keys, carried out by the detail pane and the log area. Each acts
 * on the row it is given (the tree has selected it), never on what happens to be shown.
 */
final class WindowTreeActions implements TreeActions {
    private final MainWindow window;

    WindowTreeActions(MainWindow window) {
        this.window = window;
    }

    @Override
    public void tailLogs(TreeEntry entry) {
        window.logs().open(entry);
    }

    @Override
    public void stopTask(TreeEntry entry) {
        if (entry instanceof TreeEntry.TaskEntry task) {
            window.detail().stopTask(task);
        }
    }

    @Override
    public void openShell(TreeEntry entry) {
        if (entry instanceof TreeEntry.TaskEntry task) {
            window.openShell(task.task());
        }
    }

    @Override
    public void scale(TreeEntry entry) {
        if (!(entry instanceof TreeEntry.ServiceEntry s)) {
            return;
        }
        ServicePanel servicePanel = window.servicePanel();
        if (servicePanel == null || !servicePanel.ref().equals(new ServiceRef(s.cluster(), s.service().serviceName()))) {
            window.detail().show(entry);
        }
        window.showDetailsTab();
        window.servicePanel().focusScaleWhenLoaded();
    }

    @Override
    public void showTaskDefinition(TreeEntry entry) {
        window.showDetailsTab();
        window.detail().show(new TreeEntry.RevisionEntry(ClusterTreeViewModel.clusterOf(entry), entry.taskDefinitionArn()));
    }

    @Override
    public void editTaskDefinition(TreeEntry entry) {
        window.openEditor(entry.taskDefinitionArn());
    }

    @Override
    public void browseRevisions(String family) {
        window.browseRevisions(family);
    }

    @Override
    public void drainInstance(TreeEntry entry) {
        window.detail().show(entry); // the instance's sheet asks, naming it
        window.detail().drainInstance();
    }

    @Override
    public void deregisterInstance(TreeEntry entry) {
        window.detail().show(entry);
        window.detail().deregisterInstance();
    }
}
