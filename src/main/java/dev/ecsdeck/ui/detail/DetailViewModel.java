package dev.ecsdeck.ui.detail;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.BusyFlag;
import dev.ecsdeck.ui.common.Confirmer;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
    private final BusyFlag busy = new BusyFlag();
    private final BooleanProperty isService = new SimpleBooleanProperty();
    private final BooleanProperty isRunningTask = new SimpleBooleanProperty();
    private final BooleanProperty isInstance = new SimpleBooleanProperty();
    private final BooleanProperty instanceDraining = new SimpleBooleanProperty();
    /** The selected instance's tasks, once listed (null until then). */
    private List<EcsTask> instanceTasks;
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
        this.actionsDisabled = Bindings.createBooleanBinding(() -> readOnly.get() || busy.isBusy(), readOnly, busy.property());
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
            isInstance.set(false);
            return;
        }
        title.set(e.name());
        subtitle.set(kindOf(e));
        sections.setAll(DetailSheets.of(e));
        isService.set(e instanceof TreeEntry.ServiceEntry);
        isRunningTask.set(e instanceof TreeEntry.TaskEntry t && "RUNNING".equals(t.task().desiredStatus()));
        isInstance.set(e instanceof TreeEntry.InstanceEntry i && !"INACTIVE".equals(i.instance().status()));
        instanceDraining.set(e instanceof TreeEntry.InstanceEntry i && "DRAINING".equals(i.instance().status()));
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
        instanceTasks = null;
        if (e instanceof TreeEntry.InstanceEntry i) {
            BackgroundTask.of(() -> provider.listTasks(i.cluster(), new TaskFilter(null, i.instance().containerInstanceArn(), null, null, null)))
                    .onSuccess(tasks -> {
                        if (key.equals(loadingFor)) {
                            instanceTasks = tasks;
                            sections.add(DetailSheets.instanceTasks(tasks));
                        }
                    })
                    .onFailure(error -> {
                        if (key.equals(loadingFor)) {
                            sections.add(new DetailSection(DetailSheets.INSTANCE_TASKS, List.of(DetailRow.of("Not available", ErrorText.of(error)))));
                        }
                    }).executeWith(executor);
        } else if (e instanceof TreeEntry.ServiceEntry s) {
            BackgroundTask.of(() -> provider.describeScaling(s.cluster(), s.service().serviceName()))
                    .onSuccess(scaling -> {
                        if (key.equals(loadingFor)) {
                            sections.add(DetailSheets.scaling(scaling));
                        }
                    })
                    .onFailure(error -> {
                        if (key.equals(loadingFor)) {
                            sections.add(new DetailSection("Auto scaling", List.of(DetailRow.of("Not available", ErrorText.of(error)))));
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
                            message.set(ErrorText.of(error));
                        }
                    }).executeWith(executor);
        }
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

    /** Sets the selected instance DRAINING, after asking (naming it and how many service tasks will move). */
    public void drainInstance() {
        if (!(entry.get() instanceof TreeEntry.InstanceEntry i) || actionsDisabled.get()) {
            return;
        }
        String name = i.name();
        if (!confirmer.confirm("Drain container instance", "Drain container instance " + name + " in " + i.cluster()
                + "? No new tasks will be placed on it, and " + movingTasks(i)
                + " will move to other instances as their services' deployment configurations allow.")) {
            message.set("Cancelled.");
            return;
        }
        change("Draining " + name + "…", () -> provider.updateContainerInstancesState(i.cluster(),
                List.of(i.instance().containerInstanceArn()), "DRAINING"), done -> "Container instance " + name + " is draining.");
    }

    /** What draining moves: the instance's service tasks (other tasks keep running until they stop). */
    private String movingTasks(TreeEntry.InstanceEntry i) {
        if (instanceTasks == null) {
            int n = i.instance().runningTasksCount() + i.instance().pendingTasksCount();
            return "its service tasks (" + n + (n == 1 ? " task runs" : " tasks run") + " on it)";
        }
        long services = instanceTasks.stream().filter(t -> t.group() != null && t.group().startsWith("service:")).count();
        long others = instanceTasks.size() - services;
        return services + (services == 1 ? " service task" : " service tasks")
                + (others == 0 ? "" : " (of its " + instanceTasks.size() + " tasks; the other " + others + " keep running)");
    }

    /** Makes a draining instance ACTIVE again (undoing a drain needs no question). */
    public void activateInstance() {
        if (!(entry.get() instanceof TreeEntry.InstanceEntry i) || actionsDisabled.get()) {
            return;
        }
        change("Activating " + i.name() + "…", () -> provider.updateContainerInstancesState(i.cluster(),
                List.of(i.instance().containerInstanceArn()), "ACTIVE"), done -> "Container instance " + i.name() + " is active.");
    }

    /** Deregisters the selected instance, after asking; with tasks on it, by force, as the question says. */
    public void deregisterInstance() {
        if (!(entry.get() instanceof TreeEntry.InstanceEntry i) || actionsDisabled.get()) {
            return;
        }
        int running = instanceTasks != null ? instanceTasks.size() : i.instance().runningTasksCount() + i.instance().pendingTasksCount();
        boolean force = running > 0;
        String question = "Deregister container instance " + i.name() + " from " + i.cluster() + "?"
                + (force ? " " + running + (running == 1 ? " task runs" : " tasks run") + " on it: it will be deregistered by force, "
                        + "and their services will start replacements on other instances." : "");
        if (!confirmer.confirm("Deregister container instance", question)) {
            message.set("Cancelled.");
            return;
        }
        change("Deregistering " + i.name() + "…", () -> provider.deregisterContainerInstance(i.cluster(),
                i.instance().containerInstanceArn(), force), done -> "Container instance " + i.name() + " is deregistered.");
    }

    public void tailLogs() {
        TreeEntry e = entry.get();
        if (e instanceof TreeEntry.ServiceEntry || e instanceof TreeEntry.TaskEntry || e instanceof TreeEntry.ContainerEntry) {
            tailRequests.accept(e);
        }
    }

    private <T> void change(String progress, java.util.concurrent.Callable<T> call, java.util.function.Function<T, String> done) {
        message.set(progress);
        BackgroundTask.of(call)
                .onSuccess(result -> {
                    message.set(done.apply(result));
                    afterChange.run();
                })
                .onFailure(error -> message.set(ErrorText.of(error)))
                .showingBusy(busy)
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
        return busy.property();
    }

    public ReadOnlyBooleanProperty serviceSelectedProperty() {
        return isService;
    }

    /** A container instance (not deregistered) is selected. */
    public ReadOnlyBooleanProperty instanceSelectedProperty() {
        return isInstance;
    }

    /** The selected instance is DRAINING (Activate instead of Drain). */
    public ReadOnlyBooleanProperty instanceDrainingProperty() {
        return instanceDraining;
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
