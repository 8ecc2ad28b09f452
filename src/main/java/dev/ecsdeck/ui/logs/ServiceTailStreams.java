package dev.ecsdeck.ui.logs;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.LogSink;
import dev.ecsdeck.provider.LogStreamResolver.Resolved;
import dev.ecsdeck.provider.LogSubscription;
import dev.ecsdeck.provider.LogTailRequest;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The subscriptions of a service's tail, kept with the tasks whose streams each reads: a task the
 * service no longer lists is looked at, and once it has stopped and its last lines had time to come
 * in, its streams are read to their end and dropped (a subscription left with none ends), so a tail
 * open all day reads the tasks running now, not every task it has seen.
 */
final class ServiceTailStreams {
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final LongSupplier nowMillis;
    private final Predicate<LogTailViewModel> isOpen;

    ServiceTailStreams(EcsProvider provider, TaskExecutor executor, LongSupplier nowMillis, Predicate<LogTailViewModel> isOpen) {
        this.provider = provider;
        this.executor = executor;
        this.nowMillis = nowMillis;
        this.isOpen = isOpen;
    }

    /**
     * The stops of the tail's tasks that the service no longer lists: stopped ones with their stoppedAt;
     * ones ECS no longer knows, at {@code now} (they stopped before); ones still stopping, not yet.
     */
    Map<String, Long> stopsOfGone(FollowedTail f, Resolved resolved, long now) {
        Set<String> listed = new HashSet<>();
        resolved.streams().forEach(r -> listed.add(r.taskId()));
        List<String> gone = f.tasks.stream().filter(t -> !listed.contains(t) && !f.stops.containsKey(t)).toList();
        Map<String, Long> stops = new HashMap<>();
        if (gone.isEmpty()) {
            return stops;
        }
        gone.forEach(t -> stops.put(t, now));
        for (EcsTask t : provider.describeTasks(f.cluster, gone)) {
            if (t.stoppedAt() != null) {
                stops.put(t.taskId(), t.stoppedAt().toEpochMilli());
            } else {
                stops.remove(t.taskId()); // stopping: its last lines are still to come
            }
        }
        return stops;
    }

    /**
     * The streams of a service's stopped tasks whose last lines have had time to be ingested: each
     * subscription reads them to their end and drops them, or ends when they are all it reads.
     */
    void endStoppedStreams(FollowedTail f, long now) {
        boolean changed = false;
        for (FollowedTail.Part p : List.copyOf(f.parts)) {
            if (p.ending) {
                continue;
            }
            List<String> settled = p.byTask.keySet().stream()
                    .filter(t -> f.stops.containsKey(t) && now >= f.stops.get(t) + StoppedTask.INGESTION_LAG_MS).toList();
            if (settled.isEmpty()) {
                continue;
            }
            changed = true;
            List<LogStreamRef> done = new ArrayList<>();
            settled.forEach(t -> {
                List<LogStreamRef> streams = p.byTask.remove(t);
                done.addAll(streams);
                f.readToItsStop(t, streams);
            });
            if (p.byTask.isEmpty()) {
                p.ending = true;
                p.subscription.finish();
            } else {
                p.subscription.finish(done);
            }
        }
        if (changed) {
            f.retell();
        }
    }

    /** A subscription that read its last streams to their end: no longer the tail's. */
    private void ended(FollowedTail f, FollowedTail.Part p) {
        f.parts.remove(p);
        f.subscriptions.remove(p.subscription);
        f.tail.detach(p.subscription);
        f.retell();
    }

    /** A service's subscription, kept with the tasks whose streams it reads, to drop each once it has stopped. */
    void subscribe(FollowedTail f, List<LogStreamRef> streams) {
        AtomicReference<FollowedTail.Part> part = new AtomicReference<>();
        AtomicBoolean endedEarly = new AtomicBoolean();
        LogSink sink = f.partSink(part::get, () -> executor.runOnUiThread(() -> {
            FollowedTail.Part p = part.get();
            if (p == null) {
                endedEarly.set(true);
            } else {
                ended(f, p);
            }
        }));
        BackgroundTask.of(() -> provider.tailLogs(new LogTailRequest(streams, f.startMillis, null), sink))
                .onSuccess((LogSubscription sub) -> {
                    if (!isOpen.test(f.tail)) {
                        sub.close();
                        return;
                    }
                    FollowedTail.Part p = new FollowedTail.Part(sub, streams);
                    part.set(p);
                    f.tail.attach(sub);
                    f.subscriptions.add(sub);
                    f.parts.add(p);
                    if (endedEarly.get()) {
                        ended(f, p);
                    } else {
                        endStoppedStreams(f, nowMillis.getAsLong());
                    }
                })
                .onFailure(error -> f.tell(ErrorText.of(error), false))
                .executeWith(executor);
    }

}
