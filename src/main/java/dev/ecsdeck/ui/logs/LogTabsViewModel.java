package dev.ecsdeck.ui.logs;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.EcsException;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogStreamResolver;
import dev.ecsdeck.provider.LogStreamResolver.Resolved;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.provider.TailStatus;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 */
public final class LogTabsViewModel {
    /** A new tail starts this far back by default, then follows. */
    public static final long DEFAULT_LOOKBACK_MS = 5 * 60_000;
    /** How often a service's tasks (or a prefix's streams) are looked for again. */
    public static final long REFRESH_MS = 15_000;

    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final LogStreamResolver resolver;
    private final LongSupplier nowMillis;
    private final int capacity;
    private final ZoneId zone;
    private final TailStartChooser start;
    private final ObservableList<LogTailViewModel> tails = FXCollections.observableArrayList();
    private final ObjectProperty<LogTailViewModel> selected = new SimpleObjectProperty<>();
    private final StringProperty suggestedGroup = new SimpleStringProperty("");
    private final Map<LogTailViewModel, Followed> followed = new LinkedHashMap<>();

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
                    () -> resolver.forService(s.cluster(), name), true);
        } else if (entry instanceof TreeEntry.TaskEntry t) {
            openTail("task " + shortId(t.task()) + " (" + t.cluster() + ")", "task " + t.task().taskId(),
                    () -> resolver.forTasks(List.of(t.task()), null), false);
        } else if (entry instanceof TreeEntry.ContainerEntry c) {
            openTail(c.container().name() + " of " + shortId(c.task()), "container " + c.container().name() + " of task "
                    + c.task().taskId(), () -> resolver.forTasks(List.of(c.task()), c.container().name()), false);
        }
    }

    /** Opens a tab following streams chosen by hand, from the source's own start point. */
    public void openHandPicked(HandPickedSource source) {
        String group = source.logGroupName();
        Callable<Resolved> resolve;
        String what;
        if (!source.streamNames().isEmpty()) {
            List<LogStreamRef> refs = source.streamNames().stream().map(n -> new LogStreamRef(group, n, null, null)).toList();
            resolve = () -> new Resolved(refs, List.of(), List.of(), List.of());
            what = refs.size() == 1 ? "stream " + refs.get(0).logStreamName() + " of " + group : refs.size() + " streams of " + group;
        } else {
            resolve = () -> new Resolved(resolver.streamsByPrefix(group, source.prefix()), List.of(), List.of(), List.of());
            what = source.prefix().isEmpty() ? "the newest streams of " + group : "streams of " + group + " starting with '"
                    + source.prefix() + "'";
        }
        openTail(source.title(), what, source.start(), resolve, source.streamNames().isEmpty());
    }

    private void openTail(String title, String what, Callable<Resolved> resolve, boolean keepsResolving) {
        start.validate(now()).ifPresent(s -> openTail(title, what, s, resolve, keepsResolving));
    }

    private void openTail(String title, String what, TailStart from, Callable<Resolved> resolve, boolean keepsResolving) {
        long openedAt = now();
        long startMillis = from.startMillis(openedAt);
        String since = from.describe(openedAt, zone);
        BackgroundTask.of(resolve).onSuccess(resolved -> {
            LogTailViewModel tail = new LogTailViewModel(title, resolved.streams(), capacity);
            Followed f = new Followed(tail, resolve, what, since, startMillis, openedAt);
            f.take(resolved.streams());
            tails.add(tail);
            selected.set(tail);
            if (keepsResolving) {
                followed.put(tail, f);
            }
            suggestedGroup.set(resolved.handPickGroups().isEmpty() ? "" : resolved.handPickGroups().get(0));
            f.notes = notes(resolved);
            tail.setStatus(f.describe(resolved.streams().isEmpty() ? "no CloudWatch log streams to follow yet" : "starting"));
            if (!resolved.streams().isEmpty()) {
                subscribe(f, resolved.streams());
            }
        }).onFailure(error -> {
            LogTailViewModel tail = new LogTailViewModel(title, List.of(), 1);
            tail.setStatus(message(error));
            tails.add(tail);
            selected.set(tail);
        }).executeWith(executor);
    }

    /** Looks for new tasks' streams of the tails that keep following; the view calls this on a timer. */
    public void poll() {
        long now = now();
        for (Followed f : List.copyOf(followed.values())) {
            if (!f.busy && now - f.lastResolvedMillis >= REFRESH_MS) {
                refresh(f, now);
            }
        }
    }

    private void refresh(Followed f, long now) {
        f.busy = true;
        f.lastResolvedMillis = now;
        BackgroundTask.of(f.resolve).onSuccess(resolved -> {
            if (!followed.containsKey(f.tail)) {
                return;
            }
            List<LogStreamRef> fresh = f.take(resolved.streams());
            f.notes = notes(resolved);
            if (!fresh.isEmpty()) {
                f.tail.addSources(fresh);
                subscribe(f, fresh);
            }
        }).onFailure(error -> f.tail.setStatus(f.describe("could not look for new tasks: " + message(error))))
                .onFinished(() -> f.busy = false)
                .executeWith(executor);
    }

    /** One subscription per group of streams found together; each reads from the tail's start. */
    private void subscribe(Followed f, List<LogStreamRef> streams) {
        LogSink sink = f.sink();
        BackgroundTask.of(() -> provider.tailLogs(new LogTailRequest(streams, f.startMillis), sink))
                .onSuccess((LogSubscription sub) -> {
                    if (tails.contains(f.tail)) {
                        f.tail.attach(sub);
                    } else {
                        sub.close();
                    }
                })
                .onFailure(error -> f.tail.setStatus(f.describe(message(error))))
                .executeWith(executor);
    }

    public void close(LogTailViewModel tail) {
        followed.remove(tail);
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

    private static String notes(Resolved r) {
        List<String> parts = new ArrayList<>(r.byPrefix());
        if (!r.notInCloudWatch().isEmpty()) {
            parts.add("Not followed: " + String.join(" ", r.notInCloudWatch()));
        }
        return String.join(" ", parts);
    }

    private static String shortId(EcsTask task) {
        String id = task.taskId();
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static String message(Throwable error) {
        return error instanceof EcsException e ? e.summary() : "Tail failed: " + error;
    }

    /** A tail, what it follows and from when, and the streams it has subscribed to. */
    private static final class Followed {
        final LogTailViewModel tail;
        final Callable<Resolved> resolve;
        final String what;
        final String since;
        final long startMillis;
        final Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Set<String> tasks = java.util.concurrent.ConcurrentHashMap.newKeySet();
        long lastResolvedMillis;
        boolean busy;
        volatile String notes = "";

        Followed(LogTailViewModel tail, Callable<Resolved> resolve, String what, String since, long startMillis, long openedAt) {
            this.tail = tail;
            this.resolve = resolve;
            this.what = what;
            this.since = since;
            this.startMillis = startMillis;
            this.lastResolvedMillis = openedAt;
        }

        /** The streams not seen before, now remembered. */
        List<LogStreamRef> take(List<LogStreamRef> streams) {
            List<LogStreamRef> fresh = new ArrayList<>();
            for (LogStreamRef r : streams) {
                if (known.add(r.logGroupName() + "\n" + r.logStreamName())) {
                    fresh.add(r);
                    if (r.taskId() != null) {
                        tasks.add(r.taskId());
                    }
                }
            }
            return fresh;
        }

        /** "Following service web: 4 tasks, 8 streams, since … — Following". */
        String describe(String state) {
            String count = (tasks.size() > 1 ? tasks.size() + " tasks, " : "") + known.size() + (known.size() == 1 ? " stream" : " streams");
            String text = "Following " + what + ": " + count + ", " + since + " — " + state;
            return notes.isEmpty() ? text : text + ". " + notes;
        }

        /** The tail itself, with the connection state told together with what it follows and from when. */
        LogSink sink() {
            return new LogSink() {
                @Override
                public void accept(List<LogEvent> batch) {
                    tail.accept(batch);
                }

                @Override
                public void status(TailStatus status) {
                    tail.status(new TailStatus(status.state(), describe(Objects.toString(status.message(), ""))));
                }
            };
        }
    }
}
