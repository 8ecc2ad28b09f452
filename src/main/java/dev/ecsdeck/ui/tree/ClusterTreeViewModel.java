package dev.ecsdeck.ui.tree;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.tree.TreeEntry.ClusterEntry;
import dev.ecsdeck.ui.tree.TreeEntry.ContainerEntry;
import dev.ecsdeck.ui.tree.TreeEntry.FamilyEntry;
import dev.ecsdeck.ui.tree.TreeEntry.FolderEntry;
import dev.ecsdeck.ui.tree.TreeEntry.InstanceEntry;
import dev.ecsdeck.ui.tree.TreeEntry.RevisionEntry;
import dev.ecsdeck.ui.tree.TreeEntry.ServiceEntry;
import dev.ecsdeck.ui.tree.TreeEntry.TaskEntry;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;

/**
 * The cluster tree's state: backend → clusters → { services → tasks → containers; container
 * instances }, and one folder of the account's task-definition families → revisions. Rows load
 * their children on first expansion, in the background ({@link TreeLoader}); a refresh reloads every
 * loaded row and merges the results in place. The filter searches every cluster's services, loaded
 * or not ({@link ServiceSearch}).
 */
public final class ClusterTreeViewModel {
    private final ObjectProperty<TreeEntry> selected = new SimpleObjectProperty<>();
    private final BooleanProperty showStoppedTasks = new SimpleBooleanProperty(false);
    private final TreeFilter filter = new TreeFilter();
    private final TreeLoader loader;
    private final TreeReveal reveal;
    private final ServiceNameIndex serviceNames;
    private final ServiceSearch search;

    public ClusterTreeViewModel(EcsProvider provider, TaskExecutor executor) {
        this(provider, executor, new ServiceNameIndex(provider, executor));
    }

    /** With the service-name index the window builds (its own listing threads). */
    public ClusterTreeViewModel(EcsProvider provider, TaskExecutor executor, ServiceNameIndex serviceNames) {
        this.loader = new TreeLoader(provider, executor, filter, showStoppedTasks::get);
        this.serviceNames = serviceNames;
        loader.knownNames(serviceNames::names);
        this.reveal = new TreeReveal(loader, provider, executor, showStoppedTasks, serviceNames);
        showStoppedTasks.addListener((obs, was, now) -> loader.reloadLoaded(loader.root(), e -> e instanceof ServiceEntry));
        filter.textProperty().addListener((obs, was, now) -> loader.changes().run(() -> filter.reapply(loader.root())));
        this.search = new ServiceSearch(loader, serviceNames, provider, executor, filter.textProperty(), selected::get);
        loader.root().sourceChildren().addListener((ListChangeListener<TreeItem<TreeEntry>>) c -> search.search());
    }

    public TreeItem<TreeEntry> root() {
        return loader.root();
    }

    /** The row the user selected (set by the view). */
    public ObjectProperty<TreeEntry> selectedProperty() {
        return selected;
    }

    public BooleanProperty showStoppedTasksProperty() {
        return showStoppedTasks;
    }

    /** How many loads are running; 0 when the tree is settled. */
    public ReadOnlyIntegerProperty loadsInFlightProperty() {
        return loader.loadsInFlight();
    }

    /** Rows created and rows updated by loads and refreshes so far. */
    public long rowsCreated() {
        return loader.merge().created();
    }

    public long rowsUpdated() {
        return loader.merge().updated();
    }

    /**
     * The filter text: rows whose name contains it, with their ancestors, stay (case-insensitive;
     * empty shows all); services match in every cluster, opened or not.
     */
    public StringProperty filterTextProperty() {
        return filter.textProperty();
    }

    /** What the filter is doing ("Searching services: 2 of 3 clusters…"); empty when it has nothing to say. */
    public ReadOnlyStringProperty filterStatusProperty() {
        return search.statusProperty();
    }

    /**
     * True while loads, refreshes or the filter change the rows: a selection change then is the tree
     * reacting to rows that came and went, not the user; the view puts the user's selection back
     * when {@link #onRowsChanged(Runnable)} runs, if that row is still shown.
     */
    public boolean rowsChanging() {
        return loader.changes().changing();
    }

    public void onRowsChanged(Runnable listener) {
        loader.changes().onChanged(listener);
    }

