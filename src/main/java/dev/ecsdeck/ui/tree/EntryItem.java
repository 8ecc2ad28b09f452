package dev.ecsdeck.ui.tree;

import javafx.scene.control.TreeItem;

/**
 * A tree row that loads its children when first expanded. Until then it holds one "Loading…" row,
 * so the tree shows an expand arrow without asking the backend anything.
 */
public final class EntryItem extends TreeItem<TreeEntry> {

    public enum State { UNLOADED, LOADING, LOADED, FAILED }

    private State state = State.UNLOADED;
    private final boolean lazy;
    /** Set by a refresh when the row's value changed, for the view to flash it. */
    private long changedAtNanos;

    EntryItem(TreeEntry entry, boolean lazy) {
        super(entry);
        this.lazy = lazy;
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
        return !lazy && getChildren().isEmpty();
    }
}
