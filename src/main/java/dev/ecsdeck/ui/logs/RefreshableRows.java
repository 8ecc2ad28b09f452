package dev.ecsdeck.ui.logs;

import java.util.Collections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

/**
 * The shown rows as the log view's flow sees them: each change of the source passed on as it is, and
 * {@link #refresh()} to announce every row again, so the flow forgets the sizes it measured and draws
 * its rows anew (timestamps or wrap toggled). No copy of the rows.
 */
final class RefreshableRows extends ObservableListBase<LogRow> {
    private final ObservableList<LogRow> source;

    RefreshableRows(ObservableList<LogRow> source) {
        this.source = source;
        source.addListener(this::forward);
    }

    @Override
    public LogRow get(int index) {
        return source.get(index);
    }

    @Override
    public int size() {
        return source.size();
    }

    void refresh() {
        int n = size();
        if (n == 0) {
            return;
        }
        beginChange();
        nextRemove(0, Collections.nCopies(n, (LogRow) null));
        nextAdd(0, n);
        endChange();
    }

    private void forward(ListChangeListener.Change<? extends LogRow> c) {
        beginChange();
        while (c.next()) {
            if (c.wasRemoved()) {
                nextRemove(c.getFrom(), c.getRemoved());
            }
            if (c.wasAdded()) {
                nextAdd(c.getFrom(), c.getTo());
            }
        }
        endChange();
    }
}
