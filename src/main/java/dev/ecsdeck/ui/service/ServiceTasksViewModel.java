package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.ui.exec.OpenShellViewModel;
import dev.ecsdeck.ui.exec.TerminalLauncher;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.BusyFlag;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskTargets;
import dev.ecsdeck.ui.common.TaskTargets.TaskTargetHealth;
import dev.ecsdeck.ui.common.TimeFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The service's tasks — those ECS wants running (PROVISIONING to STOPPING), and with "Show stopped",
 * or when none is wanted (a service at 0, or crash-looping), the stopped ones ECS still returns —
 * read in {@link #refresh()}. Each task is one {@link TaskRow}
 * for as long as it is listed: a read updates the rows in place, so the table keeps its selection and
 * scroll. Stop a task (after a confirmation naming it and the service), tail one task's logs or the
 * whole service's. For a load-balanced service each read also reads its target groups' target health
 * (one DescribeTargetHealth per group) and tells each row its task's.
 */
public final class ServiceTasksViewModel implements ServicePart {
    static final String STOP_REASON = "Stopped by the user in ECS Deck";

    /** One task of the service; the row stays while the task is listed and its {@link #taskProperty()} follows each read. */
    public static final class TaskRow {
        private final String taskArn;
        private final ReadOnlyObjectWrapper<EcsTask> task;
        private final ReadOnlyObjectWrapper<TaskTargetHealth> targetHealth = new ReadOnlyObjectWrapper<>();

        TaskRow(EcsTask task) {
            this.taskArn = task.taskArn();
            this.task = new ReadOnlyObjectWrapper<>(task);
        }

        void targetHealth(TaskTargetHealth health) {
            if (!Objects.equals(targetHealth.get(), health)) {
                targetHealth.set(health);
            }
        }

        /** The task's health in its service's target groups as last read; null when not load balanced or not known. */
        public ReadOnlyObjectProperty<TaskTargetHealth> targetHealthProperty() {
            return targetHealth.getReadOnlyProperty();
        }

        void update(EcsTask newer) {
            if (!Objects.equals(task.get(), newer)) {
                task.set(newer);
            }
        }

        public String taskArn() {
            return taskArn;
        }

        public EcsTask task() {
            return task.get();
        }

        public ReadOnlyObjectProperty<EcsTask> taskProperty() {
            return task.getReadOnlyProperty();
        }

        public String taskId() {
            return Arns.lastSegment(taskArn);
        }

        /** True once ECS has been told to stop the task (or it has stopped). */
        public boolean stopping() {
            return "STOPPED".equals(task().desiredStatus());
        }

        @Override
        public String toString() {
            return taskId() + " " + status(task());
        }
    }

    private final ServicePanelContext ctx;
    private final ServiceRef ref;
    private final ReadOnlyObjectProperty<EcsService> service;
    /** The EC2 instance of each container instance seen, so bridge tasks' targets are matched without listing instances each read. */
    private final Map<String, String> ec2InstanceIds = new ConcurrentHashMap<>();
    private final BooleanProperty loadBalanced = new SimpleBooleanProperty(false);
    private final ObservableList<TaskRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty showStopped = new SimpleBooleanProperty(false);
    private final StringProperty count = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BusyFlag busy = new BusyFlag();
    private Consumer<EcsTask> onTailTask = t -> { };
    private Runnable onTailService = () -> { };
    private boolean loading;
    private boolean again;

    public ServiceTasksViewModel(ServicePanelContext ctx, ServiceRef ref, ReadOnlyObjectProperty<EcsService> service) {
        this.ctx = ctx;
        this.ref = ref;
        this.service = service;
        showStopped.addListener((obs, was, now) -> refresh());
    }

    /** Called with the task whose logs the user wants to tail. */
    public void onTailTask(Consumer<EcsTask> handler) {
        this.onTailTask = handler == null ? t -> { } : handler;
    }

    /** Called when the user wants to tail the logs of all the service's tasks. */
    public void onTailService(Runnable handler) {
        this.onTailService = handler == null ? () -> { } : handler;
    }

    /** Reads the tasks (again); a read asked for while one is under way follows it. */
    @Override
    public void refresh() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        boolean stopped = showStopped.get();
        List<LoadBalancer> loadBalancers = service.get() == null ? List.of() : service.get().loadBalancers();
        BackgroundTask.of(() -> read(stopped, loadBalancers))
                .onSuccess(read -> {
                    if (stopped == showStopped.get()) {
                        merge(read.tasks());
                        showTargetHealth(read, !loadBalancers.isEmpty());
                        if (message.get().startsWith("Tasks: ")) {
                            message.set("");
                        }
                    } else {
                        again = true;
                    }
                })
                .onFailure(error -> message.set("Tasks: " + ErrorText.of(error)))
                .showingBusy(busy)
                .onFinished(() -> {
                    loading = false;
                    if (again) {
                        again = false;
                        refresh();
                    }
                })
                .executeWith(ctx.executor());
    }

    /** What one read found: the tasks, and their targets (null without load balancers, or when target health could not be read). */
    private record Read(List<EcsTask> tasks, TaskTargets targets, String targetError) {}

    /**
     * The tasks ECS wants running; with "Show stopped", or when none is wanted, also the stopped ones it still returns;
     * for a load-balanced service, their target health too (a failure to read it leaves the tasks shown).
     */
    private Read read(boolean stopped, List<LoadBalancer> loadBalancers) {
        Map<String, EcsTask> byArn = new LinkedHashMap<>();
        ctx.provider().listTasks(ref.cluster(), TaskFilter.ofService(ref.service())).forEach(t -> byArn.put(t.taskArn(), t));
        if (stopped || byArn.isEmpty()) {
            ctx.provider().listTasks(ref.cluster(), TaskFilter.stoppedOfService(ref.service())).forEach(t -> byArn.putIfAbsent(t.taskArn(), t));
        }
        List<EcsTask> tasks = new ArrayList<>(byArn.values());
        if (loadBalancers.isEmpty()) {
            return new Read(tasks, null, null);
        }
        try {
            return new Read(tasks, TaskTargets.read(ctx.provider(), ref.cluster(), loadBalancers, tasks, ec2InstanceIds), null);
        } catch (RuntimeException e) {
            return new Read(tasks, null, "Target health: " + ErrorText.of(e));
        }
    }

    /** Each row's target health as read; none when it could not be read (what was shown before may no longer be true). */
    private void showTargetHealth(Read read, boolean withLoadBalancers) {
        loadBalanced.set(withLoadBalancers);
        for (TaskRow row : rows) {
            row.targetHealth(read.targets() == null ? null : read.targets().of(row.task()).orElse(null));
        }
        if (read.targetError() != null) {
            message.set(read.targetError());
        } else if (message.get().startsWith("Target health: ")) {
            message.set("");
        }
    }

    /** Running (wanted) tasks first, then the newest first. New rows go where this order puts them; listed rows stay. */
    static final Comparator<EcsTask> ORDER = Comparator.<EcsTask, Boolean>comparing(t -> "STOPPED".equals(t.desiredStatus()))
            .thenComparing(t -> t.startedAt() != null ? t.startedAt() : t.createdAt(), Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
            .thenComparing(EcsTask::taskArn);

    private void merge(List<EcsTask> tasks) {
        Map<String, EcsTask> fresh = new HashMap<>();
        tasks.forEach(t -> fresh.put(t.taskArn(), t));
        rows.removeIf(r -> !fresh.containsKey(r.taskArn()));
        Map<String, TaskRow> listed = new HashMap<>();
        rows.forEach(r -> listed.put(r.taskArn(), r));
        for (EcsTask t : tasks.stream().sorted(ORDER).toList()) {
            TaskRow row = listed.get(t.taskArn());
            if (row != null) {
                row.update(t);
                continue;
            }
            int at = 0;
            while (at < rows.size() && ORDER.compare(rows.get(at).task(), t) <= 0) {
                at++;
            }
            rows.add(at, new TaskRow(t));
        }
        updateCount();
    }

    private void updateCount() {
        if (rows.isEmpty()) {
            count.set("No running or recently stopped tasks");
            return;
        }
        boolean noneWanted = rows.stream().allMatch(TaskRow::stopping);
        String prefix = noneWanted && !showStopped.get() ? "None running · " : "";
        Map<String, Long> byStatus = rows.stream().collect(Collectors.groupingBy(r -> r.task().lastStatus() == null ? "?" : r.task().lastStatus(),
                LinkedHashMap::new, Collectors.counting()));
        count.set(prefix + rows.size() + (rows.size() == 1 ? " task: " : " tasks: ") + byStatus.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
    }

    /** Why a shell cannot open in the row's task (no ECS Exec, not RUNNING); null when it can. */
    public String shellUnavailable(TaskRow row) {
        return OpenShellViewModel.unavailableReason(row.task(), service.get());
    }

    /** The model of the Open shell window of the row's task. */
    public OpenShellViewModel shell(TaskRow row, TerminalLauncher launcher) {
        return new OpenShellViewModel(ctx.provider(), ctx.executor(), row.task(), launcher);
    }

    /** Whether the task can be stopped: not read-only, and not already told to stop. */
    public boolean canStop(TaskRow row) {
        return row != null && !ctx.readOnly().get() && !row.stopping();
    }

    /** Stops the task after a confirmation that names it and the service. */
    public void stop(TaskRow row) {
        if (!canStop(row)) {
            return;
        }
        String id = row.taskId();
        if (!ctx.confirmer().confirm("Stop task " + shortId(id), "Stop task " + id + " of service " + ref.service() + " in "
                + ref.cluster() + "? Its containers get SIGTERM, then SIGKILL; the service starts a replacement to keep its desired count.")) {
            return;
        }
        message.set("Stopping task " + shortId(id) + "…");
        BackgroundTask.of(() -> ctx.provider().stopTask(ref.cluster(), row.taskArn(), STOP_REASON))
                .onSuccess(stopped -> {
                    row.update(stopped);
                    message.set("Task " + shortId(id) + " is stopping (" + stopped.lastStatus() + ").");
                    refresh();
                })
                .onFailure(error -> message.set("Not stopped: " + ErrorText.of(error)))
                .executeWith(ctx.executor());
    }

    /** Tails the logs of one task. */
    public void tail(TaskRow row) {
        if (row != null) {
            onTailTask.accept(row.task());
        }
    }

    /** Tails the logs of every task of the service. */
    public void tailAll() {
        onTailService.run();
    }

    // ---- what the table shows ----

    /** The first 8 characters of a task id, as the tree shows it. */
    public static String shortId(String taskId) {
        return taskId == null || taskId.length() <= 8 ? String.valueOf(taskId) : taskId.substring(0, 8) + "…";
    }

    /** "RUNNING", or "RUNNING → STOPPED" while the desired status differs. */
    public static String status(EcsTask t) {
        String last = t.lastStatus() == null ? "?" : t.lastStatus();
        return t.desiredStatus() == null || t.desiredStatus().equals(last) ? last : last + " → " + t.desiredStatus();
    }

    public static String health(EcsTask t) {
        return t.healthStatus() == null ? "UNKNOWN" : t.healthStatus();
    }

    public static String revision(EcsTask t) {
        return t.taskDefinitionArn() == null ? "" : Arns.familyRevision(t.taskDefinitionArn());
    }

    public static String startedAt(EcsTask t) {
        return t.startedAt() == null ? "—" : TimeFormat.local(t.startedAt());
    }

    /** "Fargate", or the container instance's id (short) and availability zone. */
    public static String where(EcsTask t) {
        String zone = t.availabilityZone() == null ? "" : " (" + t.availabilityZone() + ")";
        if (t.containerInstanceArn() == null) {
            return "Fargate" + zone;
        }
        return "instance " + shortId(Arns.lastSegment(t.containerInstanceArn())) + zone;
    }

    /** When a stopped task stopped; empty for one that has not. */
    public static String stoppedAt(EcsTask t) {
        return t.stoppedAt() == null ? "" : TimeFormat.local(t.stoppedAt());
    }

    /** The exit code of each container that exited ("app 1, sidecar 0"; just "1" for a single container). */
    public static String exitCodes(EcsTask t) {
        var exited = t.containers().stream().filter(c -> c.exitCode() != null).toList();
        if (exited.size() == 1 && t.containers().size() == 1) {
            return String.valueOf(exited.get(0).exitCode());
        }
        return exited.stream().map(c -> c.name() + " " + c.exitCode()).collect(Collectors.joining(", "));
    }

    /** Why a stopping or stopped task stopped, as ECS says; empty otherwise. */
    public static String reason(EcsTask t) {
        return t.stoppedReason() == null || !"STOPPED".equals(t.desiredStatus()) && !"STOPPED".equals(t.lastStatus()) ? ""
                : t.stoppedReason();
    }

    /** For a stopping or stopped task: its reason and the containers' exit codes; empty otherwise. */
    public static String stoppedReason(EcsTask t) {
        if (!"STOPPED".equals(t.desiredStatus()) && !"STOPPED".equals(t.lastStatus())) {
            return "";
        }
        String exits = t.containers().stream().filter(c -> c.exitCode() != null).map(c -> c.name() + " exit " + c.exitCode())
                .collect(Collectors.joining(", "));
        String reason = t.stoppedReason() == null ? "" : t.stoppedReason();
        return exits.isEmpty() ? reason : reason.isEmpty() ? exits : reason + " (" + exits + ")";
    }

    // ---- properties ----

    /** The tasks, in the order they were first listed (running ones first, newest first). */
    public ObservableList<TaskRow> rows() {
        return rows;
    }

    /** Whether the service has load balancers, so its tasks have a target health to show. */
    public ReadOnlyBooleanProperty loadBalancedProperty() {
        return loadBalanced;
    }

    public BooleanProperty showStoppedProperty() {
        return showStopped;
    }

    /** "4 tasks: 3 RUNNING, 1 PENDING"; with none running, says the stopped ones are shown instead. */
    public ReadOnlyStringProperty countProperty() {
        return count;
    }

    /** What the last action did or why a read failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.property();
    }

    public ObservableBooleanValue readOnly() {
        return ctx.readOnly();
    }

    public ServiceRef ref() {
        return ref;
    }
}
