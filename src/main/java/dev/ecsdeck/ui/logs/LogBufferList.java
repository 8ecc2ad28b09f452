package dev.ecsdeck.ui.logs;

import java.util.Collections;
import javafx.collections.ObservableListBase;

/**
 * A read-only observable view of a {@link LogBuffer} for a virtualised ListView: no copy of the
 * lines, and one change event per drain (lines dropped at the head, lines added at the tail).
 */
final class LogBufferList extends ObservableListBase<LogLine> {
    private final LogBuffer buffer;

    LogBufferList(LogBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public LogLine get(int index) {
        return buffer.get(index);
    }

    @Override
    public int size() {
        return buffer.size();
    }

    /** Tells listeners that {@code removedAtHead} lines left the front and {@code added} lines came at the end. */
    void fireAppended(int removedAtHead, int added) {
        if (removedAtHead == 0 && added == 0) {
            return;
        }
        beginChange();
        if (removedAtHead > 0) {
            nextRemove(0, Collections.nCopies(removedAtHead, (LogLine) null));
        }
        if (added > 0) {
            int size = buffer.size();
            nextAdd(size - added, size);
        }
        endChange();
    }

    void fireCleared(int oldSize) {
        if (oldSize > 0) {
            beginChange();
            nextRemove(0, Collections.nCopies(oldSize, (LogLine) null));
            endChange();
        }
    }
}
