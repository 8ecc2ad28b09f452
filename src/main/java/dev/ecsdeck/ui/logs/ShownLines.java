package dev.ecsdeck.ui.logs;

import java.util.Collections;
import javafx.collections.ObservableListBase;

/**
 * The rows a log view shows, for a virtualised ListView: every line of the buffer when there is no
 * filter (no copy), or the matching lines with their context lines and gaps between groups, kept as
 * sequence numbers into the buffer. Kept live: {@link #update} handles the lines of one drain
 * (incrementally: only the new lines are matched) and lines leaving the buffer's head, and fires one
 * change (removed at the head, added at the end).
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
     * {@code oldSize} lines before: adds the new rows, removes those whose lines left, fires one change.
     */
    void update(long fromSeq, int oldSize) {
        int oldRows = filter == null ? oldSize : rows.size();
        int removed;
        if (filter == null) {
            int added = (int) (buffer.received() - fromSeq);
            removed = Math.min(oldSize, oldSize + added - buffer.size());
        } else {
            removed = dropHead();
            appendMatches(fromSeq);
        }
        lastHeadRemoved = removed;
        fireChange(removed, size() - (oldRows - removed));
    }

    /** Applies a new filter (null: every line) to the whole buffer, in one change. */
    void refilter(LogFilter newFilter) {
        int oldSize = size();
        filter = newFilter;
        rows.clear();
        gaps = 0;
        lastIncluded = -1;
        afterUntil = -1;
        lastHeadRemoved = 0;
        if (filter != null) {
            appendMatches(buffer.firstSeq());
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

    private void fireChange(int removedAtHead, int added) {
        if (removedAtHead == 0 && added == 0) {
            return;
        }
        beginChange();
        if (removedAtHead > 0) {
            nextRemove(0, Collections.nCopies(removedAtHead, (LogRow) null));
        }
        if (added > 0) {
            nextAdd(size() - added, size());
        }
        endChange();
    }
}
