package dev.ecsdeck.ui.tree;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.tree.TreeEntry.ClusterEntry;
import dev.ecsdeck.ui.tree.TreeEntry.FolderEntry;
import dev.ecsdeck.ui.tree.TreeEntry.FolderKind;
import dev.ecsdeck.ui.tree.TreeEntry.ServiceEntry;
import dev.ecsdeck.ui.tree.TreeEntry.TaskEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.TreeItem;

/**
 * Opens the way to a cluster, a service or a task, loading only what it needs first: a service not
 * loaded yet is described alone and shown at once, then the rows around it (the ones on screen, by
 * the names the {@link ServiceNameIndex} knows), then the rest of its cluster's services; a stopped
 * task is shown by turning on stopped tasks.
 */
final class TreeReveal {
    private final TreeLoader loader;
    private final EcsProvider provider;
    private final TaskExecutor executor;
    /** Rows described either side of a revealed service before the rest: more than a tree shows at once. */
    static final int NEIGHBOURS = 15;

    private final BooleanProperty showStoppedTasks;
    private final ServiceNameIndex names;

    TreeReveal(TreeLoader loader, EcsProvider provider, TaskExecutor executor, BooleanProperty showStoppedTasks, ServiceNameIndex names) {
        this.loader = loader;
        this.provider = provider;
        this.executor = executor;
        this.showStoppedTasks = showStoppedTasks;
        this.names = names;
    }

    /** Hands the cluster's row (service null) or the service's row to {@code onFound}; {@code onMissing} if there is none. */
    void reveal(String cluster, String service, Consumer<TreeItem<TreeEntry>> onFound, Runnable onMissing) {
        EntryItem root = loader.root();
        root.setExpanded(true);
        loader.whenLoaded(root, () -> {
            EntryItem c = TreeLoader.childWhere(root, e -> e instanceof ClusterEntry ce && ce.cluster().clusterName().equals(cluster));
            if (c == null) {
                onMissing.run();
            } else if (service == null) {
                onFound.accept(c);
            } else {
                revealService(c, cluster, service, onFound, onMissing);
            }
        });
    }

    private void revealService(EntryItem clusterRow, String cluster, String service, Consumer<TreeItem<TreeEntry>> onFound,
            Runnable onMissing) {
        EntryItem folder = TreeLoader.childWhere(clusterRow, e -> e instanceof FolderEntry f && f.kind() == FolderKind.SERVICES);
        EntryItem row = serviceRow(folder, service);
        if (row != null || folder.state() == EntryItem.State.LOADED) {
            openFolder(clusterRow, folder);
            if (row == null) {
                onMissing.run();
            } else {
                onFound.accept(row);
            }
            return;
        }
        BackgroundTask.of(() -> provider.describeServices(cluster, List.of(service))).onSuccess(found -> {
            EntryItem shown = serviceRow(folder, service);
            if (shown == null && !found.isEmpty()) {
                loader.add(folder, List.of(new ServiceEntry(cluster, found.get(0))));
                shown = serviceRow(folder, service);
            }
            openFolder(clusterRow, folder);
            if (shown == null) {
                onMissing.run();
            } else {
                onFound.accept(shown);
            }
        }).onFailure(error -> onMissing.run()).executeWith(executor);
        describeNeighbours(folder, cluster, service);
    }

    /**
     * Describes the services named around {@code service} (the rows on screen with it), sent before
     * the folder opens and loads the rest, so their counts come first; nothing when the names are not known.
     */
    private void describeNeighbours(EntryItem folder, String cluster, String service) {
        List<String> all = names.names(cluster);
        int at = all == null ? -1 : all.indexOf(service);
        if (at < 0) {
            return;
        }
        List<String> around = new ArrayList<>(all.subList(Math.max(0, at - NEIGHBOURS), Math.min(all.size(), at + NEIGHBOURS + 1)));
        around.remove(service);
        around.removeIf(n -> serviceRow(folder, n) != null);
        if (around.isEmpty()) {
            return;
        }
        BackgroundTask.of(() -> provider.describeServices(cluster, around)).onSuccess(found -> {
            if (folder.state() != EntryItem.State.LOADED) {
                loader.add(folder, found.stream().map(s -> (TreeEntry) new ServiceEntry(cluster, s)).toList());
            }
        }).onFailure(error -> {
            // Nothing to say: the folder's own load lists these rows again, or says why it could not.
        }).executeWith(executor);
    }

    /** Opens the folder and loads the rest of its services (keeping the rows already there). */
    private void openFolder(EntryItem clusterRow, EntryItem folder) {
        clusterRow.setExpanded(true);
        folder.setExpanded(true);
        loader.ensureLoaded(folder);
    }

    private static EntryItem serviceRow(EntryItem folder, String service) {
        return TreeLoader.childWhere(folder, e -> e instanceof ServiceEntry se && se.service().serviceName().equals(service));
    }

    /**
     * Hands a task's row to {@code onFound}, loading its service's tasks; a stopped task while
     * stopped tasks are hidden turns them on. {@code onMissing} runs when ECS lists no such task.
     */
    void revealTask(String cluster, String service, String taskId, Consumer<TreeItem<TreeEntry>> onFound, Runnable onMissing) {
        reveal(cluster, service, serviceRow -> {
            EntryItem item = (EntryItem) serviceRow;
            loader.whenLoaded(item, () -> {
                EntryItem task = taskRow(item, taskId);
                if (task != null) {
                    onFound.accept(task);
                } else if (!showStoppedTasks.get()) {
                    showStoppedTasks.set(true);
                    loader.ensureLoaded(item);
                    loader.whenLoaded(item, () -> {
                        EntryItem stopped = taskRow(item, taskId);
                        if (stopped != null) {
                            onFound.accept(stopped);
                        } else {
                            onMissing.run();
                        }
                    });
                } else {
                    onMissing.run();
                }
            });
            item.setExpanded(true);
        }, onMissing);
    }

    private static EntryItem taskRow(EntryItem service, String taskId) {
        return TreeLoader.childWhere(service, e -> e instanceof TaskEntry t && t.task().taskId().equals(taskId));
    }
}
