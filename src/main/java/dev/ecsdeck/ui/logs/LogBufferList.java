package dev.ecsdeck.ui.logs;

import java.util.Collections;
import javafx.collections.ObservableListBase;

/**
 * A read-only observable view of a {@link LogBuffer} for a virtualised ListView: no copy of the
 * lines, and one change event per drain (lines dropped at the head, lines from the first changed one on replaced).
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

    /** Tells listeners what a merge changed: lines left the head, lines from the first changed one on are new or moved. */
    void fireMerged(LogBuffer.Merge merge) {
        int removedAtHead = merge.headRemoved();
        int at = merge.changedIndex();
        int replaced = merge.oldSize() - removedAtHead - at;
        int added = buffer.size() - at;
        if (removedAtHead == 0 && replaced == 0 && added == 0) {
            return;
        }
        beginChange();
        if (removedAtHead > 0) {
            nextRemove(0, Collections.nCopies(removedAtHead, (LogLine) null));
        }
        if (replaced > 0) {
            nextRemove(at, Collections.nCopies(replaced, (LogLine) null));
        }
        if (added > 0) {
            nextAdd(at, buffer.size());
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
