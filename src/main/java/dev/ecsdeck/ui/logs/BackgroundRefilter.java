package dev.ecsdeck.ui.logs;

import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Applies a new filter to a big buffer without blocking the UI thread: the lines held are taken as a
 * snapshot (references only) and matched in the background while the old view stays and keeps
 * taking lines; then the lines that came meanwhile are matched the same way, pass after pass, until
 * few enough are left to match in the swap itself, which shows the new rows in one change. Each line
 * is thus matched once, and none is missed: a drain that put lines in among older ones
 * ({@link #merged}) makes the matches from there on be taken again. A newer filter supersedes the
 * one under way: its passes stop and no result of theirs is swapped in. Called on the UI thread only.
 */
final class BackgroundRefilter {
    /** Lines left that the swap matches itself: a few ms even for a regex the engine tries at each position. */
    static final int DEFAULT_MATCH_IN_SWAP_MAX = 4_000;

    private final LogBuffer buffer;
    private final ShownLines shown;
    private final TaskExecutor executor;
    private final int matchInSwapMax;
    private final Runnable swapped;
    private final SimpleBooleanProperty filtering = new SimpleBooleanProperty(false);
    /** Bumped by each new filter; background passes stop once theirs is no longer it. */
    private volatile long generation;
    private LogFilter pending;
    /** Matching lines of the pending filter found so far, all below {@code matchedTo}. */
    private long[] found = new long[0];
    private long matchedTo;
    /** The lowest line a drain renumbered (put lines in at) since the last pass was taken in. */
    private long changedFrom = Long.MAX_VALUE;

    /** {@code swapped} runs after each swap (a new filter shown). */
    BackgroundRefilter(LogBuffer buffer, ShownLines shown, TaskExecutor executor, int matchInSwapMax, Runnable swapped) {
        this.buffer = buffer;
        this.shown = shown;
        this.executor = executor;
        this.matchInSwapMax = matchInSwapMax;
        this.swapped = swapped;
    }

    /** True from a filter's start until its rows are shown. */
    ReadOnlyBooleanProperty filteringProperty() {
        return filtering;
    }

    /** Starts showing {@code filter} (null: every line, shown at once), superseding any filter under way. */
    void start(LogFilter filter) {
        long gen = ++generation;
        pending = filter;
        found = new long[0];
        matchedTo = buffer.firstSeq();
        changedFrom = Long.MAX_VALUE;
        if (filter == null) {
            swap();
            return;
        }
        nextPass(gen);
    }

    /** Drops the filter under way (the old view stays). */
    void cancel() {
        generation++;
        pending = null;
        filtering.set(false);
    }

    /** A drain took lines in by {@code merge}: lines from its {@code from} on may have new numbers. */
    void merged(LogBuffer.Merge merge) {
        if (pending != null) {
            changedFrom = Math.min(changedFrom, merge.from());
        }
    }

    private void nextPass(long gen) {
        long from = Math.max(matchedTo, buffer.firstSeq());
        long to = buffer.received();
        if (to - from <= matchInSwapMax) {
            swap();
            return;
        }
        LogLine[] lines = buffer.slice(from, to);
        LogFilter filter = pending;
        filtering.set(true);
        BackgroundTask.of(() -> filter.matchingSeqs(lines, from, () -> generation != gen))
                .onSuccess(matches -> passDone(gen, to, matches))
                .onFailure(e -> passFailed(gen, e))
                .executeWith(executor);
    }

    private void passDone(long gen, long to, long[] matches) {
        if (gen != generation) {
            return; // superseded
        }
        long upTo = Math.min(to, changedFrom);
        long[] all = Arrays.copyOf(found, found.length + matches.length);
        System.arraycopy(matches, 0, all, found.length, matches.length);
        found = Arrays.copyOf(all, below(all, upTo));
        matchedTo = upTo;
        changedFrom = Long.MAX_VALUE;
        nextPass(gen);
    }

    private void passFailed(long gen, Throwable e) {
        if (gen != generation || e instanceof CancellationException) {
            return;
        }
        // Not expected (the filter compiled): the lines not matched yet are matched in the swap, rather than none shown.
        swap();
    }

    private void swap() {
        LogFilter filter = pending;
        long[] matches = found;
        long to = matchedTo;
        pending = null;
        found = new long[0];
        shown.refilter(filter, matches, to);
        filtering.set(false);
        swapped.run();
    }

    /** How many of the ascending {@code seqs} are below {@code limit}. */
    private static int below(long[] seqs, long limit) {
        int i = Arrays.binarySearch(seqs, limit);
        return i >= 0 ? i : -i - 1;
    }
}
