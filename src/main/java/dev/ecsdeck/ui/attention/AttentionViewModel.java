package dev.ecsdeck.ui.attention;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.common.TimeFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Needs attention" across every cluster: each cluster's services, stopped tasks and container
 * instances are read in the background and checked by {@link AttentionRules}; the items and a count
 * per cluster (for the tree's badges) are replaced on each refresh.
 */
public final class AttentionViewModel {
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final LongSupplier nowMillis;
    private final ObservableList<AttentionItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<Map<String, Integer>> counts = new SimpleObjectProperty<>(Map.of());
    private final StringProperty status = new SimpleStringProperty("Not checked yet.");
    /** When this console first saw each instance problem (ECS does not say since when). */
    private final Map<String, Instant> firstSeen = new HashMap<>();
    private Consumer<AttentionItem> revealRequests = item -> { };
    private boolean loading;
    private boolean again;
    private Instant lastEnd;

    /** A check of every cluster: the items found, and the clusters that could not be read, with why. */
    private record Check(List<AttentionItem> items, List<String> failures, int clusters, Instant at) {}

    public AttentionViewModel(EcsProvider provider, TaskExecutor executor, LongSupplier nowMillis) {
        this.provider = provider;
        this.executor = executor;
        this.nowMillis = nowMillis;
    }

    /** Where "go to this row" sends an item (the window selects it in the tree). */
    public void onRevealRequested(Consumer<AttentionItem> handler) {
        this.revealRequests = handler;
    }

    public void reveal(AttentionItem item) {
        if (item != null) {
            revealRequests.accept(item);
        }
    }

    /**
     * Checks again unless a check is running or the last one ended less than {@code pause} ago (by
     * the console's clock): on a large fleet a check is thousands of calls, and the timer must not
     * chain them back to back.
     */
    public void refreshIfOlderThan(java.time.Duration pause) {
        if (!loading && (lastEnd == null || !Instant.ofEpochMilli(nowMillis.getAsLong()).isBefore(lastEnd.plus(pause)))) {
            refresh();
        }
    }

    /** Checks every cluster again; a refresh asked for while one runs follows it. */
    public void refresh() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        if (items.isEmpty()) {
            status.set("Checking every cluster…");
        }
        BackgroundTask.of(this::check)
                .onSuccess(this::show)
                .onFailure(error -> status.set("Could not check the clusters: " + ErrorText.of(error)))
                .onFinished(() -> {
                    loading = false;
                    lastEnd = Instant.ofEpochMilli(nowMillis.getAsLong());
                    if (again) {
                        again = false;
                        refresh();
                    }
                }).executeWith(executor);
    }

    /** Runs in the background: every call of the check. A cluster that fails is named, the others still count. */
    private Check check() {
        Instant now = Instant.ofEpochMilli(nowMillis.getAsLong());
        List<AttentionItem> found = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Cluster> clusters = provider.listClusters();
        for (Cluster c : clusters) {
            String name = c.clusterName();
            try {
                List<AttentionItem> ofCluster = new ArrayList<>();
                List<EcsTask> stopped = provider.listTasks(name, new TaskFilter(null, null, null, null, "STOPPED"));
                for (EcsService s : provider.listServices(name)) {
                    ofCluster.addAll(AttentionRules.ofService(name, s, stopped, now, inFlight(name, s)));
                }
                for (ContainerInstance i : provider.listContainerInstances(name)) {
                    ofCluster.addAll(AttentionRules.ofInstance(name, i, now));
                }
                found.addAll(ofCluster); // all of a cluster or, when a call fails, none of it
            } catch (RuntimeException e) {
                failures.add(name + ": " + ErrorText.of(e));
            }
        }
        return new Check(found, failures, clusters.size(), now);
    }

    /**
     * The service deployment in flight of a traffic-shifting service whose rollout is in progress (two calls, for those few
     * services only), or null: none, or the backend would not say (a missing permission must not hide the other items).
     */
    private ServiceDeployment inFlight(String cluster, EcsService s) {
        boolean rolling = s.deployments().stream().anyMatch(d -> d.isPrimary() && d.inProgress());
        if (!rolling || s.deploymentConfiguration() == null || !s.deploymentConfiguration().shiftsTraffic()) {
            return null;
        }
        try {
            for (ServiceDeploymentBrief b : provider.listServiceDeployments(cluster, s.serviceName())) {
                if (ServiceDeployment.inFlight(b.status())) {
                    List<ServiceDeployment> described = provider.describeServiceDeployments(List.of(b.serviceDeploymentArn()));
                    return described.isEmpty() ? null : described.get(0);
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    private void show(Check check) {
        List<AttentionItem> fresh = new ArrayList<>();
        Map<String, Instant> stillSeen = new HashMap<>();
        Map<String, Integer> perCluster = new HashMap<>();
        for (AttentionItem item : check.items()) {
            if (item.instanceArn() != null) {
                Instant seen = firstSeen.getOrDefault(item.key(), item.since());
                stillSeen.put(item.key(), seen);
                item = item.since(seen, item.sinceBasis());
            }
            fresh.add(item);
            perCluster.merge(item.cluster(), 1, Integer::sum);
        }
        firstSeen.clear();
        firstSeen.putAll(stillSeen);
        items.setAll(fresh);
        counts.set(Map.copyOf(perCluster));
        String summary = fresh.isEmpty() ? "Nothing needs attention" : fresh.size() + (fresh.size() == 1 ? " item" : " items")
                + " in " + perCluster.size() + (perCluster.size() == 1 ? " cluster" : " clusters");
        status.set(summary + " (" + dev.ecsdeck.ui.common.Plural.of(check.clusters(), "cluster") + " checked at " + TimeFormat.local(check.at()) + ")"
                + (check.failures().isEmpty() ? "." : ". Not checked: " + String.join("; ", check.failures())));
    }

    /** When an item began, as its row shows it: the time alone when that is today (by the console's clock), else date and time. */
    public String sinceShort(AttentionItem item) {
        return item.sinceShort(Instant.ofEpochMilli(nowMillis.getAsLong()));
    }

    /** The items of the last check, cluster by cluster. */
    public ObservableList<AttentionItem> items() {
        return items;
    }

    /** How many items each cluster has (absent: none). */
    public ReadOnlyObjectProperty<Map<String, Integer>> countsProperty() {
        return counts;
    }

    public int count(String cluster) {
        return counts.get().getOrDefault(cluster, 0);
    }

    /** What the last check found and when, or why it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
