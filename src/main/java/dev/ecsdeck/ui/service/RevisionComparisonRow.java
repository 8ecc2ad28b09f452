package dev.ecsdeck.ui.service;

import dev.ecsdeck.taskdef.DiffEntry.Change;
import java.util.Objects;

/**
 * One line of a service-revision comparison: a field of a section ("Images", "checkout digest")
 * with the older and the newer revision's value, null where that revision has none.
 */
public record RevisionComparisonRow(String section, String field, String older, String newer) {
    public RevisionComparisonRow {
        Objects.requireNonNull(section);
        Objects.requireNonNull(field);
    }

    /** How the newer value differs from the older (the task-definition diff's terms, so both colour alike). */
    public Change change() {
        if (Objects.equals(older, newer)) {
            return Change.UNCHANGED;
        }
        if (older == null) {
            return Change.ADDED;
        }
        return newer == null ? Change.REMOVED : Change.CHANGED;
    }

    public boolean differs() {
        return change() != Change.UNCHANGED;
    }
}
