package dev.ecsdeck.ui.tree;

import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.EcsException;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.common.TaskTargets;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.TreeItem;

/**
 * Loads rows' children in the background and merges them into the tree: backend → clusters and the
 * account's task-definition families (once, as they are per account and region, not per cluster);
 * cluster → services, container instances; service → tasks → containers; family → revisions.
 * Services arrive batch by batch on a first load.
 */
final class TreeLoader {
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final TreeFilter filter;
    private final BooleanSupplier showStoppedTasks;
    /** A cluster's service names, sorted, when already listed (by the name index); null when not. */
    private Function<String, List<String>> knownNames = cluster -> null;
    private final TreeMerge merge = new TreeMerge();
    private final RowChanges changes = new RowChanges();
    private final IntegerProperty loadsInFlight = new SimpleIntegerProperty();
    private final PendingBatches batches;
    private final EntryItem root;
    /** What to do once a row's children have loaded (revealing a row). */
    private final Map<EntryItem, List<Runnable>> afterLoad = new HashMap<>();
    /** The EC2 instance of each container instance seen, so bridge tasks' targets are matched without listing instances each load. */
    private final Map<String, String> ec2InstanceIds = new ConcurrentHashMap<>();

    TreeLoader(EcsProvider provider, TaskExecutor executor, TreeFilter filter, BooleanSupplier showStoppedTasks) {
        this.provider = provider;
        this.executor = executor;
        this.filter = filter;
        this.showStoppedTasks = showStoppedTasks;
        this.batches = new PendingBatches((parent, entries) -> add(parent, entries));
        this.root = item(new BackendEntry(provider.description()));
    }

    EntryItem root() {
        return root;
    }

    /** Where a first load of a cluster's services finds the names of the rows on screen first. */
    void knownNames(Function<String, List<String>> names) {
        this.knownNames = names;
    }

    TreeMerge merge() {
        return merge;
    }

    RowChanges changes() {
        return changes;
    }

    IntegerProperty loadsInFlight() {
        return loadsInFlight;
    }

    /** Adds rows not there yet (keeping the others), sorted by name, and applies the filter. */
    void add(EntryItem parent, List<TreeEntry> entries) {
        changes.run(() -> {
            merge.add(parent, entries, this::item);
            filter.reapply(root);
        });
    }

    /** Reloads the rows under {@code item} (itself included) that are loaded, open and pass {@code which}. */
    void reloadLoaded(EntryItem item, Predicate<TreeEntry> which) {
        if (item.lazy() && item.state() == EntryItem.State.LOADED && which.test(item.getValue())) {
            load(item);
        }
        for (TreeItem<TreeEntry> child : List.copyOf(item.sourceChildren())) {
            if (child instanceof EntryItem e && e.isExpanded()) {
                reloadLoaded(e, which);
            }
        }
    }

