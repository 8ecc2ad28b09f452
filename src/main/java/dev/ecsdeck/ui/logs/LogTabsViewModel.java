package dev.ecsdeck.ui.logs;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogStreamResolver;
import dev.ecsdeck.provider.LogStreamResolver.Resolved;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The log area: the open tails (one tab each), the start point the next tail uses, and opening a
 * tail for a service, a task, a container or streams chosen by hand. A service's tail (and a
 * hand-picked stream prefix) keeps following as tasks come and go: {@link #poll()}, called on the
 * view's timer, looks for their streams again every {@link #REFRESH_MS} and subscribes to new ones.
 * <p>
 * A task's (or container's) tail reads the task as it is now: a task that has stopped is read from its
 * start to its stop, and its tab then says when it stopped, its exit code and reason; a running task
 * is looked at every {@link #REFRESH_MS}, and its tail ends the same way once it stops.
 * <p>
 * A service's tail reads the tasks running now: a task no longer listed is looked at, and once it has
 * stopped and its last lines had time to come in ({@link StoppedTask#INGESTION_LAG_MS} after its stop)
 * its streams are read to their end and dropped from the tail's subscriptions.
 */
public final class LogTabsViewModel {
    /** A new tail starts this far back by default, then follows. */
    public static final long DEFAULT_LOOKBACK_MS = 5 * 60_000;
    /** How often a service's tasks (or a prefix's streams) are looked for again. */
    public static final long REFRESH_MS = 15_000;

    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final LogStreamResolver resolver;
    private final ServiceTailStreams serviceStreams;
    private final LongSupplier nowMillis;
    private final int capacity;
    private final ZoneId zone;
    private final TailStartChooser start;
    private final ObservableList<LogTailViewModel> tails = FXCollections.observableArrayList();
    private final ObjectProperty<LogTailViewModel> selected = new SimpleObjectProperty<>();
    private final StringProperty suggestedGroup = new SimpleStringProperty("");
    private final Map<LogTailViewModel, FollowedTail> followed = new LinkedHashMap<>();
    /** Tails of a task or a container: each ends once its task has stopped and its last lines are read. */
    private final Map<LogTailViewModel, FollowedTail> watched = new LinkedHashMap<>();

    public LogTabsViewModel(EcsProvider provider, TaskExecutor executor, LongSupplier nowMillis, int capacity) {
        this(provider, executor, nowMillis, capacity, ZoneId.systemDefault());
    }

    /** With the zone chosen times are typed and shown in. */
    public LogTabsViewModel(EcsProvider provider, TaskExecutor executor, LongSupplier nowMillis, int capacity, ZoneId zone) {
        this.provider = provider;
        this.executor = executor;
        this.resolver = new LogStreamResolver(provider);
        this.nowMillis = nowMillis;
        this.capacity = capacity;
        this.zone = zone;
        this.start = new TailStartChooser(zone);
        this.serviceStreams = new ServiceTailStreams(provider, executor, nowMillis, tails::contains);
    }

    public ObservableList<LogTailViewModel> tails() {
        return tails;
    }

    public ObjectProperty<LogTailViewModel> selectedProperty() {
        return selected;
    }

    /** The start point of the next tail opened from the tree or a panel. */
    public TailStartChooser start() {
        return start;
    }

    /** A log group the last opened source could not follow exactly: the source dialog offers it first. */
    public StringProperty suggestedGroupProperty() {
        return suggestedGroup;
    }

    public EcsProvider provider() {
        return provider;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public long now() {
        return nowMillis.getAsLong();
    }

    /**
     * Opens a tab following the logs of a service (all its tasks), a task (all its containers), or one
     * container, from the chosen start point; does nothing but show the start point's error when the
     * typed time is not valid.
     */
    public void open(TreeEntry entry) {
        if (entry instanceof TreeEntry.ServiceEntry s) {
            String name = s.service().serviceName();
            openTail("service " + name + " (" + s.cluster() + ")", "service " + name,
                    () -> new Found(resolver.forService(s.cluster(), name), null), true, s.cluster(), null);
        } else if (entry instanceof TreeEntry.TaskEntry t) {
            openTail("task " + shortId(t.task()) + " (" + t.cluster() + ")", "task " + t.task().taskId(),
                    () -> taskNow(t.cluster(), t.task(), null), false, t.cluster(), null);
        } else if (entry instanceof TreeEntry.ContainerEntry c) {
            String name = c.container().name();
            openTail(name + " of " + shortId(c.task()), "container " + name + " of task " + c.task().taskId(),
                    () -> taskNow(c.cluster(), c.task(), name), false, c.cluster(), name);
        }
    }

    /** What opening a tail found: the streams, and for a task's or container's tail the task as it is now (else null). */
    record Found(Resolved resolved, EcsTask task) {}

    /** The task as DescribeTasks has it now (the row it was opened from may be older), and its streams. */
    private Found taskNow(String cluster, EcsTask task, String container) {
        List<EcsTask> now = provider.describeTasks(cluster, List.of(task.taskArn()));
        EcsTask current = now.isEmpty() ? task : now.get(0);
        return new Found(resolver.forTasks(List.of(current), container), current);
    }

    /** Opens a tab following streams chosen by hand, from the source's own start point. */
    public void openHandPicked(HandPickedSource source) {
        String group = source.logGroupName();
        Callable<Found> resolve;
        String what;
        if (!source.streamNames().isEmpty()) {
            List<LogStreamRef> refs = source.streamNames().stream().map(n -> new LogStreamRef(group, n, null, null)).toList();
            resolve = () -> new Found(new Resolved(refs, List.of(), List.of(), List.of()), null);
            what = refs.size() == 1 ? "stream " + refs.get(0).logStreamName() + " of " + group : refs.size() + " streams of " + group;
        } else {
            resolve = () -> new Found(new Resolved(resolver.streamsByPrefix(group, source.prefix()), List.of(), List.of(), List.of()), null);
            what = source.prefix().isEmpty() ? "the newest streams of " + group : "streams of " + group + " starting with '"
                    + source.prefix() + "'";
        }
        openTail(source.title(), what, source.start(), resolve, source.streamNames().isEmpty(), null, null);
    }

    private void openTail(String title, String what, Callable<Found> resolve, boolean keepsResolving, String cluster, String container) {
        start.validate(now()).ifPresent(s -> openTail(title, what, s, resolve, keepsResolving, cluster, container));
    }

    private void openTail(String title, String what, TailStart from, Callable<Found> resolve, boolean keepsResolving, String cluster,
            String container) {
        long openedAt = now();
        BackgroundTask.of(resolve).onSuccess(found -> {
            Resolved resolved = found.resolved();
            EcsTask task = found.task();
            StoppedTask stopped = task == null ? null : StoppedTask.of(task, container, zone, openedAt).orElse(null);
            // A stopped task is read from its start to its stop, whatever start point is chosen.
            long startMillis = stopped != null && stopped.startMillis() != null ? stopped.startMillis() : from.startMillis(openedAt);
            String since = stopped != null ? stopped.span() : from.describe(openedAt, zone);
            LogTailViewModel tail = new LogTailViewModel(title, resolved.streams(), capacity, executor);
            FollowedTail f = new FollowedTail(tail, resolve, what, since, startMillis, openedAt, cluster, task, container, stopped);
            f.take(resolved.streams());
            tails.add(tail);
            selected.set(tail);
            if (keepsResolving) {
                followed.put(tail, f);
            }
            suggestedGroup.set(resolved.handPickGroups().isEmpty() ? "" : resolved.handPickGroups().get(0));
            f.noteFrom(resolved);
            if (stopped != null && resolved.streams().isEmpty()) {
                f.ended = true; // nothing to read: the stop is all there is to tell
            } else if (task != null) {
                watched.put(tail, f);
            }
            f.tell(resolved.streams().isEmpty() ? "no CloudWatch log streams to follow yet" : "starting", true);
            if (!resolved.streams().isEmpty()) {
                subscribe(f, resolved.streams());
            }
        }).onFailure(error -> {
            LogTailViewModel tail = new LogTailViewModel(title, List.of(), 1);
            tail.setStatus(ErrorText.of(error));
            tails.add(tail);
            selected.set(tail);
        }).executeWith(executor);
    }

    /** Looks for new tasks' streams of the tails that keep following; the view calls this on a timer. */
    public void poll() {
        long now = now();
        for (FollowedTail f : List.copyOf(followed.values())) {
            serviceStreams.endStoppedStreams(f, now);
            if (!f.looking.isBusy() && now - f.lastResolvedMillis >= REFRESH_MS) {
                refresh(f, now);
            }
        }
        for (FollowedTail f : List.copyOf(watched.values())) {
            if (f.ended) {
                watched.remove(f.tail);
            } else if (f.stopped == null && !f.looking.isBusy() && now - f.lastResolvedMillis >= REFRESH_MS) {
                lookAtTask(f, now);
            } else {
                finishIfSettled(f, now);
            }
        }
    }

    /** Whether a task's tail has stopped: then it reads its last lines and ends. */
    private void lookAtTask(FollowedTail f, long now) {
        f.lastResolvedMillis = now;
        BackgroundTask.of(() -> provider.describeTasks(f.cluster, List.of(f.task.taskArn()))).onSuccess(found -> {
            if (!found.isEmpty()) {
                f.stopped = StoppedTask.of(found.get(0), f.container, zone, now()).orElse(null);
                finishIfSettled(f, now());
            }
        }).onFailure(error -> f.tell("could not look at the task: " + ErrorText.of(error), true))
                .showingBusy(f.looking)
                .executeWith(executor);
    }

    /** Once the task's last lines have had time to be ingested, its tail reads what is left and ends. */
    private void finishIfSettled(FollowedTail f, long now) {
        if (f.stopped != null && !f.finishing && !f.subscriptions.isEmpty() && f.stopped.settled(now)) {
            f.finishing = true;
            f.subscriptions.forEach(LogSubscription::finish);
        }
    }

    /** What a service's tail found on a look: its tasks' streams, and the stops of tasks no longer listed (task id → stoppedAt). */
    private record Refreshed(Found found, Map<String, Long> stops) {}

    private void refresh(FollowedTail f, long now) {
        f.lastResolvedMillis = now;
        boolean service = f.task == null && f.cluster != null;
        BackgroundTask.of(() -> {
            Found found = f.resolve.call();
            return new Refreshed(found, service ? serviceStreams.stopsOfGone(f, found.resolved(), now) : Map.of());
        }).onSuccess(refreshed -> {
            if (!followed.containsKey(f.tail)) {
                return;
            }
            Found resolved = refreshed.found();
            refreshed.stops().forEach((task, at) -> {
                if (f.tasks.contains(task)) {
                    f.stops.putIfAbsent(task, at);
                }
            });
            serviceStreams.endStoppedStreams(f, now());
            List<LogStreamRef> fresh = f.take(resolved.resolved().streams());
            f.noteFrom(resolved.resolved());
            if (!fresh.isEmpty()) {
                f.tail.addSources(fresh);
                subscribe(f, fresh);
            }
        }).onFailure(error -> f.tell("could not look for new tasks: " + ErrorText.of(error), true))
                .showingBusy(f.looking)
                .executeWith(executor);
    }

    /** One subscription per group of streams found together; each reads from the tail's start. */
    private void subscribe(FollowedTail f, List<LogStreamRef> streams) {
        if (f.task == null && f.cluster != null) {
            serviceStreams.subscribe(f, streams);
            return;
        }
        LogSink sink = f.sink();
        Long end = f.bounded ? f.stopped.endMillis() : null;
        BackgroundTask.of(() -> provider.tailLogs(new LogTailRequest(streams, f.startMillis, end), sink))
                .onSuccess((LogSubscription sub) -> {
                    if (tails.contains(f.tail)) {
                        f.tail.attach(sub);
                        f.subscriptions.add(sub);
                        finishIfSettled(f, now());
                    } else {
                        sub.close();
                    }
                })
                .onFailure(error -> f.tell(ErrorText.of(error), false))
                .executeWith(executor);
    }

    public void close(LogTailViewModel tail) {
        followed.remove(tail);
        watched.remove(tail);
        tail.close();
        tails.remove(tail);
    }

    public void closeAll() {
        List.copyOf(tails).forEach(this::close);
    }

    /** Drains every tail's queue; the view calls this on a timer. Returns the lines added. */
    public int drainAll() {
        int added = 0;
        for (LogTailViewModel t : tails) {
            added += t.drain();
        }
        return added;
    }

    private static String shortId(EcsTask task) {
        String id = task.taskId();
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

}
