package dev.ecsdeck.ui.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A tree row that loads its children when first expanded (until then it holds one "Loading…" row,
 * so the tree shows an expand arrow without asking the backend anything), and whose children can
 * be narrowed by a filter: loads and refreshes change {@link #sourceChildren()}, the tree shows
 * the filtered view of them. The shown children change by the smallest edit (rows that stay are
 * never removed and put back), so the tree keeps its selection while rows come, go and are filtered.
 */
public final class EntryItem extends TreeItem<TreeEntry> {

    public enum State { UNLOADED, LOADING, LOADED, FAILED }

    private final ObservableList<TreeItem<TreeEntry>> source = FXCollections.observableArrayList();
    private Predicate<TreeItem<TreeEntry>> keep;
    private State state = State.UNLOADED;
    private final boolean lazy;
    /** Set by a refresh when the row's value changed, for the view to flash it. */
    private long changedAtNanos;

    EntryItem(TreeEntry entry, boolean lazy) {
        super(entry);
        this.lazy = lazy;
        source.addListener((ListChangeListener<TreeItem<TreeEntry>>) c -> showKept());
    }

    /** All the children, filtered or not: what loads and refreshes change. */
    public ObservableList<TreeItem<TreeEntry>> sourceChildren() {
        return source;
    }

    /** Shows only the children the predicate keeps (null: all). */
    void filter(Predicate<TreeItem<TreeEntry>> keep) {
        this.keep = keep;
        showKept();
    }

    /** Makes the shown children the kept source children, removing and inserting only what differs. */
    private void showKept() {
        List<TreeItem<TreeEntry>> target = new ArrayList<>(source.size());
        for (TreeItem<TreeEntry> child : source) {
            if (keep == null || keep.test(child)) {
                target.add(child);
            }
        }
        ObservableList<TreeItem<TreeEntry>> shown = getChildren();
        if (shown.equals(target)) {
            return;
        }
        Set<TreeItem<TreeEntry>> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
        wanted.addAll(target);
        List<TreeItem<TreeEntry>> gone = shown.stream().filter(i -> !wanted.contains(i)).toList();
        if (gone.size() == shown.size()) {
            shown.setAll(target);
            return;
        }
        if (!gone.isEmpty()) {
            shown.removeAll(gone);
        }
        if (!inSameOrder(shown, target)) {
            shown.setAll(target); // a reorder (a refresh that re-sorted): nothing to keep in place
            return;
        }
        // What is left is a subsequence of the target: insert the missing runs where they belong.
        int i = 0;
        while (i < target.size()) {
            if (i < shown.size() && shown.get(i) == target.get(i)) {
                i++;
                continue;
            }
            int end = i;
            while (end < target.size() && (i >= shown.size() || target.get(end) != shown.get(i))) {
                end++;
            }
            shown.addAll(i, target.subList(i, end));
            i = end;
        }
    }

    /** Whether {@code part}'s items appear in {@code whole} in the same order. */
    private static boolean inSameOrder(List<TreeItem<TreeEntry>> part, List<TreeItem<TreeEntry>> whole) {
        int j = 0;
        for (TreeItem<TreeEntry> item : part) {
            while (j < whole.size() && whole.get(j) != item) {
                j++;
            }
            if (j == whole.size()) {
                return false;
            }
            j++;
        }
        return true;
    }

    public State state() {
        return state;
    }

    void state(State newState) {
        this.state = newState;
    }

    /** Whether this row's children come from a load (not known up front). */
    public boolean lazy() {
        return lazy;
    }

    public long changedAtNanos() {
        return changedAtNanos;
    }

    void markChanged(long nanos) {
        this.changedAtNanos = nanos;
    }

    @Override
    public boolean isLeaf() {
        return !lazy && source.isEmpty();
    }
}
