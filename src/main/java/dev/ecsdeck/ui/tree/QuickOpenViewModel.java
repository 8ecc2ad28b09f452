package dev.ecsdeck.ui.tree;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.provider.EcsException;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Quick-open (Ctrl+P): every cluster and every service of every cluster, loaded in the background
 * when it opens, narrowed by a fuzzy match as the user types; choosing one reveals it in the tree.
 */
public final class QuickOpenViewModel {
    /** One thing to jump to: a cluster (service null) or a service in a cluster. */
    public record Target(String cluster, String service) {
        public String label() {
            return service == null ? cluster : service + "  —  " + cluster;
        }

        String matchText() {
            return service == null ? cluster : cluster + "/" + service;
        }
    }

    public static final int MAX_SHOWN = 50;

    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final BiConsumer<String, String> reveal;
    private final List<Target> all = new ArrayList<>();
    private final ObservableList<Target> shown = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    /** @param reveal shows (cluster, service-or-null) in the tree */
    public QuickOpenViewModel(EcsProvider provider, TaskExecutor executor, BiConsumer<String, String> reveal) {
        this.provider = provider;
        this.executor = executor;
        this.reveal = reveal;
        query.addListener((obs, was, now) -> narrow());
    }

    /** Loads the candidates (clusters, then each cluster's services as they arrive). */
    public void load() {
        all.clear();
        query.set("");
        status.set("Loading clusters…");
        BackgroundTask.of(provider::listClusters).onSuccess(clusters -> {
            for (Cluster c : clusters) {
                all.add(new Target(c.clusterName(), null));
            }
            narrow();
            status.set("Loading services…");
            for (Cluster c : clusters) {
                BackgroundTask.of(() -> provider.listServices(c.clusterName())).onSuccess(services -> {
                    for (EcsService s : services) {
                        all.add(new Target(c.clusterName(), s.serviceName()));
                    }
                    status.set(all.size() + " clusters and services");
                    narrow();
                }).onFailure(this::failed).executeWith(executor);
            }
        }).onFailure(this::failed).executeWith(executor);
    }

    private void failed(Throwable error) {
        status.set(error instanceof EcsException e ? e.summary() : "Failed: " + error);
    }

    private void narrow() {
        String q = query.get() == null ? "" : query.get().trim();
        List<Target> ranked = new ArrayList<>();
        List<Integer> scores = new ArrayList<>();
        for (Target t : all) {
            int score = FuzzyMatch.score(q, t.matchText());
            int best = Math.max(score, t.service() == null ? -1 : FuzzyMatch.score(q, t.service()) + 5);
            if (best >= 0) {
                ranked.add(t);
                scores.add(best);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> -scores.get(i)).thenComparing(i -> ranked.get(i).matchText()));
        List<Target> top = new ArrayList<>();
        for (int i = 0; i < order.size() && i < MAX_SHOWN; i++) {
            top.add(ranked.get(order.get(i)));
        }
        shown.setAll(top);
    }

    public void open(Target target) {
        if (target != null) {
            reveal.accept(target.cluster(), target.service());
        }
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Target> shown() {
        return shown;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
