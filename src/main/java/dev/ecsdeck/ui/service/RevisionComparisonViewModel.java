package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.ServiceRevision;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.BusyFlag;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.Plural;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.taskdef.DiffViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Two service revisions of one service side by side, the older on the left: the rows of what they
 * run (images and digests, load balancers, network, capacity; see {@link RevisionComparisonRows})
 * and the diff of their task definitions. "Only differences" (on at first) hides the unchanged
 * rows of both. Everything is read off the UI thread; a revision or task definition ECS cannot
 * give is said in {@link #errorProperty()}, and what could be read still shows.
 */
public final class RevisionComparisonViewModel {
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final String olderArn;
    private final String newerArn;
    private final String serviceName;
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty olderTitle = new SimpleStringProperty("Older");
    private final StringProperty newerTitle = new SimpleStringProperty("Newer");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty onlyDifferences = new SimpleBooleanProperty(true);
    private final ObservableList<RevisionComparisonRow> rows = FXCollections.observableArrayList();
    private final DiffViewModel diff = new DiffViewModel();
    private final BusyFlag busy = new BusyFlag();
    /** Whether both task definitions were read and compared: until then the diff pane would say "No differences" untruly. */
    private final BooleanProperty taskDefinitionsCompared = new SimpleBooleanProperty(false);
    private List<RevisionComparisonRow> allRows = List.of();

    /** Compares the revisions {@code olderArn} (left) and {@code newerArn} (right) once {@link #load()} is called. */
    public RevisionComparisonViewModel(EcsProvider provider, TaskExecutor executor, String olderArn, String newerArn) {
        this.provider = provider;
        this.executor = executor;
        this.olderArn = olderArn;
        this.newerArn = newerArn;
        this.serviceName = serviceOf(newerArn);
        title.set(serviceName + ": service revisions");
        // One switch for both parts: the task-definition diff's own "Only changes" follows it, and it that.
        onlyDifferences.bindBidirectional(diff.onlyChangesProperty());
        onlyDifferences.addListener((obs, was, now) -> showRows());
    }

    /** Reads both revisions and their task definitions in the background and shows them. */
    public void load() {
        error.set("");
        status.set("Loading the service revisions…");
        BackgroundTask.of(this::fetch)
                .showingBusy(busy)
                .onSuccess(this::show)
                .onFailure(e -> {
                    status.set("");
                    error.set(ErrorText.of(e));
                })
                .executeWith(executor);
    }

    /** What one load read: a revision ECS did not return is null; a task definition it could not give, its error text. */
    private record Fetched(ServiceRevision older, ServiceRevision newer, TaskDefinition olderTaskDefinition, TaskDefinition newerTaskDefinition,
            List<String> problems) {}

    /** Off the UI thread. */
    private Fetched fetch() {
        List<ServiceRevision> found = provider.describeServiceRevisions(olderArn.equals(newerArn) ? List.of(olderArn) : List.of(olderArn, newerArn));
        ServiceRevision older = found.stream().filter(r -> olderArn.equals(r.serviceRevisionArn())).findFirst().orElse(null);
        ServiceRevision newer = found.stream().filter(r -> newerArn.equals(r.serviceRevisionArn())).findFirst().orElse(null);
        List<String> problems = new ArrayList<>();
        if (older == null) {
            problems.add("ECS does not know the older service revision " + shortArn(olderArn) + ".");
        }
        if (newer == null) {
            problems.add("ECS does not know the newer service revision " + shortArn(newerArn) + ".");
        }
        TaskDefinition olderTd = taskDefinition(older, problems);
        TaskDefinition newerTd = taskDefinition(newer, problems);
        return new Fetched(older, newer, olderTd, newerTd, problems);
    }

    private TaskDefinition taskDefinition(ServiceRevision revision, List<String> problems) {
        if (revision == null || revision.taskDefinition() == null) {
            return null;
        }
        try {
            return provider.describeTaskDefinition(revision.taskDefinition());
        } catch (RuntimeException e) {
            problems.add("Task definition " + Arns.familyRevision(revision.taskDefinition()) + " could not be read: " + ErrorText.of(e));
            return null;
        }
    }

    private void show(Fetched f) {
        error.set(String.join("\n", f.problems()));
        if (f.older() == null || f.newer() == null) {
            status.set("");
            return;
        }
        String left = name(f.older());
        String right = name(f.newer());
        title.set(serviceOf(f.newer().serviceArn()) + ": " + left + " \u2192 " + right);
        olderTitle.set(left + " (older)");
        newerTitle.set(right + " (newer)");
        diff.titles(olderTitle.get(), newerTitle.get());
        allRows = RevisionComparisonRows.of(f.older(), f.newer());
        showRows();
        if (f.olderTaskDefinition() != null && f.newerTaskDefinition() != null) {
            diff.compare(f.olderTaskDefinition().json(), f.newerTaskDefinition().json());
            taskDefinitionsCompared.set(true);
        }
        long differing = allRows.stream().filter(RevisionComparisonRow::differs).count();
        status.set(differing + " of " + Plural.of(allRows.size(), "field") + " differ" + (differing == 1 ? "s" : ""));
    }

    private void showRows() {
        rows.setAll(onlyDifferences.get() ? allRows.stream().filter(RevisionComparisonRow::differs).toList() : allRows);
    }

    /** A revision by its task definition, "checkout:4": what the console calls a revision elsewhere. */
    private static String name(ServiceRevision revision) {
        return revision.taskDefinition() == null ? shortArn(revision.serviceRevisionArn()) : Arns.familyRevision(revision.taskDefinition());
    }

    /** "prod-web/checkout/3809374270648602772" of a service revision ARN. */
    static String shortArn(String serviceRevisionArn) {
        int at = serviceRevisionArn.indexOf("service-revision/");
        return at < 0 ? serviceRevisionArn : serviceRevisionArn.substring(at + "service-revision/".length());
    }

    /** The service's name in a service or service revision ARN (…/cluster/service[/id]). */
    private static String serviceOf(String arn) {
        String[] parts = shortArn(arn).split("/");
        if (arn.contains("service-revision/") && parts.length >= 3) {
            return parts[parts.length - 2];
        }
        return Arns.lastSegment(arn);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty olderTitleProperty() {
        return olderTitle;
    }

    public ReadOnlyStringProperty newerTitleProperty() {
        return newerTitle;
    }

    /** How many rows differ, or what is being loaded. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** What could not be read, in words; "" when all was. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public BooleanProperty onlyDifferencesProperty() {
        return onlyDifferences;
    }

    /** The rows shown: all, or only the differing ones. */
    public ObservableList<RevisionComparisonRow> rows() {
        return rows;
    }

    /** The task definitions' diff, for the existing diff pane. */
    public DiffViewModel diff() {
        return diff;
    }

    public ReadOnlyBooleanProperty taskDefinitionsComparedProperty() {
        return taskDefinitionsCompared;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.property();
    }
}
