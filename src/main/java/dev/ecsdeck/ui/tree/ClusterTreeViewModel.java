package dev.ecsdeck.ui.tree;

import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.EcsException;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.tree.TreeEntry.BackendEntry;
import dev.ecsdeck.ui.tree.TreeEntry.ClusterEntry;
import dev.ecsdeck.ui.tree.TreeEntry.ContainerEntry;
import dev.ecsdeck.ui.tree.TreeEntry.FamilyEntry;
import dev.ecsdeck.ui.tree.TreeEntry.FolderEntry;
import dev.ecsdeck.ui.tree.TreeEntry.FolderKind;
import dev.ecsdeck.ui.tree.TreeEntry.InstanceEntry;
import dev.ecsdeck.ui.tree.TreeEntry.MessageEntry;
import dev.ecsdeck.ui.tree.TreeEntry.RevisionEntry;
import dev.ecsdeck.ui.tree.TreeEntry.ServiceEntry;
import dev.ecsdeck.ui.tree.TreeEntry.TaskEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TreeItem;

/**
 * The cluster tree's state: backend → clusters → { services → tasks → containers; container
 * instances; task-definition families → revisions }. Rows load their children on first expansion,
 * in the background; services arrive batch by batch. A refresh reloads every loaded row and merges
 * the results in place.
 */
public final class ClusterTreeViewModel {
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final EntryItem root;
    private final TreeMerge merge = new TreeMerge();
    private final ObjectProperty<TreeEntry> selected = new SimpleObjectProperty<>();
    private final BooleanProperty showStoppedTasks = new SimpleBooleanProperty(false);
    private final IntegerProperty loadsInFlight = new SimpleIntegerProperty();
    private final TreeFilter filter = new TreeFilter();
    private final PendingBatches batches;
    /** What to do once a row's children have loaded (quick-open revealing a row). */
    private final java.util.Map<EntryItem, List<Runnable>> afterLoad = new java.util.HashMap<>();

    public ClusterTreeViewModel(EcsProvider provider, TaskExecutor executor) {
        this.provider = provider;
        this.executor = executor;
        this.root = item(new BackendEntry(provider.description()));
        this.batches = new PendingBatches((parent, entries) -> {
            merge.add(parent, entries, this::item);
            filter.reapply(root);
        });
        showStoppedTasks.addListener((obs, was, now) -> reloadLoaded(root, e -> e instanceof ServiceEntry));
        filter.textProperty().addListener((obs, was, now) -> filter.reapply(root));
    }

    public TreeItem<TreeEntry> root() {
        return root;
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
        return loadsInFlight;
    }

    /** Rows created and rows updated by loads and refreshes so far. */
    public long rowsCreated() {
        return merge.created();
    }

    public long rowsUpdated() {
        return merge.updated();
    }

    /** The filter text: rows whose name contains it, with their ancestors, stay (case-insensitive; empty shows all). */
    public javafx.beans.property.StringProperty filterTextProperty() {
        return filter.textProperty();
    }

    /** Loads the clusters and opens the root. */
    public void start() {
        root.setExpanded(true);
    }

    /** Reloads every loaded row and merges the results, keeping expansion and selection. */
    public void refresh() {
        reloadLoaded(root, e -> true);
    }

    /** Reloads one row's part of the tree: the nearest loaded row at or above it, and what is open under it. */
    public void refresh(TreeItem<TreeEntry> item) {
        for (TreeItem<TreeEntry> i = item; i != null; i = i.getParent()) {
            if (i instanceof EntryItem e && e.lazy() && e.state() == EntryItem.State.LOADED) {
                reloadLoaded(e, x -> true);
                return;
            }
        }
        refresh();
    }

    private void reloadLoaded(EntryItem item, java.util.function.Predicate<TreeEntry> which) {
        if (item.lazy() && item.state() == EntryItem.State.LOADED && which.test(item.getValue())) {
            load(item);
        }
        for (TreeItem<TreeEntry> child : List.copyOf(item.sourceChildren())) {
            if (child instanceof EntryItem e && e.isExpanded()) {
                reloadLoaded(e, which);
            }
        }
    }

    private EntryItem item(TreeEntry entry) {
        EntryItem item = new EntryItem(entry, isLazy(entry));
        if (item.lazy()) {
            item.sourceChildren().add(new EntryItem(new MessageEntry(entry.key(), "Loading…", false), false));
            // First expansion loads; a later one shows what was loaded and merges a fresh load
            // (a refresh skips collapsed rows). Expanding to show filter matches loads nothing.
            item.expandedProperty().addListener((obs, was, expanded) -> {
                if (expanded && item.state() != EntryItem.State.LOADING && !filter.expanding()) {
                    load(item);
                }
            });
        } else {
            fillDerived(item);
        }
        return item;
    }

