package dev.ecsdeck.ui.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.control.TreeItem;

/**
 * Merges freshly loaded entries into a row's children by key: rows that still exist keep their
 * TreeItem (so expansion, selection and scroll position survive) and only get a new value when it
 * changed; new rows are created; vanished rows go. Counts what it did, so tests and benchmarks can
 * see that an unchanged refresh creates nothing.
 */
final class TreeMerge {
    private long created;
    private long updated;

    long created() {
        return created;
    }

    long updated() {
        return updated;
    }

    /** Makes {@code parent}'s children exactly {@code fresh}, in that order, reusing rows by key. */
    void merge(EntryItem parent, List<? extends TreeEntry> fresh, Function<TreeEntry, EntryItem> factory, long nowNanos) {
        Map<String, TreeItem<TreeEntry>> existing = new HashMap<>();
        for (TreeItem<TreeEntry> child : parent.sourceChildren()) {
            existing.put(child.getValue().key(), child);
        }
        List<TreeItem<TreeEntry>> next = new ArrayList<>(fresh.size());
        for (TreeEntry entry : fresh) {
            TreeItem<TreeEntry> item = existing.get(entry.key());
            if (item == null) {
                item = factory.apply(entry);
                created++;
            } else if (!item.getValue().equals(entry)) {
                item.setValue(entry);
                if (item instanceof EntryItem e) {
                    e.markChanged(nowNanos);
                }
                updated++;
            }
            next.add(item);
        }
        if (!sameItems(parent.sourceChildren(), next)) {
            parent.sourceChildren().setAll(next);
        }
    }

    /** Adds entries whose keys are not there yet (a progressive load's batch), keeping the children sorted by name. */
    void add(EntryItem parent, List<? extends TreeEntry> batch, Function<TreeEntry, EntryItem> factory) {
        Map<String, TreeItem<TreeEntry>> existing = new HashMap<>();
        for (TreeItem<TreeEntry> child : parent.sourceChildren()) {
            existing.put(child.getValue().key(), child);
        }
        List<TreeItem<TreeEntry>> added = new ArrayList<>();
        for (TreeEntry entry : batch) {
            TreeItem<TreeEntry> item = existing.get(entry.key());
            if (item == null) {
                added.add(factory.apply(entry));
                created++;
            } else if (!item.getValue().equals(entry)) {
                item.setValue(entry);
                updated++;
            }
        }
        if (!added.isEmpty()) {
            List<TreeItem<TreeEntry>> all = new ArrayList<>(parent.sourceChildren());
            all.removeIf(i -> i.getValue() instanceof TreeEntry.MessageEntry);
            all.addAll(added);
            all.sort((a, b) -> a.getValue().name().compareToIgnoreCase(b.getValue().name()));
            parent.sourceChildren().setAll(all);
        }
    }

    private static boolean sameItems(List<TreeItem<TreeEntry>> a, List<TreeItem<TreeEntry>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
