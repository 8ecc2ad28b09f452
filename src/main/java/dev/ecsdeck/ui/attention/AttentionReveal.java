package dev.ecsdeck.ui.attention;

import dev.ecsdeck.ui.tree.ClusterTreeController;
import dev.ecsdeck.ui.tree.ClusterTreeViewModel;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;

/** Selects an attention item's row in the tree, opening the way to it (and loading what it needs). */
public final class AttentionReveal {
    private final ClusterTreeViewModel tree;
    private final ClusterTreeController treeController;

    public AttentionReveal(ClusterTreeViewModel tree, ClusterTreeController treeController) {
        this.tree = tree;
        this.treeController = treeController;
    }

    public void reveal(AttentionItem item) {
        if (item.service() != null) {
            tree.reveal(item.cluster(), item.service(), treeController::select);
        } else {
            tree.reveal(item.cluster(), null, clusterRow -> revealInstance(clusterRow, item.instanceArn()));
        }
    }

    /** Opens the cluster's instances folder and selects the instance once it is loaded (the folder if it is not there). */
    private void revealInstance(TreeItem<TreeEntry> clusterRow, String instanceArn) {
        Predicate<TreeEntry> isInstance = e -> e instanceof TreeEntry.InstanceEntry i && i.instance().containerInstanceArn().equals(instanceArn);
        clusterRow.setExpanded(true);
        TreeItem<TreeEntry> folder = clusterRow.getChildren().stream()
                .filter(c -> c.getValue() instanceof TreeEntry.FolderEntry f && f.kind() == TreeEntry.FolderKind.INSTANCES)
                .findFirst().orElse(null);
        if (folder == null) {
            treeController.select(clusterRow);
            return;
        }
        if (!selectIfLoaded(folder, isInstance)) {
            folder.getChildren().addListener(new ListChangeListener<>() {
                @Override
                public void onChanged(Change<? extends TreeItem<TreeEntry>> c) {
                    if (selectIfLoaded(folder, isInstance)) {
                        folder.getChildren().removeListener(this);
                    }
                }
            });
            folder.setExpanded(true);
        }
    }

    /** True once the folder's rows are in: the instance is selected, or the folder when the instance is gone. */
    private boolean selectIfLoaded(TreeItem<TreeEntry> folder, Predicate<TreeEntry> isInstance) {
        for (TreeItem<TreeEntry> child : folder.getChildren()) {
            if (isInstance.test(child.getValue())) {
                treeController.select(child);
                return true;
            }
        }
        boolean loading = folder.getChildren().stream().anyMatch(c -> c.getValue() instanceof TreeEntry.MessageEntry m && "Loading…".equals(m.text()));
        // A load swaps the rows in two steps (the "Loading…" row out, then the rows in): empty is not loaded yet.
        if (!loading && !folder.getChildren().isEmpty() && folder.isExpanded()) {
            treeController.select(folder);
            return true;
        }
        return false;
    }
}
