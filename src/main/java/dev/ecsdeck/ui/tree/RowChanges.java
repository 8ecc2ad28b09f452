package dev.ecsdeck.ui.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * Marks the stretches in which loads, refreshes and the filter change the tree's rows, so the view
 * can tell the selection moving because rows came and went (which it undoes) from the user moving it.
 */
final class RowChanges {
    private int depth;
    private final List<Runnable> afterwards = new ArrayList<>();

    void run(Runnable change) {
        depth++;
        try {
            change.run();
        } finally {
            if (--depth == 0) {
                List.copyOf(afterwards).forEach(Runnable::run);
            }
        }
    }

    boolean changing() {
        return depth > 0;
    }

    void onChanged(Runnable listener) {
        afterwards.add(listener);
    }
}
