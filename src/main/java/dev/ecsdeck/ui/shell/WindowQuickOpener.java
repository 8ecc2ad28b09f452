package dev.ecsdeck.ui.shell;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.ui.tree.ClusterTreeController;
import dev.ecsdeck.ui.tree.ClusterTreeViewModel;
import dev.ecsdeck.ui.tree.QuickOpenViewModel;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.function.Consumer;

/** What choosing something in quick open does: the tree selects it (its detail follows); a family opens in the revisions browser. */
final class WindowQuickOpener implements QuickOpenViewModel.Opener {
    private final ClusterTreeViewModel tree;
    private final ClusterTreeController treeController;
    private final Consumer<String> status;
    private final Consumer<TreeEntry> showAlone;
    private final Consumer<String> browseRevisions;

    WindowQuickOpener(ClusterTreeViewModel tree, ClusterTreeController treeController, Consumer<String> status,
            Consumer<TreeEntry> showAlone, Consumer<String> browseRevisions) {
        this.tree = tree;
        this.treeController = treeController;
        this.status = status;
        this.showAlone = showAlone;
        this.browseRevisions = browseRevisions;
    }

    @Override
    public void cluster(String cluster) {
        tree.reveal(cluster, null, treeController::select);
    }

    @Override
    public void service(String cluster, String service) {
        tree.reveal(cluster, service, treeController::select, () -> status.accept("Service " + service + " is not in " + cluster + " any more."));
    }

    @Override
    public void task(String cluster, EcsTask task) {
        Runnable alone = () -> showAlone.accept(new TreeEntry.TaskEntry(cluster, task));
        String service = task.group() != null && task.group().startsWith("service:") ? task.group().substring("service:".length()) : null;
        if (service == null) {
            alone.run();
        } else {
            tree.revealTask(cluster, service, task.taskId(), treeController::select, alone);
        }
    }

    @Override
    public void family(String family) {
        browseRevisions.accept(family);
    }
}
