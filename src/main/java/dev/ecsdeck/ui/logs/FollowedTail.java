package dev.ecsdeck.ui.logs;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogStreamResolver.Resolved;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.TailStatus;
import dev.ecsdeck.ui.common.BusyFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tail of the log area: what it follows and from when, the streams it has subscribed to and, for a
 * task's (or container's) tail, the task, and its stop once seen. Its sink tells the connection state
 * together with what it follows; a task's tail that read to its task's stop ends with the stop.
 * <p>
 * A service's tail keeps, for each subscription, the streams of each task it still reads: once a task
 * has stopped and its last lines had time to come in, its streams are read to their end and dropped
 * (the subscription ends when it has none left), so an all-day tail reads the tasks running now only.
 */
final class FollowedTail {
    final LogTailViewModel tail;
    final Callable<LogTabsViewModel.Found> resolve;
    final String what;
    final String since;
    final long startMillis;
    /** The task of a task's or container's tail (null: a service or hand-picked streams), and the container tailed. */
    final String cluster;
    final EcsTask task;
    final String container;
    /** Already stopped when the tab opened: read from its start to its stop, nothing followed. */
    final boolean bounded;
    final Set<String> known = ConcurrentHashMap.newKeySet();
    final Set<String> tasks = ConcurrentHashMap.newKeySet();
    final List<LogSubscription> subscriptions = new CopyOnWriteArrayList<>();
    /** The subscriptions of a service's tail with the tasks each still reads (changed on the FX thread, counted on any). */
    final List<Part> parts = new CopyOnWriteArrayList<>();
    /** Tasks seen stopped (task id → stoppedAt) whose streams are still read; tasks read to their stop. */
    final Map<String, Long> stops = new ConcurrentHashMap<>();
    final Set<String> readToStop = ConcurrentHashMap.newKeySet();
    /** The state last told by a subscription, told again when the counts change. */
    private volatile String lastState = "starting";
    private volatile boolean lastLive = true;
    long lastResolvedMillis;
    /** A look at the task or for new streams is under way. */
    final BusyFlag looking = new BusyFlag();
    volatile String notes = "";
    /** The task's stop, once seen; asked to finish; told it read to the end. */
    volatile StoppedTask stopped;
    volatile boolean finishing;
    volatile boolean ended;

    FollowedTail(LogTailViewModel tail, Callable<LogTabsViewModel.Found> resolve, String what, String since, long startMillis,
            long openedAt, String cluster, EcsTask task, String container, StoppedTask stopped) {
        this.tail = tail;
        this.resolve = resolve;
        this.what = what;
        this.since = since;
        this.startMillis = startMillis;
        this.lastResolvedMillis = openedAt;
        this.cluster = cluster;
        this.task = task;
        this.container = container;
        this.stopped = stopped;
        this.bounded = stopped != null;
    }

    /** The streams not seen before, now remembered. */
    List<LogStreamRef> take(List<LogStreamRef> streams) {
        List<LogStreamRef> fresh = new ArrayList<>();
        for (LogStreamRef r : streams) {
            if (r.taskId() != null && readToStop.contains(r.taskId())) {
                continue; // read to its stop already (still listed a moment after its stop)
            }
            if (known.add(r.logGroupName() + "\n" + r.logStreamName())) {
                fresh.add(r);
                if (r.taskId() != null) {
                    tasks.add(r.taskId());
                }
            }
        }
        return fresh;
    }

    /** A subscription and the streams of each task it still reads ("" for streams of no task). */
    static final class Part {
        final LogSubscription subscription;
        final Map<String, List<LogStreamRef>> byTask = new ConcurrentHashMap<>();
        /** Asked to finish all it reads: its end (or stop) removes it. */
        volatile boolean ending;

        Part(LogSubscription subscription, List<LogStreamRef> streams) {
            this.subscription = subscription;
            streams.forEach(r -> byTask.computeIfAbsent(Objects.toString(r.taskId(), ""), t -> new ArrayList<>()).add(r));
        }
    }

