package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.taskdef.DiffEntry;
import dev.ecsdeck.taskdef.RevisionDiff;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The structural diff of two task-definition documents as the diff pane shows it: the rows (all,
 * or only the changed ones), the same diff as text, and the column titles.
 */
public final class DiffViewModel {
    private final ObservableList<DiffEntry> rows = FXCollections.observableArrayList();
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty onlyChanges = new SimpleBooleanProperty(true);
    private final StringProperty leftTitle = new SimpleStringProperty("Base");
    private final StringProperty rightTitle = new SimpleStringProperty("Draft");
    private RevisionDiff last;

    public DiffViewModel() {
        onlyChanges.addListener((obs, was, now) -> showLast());
    }

    /** Compares two documents; when the right one is not JSON, the text says so and the rows stay. */
    public void compare(String left, String right) {
        try {
            last = RevisionDiff.compare(left, right);
            showLast();
        } catch (IllegalArgumentException e) {
            // The rows keep showing the last comparison; nothing claims the two are identical.
            last = null;
            text.set("Not comparable: " + e.getMessage());
        }
    }

    public void titles(String left, String right) {
        leftTitle.set(left);
        rightTitle.set(right);
    }

    private void showLast() {
        if (last != null) {
            rows.setAll(onlyChanges.get() ? last.changes() : last.entries());
            text.set(last.asText(onlyChanges.get()));
        }
    }

    /** Whether the last comparison found no change (false before any, and after one that could not be made). */
    public boolean identical() {
        return last != null && last.identical();
    }

    public ObservableList<DiffEntry> rows() {
        return rows;
    }

    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    public BooleanProperty onlyChangesProperty() {
        return onlyChanges;
    }

    public ReadOnlyStringProperty leftTitleProperty() {
        return leftTitle;
    }

    public ReadOnlyStringProperty rightTitleProperty() {
        return rightTitle;
    }
}
