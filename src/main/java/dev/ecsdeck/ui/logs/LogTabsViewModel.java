package dev.ecsdeck.ui.logs;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.EcsException;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.LogStreamResolver;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The log area: the open tails (one tab each) and opening a tail for a service, task or container. */
public final class LogTabsViewModel {
    /** A new tail starts this far back, then follows. */
    public static final long DEFAULT_LOOKBACK_MS = 5 * 60_000;

    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final LogStreamResolver resolver;
    private final LongSupplier nowMillis;
    private final int capacity;
    private final ObservableList<LogTailViewModel> tails = FXCollections.observableArrayList();
    private final ObjectProperty<LogTailViewModel> selected = new SimpleObjectProperty<>();

    public LogTabsViewModel(EcsProvider provider, TaskExecutor executor, LongSupplier nowMillis, int capacity) {
        this.provider = provider;
        this.executor = executor;
        this.resolver = new LogStreamResolver(provider);
        this.nowMillis = nowMillis;
        this.capacity = capacity;
    }

    public ObservableList<LogTailViewModel> tails() {
        return tails;
    }

    public ObjectProperty<LogTailViewModel> selectedProperty() {
        return selected;
    }

    /** Opens a tab following the logs of a service (all its tasks), a task, or one container. */
    public void open(TreeEntry entry) {
        String title;
        BackgroundTask<LogStreamResolver.Resolved> resolve;
        if (entry instanceof TreeEntry.ServiceEntry s) {
            title = s.service().serviceName() + " (" + s.cluster() + ")";
            resolve = BackgroundTask.of(() -> resolver.forService(s.cluster(), s.service().serviceName()));
        } else if (entry instanceof TreeEntry.TaskEntry t) {
            title = "task " + shortId(t.task()) + " (" + t.cluster() + ")";
            resolve = BackgroundTask.of(() -> resolver.forTasks(List.of(t.task()), null));
        } else if (entry instanceof TreeEntry.ContainerEntry c) {
            title = c.container().name() + " of " + shortId(c.task());
            resolve = BackgroundTask.of(() -> resolver.forTasks(List.of(c.task()), c.container().name()));
        } else {
            return;
        }
        long start = nowMillis.getAsLong() - DEFAULT_LOOKBACK_MS;
        resolve.onSuccess(resolved -> {
            LogTailViewModel tail = new LogTailViewModel(title, resolved.streams(), capacity);
            tails.add(tail);
            selected.set(tail);
            if (resolved.streams().isEmpty()) {
                tail.setStatus("No CloudWatch log streams to follow. " + String.join(" ", resolved.notInCloudWatch()));
                return;
            }
            if (!resolved.notInCloudWatch().isEmpty()) {
                tail.setStatus("Following " + resolved.streams().size() + " streams. Not in CloudWatch: "
                        + String.join(" ", resolved.notInCloudWatch()));
            }
            BackgroundTask.of(() -> provider.tailLogs(new LogTailRequest(resolved.streams(), start), tail))
                    .onSuccess((LogSubscription sub) -> {
                        if (tails.contains(tail)) {
                            tail.attach(sub);
                        } else {
                            sub.close();
                        }
                    })
                    .onFailure(error -> tail.setStatus(message(error)))
                    .executeWith(executor);
        }).onFailure(error -> {
            LogTailViewModel tail = new LogTailViewModel(title, List.of(), 1);
            tail.setStatus(message(error));
            tails.add(tail);
            selected.set(tail);
        }).executeWith(executor);
    }

    public void close(LogTailViewModel tail) {
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

    private static String message(Throwable error) {
        return error instanceof EcsException e ? e.summary() : "Tail failed: " + error;
    }
}
