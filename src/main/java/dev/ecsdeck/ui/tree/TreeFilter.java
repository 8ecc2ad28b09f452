package dev.ecsdeck.ui.tree;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TreeItem;

/**
 * Narrows the tree to the loaded rows whose name contains the filter text (case-insensitive): a
 * matching row stays with everything under it, other rows stay only as the path to a match, and
 * those paths are expanded — without loading anything, so typing costs no calls.
 */
final class TreeFilter {
    private final StringProperty text = new SimpleStringProperty("");
    private boolean expanding;

    StringProperty textProperty() {
        return text;
    }

    /** True while the filter expands rows to show matches (such expansions load nothing). */
    boolean expanding() {
        return expanding;
    }

    static String needle(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    static boolean matches(TreeEntry e, String needle) {
        return !(e instanceof TreeEntry.MessageEntry) && !needle.isEmpty() && e.name().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Applies the current text to the whole tree (after a change of text or of rows). */
    void reapply(EntryItem root) {
        String needle = needle(text.get());
        if (needle.isEmpty()) {
            showAll(root);
            return;
        }
        Set<TreeItem<TreeEntry>> onPath = new HashSet<>();
        Set<TreeItem<TreeEntry>> matched = new HashSet<>();
        mark(root, needle, onPath, matched);
        apply(root, onPath, matched);
        expanding = true;
        try {
            expand(root, onPath, matched);
        } finally {
            expanding = false;
        }
    }

    /** Whether the row or anything under it matches; collects matches and the rows on the way to them. */
    private static boolean mark(EntryItem item, String needle, Set<TreeItem<TreeEntry>> onPath, Set<TreeItem<TreeEntry>> matched) {
        boolean any = false;
        if (matches(item.getValue(), needle)) {
            matched.add(item);
            any = true;
        }
        for (TreeItem<TreeEntry> child : item.sourceChildren()) {
            any |= mark((EntryItem) child, needle, onPath, matched);
        }
        if (any) {
            onPath.add(item);
        }
        return any;
    }

    private static void apply(EntryItem item, Set<TreeItem<TreeEntry>> onPath, Set<TreeItem<TreeEntry>> matched) {
        if (matched.contains(item)) {
            showAll(item);
            return;
        }
        item.filter(onPath::contains);
        for (TreeItem<TreeEntry> child : item.sourceChildren()) {
            if (onPath.contains(child)) {
                apply((EntryItem) child, onPath, matched);
            }
        }
    }

    private static void expand(EntryItem item, Set<TreeItem<TreeEntry>> onPath, Set<TreeItem<TreeEntry>> matched) {
        if (!matched.contains(item) && onPath.contains(item)) {
            item.setExpanded(true);
            for (TreeItem<TreeEntry> child : item.sourceChildren()) {
                expand((EntryItem) child, onPath, matched);
            }
        }
    }

    private static void showAll(EntryItem item) {
        item.filter(null);
        for (TreeItem<TreeEntry> child : item.sourceChildren()) {
            showAll((EntryItem) child);
        }
    }
}
