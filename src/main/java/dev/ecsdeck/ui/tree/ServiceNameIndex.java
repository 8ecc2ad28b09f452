package dev.ecsdeck.ui.tree;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.RetryListener;
import dev.ecsdeck.provider.ThrottledException;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
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
 * describing a single one: ListClusters, then ListServices of each cluster (names from the ARNs),
 * {@link #PARALLEL} clusters at a time on an executor of their own (a cluster's pages follow one
 * another, so only clusters in parallel make 40 clusters quick; the shared background threads stay
 * free for what the user asks), each cluster's names usable as soon as they arrive. It says how far
 * it is ({@link #progress()}) until the last cluster answers, and when the backend throttles it:
 * then it lists fewer clusters at once, and a cluster still throttled after the SDK's retries is
 * listed again after a pause, not reported as a failure.
 */
public final class ServiceNameIndex {
    /**
     * Clusters listed at once: 40 clusters of 5 pages at 50 ms a call in two waves, about half a
     * second. With the 8 background threads and the AWS provider's 16 describe threads, 44 calls at
     * most are in flight, within the SDK HTTP client's 50 connections.
     */
    public static final int PARALLEL = 20;
    /** Times a cluster still throttled after the SDK's own retries is listed again before it counts as failed. */
    static final int THROTTLED_ROUNDS = 4;

    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final TaskExecutor listing;
    private final LongConsumer pause;
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
    /** Clusters being listed now, and how many may be: halved when the backend throttles, one more after each cluster listed. */
    private int inFlight;
    private int limit = PARALLEL;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    /** Clusters being listed whose calls the backend throttled (retries under way). */
    private final Set<String> throttled = new HashSet<>();
    /** The cluster each listing thread is on, so a retry the SDK reports is put to its cluster. */
    private final Map<Thread, String> listingOn = new ConcurrentHashMap<>();

    /** Lists on the shared executor (tests: everything in order, on their thread). */
    public ServiceNameIndex(EcsProvider provider, TaskExecutor executor) {
        this(provider, executor, executor, millis -> { });
    }

    /**
     * Lists on {@code listing} (a pool of at least {@link #PARALLEL} threads, results on the UI
     * thread); {@code pause} waits before a throttled cluster is listed again.
     */
    public ServiceNameIndex(EcsProvider provider, TaskExecutor executor, TaskExecutor listing, LongConsumer pause) {
        this.provider = provider;
        this.executor = executor;
        this.listing = listing;
        this.pause = pause;
        provider.onRetry(new RetryListener() {
            @Override
            public void retried(String apiName, int attempt) {
                // Told with the error code below.
            }

            @Override
            public void retried(String apiName, int attempt, String errorCode) {
                String cluster = listingOn.get(Thread.currentThread());
                if (cluster != null && isThrottling(errorCode)) {
                    listing.runOnUiThread(() -> throttledNow(cluster));
                }
            }
        });
    }

    /** Waits on a background thread before a throttled cluster is listed again. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean isThrottling(String errorCode) {
        return errorCode != null && (errorCode.startsWith("Throttling") || errorCode.equals("TooManyRequestsException")
                || errorCode.equals("RequestLimitExceeded") || errorCode.equals("429"));
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
        throttled.clear();
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
            inFlight = 0;
            limit = PARALLEL;
            startMore(gen);
            changed();
        }).onFailure(error -> {
            if (gen == generation) {
                failure.set(ErrorText.of(error));
                loading.set(false);
                changed();
            }
        }).executeWith(executor);
    }

    private void startMore(int gen) {
        while (inFlight < limit && !waiting.isEmpty()) {
            listServices(gen, waiting.poll(), 0);
        }
    }

    /** Fewer clusters at once while the backend throttles: their calls would only be throttled and wait longer. */
    private void slowDown() {
        limit = Math.max(2, limit / 2);
    }

    private void listServices(int gen, String cluster, int round) {
        inFlight++;
        BackgroundTask.of(() -> {
            if (round > 0) {
                pause.accept(Math.min(8_000L, 1_000L << (round - 1)));
            }
            listingOn.put(Thread.currentThread(), cluster);
            try {
                return provider.listServiceNames(cluster);
            } finally {
                listingOn.remove(Thread.currentThread());
            }
        }).onSuccess(list -> {
            if (gen == generation) {
                inFlight--;
                limit = Math.min(PARALLEL, limit + 1);
                List<String> sorted = new ArrayList<>(list);
                sorted.sort(String.CASE_INSENSITIVE_ORDER);
                names.put(cluster, List.copyOf(sorted));
                done(gen, cluster);
            }
        }).onFailure(error -> {
            if (gen != generation) {
                return;
            }
            inFlight--;
            if (error instanceof ThrottledException && round + 1 < THROTTLED_ROUNDS) {
                // Still throttled after the SDK's retries: a pause and this cluster again, not an error.
                throttled.add(cluster);
                slowDown();
                listServices(gen, cluster, round + 1);
                changed();
                return;
            }
            failure.set(ErrorText.of(error));
            done(gen, cluster);
        }).executeWith(listing);
    }

    private void done(int gen, String cluster) {
        throttled.remove(cluster);
        listed.set(listed.get() + 1);
        if (--remaining == 0) {
            loading.set(false);
        } else {
            startMore(gen);
        }
        changed();
    }

    private void throttledNow(String cluster) {
        if (loading.get() && !names.containsKey(cluster)) {
            slowDown();
            if (throttled.add(cluster)) {
                changed();
            }
        }
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

    /** How many services' names are in. */
    public int nameCount() {
        return names.values().stream().mapToInt(List::size).sum();
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

    /** True while a cluster being listed is throttled by the backend (its calls are retried). */
    public boolean throttled() {
        return loading.get() && !throttled.isEmpty();
    }

    /** "2 of 3 clusters", "31 of 40 clusters — throttled, retrying", or "" before the clusters are known. */
    public String progress() {
        if (total.get() == 0) {
            return "";
        }
        return listed.get() + " of " + total.get() + " clusters" + (throttled() ? " — throttled, retrying" : "");
    }
}
