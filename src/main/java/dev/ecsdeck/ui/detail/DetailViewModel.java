package dev.ecsdeck.ui.detail;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.provider.EcsException;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.Confirmer;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.List;

/**
 * The detail pane's state for the selected row: a sheet of sections, the service's events, and the
 * actions on it (scale, force a new deployment, stop a task, tail logs). Every mutating action asks
 * first and is disabled, with the reason shown, in read-only mode.
 */
public final class DetailViewModel {
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final Confirmer confirmer;
    private final ObservableBooleanValue readOnly;
    private final ObjectProperty<TreeEntry> entry = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("Nothing selected");
    private final StringProperty subtitle = new SimpleStringProperty("Select a cluster, service, task or instance in the tree.");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<DetailSection> sections = FXCollections.observableArrayList();
    private final ObservableList<ServiceEvent> events = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty isService = new SimpleBooleanProperty();
    private final BooleanProperty isRunningTask = new SimpleBooleanProperty();
    private final BooleanBinding actionsDisabled;
    private final StringProperty document = new SimpleStringProperty("");
    private final StringProperty consoleUrl = new SimpleStringProperty();
    private java.util.function.Consumer<String> urlOpener = url -> { };
    /** Which row's extra load (scaling, task definition) is current: a late answer for another row is dropped. */
    private String loadingFor;
    private Consumer<TreeEntry> tailRequests = e -> { };
    private Consumer<String> editRequests = arn -> { };
    private Runnable afterChange = () -> { };

    public DetailViewModel(EcsProvider provider, TaskExecutor executor, Confirmer confirmer, ObservableBooleanValue readOnly) {
        this.provider = provider;
        this.executor = executor;
        this.confirmer = confirmer;
        this.readOnly = readOnly;
        this.actionsDisabled = Bindings.createBooleanBinding(() -> readOnly.get() || busy.get(), readOnly, busy);
    }

    /** Where "Tail logs" sends the selected row. */
    public void onTailRequested(Consumer<TreeEntry> handler) {
        this.tailRequests = handler;
    }

    /** How "Open in AWS console" opens a URL (the application's browser). */
    public void onOpenUrl(java.util.function.Consumer<String> opener) {
        this.urlOpener = opener;
    }

    /** Where "Edit task definition" sends the selected row's revision. */
    public void onEditRequested(Consumer<String> handler) {
        this.editRequests = handler;
    }

    public void editTaskDefinition() {
        TreeEntry e = entry.get();
        if (e != null && e.taskDefinitionArn() != null) {
            editRequests.accept(e.taskDefinitionArn());
        }
    }

    /** Called after a change went through (the shell refreshes the tree). */
    public void onChanged(Runnable handler) {
        this.afterChange = handler;
    }

    /** Shows a row; the same row again (refreshed) keeps the last action's message. */
    public void show(TreeEntry e) {
        TreeEntry before = entry.get();
        boolean sameRow = before != null && e != null && before.key().equals(e.key());
        entry.set(e);
        if (!sameRow) {
            message.set("");
        }
        consoleUrl.set(e == null ? null : ConsoleLinks.of(provider.description(), e));
        if (!sameRow) {
            document.set("");
        }
        if (e == null) {
            title.set("Nothing selected");
            subtitle.set("Select a cluster, service, task or instance in the tree.");
            sections.clear();
            events.clear();
            isService.set(false);
            isRunningTask.set(false);
            return;
        }
        title.set(e.name());
        subtitle.set(kindOf(e));
        sections.setAll(DetailSheets.of(e));
        isService.set(e instanceof TreeEntry.ServiceEntry);
        isRunningTask.set(e instanceof TreeEntry.TaskEntry t && "RUNNING".equals(t.task().desiredStatus()));
        loadExtras(e);
        if (e instanceof TreeEntry.ServiceEntry s) {
            events.setAll(s.service().events());
        } else {
            events.clear();
        }
    }

