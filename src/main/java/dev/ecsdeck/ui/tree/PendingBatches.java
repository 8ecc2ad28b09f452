package dev.ecsdeck.ui.tree;

import dev.ecsdeck.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Rows that arrive from background threads batch by batch wait here and reach the UI thread
 * together: at most one pending hand-over at a time, however many batches come, so a 200-batch
 * load is a few UI updates, not 200.
 */
final class PendingBatches {
    private record Batch(EntryItem parent, List<TreeEntry> entries) {}

    private final ConcurrentLinkedQueue<Batch> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final BiConsumer<EntryItem, List<TreeEntry>> apply;

    PendingBatches(BiConsumer<EntryItem, List<TreeEntry>> apply) {
        this.apply = apply;
    }

    /** Queues a batch (any thread); schedules a hand-over unless one is pending. */
    void offer(EntryItem parent, List<TreeEntry> entries, TaskExecutor executor) {
        queue.add(new Batch(parent, entries));
        if (scheduled.compareAndSet(false, true)) {
            executor.runOnUiThread(this::flush);
        }
    }

    /** Applies everything queued, grouped by parent (UI thread). */
    void flush() {
        scheduled.set(false);
        Map<EntryItem, List<TreeEntry>> byParent = new LinkedHashMap<>();
        Batch b;
        while ((b = queue.poll()) != null) {
            byParent.computeIfAbsent(b.parent(), p -> new ArrayList<>()).addAll(b.entries());
        }
        byParent.forEach(apply);
    }
}
