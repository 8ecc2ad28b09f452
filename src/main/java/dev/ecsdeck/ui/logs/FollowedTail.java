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
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tail of the log area: what it follows and from when, the streams it has subscribed to and, for a
 * task's (or container's) tail, the task, and its stop once seen. Its sink tells the connection state
 * together with what it follows; a task's tail that read to its task's stop ends with the stop.
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
            if (known.add(r.logGroupName() + "\n" + r.logStreamName())) {
                fresh.add(r);
                if (r.taskId() != null) {
                    tasks.add(r.taskId());
                }
            }
        }
        return fresh;
    }

    /** The notes of a resolution: containers followed by prefix only, containers not in CloudWatch Logs. */
    void noteFrom(Resolved r) {
        List<String> parts = new ArrayList<>(r.byPrefix());
        if (!r.notInCloudWatch().isEmpty()) {
            parts.add("Not followed: " + String.join(" ", r.notInCloudWatch()));
        }
        notes = String.join(" ", parts);
    }

    /** "service web: 4 tasks, 8 streams, since … — live", told after "Following" or "Paused". */
    String describe(String state) {
        String count = (tasks.size() > 1 ? tasks.size() + " tasks, " : "") + known.size() + (known.size() == 1 ? " stream" : " streams");
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
                tail.tell(bounded ? "Reading " + describe(state) : describe(state), live && !bounded);
            }
        };
    }
}
