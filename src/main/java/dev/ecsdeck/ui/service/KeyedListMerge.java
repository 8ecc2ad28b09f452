package dev.ecsdeck.ui.service;

import java.util.List;
import java.util.function.Function;
import javafx.collections.ObservableList;

/** Brings a table's rows up to date in place, so a refresh keeps the user's selection and focus. */
final class KeyedListMerge {
    private KeyedListMerge() {}

    /**
     * Makes {@code list} equal to {@code fresh} with as few changes as possible: rows whose key is gone
     * are removed, new ones inserted where they belong, changed ones replaced; equal rows stay the same
     * objects, so selection and focus stay on them.
     */
    static <T> void merge(ObservableList<T> list, List<T> fresh, Function<T, Object> key) {
        if (list.equals(fresh)) {
            return;
        }
        List<Object> keys = fresh.stream().map(key).toList();
        list.removeIf(item -> !keys.contains(key.apply(item)));
        for (int i = 0; i < fresh.size(); i++) {
            T item = fresh.get(i);
            Object k = keys.get(i);
            if (i < list.size() && k.equals(key.apply(list.get(i)))) {
                if (!list.get(i).equals(item)) {
                    list.set(i, item);
                }
                continue;
            }
            for (int j = i + 1; j < list.size(); j++) {
                if (k.equals(key.apply(list.get(j)))) {
                    list.remove(j);
                    break;
                }
            }
            list.add(i, item);
        }
        if (list.size() > fresh.size()) {
            list.remove(fresh.size(), list.size());
        }
    }

}
