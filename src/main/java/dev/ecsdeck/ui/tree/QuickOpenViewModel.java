package dev.ecsdeck.ui.tree;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Quick open (Ctrl+P): clusters, every cluster's services (names from the shared
 * {@link ServiceNameIndex}, listed in the background with progress), task-definition families,
 * and tasks by id prefix ({@link TaskIdLookup}). Only what matches the typed text is listed, best
 * first (fuzzy: its letters in order); choosing one opens it.
 */
public final class QuickOpenViewModel {
    public enum Kind { CLUSTER, SERVICE, TASK, FAMILY }

    /** One thing to open; {@code task} only for a task. */
    public record Target(Kind kind, String cluster, String name, EcsTask task) {
        static Target cluster(String cluster) {
            return new Target(Kind.CLUSTER, cluster, cluster, null);
        }

        static Target service(String cluster, String service) {
            return new Target(Kind.SERVICE, cluster, service, null);
        }

        /** The service a task belongs to, or null (a task run on its own, or not a task). */
        public String taskService() {
            return task == null ? null : TaskIdLookup.serviceOf(task);
        }

        public String label() {
            return switch (kind) {
                case CLUSTER -> name + "  —  cluster";
                case SERVICE -> name + "  —  " + cluster;
                case FAMILY -> name + "  —  task definition family";
                case TASK -> "task " + name + "  —  " + cluster + (taskService() == null ? "" : " · " + taskService())
                        + " · " + task.lastStatus();
            };
        }
    }

    /** What choosing a target does. */
    public interface Opener {
        void cluster(String cluster);

        void service(String cluster, String service);

        void task(String cluster, EcsTask task);

        void family(String family);
    }

    public static final int MAX_SHOWN = 50;

    private final ServiceNameIndex index;
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final Opener opener;
    private final TaskIdLookup tasks;
    private final List<String> families = new ArrayList<>();
    private final ObservableList<Target> shown = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private String familiesFailure = "";
    private int matches;

    public QuickOpenViewModel(ServiceNameIndex index, EcsProvider provider, TaskExecutor executor, Opener opener) {
        this.index = index;
        this.provider = provider;
        this.executor = executor;
        this.opener = opener;
        this.tasks = new TaskIdLookup(provider, executor, index, query::get, this::narrow);
        query.addListener((obs, was, now) -> {
            tasks.search(now);
            narrow();
        });
        index.onChange(() -> {
            tasks.search(query.get());
            narrow();
        });
    }

    /** Starts a session: lists what is not known yet (services, families); shows what is known at once. */
    public void load() {
        query.set("");
        tasks.reset();
        index.ensure();
        familiesFailure = "";
        BackgroundTask.of(provider::listTaskDefinitionFamilies).onSuccess(list -> {
            families.clear();
            families.addAll(list);
            narrow();
        }).onFailure(error -> {
            familiesFailure = ErrorText.of(error);
            narrow();
        }).executeWith(executor);
        narrow();
    }

    private record Scored(Target target, int score) {}

    /** Best first: score, then name, then cluster (case-insensitive, without copying the strings). */
    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingInt((Scored s) -> -s.score())
            .thenComparing(s -> s.target().name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(s -> String.valueOf(s.target().cluster()), String.CASE_INSENSITIVE_ORDER);

    /**
     * Lists only the targets that match the query, best first. Only the best {@link #MAX_SHOWN} are
     * kept while scoring (20,000 services' names are scored on each keystroke; sorting them all is what took time).
     */
    private void narrow() {
        String q = query.get() == null ? "" : query.get().trim();
        Best hits = new Best();
        for (String cluster : index.clusters()) {
            hits.add(Target.cluster(cluster), FuzzyMatch.score(q, cluster));
            List<String> names = index.names(cluster);
            if (names != null) {
                for (String service : names) {
                    // A service by its own name (ranked a little above a cluster of the same name); by "cluster/service" when typed so.
                    int byName = FuzzyMatch.score(q, service);
                    int score = byName < 0 ? -1 : byName + 5;
                    if (q.contains("/")) {
                        score = Math.max(score, FuzzyMatch.score(q, cluster + "/" + service));
                    }
                    if (score >= 0) {
                        hits.add(Target.service(cluster, service), score);
                    }
                }
            }
        }
        for (String family : families) {
            hits.add(new Target(Kind.FAMILY, null, family, null), FuzzyMatch.score(q, family));
        }
        for (Target t : tasks.matches(q)) {
            hits.add(t, 1000);
        }
        matches = hits.count;
        shown.setAll(hits.best());
        updateStatus();
    }

    /** The best {@link #MAX_SHOWN} matches seen, and how many matched in all. */
    private static final class Best {
        /** Worst first, so the worst is the one dropped. */
        private final PriorityQueue<Scored> kept = new PriorityQueue<>(BEST_FIRST.reversed());
        private int count;

        void add(Target t, int score) {
            if (score < 0) {
                return;
            }
            count++;
            Scored s = new Scored(t, score);
            if (kept.size() < MAX_SHOWN) {
                kept.add(s);
            } else if (BEST_FIRST.compare(s, kept.peek()) < 0) {
                kept.poll();
                kept.add(s);
            }
        }

        List<Target> best() {
            List<Scored> sorted = new ArrayList<>(kept);
            sorted.sort(BEST_FIRST);
            return sorted.stream().map(Scored::target).toList();
        }
    }

    private void updateStatus() {
        List<String> parts = new ArrayList<>();
        if (index.loadingProperty().get()) {
            String progress = index.progress();
            parts.add(progress.isEmpty() ? "Listing clusters…" : "Listing services: " + progress + "…");
        }
        if (!tasks.progress().isEmpty()) {
            parts.add(tasks.progress());
        }
        parts.add(matches == 0 ? "no match" : matches > shown.size() ? "best " + shown.size() + " of " + matches + " matches"
                : matches + (matches == 1 ? " match" : " matches"));
        if (!index.failureProperty().get().isEmpty()) {
            parts.add(index.failureProperty().get());
        }
        if (!familiesFailure.isEmpty()) {
            parts.add(familiesFailure);
        }
        status.set(String.join(" · ", parts));
    }

    public void open(Target target) {
        if (target == null) {
            return;
        }
        switch (target.kind()) {
            case CLUSTER -> opener.cluster(target.cluster());
            case SERVICE -> opener.service(target.cluster(), target.name());
            case TASK -> opener.task(target.cluster(), target.task());
            case FAMILY -> opener.family(target.name());
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
