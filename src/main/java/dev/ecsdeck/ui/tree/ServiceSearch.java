package dev.ecsdeck.ui.tree;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.tree.TreeEntry.ClusterEntry;
import dev.ecsdeck.ui.tree.TreeEntry.FolderEntry;
import dev.ecsdeck.ui.tree.TreeEntry.FolderKind;
import dev.ecsdeck.ui.tree.TreeEntry.ServiceEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.TreeItem;

/**
 * Makes the tree's filter find services in clusters nobody opened: while there is filter text, every
 * cluster's service names are known through the {@link ServiceNameIndex}, and the services whose
 * name matches are described (only they, at most {@link #MAX_PER_CLUSTER} a cluster) and put under
 * their cluster's Services folder, which stays "partly loaded" (opening it by hand loads the rest).
 * It says what it is doing in {@link #statusProperty()}.
 */
final class ServiceSearch {
    static final int MAX_PER_CLUSTER = 100;

    private final TreeLoader loader;
    private final ServiceNameIndex index;
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final ObservableStringValue text;
    private final Supplier<TreeEntry> selected;
    private final StringProperty status = new SimpleStringProperty("");
    /** "cluster/service" described or being described since the filter was last cleared. */
    private final Set<String> requested = new HashSet<>();
    private int describing;
    private boolean truncated;
    private String failure = "";

    ServiceSearch(TreeLoader loader, ServiceNameIndex index, EcsProvider provider, TaskExecutor executor, ObservableStringValue text,
            Supplier<TreeEntry> selected) {
        this.loader = loader;
        this.index = index;
        this.provider = provider;
        this.executor = executor;
        this.text = text;
        this.selected = selected;
        text.addListener((obs, was, now) -> {
            if (TreeFilter.needle(now).isEmpty()) {
                cleared();
            } else {
                index.ensure();
                search();
            }
        });
        index.onChange(() -> {
            if (!TreeFilter.needle(text.get()).isEmpty()) {
                search();
            }
        });
    }

    ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Describes the matching services not shown yet in clusters whose services are not loaded. */
    void search() {
        String needle = TreeFilter.needle(text.get());
        if (needle.isEmpty()) {
            return;
        }
        truncated = false;
        for (TreeItem<TreeEntry> child : loader.root().sourceChildren()) {
            if (child.getValue() instanceof ClusterEntry c) {
                search(c.cluster().clusterName(), (EntryItem) child, needle);
            }
        }
        updateStatus();
    }

    private void search(String cluster, EntryItem clusterRow, String needle) {
        EntryItem folder = TreeLoader.childWhere(clusterRow, e -> e instanceof FolderEntry f && f.kind() == FolderKind.SERVICES);
        List<String> names = index.names(cluster);
        if (folder == null || names == null || fullyLoading(folder)) {
            return;
        }
        Set<String> present = new HashSet<>();
        folder.sourceChildren().forEach(i -> {
            if (i.getValue() instanceof ServiceEntry s) {
                present.add(s.service().serviceName());
            }
        });
        List<String> matching = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains(needle)).toList();
        truncated |= matching.size() > MAX_PER_CLUSTER;
        int room = MAX_PER_CLUSTER - (int) matching.stream().filter(n -> present.contains(n) || requested.contains(cluster + "/" + n)).count();
        List<String> todo = new ArrayList<>();
        for (String name : matching) {
            if (todo.size() >= room) {
                break;
            }
            if (!present.contains(name) && requested.add(cluster + "/" + name)) {
                todo.add(name);
            }
        }
        if (!todo.isEmpty()) {
            describe(cluster, folder, todo);
        }
    }

    private static boolean fullyLoading(EntryItem folder) {
        return folder.state() == EntryItem.State.LOADED || folder.state() == EntryItem.State.LOADING;
    }

    private void describe(String cluster, EntryItem folder, List<String> names) {
        describing++;
        BackgroundTask.of(() -> provider.describeServices(cluster, names)).onSuccess(services -> {
            if (!fullyLoading(folder)) {
                loader.add(folder, services.stream().map(s -> (TreeEntry) new ServiceEntry(cluster, s)).toList());
            }
        }).onFailure(error -> {
            names.forEach(n -> requested.remove(cluster + "/" + n));
            failure = ErrorText.of(error);
        }).onFinished(() -> {
            describing--;
            updateStatus();
        }).executeWith(executor);
    }

    /**
     * The filter is gone: Services folders it opened that hold only its matches close again (opening
     * one loads all its services), unless the selection is in one, which then loads the rest.
     */
    private void cleared() {
        requested.clear();
        truncated = false;
        failure = "";
        for (TreeItem<TreeEntry> child : loader.root().sourceChildren()) {
            if (child.getValue() instanceof ClusterEntry) {
                EntryItem folder = TreeLoader.childWhere((EntryItem) child, e -> e instanceof FolderEntry f && f.kind() == FolderKind.SERVICES);
                if (folder != null && folder.isExpanded() && !fullyLoading(folder)
                        && folder.sourceChildren().stream().anyMatch(i -> i.getValue() instanceof ServiceEntry)) {
                    if (holdsSelection(folder)) {
                        loader.load(folder);
                    } else {
                        folder.setExpanded(false);
                    }
                }
            }
        }
        updateStatus();
    }

    private boolean holdsSelection(EntryItem folder) {
        TreeEntry s = selected.get();
        FolderEntry f = (FolderEntry) folder.getValue();
        return s != null && !(s instanceof FolderEntry) && !(s instanceof ClusterEntry) && f.cluster().equals(ClusterTreeViewModel.clusterOf(s));
    }

    private void updateStatus() {
        if (TreeFilter.needle(text.get()).isEmpty()) {
            status.set("");
        } else if (index.loadingProperty().get()) {
            String progress = index.progress();
            status.set(progress.isEmpty() ? "Searching services…" : "Searching services: " + progress + "…");
        } else if (describing > 0) {
            status.set("Loading the matching services…");
        } else if (!index.failureProperty().get().isEmpty() || !failure.isEmpty()) {
            status.set("Some services could not be searched: " + (failure.isEmpty() ? index.failureProperty().get() : failure));
        } else if (truncated) {
            status.set("Showing the first " + MAX_PER_CLUSTER + " matches in each cluster: type more of the name.");
        } else {
            status.set("");
        }
    }
}
