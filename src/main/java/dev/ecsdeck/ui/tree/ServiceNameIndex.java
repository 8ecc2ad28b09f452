package dev.ecsdeck.ui.tree;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The names of every cluster's services, for searching them (the tree's filter, quick open) without
 * describing a single one: ListClusters, then ListServices of each cluster, {@link #PARALLEL}
 * clusters at a time (leaving the other background threads free for what the user asks, like
 * opening a service), each cluster's names usable as soon as they arrive. It
 * says how far it is ({@link #listedProperty()} of {@link #totalProperty()} clusters) until the last
 * cluster answers.
 */
public final class ServiceNameIndex {
    static final int PARALLEL = 3;

    private final EcsProvider provider;
    private final TaskExecutor executor;
    /** Cluster names in ListClusters order; null until listed. */
    private List<String> clusters;
    private final Map<String, List<String>> names = new HashMap<>();
    private final IntegerProperty listed = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty failure = new SimpleStringProperty("");
    private final List<Runnable> listeners = new ArrayList<>();
    /** Bumped by each load, so answers to an older one are dropped. */
    private int generation;
    /** Set by a refresh: the next {@link #ensure()} lists every cluster again. */
    private boolean stale;
    private int remaining;
    private final java.util.ArrayDeque<String> waiting = new java.util.ArrayDeque<>();

    public ServiceNameIndex(EcsProvider provider, TaskExecutor executor) {
        this.provider = provider;
        this.executor = executor;
    }

    /**
     * Lists what is not known yet, or everything again when a refresh made it stale; nothing when
     * everything is known and fresh, or a load is running.
     */
    public void ensure() {
        if (!loading.get() && (stale || clusters == null || names.size() < clusters.size())) {
            start(stale);
        }
    }

    /**
     * The backend may have changed (a refresh): what is known stays usable, and the next
     * {@link #ensure()} lists every cluster again. A load under way goes on (its answers are no
     * older than the refresh).
     */
    public void markStale() {
        stale = true;
    }

    private void start(boolean everyCluster) {
        stale = false;
        int gen = ++generation;
        loading.set(true);
        failure.set("");
        BackgroundTask.of(() -> provider.listClusters().stream().map(Cluster::clusterName).toList()).onSuccess(list -> {
            if (gen != generation) {
                return;
            }
            clusters = list;
            names.keySet().retainAll(list);
            List<String> todo = everyCluster ? list : list.stream().filter(c -> !names.containsKey(c)).toList();
            total.set(list.size());
            listed.set(list.size() - todo.size());
            remaining = todo.size();
            if (todo.isEmpty()) {
                loading.set(false);
            }
            waiting.clear();
            waiting.addAll(todo);
            for (int i = 0; i < PARALLEL && !waiting.isEmpty(); i++) {
                listServices(gen, waiting.poll());
            }
            changed();
        }).onFailure(error -> {
            if (gen == generation) {
                failure.set(ErrorText.of(error));
                loading.set(false);
                changed();
            }
        }).executeWith(executor);
    }

    private void listServices(int gen, String cluster) {
        BackgroundTask.of(() -> provider.listServiceNames(cluster)).onSuccess(list -> {
            if (gen == generation) {
                List<String> sorted = new ArrayList<>(list);
                sorted.sort(String.CASE_INSENSITIVE_ORDER);
                names.put(cluster, List.copyOf(sorted));
            }
        }).onFailure(error -> {
            if (gen == generation) {
                failure.set(ErrorText.of(error));
            }
        }).onFinished(() -> {
            if (gen == generation) {
                listed.set(listed.get() + 1);
                if (--remaining == 0) {
                    loading.set(false);
                } else if (!waiting.isEmpty()) {
                    listServices(gen, waiting.poll());
                }
                changed();
            }
        }).executeWith(executor);
    }

    private void changed() {
        List.copyOf(listeners).forEach(Runnable::run);
    }

    /** Runs (on the UI thread) whenever names arrive, a load ends, or everything is forgotten. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** The clusters, in ListClusters order (empty until listed). */
    public List<String> clusters() {
        return clusters == null ? List.of() : clusters;
    }

    /** A cluster's service names, sorted; null while not listed yet. */
    public List<String> names(String cluster) {
        return names.get(cluster);
    }

    /** How many clusters' names are in. */
    public ReadOnlyIntegerProperty listedProperty() {
        return listed;
    }

    /** How many clusters there are (0 until ListClusters answers). */
    public ReadOnlyIntegerProperty totalProperty() {
        return total;
    }

    /** True from the start of a load until its last cluster answered. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** What went wrong in the last load ("" when nothing did). */
    public ReadOnlyStringProperty failureProperty() {
        return failure;
    }

    /** "2 of 3 clusters", or "" before the clusters are known. */
    public String progress() {
        return total.get() == 0 ? "" : listed.get() + " of " + total.get() + " clusters";
    }
}