    private static boolean isLazy(TreeEntry e) {
        return e instanceof BackendEntry || e instanceof FolderEntry || e instanceof ServiceEntry || e instanceof FamilyEntry;
    }

    /** Children that come from the row's own value, without a call: a cluster's folders, a task's containers. */
    private void fillDerived(EntryItem item) {
        TreeEntry e = item.getValue();
        List<TreeEntry> children = new ArrayList<>();
        if (e instanceof ClusterEntry c) {
            String name = c.cluster().clusterName();
            children.add(new FolderEntry(name, FolderKind.SERVICES, c.cluster().activeServicesCount()));
            children.add(new FolderEntry(name, FolderKind.INSTANCES, c.cluster().registeredContainerInstancesCount()));
            children.add(new FolderEntry(name, FolderKind.TASK_DEFINITIONS, null));
        } else if (e instanceof TaskEntry t) {
            t.task().containers().forEach(container -> children.add(new ContainerEntry(t.cluster(), t.task(), container)));
        } else {
            return;
        }
        merge.merge(item, children, this::item, System.nanoTime());
    }

    private void load(EntryItem item) {
        TreeEntry e = item.getValue();
        item.state(EntryItem.State.LOADING);
        if (e instanceof FolderEntry f && f.kind() == FolderKind.SERVICES) {
            loadServices(item, f.cluster());
            return;
        }
        run(item, childrenOf(e));
    }

    private Callable<List<TreeEntry>> childrenOf(TreeEntry e) {
        if (e instanceof BackendEntry) {
            return () -> map(provider.listClusters(), ClusterEntry::new);
        }
        if (e instanceof ServiceEntry s) {
            return () -> tasksOf(s);
        }
        if (e instanceof FolderEntry f && f.kind() == FolderKind.INSTANCES) {
            return () -> {
                List<ContainerInstance> list = new ArrayList<>(provider.listContainerInstances(f.cluster()));
                list.sort(Comparator.comparing(i -> String.valueOf(i.ec2InstanceId())));
                return map(list, i -> new InstanceEntry(f.cluster(), i));
            };
        }
        if (e instanceof FolderEntry f && f.kind() == FolderKind.TASK_DEFINITIONS) {
            return () -> map(provider.listTaskDefinitionFamilies(), fam -> new FamilyEntry(f.cluster(), fam));
        }
        if (e instanceof FamilyEntry fam) {
            return () -> map(provider.listTaskDefinitions(fam.family(), false), arn -> new RevisionEntry(fam.cluster(), arn));
        }
        throw new IllegalArgumentException("Not a lazy row: " + e);
    }