    /** Every cluster's service names, shared with quick open. */
    public ServiceNameIndex serviceNames() {
        return serviceNames;
    }

    /** Loads the clusters and opens the root. */
    public void start() {
        loader.root().setExpanded(true);
    }

    /** Reloads every loaded row and merges the results, keeping expansion and selection. */
    public void refresh() {
        loader.reloadLoaded(loader.root(), e -> true);
        serviceNames.markStale();
        if (!TreeFilter.needle(filter.textProperty().get()).isEmpty()) {
            serviceNames.ensure();
        }
    }

    /** Reloads one row's part of the tree: the nearest loaded row at or above it, and what is open under it. */
    public void refresh(TreeItem<TreeEntry> item) {
        for (TreeItem<TreeEntry> i = item; i != null; i = i.getParent()) {
            if (i instanceof EntryItem e && e.lazy() && e.state() == EntryItem.State.LOADED) {
                loader.reloadLoaded(e, x -> true);
                return;
            }
        }
        refresh();
    }

    /**
     * Opens the way to a cluster, or to a service in it, loading what it needs (a service not loaded
     * yet first, alone), then hands the row to {@code onFound} (which selects it). Nothing happens if
     * it does not exist.
     */
    public void reveal(String cluster, String service, Consumer<TreeItem<TreeEntry>> onFound) {
        reveal.reveal(cluster, service, onFound, () -> { });
    }

    /** As {@link #reveal(String, String, Consumer)}, with {@code onMissing} run when there is no such row. */
    public void reveal(String cluster, String service, Consumer<TreeItem<TreeEntry>> onFound, Runnable onMissing) {
        reveal.reveal(cluster, service, onFound, onMissing);
    }

    /**
     * Opens the way to a task of a service (loading the service's tasks, and turning on stopped
     * tasks if it has stopped) and hands its row to {@code onFound}; {@code onMissing} runs when ECS
     * lists no such task (stopped tasks are kept about an hour).
     */
    public void revealTask(String cluster, String service, String taskId, Consumer<TreeItem<TreeEntry>> onFound, Runnable onMissing) {
        reveal.revealTask(cluster, service, taskId, onFound, onMissing);
    }

    /** Opens the task-definitions folder and hands the family's row to {@code onFound} (nothing if there is none). */
    public void revealFamily(String family, Consumer<TreeItem<TreeEntry>> onFound) {
        EntryItem root = loader.root();
        root.setExpanded(true);
        loader.whenLoaded(root, () -> {
            EntryItem folder = TreeLoader.childWhere(root, e -> e instanceof FolderEntry f && f.kind() == TreeEntry.FolderKind.TASK_DEFINITIONS);
            loader.whenLoaded(folder, () -> {
                EntryItem row = TreeLoader.childWhere(folder, e -> e instanceof FamilyEntry f && f.family().equals(family));
                if (row != null) {
                    onFound.accept(row);
                }
            });
            folder.setExpanded(true);
        });
    }

    /** Finds a loaded row by key (depth first), for selecting a row by what it shows. */
    public TreeItem<TreeEntry> find(Predicate<TreeEntry> which) {
        return find(loader.root(), which);
    }

    private static TreeItem<TreeEntry> find(TreeItem<TreeEntry> from, Predicate<TreeEntry> which) {
        if (which.test(from.getValue())) {
            return from;
        }
        for (TreeItem<TreeEntry> child : List.copyOf(((EntryItem) from).sourceChildren())) {
            TreeItem<TreeEntry> hit = find(child, which);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** The cluster name of any row under a cluster; null for the backend row and the task-definition rows. */
    public static String clusterOf(TreeEntry e) {
        if (e instanceof ClusterEntry c) {
            return c.cluster().clusterName();
        } else if (e instanceof FolderEntry f) {
            return f.cluster();
        } else if (e instanceof ServiceEntry s) {
            return s.cluster();
        } else if (e instanceof TaskEntry t) {
            return t.cluster();
        } else if (e instanceof ContainerEntry c) {
            return c.cluster();
        } else if (e instanceof InstanceEntry i) {
            return i.cluster();
        } else if (e instanceof FamilyEntry f) {
            return f.cluster();
        } else if (e instanceof RevisionEntry r) {
            return r.cluster();
        }
        return null;
    }
}