    /** What the row's record does not carry: a service's auto scaling, a revision's whole document. */
    private void loadExtras(TreeEntry e) {
        loadingFor = e.key();
        String key = e.key();
        if (e instanceof TreeEntry.ServiceEntry s) {
            BackgroundTask.of(() -> provider.describeScaling(s.cluster(), s.service().serviceName()))
                    .onSuccess(scaling -> {
                        if (key.equals(loadingFor)) {
                            sections.add(DetailSheets.scaling(scaling));
                        }
                    })
                    .onFailure(error -> {
                        if (key.equals(loadingFor)) {
                            sections.add(new DetailSection("Auto scaling", List.of(DetailRow.of("Not available", summary(error)))));
                        }
                    }).executeWith(executor);
        } else if (e instanceof TreeEntry.RevisionEntry r) {
            BackgroundTask.of(() -> provider.describeTaskDefinition(r.taskDefinitionArn()))
                    .onSuccess(td -> {
                        if (key.equals(loadingFor)) {
                            sections.setAll(DetailSheets.taskDefinition(td));
                            document.set(DetailSheets.prettyJson(td.json()));
                        }
                    })
                    .onFailure(error -> {
                        if (key.equals(loadingFor)) {
                            message.set(summary(error));
                        }
                    }).executeWith(executor);
        }
    }

    private static String summary(Throwable error) {
        return error instanceof EcsException ee ? ee.summary() : "Failed: " + error;
    }

    public void openInConsole() {
        String url = consoleUrl.get();
        if (url != null) {
            urlOpener.accept(url);
        }
    }

    /** The row's page in the AWS console; null on the simulator or an endpoint override. */
    public ReadOnlyStringProperty consoleUrlProperty() {
        return consoleUrl;
    }

    /** A revision's whole task definition, pretty-printed (empty for other rows). */
    public ReadOnlyStringProperty documentProperty() {
        return document;
    }

    private static String kindOf(TreeEntry e) {
        if (e instanceof TreeEntry.ServiceEntry s) {
            return "Service in " + s.cluster();
        } else if (e instanceof TreeEntry.TaskEntry t) {
            return "Task of " + t.task().group() + " in " + t.cluster();
        } else if (e instanceof TreeEntry.ClusterEntry) {
            return "Cluster";
        } else if (e instanceof TreeEntry.InstanceEntry i) {
            return "Container instance in " + i.cluster();
        } else if (e instanceof TreeEntry.ContainerEntry c) {
            return "Container of task " + c.task().taskId();
        } else if (e instanceof TreeEntry.RevisionEntry) {
            return "Task definition revision";
        } else if (e instanceof TreeEntry.FamilyEntry) {
            return "Task definition family";
        }
        return "";
    }

    public void stopTask() {
        if (entry.get() instanceof TreeEntry.TaskEntry t) {
            stopTask(t);
        }
    }

    /** Asks, then stops exactly this task (the tree's menu names the task it stops); a stopped one stays as it is. */
    public void stopTask(TreeEntry.TaskEntry t) {
        if (actionsDisabled.get() || !"RUNNING".equals(t.task().desiredStatus())) {
            return;
        }
        EcsTask task = t.task();
        if (!confirmer.confirm("Stop task", "Stop task " + task.taskId() + " (" + task.group() + ") in " + t.cluster() + "?")) {
            message.set("Cancelled.");
            return;
        }
        change("Stopping task " + task.taskId() + "…",
                () -> provider.stopTask(t.cluster(), task.taskArn(), "Stopped from ECS Deck"),
                stopped -> "Task " + task.taskId() + " is stopping.");
    }

    public void tailLogs() {
        TreeEntry e = entry.get();
        if (e instanceof TreeEntry.ServiceEntry || e instanceof TreeEntry.TaskEntry || e instanceof TreeEntry.ContainerEntry) {
            tailRequests.accept(e);
        }
    }

    private <T> void change(String progress, java.util.concurrent.Callable<T> call, java.util.function.Function<T, String> done) {
        busy.set(true);
        message.set(progress);
        BackgroundTask.of(call)
                .onSuccess(result -> {
                    message.set(done.apply(result));
                    afterChange.run();
                })
                .onFailure(error -> message.set(summary(error)))
                .onFinished(() -> busy.set(false))
                .executeWith(executor);
    }

    public ReadOnlyObjectProperty<TreeEntry> entryProperty() {
        return entry;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ObservableList<DetailSection> sections() {
        return sections;
    }

    public ObservableList<ServiceEvent> events() {
        return events;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty serviceSelectedProperty() {
        return isService;
    }

    public ReadOnlyBooleanProperty runningTaskSelectedProperty() {
        return isRunningTask;
    }

    /** True while changes are impossible: read-only mode, or a change in flight. */
    public BooleanBinding actionsDisabledProperty() {
        return actionsDisabled;
    }

    /** Why the actions are off, for their tooltips; empty when they are on. */
    public String disabledReason() {
        return readOnly.get() ? dev.ecsdeck.ui.common.ReadOnlyHint.READ_ONLY : "";
    }
}