    EntryItem item(TreeEntry entry) {
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
        } else if (e instanceof TaskEntry t) {
            t.task().containers().forEach(container -> children.add(new ContainerEntry(t.cluster(), t.task(), container)));
        } else {
            return;
        }
        merge.merge(item, children, this::item, System.nanoTime());
    }

    /** Loads a row's children unless they are loaded or loading. */
    void ensureLoaded(EntryItem item) {
        if (item.state() != EntryItem.State.LOADED && item.state() != EntryItem.State.LOADING) {
            load(item);
        }
    }

    void load(EntryItem item) {
        TreeEntry e = item.getValue();
        boolean firstLoad = item.state() != EntryItem.State.LOADED;
        item.state(EntryItem.State.LOADING);
        if (e instanceof FolderEntry f && f.kind() == FolderKind.SERVICES) {
            loadServices(item, f.cluster(), firstLoad);
            return;
        }
        run(item, childrenOf(e));
    }

    private Callable<List<TreeEntry>> childrenOf(TreeEntry e) {
        if (e instanceof BackendEntry) {
            return this::clustersAndFamilies;
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
            return () -> map(provider.listTaskDefinitionFamilies(), fam -> new FamilyEntry(null, fam));
        }
        if (e instanceof FamilyEntry fam) {
            return () -> map(provider.listTaskDefinitions(fam.family(), false), arn -> new RevisionEntry(fam.cluster(), arn));
        }
        throw new IllegalArgumentException("Not a lazy row: " + e);
    }

    /** The clusters, then one folder of the account's task-definition families with their count (null if they could not be listed). */
    private List<TreeEntry> clustersAndFamilies() {
        List<TreeEntry> rows = map(provider.listClusters(), ClusterEntry::new);
        if (rows.isEmpty()) {
            rows.add(new MessageEntry("backend", "No clusters", false));
        }
        Integer families;
        try {
            families = provider.listTaskDefinitionFamilies().size();
        } catch (EcsException e) {
            families = null;
        }
        rows.add(new FolderEntry(null, FolderKind.TASK_DEFINITIONS, families));
        return rows;
    }

    private List<TreeEntry> tasksOf(ServiceEntry s) {
        String service = s.service().serviceName();
        List<EcsTask> tasks = new ArrayList<>(provider.listTasks(s.cluster(), TaskFilter.ofService(service)));
        if (showStoppedTasks.getAsBoolean()) {
            tasks.addAll(provider.listTasks(s.cluster(), TaskFilter.stoppedOfService(service)));
        }
        tasks.sort(Comparator.comparing((EcsTask t) -> "STOPPED".equals(t.lastStatus()))
                .thenComparing(EcsTask::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
        TaskTargets targets = targetsOf(s, tasks);
        return map(tasks, t -> new TaskEntry(s.cluster(), t, targets == null ? null : targets.of(t).orElse(null)));
    }

    /**
     * The tasks' targets for a load-balanced service (one DescribeTargetHealth per target group, not
     * per task); null without load balancers, or when they could not be read (the tasks show anyway).
     */
    private TaskTargets targetsOf(ServiceEntry s, List<EcsTask> tasks) {
        if (s.service().loadBalancers().isEmpty() || tasks.isEmpty()) {
            return null;
        }
        try {
            return TaskTargets.read(provider, s.cluster(), s.service().loadBalancers(), tasks, ec2InstanceIds);
        } catch (RuntimeException e) { // a backend without load-balancer reads, or a failed one: the tasks still show
            return null;
        }
    }

    private void run(EntryItem item, Callable<List<TreeEntry>> work) {
        loadsInFlight.set(loadsInFlight.get() + 1);
        BackgroundTask.of(work)
                .onSuccess(children -> changes.run(() -> settle(item, children)))
                .onFailure(error -> changes.run(() -> fail(item, error)))
                .onFinished(() -> loadsInFlight.set(loadsInFlight.get() - 1))
                .executeWith(executor);
    }

    /** Rows a tree shows at once: a first load describes these first when their names are known. */
    static final int FIRST_SCREEN = 30;

    /**
     * Services come in DescribeServices batches: on a first load each is shown as it arrives, then the
     * full list is merged. ListServices' order is not the tree's: when the names are known, the
     * first screen's rows (by name) are described first, beside the full load, so their counts come first.
     */
    private void loadServices(EntryItem item, String cluster, boolean firstLoad) {
        List<String> known = firstLoad ? knownNames.apply(cluster) : null;
        boolean rowsThere = item.sourceChildren().stream().anyMatch(i -> i.getValue() instanceof ServiceEntry);
        if (known != null && known.size() > FIRST_SCREEN && !rowsThere) {
            List<String> top = List.copyOf(known.subList(0, FIRST_SCREEN));
            BackgroundTask.of(() -> provider.describeServices(cluster, top)).onSuccess(found -> {
                if (item.state() == EntryItem.State.LOADING) {
                    add(item, map(found, svc -> new ServiceEntry(cluster, svc)));
                }
            }).onFailure(error -> {
                // Nothing to say: the full load below lists these rows too, or says why it could not.
            }).executeWith(executor);
        }
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
        }).onSuccess(children -> changes.run(() -> {
            batches.flush();
            settle(item, children);
        })).onFailure(error -> changes.run(() -> fail(item, error)))
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
        // The folder's count is what its load found (the backend's load counted them earlier).
        if (item.getValue() instanceof FolderEntry f && f.kind() == FolderKind.TASK_DEFINITIONS && !Integer.valueOf(children.size()).equals(f.count())) {
            item.setValue(new FolderEntry(f.cluster(), f.kind(), children.size()));
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
        String text = ErrorText.of(error);
        merge.merge(item, List.of(new MessageEntry(item.getValue().key(), text, true)), this::item, System.nanoTime());
    }

    private static String emptyText(TreeEntry e) {
        if (e instanceof ServiceEntry) {
            return "No running tasks";
        }
        if (e instanceof FolderEntry f) {
            return "No " + f.kind().title().toLowerCase();
        }
        return "Nothing here";
    }

    private static <T> List<TreeEntry> map(List<T> items, Function<T, TreeEntry> f) {
        List<TreeEntry> out = new ArrayList<>(items.size());
        for (T t : items) {
            out.add(f.apply(t));
        }
        return out;
    }

    /** Runs {@code then} once the row's children are loaded (now, if they are); loads them if the row is open. */
    void whenLoaded(EntryItem item, Runnable then) {
        if (item.state() == EntryItem.State.LOADED) {
            then.run();
            return;
        }
        afterLoad.computeIfAbsent(item, i -> new ArrayList<>()).add(then);
        if (item.isExpanded() && item.state() != EntryItem.State.LOADING) {
            load(item);
        }
    }

    static EntryItem childWhere(EntryItem parent, Predicate<TreeEntry> which) {
        for (TreeItem<TreeEntry> child : parent.sourceChildren()) {
            if (which.test(child.getValue())) {
                return (EntryItem) child;
            }
        }
        return null;
    }
}