    private List<TreeEntry> tasksOf(ServiceEntry s) {
        String service = s.service().serviceName();
        List<EcsTask> tasks = new ArrayList<>(provider.listTasks(s.cluster(), TaskFilter.ofService(service)));
        if (showStoppedTasks.get()) {
            tasks.addAll(provider.listTasks(s.cluster(), TaskFilter.stoppedOfService(service)));
        }
        tasks.sort(Comparator.comparing((EcsTask t) -> "STOPPED".equals(t.lastStatus()))
                .thenComparing(EcsTask::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return map(tasks, t -> new TaskEntry(s.cluster(), t));
    }

    private void run(EntryItem item, Callable<List<TreeEntry>> work) {
        loadsInFlight.set(loadsInFlight.get() + 1);
        BackgroundTask.of(work)
                .onSuccess(children -> settle(item, children))
                .onFailure(error -> fail(item, error))
                .onFinished(() -> loadsInFlight.set(loadsInFlight.get() - 1))
                .executeWith(executor);
    }

    /** Services come in DescribeServices batches: each is shown as it arrives, then the full list is merged. */
    private void loadServices(EntryItem item, String cluster) {
        boolean firstLoad = item.sourceChildren().stream().allMatch(c -> c.getValue() instanceof MessageEntry);
        loadsInFlight.set(loadsInFlight.get() + 1);
        BackgroundTask.of(() -> {
            List<TreeEntry> all = new ArrayList<>();
            provider.streamServices(cluster, batch -> {
                List<TreeEntry> entries = map(batch, svc -> new ServiceEntry(cluster, svc));
                synchronized (all) {
                    all.addAll(entries);
                }
                if (firstLoad) {
                    batches.offer(item, entries, executor);
                }
            });
            all.sort(Comparator.comparing(TreeEntry::name, String.CASE_INSENSITIVE_ORDER));
            return all;
        }).onSuccess(children -> {
            batches.flush();
            settle(item, children);
        }).onFailure(error -> fail(item, error))
                .onFinished(() -> loadsInFlight.set(loadsInFlight.get() - 1))
                .executeWith(executor);
    }

    private void settle(EntryItem item, List<TreeEntry> children) {
        item.state(EntryItem.State.LOADED);
        List<TreeEntry> rows = children.isEmpty()
                ? List.of(new MessageEntry(item.getValue().key(), emptyText(item.getValue()), false)) : children;
        merge.merge(item, rows, this::item, System.nanoTime());
        for (TreeItem<TreeEntry> child : item.sourceChildren()) {
            if (child instanceof EntryItem e && !e.lazy()) {
                fillDerived(e);
            }
        }
        filter.reapply(root);
        List<Runnable> waiting = afterLoad.remove(item);
        if (waiting != null) {
            waiting.forEach(Runnable::run);
        }
    }

    private void fail(EntryItem item, Throwable error) {
        afterLoad.remove(item);
        item.state(EntryItem.State.FAILED);
        String text = error instanceof EcsException ee ? ee.summary() : "Failed: " + error;
        merge.merge(item, List.of(new MessageEntry(item.getValue().key(), text, true)), this::item, System.nanoTime());
    }

    private static String emptyText(TreeEntry e) {
        if (e instanceof BackendEntry) {
            return "No clusters";
        }
        if (e instanceof ServiceEntry) {
            return "No running tasks";
        }
        if (e instanceof FolderEntry f) {
            return "No " + f.kind().title().toLowerCase();
        }
        return "Nothing here";
    }

    private static <T> List<TreeEntry> map(List<T> items, java.util.function.Function<T, TreeEntry> f) {
        List<TreeEntry> out = new ArrayList<>(items.size());
        for (T t : items) {
            out.add(f.apply(t));
        }
        return out;
    }

    /**
     * Opens the way to a cluster, or to a service in it, loading what it needs, then hands the row
     * to {@code onFound} (which selects it). Nothing happens if it does not exist.
     */
    public void reveal(String cluster, String service, java.util.function.Consumer<TreeItem<TreeEntry>> onFound) {
        root.setExpanded(true);
        whenLoaded(root, () -> {
            TreeItem<TreeEntry> c = childWhere(root, e -> e instanceof ClusterEntry ce && ce.cluster().clusterName().equals(cluster));
            if (c == null) {
                return;
            }
            if (service == null) {
                onFound.accept(c);
                return;
            }
            c.setExpanded(true);
            EntryItem folder = (EntryItem) childWhere((EntryItem) c, e -> e instanceof FolderEntry f && f.kind() == FolderKind.SERVICES);
            whenLoaded(folder, () -> {
                TreeItem<TreeEntry> s = childWhere(folder, e -> e instanceof ServiceEntry se && se.service().serviceName().equals(service));
                if (s != null) {
                    onFound.accept(s);
                }
            });
            folder.setExpanded(true);
        });
    }

    /**
     * Opens the way to a task of a service (loading the service's tasks) and hands its row to
     * {@code onFound}; {@code onMissing} runs when the service has no such task row (a stopped
     * task while stopped tasks are hidden, or one already gone).
     */
    public void revealTask(String cluster, String service, String taskId, java.util.function.Consumer<TreeItem<TreeEntry>> onFound,
            Runnable onMissing) {
        reveal(cluster, service, serviceRow -> {
            EntryItem item = (EntryItem) serviceRow;
            whenLoaded(item, () -> {
                TreeItem<TreeEntry> task = childWhere(item, e -> e instanceof TaskEntry t && t.task().taskId().equals(taskId));
                if (task == null) {
                    onMissing.run();
                } else {
                    onFound.accept(task);
                }
            });
            item.setExpanded(true);
        });
    }

    private void whenLoaded(EntryItem item, Runnable then) {
        if (item.state() == EntryItem.State.LOADED) {
            then.run();
            return;
        }
        afterLoad.computeIfAbsent(item, i -> new ArrayList<>()).add(then);
        if (item.isExpanded() && item.state() != EntryItem.State.LOADING) {
            load(item);
        }
    }

    private static TreeItem<TreeEntry> childWhere(EntryItem parent, java.util.function.Predicate<TreeEntry> which) {
        for (TreeItem<TreeEntry> child : parent.sourceChildren()) {
            if (which.test(child.getValue())) {
                return child;
            }
        }
        return null;
    }

    /** Finds a loaded row by key (depth first), for selecting a row by what it shows. */
    public TreeItem<TreeEntry> find(java.util.function.Predicate<TreeEntry> which) {
        return find(root, which);
    }

    private static TreeItem<TreeEntry> find(TreeItem<TreeEntry> from, java.util.function.Predicate<TreeEntry> which) {
        if (which.test(from.getValue())) {
            return from;
        }
        for (TreeItem<TreeEntry> child : ((EntryItem) from).sourceChildren()) {
            TreeItem<TreeEntry> hit = find(child, which);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** The cluster name of any row under a cluster; null for the backend row. */
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
