package dev.ecsdeck.ui.tree;

import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.TreeItem;

/**
 * A tree row that loads its children when first expanded (until then it holds one "Loading…" row,
 * so the tree shows an expand arrow without asking the backend anything), and whose children can
 * be narrowed by a filter: loads and refreshes change {@link #sourceChildren()}, the tree shows
 * the filtered view of them.
 */
public final class EntryItem extends TreeItem<TreeEntry> {

    public enum State { UNLOADED, LOADING, LOADED, FAILED }

    private final ObservableList<TreeItem<TreeEntry>> source = FXCollections.observableArrayList();
    private final FilteredList<TreeItem<TreeEntry>> visible = new FilteredList<>(source);
    private State state = State.UNLOADED;
    private final boolean lazy;
    /** Set by a refresh when the row's value changed, for the view to flash it. */
    private long changedAtNanos;

    EntryItem(TreeEntry entry, boolean lazy) {
        super(entry);
        this.lazy = lazy;
        Bindings.bindContent(getChildren(), visible);
    }

    /** All the children, filtered or not: what loads and refreshes change. */
    public ObservableList<TreeItem<TreeEntry>> sourceChildren() {
        return source;
    }

    /** Shows only the children the predicate keeps (null: all). */
    void filter(Predicate<TreeItem<TreeEntry>> keep) {
        visible.setPredicate(keep);
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