    /** The tasks followed now: seen, and not stopped. */
    int runningTasks() {
        int n = 0;
        for (String t : tasks) {
            if (!stops.containsKey(t) && !readToStop.contains(t)) {
                n++;
            }
        }
        return n;
    }

    /** The streams read now (of running tasks, and of stopped ones until their last lines are in). */
    int streamsRead() {
        if (parts.isEmpty()) {
            return known.size();
        }
        return parts.stream().mapToInt(p -> p.byTask.values().stream().mapToInt(List::size).sum()).sum();
    }

    /**
     * A stopped task's streams are done with: forgets them, so the tail's memory and the status
     * line hold the running tasks only.
     */
    void readToItsStop(String task, List<LogStreamRef> streams) {
        stops.remove(task);
        readToStop.add(task);
        tasks.remove(task);
        streams.forEach(r -> known.remove(r.logGroupName() + "\n" + r.logStreamName()));
    }

    /** The notes of a resolution: containers followed by prefix only, containers not in CloudWatch Logs. */
    void noteFrom(Resolved r) {
        List<String> parts = new ArrayList<>(r.byPrefix());
        if (!r.notInCloudWatch().isEmpty()) {
            parts.add("Not followed: " + String.join(" ", r.notInCloudWatch()));
        }
        notes = String.join(" ", parts);
    }

    /**
     * "service web: 4 tasks, 8 streams, since … — live", told after "Following" or "Paused": the tasks
     * running now and the streams read now; with "2 stopped tasks read to their stop" once tasks stopped.
     */
    String describe(String state) {
        int running = runningTasks();
        int streams = streamsRead();
        int done = readToStop.size();
        String count = (running > 1 || done > 0 ? running + (running == 1 ? " task, " : " tasks, ") : "") + streams
                + (streams == 1 ? " stream" : " streams")
                + (done == 0 ? "" : ", " + (done == 1 ? "1 stopped task read to its stop" : done + " stopped tasks read to their stop"));
        String text = what + ": " + count + ", " + since + (state.isEmpty() ? "" : " — " + state);
        return withNotes(text);
    }

    /** Tells the tail's state: followed, read (a stopped task's lines), or ended with the task's stop. */
    void tell(String state, boolean live) {
        if (ended) {
            tail.setStatus(withNotes(stopped.text()));
        } else if (bounded) {
            tail.setStatus("Reading " + describe(state));
        } else if (live) {
            tail.setLiveStatus(describe(state));
        } else {
            tail.setStatus(describe(state));
        }
    }

    private String withNotes(String text) {
        return notes.isEmpty() ? text : text + ". " + notes;
    }

    /** Tells the last state again, with the counts as they are now. */
    void retell() {
        if (!ended) {
            tail.tell(bounded ? "Reading " + describe(lastState) : describe(lastState), lastLive && !bounded);
        }
    }

    /**
     * The sink of one subscription of a service's tail: its end (after it was asked to finish) is told
     * by {@code onEnd}, not as the tail's state.
     */
    LogSink partSink(java.util.function.Supplier<Part> part, Runnable onEnd) {
        LogSink whole = sink();
        return new LogSink() {
            @Override
            public void accept(List<LogEvent> batch) {
                whole.accept(batch);
            }

            @Override
            public void status(TailStatus status) {
                Part p = part.get();
                boolean end = status.state() == TailStatus.State.ENDED || (p != null && p.ending && status.state() == TailStatus.State.STOPPED);
                if (end) {
                    onEnd.run();
                } else {
                    whole.status(status);
                }
            }
        };
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
                boolean end = status.state() == TailStatus.State.ENDED || (finishing && status.state() == TailStatus.State.STOPPED);
                if (end && stopped != null) {
                    ended = true;
                    tail.tell(withNotes(stopped.text()), false);
                    return;
                }
                String state = Objects.toString(status.message(), "");
                boolean live = status.state() == TailStatus.State.LIVE || status.state() == TailStatus.State.RETRYING;
                lastState = state;
                lastLive = live;
                tail.tell(bounded ? "Reading " + describe(state) : describe(state), live && !bounded);
            }
        };
    }
}
