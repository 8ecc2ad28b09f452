package dev.ecsdeck.ui.logs;

import java.util.Collections;
import java.util.function.IntUnaryOperator;
import javafx.collections.ObservableListBase;

/**
 * The rows a log view shows, for a virtualised ListView: every line of the buffer when there is no
 * filter (no copy), or the matching lines with their context lines and gaps between groups, kept as
 * sequence numbers into the buffer. Kept live: {@link #update} handles the lines of one drain
 * (incrementally: only the lines from the oldest new one on are matched again) and lines leaving the
 * buffer's head, and fires one change (removed at the head, replaced from the first changed row on);
 * {@link #lastMove()} tells where each earlier row went, so a paused view and a selection stay on
 * their lines.
 */
final class ShownLines extends ObservableListBase<LogRow> {
    private static final long GAP = -1;

    private final LogBuffer buffer;
    private final SeqRing rows = new SeqRing();
    private LogFilter filter;
    private int gaps;
    /** The last line taken into the rows, and the last one an earlier match's after-context reaches. */
    private long lastIncluded = -1;
    private long afterUntil = -1;
    private int lastHeadRemoved;
    private IntUnaryOperator lastMove = IntUnaryOperator.identity();

    ShownLines(LogBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public LogRow get(int index) {
        if (filter == null) {
            return buffer.get(index);
        }
        long seq = rows.get(index);
        return seq == GAP ? LogRow.Gap.INSTANCE : buffer.bySeq(seq);
    }

    @Override
    public int size() {
        return filter == null ? buffer.size() : rows.size();
    }

    /** Lines shown, not counting gaps. */
    int lineCount() {
        return size() - gaps;
    }

    LogFilter filter() {
        return filter;
    }

    /** Rows that left the head in the last update (a paused view keeps its place by them). */
    int lastHeadRemoved() {
        return lastHeadRemoved;
    }

    /**
     * The buffer took the lines from {@code fromSeq} on (some may already have left it again) and had
     * {@code oldSize} lines before, all appended: adds the new rows, removes those whose lines left,
     * fires one change.
     */
    void update(long fromSeq, int oldSize) {
        update(LogBuffer.Merge.appended(fromSeq, oldSize, buffer.firstSeq()));
    }

    /**
     * The buffer took in lines by {@code merge} (some in among older ones): rows whose lines left go
     * from the head, rows from the first changed line on are made anew, in one change.
     */
    void update(LogBuffer.Merge merge) {
        int oldRows = filter == null ? merge.oldSize() : rows.size();
        int removed;
        int changedAt;
        if (filter == null) {
            removed = merge.headRemoved();
            changedAt = merge.changedIndex();
            lastMove = merge::movedIndex;
        } else {
            int cut = cutBefore(merge.from());
            long[] oldTail = new long[oldRows - cut];
            for (int i = 0; i < oldTail.length; i++) {
                oldTail[i] = rows.get(cut + i);
            }
            truncate(cut, merge.from());
            removed = dropHead();
            appendMatches(Math.max(merge.from(), buffer.firstSeq()));
            changedAt = cut - removed;
            lastMove = old -> movedRow(old, removed, cut, oldTail, merge);
        }
        lastHeadRemoved = removed;
        fireChange(removed, changedAt, oldRows - removed - changedAt);
    }

    /** The first row from which rows show lines at or after {@code seq} (with the gap before them). */
    private int cutBefore(long seq) {
        int r = rows.size();
        while (r > 0 && (rows.get(r - 1) == GAP || rows.get(r - 1) >= seq)) {
            r--;
        }
        return r;
    }

    /** Keeps the first {@code cut} rows and takes up matching again from line {@code from}. */
    private void truncate(int cut, long from) {
        for (int i = cut; i < rows.size(); i++) {
            if (rows.get(i) == GAP) {
                gaps--;
            }
        }
        rows.truncate(cut);
        lastIncluded = cut > 0 ? rows.last() : -1;
        afterUntil = lastIncluded;
        if (filter.context() > 0 && lastIncluded >= 0) {
            // A match just before the change still reaches past it with its after-context.
            long scanFrom = Math.max(buffer.firstSeq(), from - filter.context());
            for (long m : filter.matchingSeqs(buffer, scanFrom, Math.max(scanFrom, from))) {
                afterUntil = Math.max(afterUntil, m + filter.context());
            }
        }
    }

    /** Where the row at {@code old} before the last update is now (-1: it left; its line no longer shown: the next row shown, or the last). */
    private int movedRow(int old, int removed, int cut, long[] oldTail, LogBuffer.Merge merge) {
        if (old < cut) {
            return old < removed ? -1 : old - removed;
        }
        int i = old - cut;
        while (i < oldTail.length && oldTail[i] == GAP) {
            i++;
        }
        if (i >= oldTail.length) {
            return size() - 1;
        }
        long seq = merge.moved(oldTail[i]);
        for (int r = cut - removed; r < rows.size(); r++) {
            long s = rows.get(r);
            if (s != GAP && s >= seq) {
                return r;
            }
        }
        return size() - 1;
    }

    /**
     * Where each row before the last update is now, as an index (-1: it left); null after a new
     * filter, which replaced every row.
     */
    IntUnaryOperator lastMove() {
        return lastMove;
    }

    /** Applies a new filter (null: every line) to the whole buffer, in one change. */
    void refilter(LogFilter newFilter) {
        refilter(newFilter, new long[0], buffer.firstSeq());
    }

    /**
     * Applies a new filter (null: every line), in one change: {@code matches} are its matching lines
     * below {@code matchedTo}, found in the background (those that left the buffer since are skipped);
     * the lines from {@code matchedTo} on are matched here.
     */
    void refilter(LogFilter newFilter, long[] matches, long matchedTo) {
        int oldSize = size();
        filter = newFilter;
        rows.clear();
        gaps = 0;
        lastIncluded = -1;
        afterUntil = -1;
        lastHeadRemoved = 0;
        lastMove = null;
        if (filter != null) {
            long first = buffer.firstSeq();
            int lo = firstAtOrAfter(matches, first);
            int hi = firstAtOrAfter(matches, matchedTo);
            if (filter.context() == 0 && hi > lo) {
                // Without context every match is one row: a million of them go in at once.
                rows.addAll(matches, lo, hi);
                lastIncluded = matches[hi - 1];
                afterUntil = lastIncluded;
            } else {
                for (int i = lo; i < hi; i++) {
                    addMatch(matches[i]);
                }
            }
            appendMatches(Math.max(first, matchedTo));
        }
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, Collections.nCopies(oldSize, (LogRow) null));
        }
        if (size() > 0) {
            nextAdd(0, size());
        }
        endChange();
    }

    /** The index of the first of the ascending {@code seqs} at or after {@code seq}. */
    private static int firstAtOrAfter(long[] seqs, long seq) {
        int i = java.util.Arrays.binarySearch(seqs, seq);
        return i >= 0 ? i : -i - 1;
    }

    private int dropHead() {
        long first = buffer.firstSeq();
        int removed = 0;
        while (rows.size() > 0 && (rows.first() == GAP || rows.first() < first)) {
            if (rows.first() == GAP) {
                gaps--;
            }
            rows.removeFirst();
            removed++;
        }
        return removed;
    }

    private void appendMatches(long fromSeq) {
        long end = buffer.received();
        for (long m : filter.matchingSeqs(buffer, fromSeq, end)) {
            addMatch(m);
        }
        flushAfter(end - 1);
    }

    private void addMatch(long m) {
        flushAfter(m - 1);
        long from = Math.max(Math.max(lastIncluded + 1, m - filter.context()), buffer.firstSeq());
        // Gaps only with context, as grep: without it every line is its own group.
        if (filter.context() > 0 && rows.size() > 0 && from > lastIncluded + 1) {
            rows.add(GAP);
            gaps++;
        }
        for (long s = from; s <= m; s++) {
            rows.add(s);
        }
        lastIncluded = m;
        afterUntil = m + filter.context();
    }

    /** Takes in the after-context lines of the last match, up to line {@code upTo}. */
    private void flushAfter(long upTo) {
        long from = Math.max(lastIncluded + 1, buffer.firstSeq());
        long to = Math.min(afterUntil, upTo);
        for (long s = from; s <= to; s++) {
            rows.add(s);
            lastIncluded = s;
        }
    }

    /** One change: {@code removedAtHead} rows left the head, the {@code replaced} rows from {@code at} on were made anew. */
    private void fireChange(int removedAtHead, int at, int replaced) {
        int added = size() - at;
        if (removedAtHead == 0 && replaced == 0 && added == 0) {
            return;
        }
        beginChange();
        if (removedAtHead > 0) {
            nextRemove(0, Collections.nCopies(removedAtHead, (LogRow) null));
        }
        if (replaced > 0) {
            nextRemove(at, Collections.nCopies(replaced, (LogRow) null));
        }
        if (added > 0) {
            nextAdd(at, size());
        }
        endChange();
    }
}
