package dev.ecsdeck.ui.tree;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.ui.exec.OpenShellViewModel;
import dev.ecsdeck.ui.exec.ShellMenuItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The context menu of one row: only what applies to that kind of row, each item naming the row it
 * acts on ("Scale service checkout…"). Every item holds the row it was built for: choosing it
 * selects that row (so the tree and the detail show it) and then acts on it, whatever was selected
 * before.
 */
final class RowMenu {
    private final TreeActions actions;
    private final ObservableBooleanValue readOnly;
    private final Consumer<TreeItem<TreeEntry>> select;
    private final Consumer<TreeItem<TreeEntry>> refresh;

    RowMenu(TreeActions actions, ObservableBooleanValue readOnly, Consumer<TreeItem<TreeEntry>> select,
            Consumer<TreeItem<TreeEntry>> refresh) {
        this.actions = actions;
        this.readOnly = readOnly;
        this.select = select;
        this.refresh = refresh;
    }

    /** The menu of a row; empty for rows that only say something ("Loading…"). */
    ContextMenu of(TreeItem<TreeEntry> row) {
        ContextMenu menu = new ContextMenu();
        TreeEntry entry = row.getValue();
        if (entry == null || entry instanceof TreeEntry.MessageEntry) {
            return menu;
        }
        List<MenuItem> actionItems = new ArrayList<>();
        if (entry instanceof TreeEntry.ServiceEntry s) {
            actionItems.add(item(row, "Tail logs of service " + s.name(), () -> actions.tailLogs(entry)));
            actionItems.add(mutating(item(row, "Scale service " + s.name() + "…", () -> actions.scale(entry))));
        } else if (entry instanceof TreeEntry.TaskEntry t) {
            actionItems.add(item(row, "Tail logs of task " + t.name(), () -> actions.tailLogs(entry)));
            if ("RUNNING".equals(t.task().desiredStatus())) {
                actionItems.add(mutating(item(row, "Stop task " + t.name() + "…", () -> actions.stopTask(entry))));
            }
            actionItems.add(ShellMenuItem.of(OpenShellViewModel.unavailableReason(t.task(), null), readOnly, () -> {
                select.accept(row);
                actions.openShell(entry);
            }));
        } else if (entry instanceof TreeEntry.ContainerEntry c) {
            actionItems.add(item(row, "Tail logs of " + what(c), () -> actions.tailLogs(entry)));
        } else if (entry instanceof TreeEntry.InstanceEntry i && !"INACTIVE".equals(i.instance().status())) {
            // Each asks first, in the detail pane: drain (an ACTIVE instance) and deregister.
            if ("ACTIVE".equals(i.instance().status())) {
                actionItems.add(mutating(item(row, "Drain instance " + i.name() + "…", () -> actions.drainInstance(entry))));
            }
            actionItems.add(mutating(item(row, "Deregister instance " + i.name() + "…", () -> actions.deregisterInstance(entry))));
        } else if (entry instanceof TreeEntry.FamilyEntry f) {
            actionItems.add(item(row, "Browse revisions of " + f.family(), () -> actions.browseRevisions(f.family())));
        } else if (entry instanceof TreeEntry.RevisionEntry r) {
            actionItems.add(item(row, "Browse revisions of " + Arns.family(r.taskDefinitionArn()),
                    () -> actions.browseRevisions(Arns.family(r.taskDefinitionArn()))));
        }
        // Rows that run a task definition show it; every row with one opens it in an editor.
        String taskDefinition = entry.taskDefinitionArn();
        if (taskDefinition != null && !(entry instanceof TreeEntry.RevisionEntry)) {
            actionItems.add(item(row, "Show task definition " + Arns.familyRevision(taskDefinition),
                    () -> actions.showTaskDefinition(entry)));
        }
        if (taskDefinition != null) {
            actionItems.add(item(row, "Edit task definition " + Arns.familyRevision(taskDefinition) + "…",
                    () -> actions.editTaskDefinition(entry)));
        }

        List<MenuItem> rowItems = new ArrayList<>();
        if (!(entry instanceof TreeEntry.FolderEntry) && !(entry instanceof TreeEntry.BackendEntry)) {
            rowItems.add(item(row, "Copy name \"" + entry.name() + "\"", () -> copy(entry.name())));
        }
        if (entry.arn() != null) {
            rowItems.add(item(row, "Copy ARN of " + what(entry), () -> copy(entry.arn())));
        }
        rowItems.add(item(row, "Refresh " + what(entry), () -> refresh.accept(row)));

        menu.getItems().addAll(actionItems);
        if (!actionItems.isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        menu.getItems().addAll(rowItems);
        return menu;
    }

    /** How the menu names a row: "service web", "task 0f3e…", "container app of task 0f3e…". */
    static String what(TreeEntry entry) {
        if (entry instanceof TreeEntry.ServiceEntry) {
            return "service " + entry.name();
        } else if (entry instanceof TreeEntry.TaskEntry) {
            return "task " + entry.name();
        } else if (entry instanceof TreeEntry.ContainerEntry c) {
            return "container " + c.name() + " of task " + c.task().taskId();
        } else if (entry instanceof TreeEntry.InstanceEntry) {
            return "instance " + entry.name();
        } else if (entry instanceof TreeEntry.ClusterEntry) {
            return "cluster " + entry.name();
        } else if (entry instanceof TreeEntry.FolderEntry f) {
            String title = f.kind().title().toLowerCase(Locale.ROOT);
            // The task-definitions folder belongs to the backend (families are per account and region).
            return f.cluster() == null ? title : title + " of " + f.cluster();
        } else if (entry instanceof TreeEntry.FamilyEntry) {
            return "family " + entry.name();
        } else if (entry instanceof TreeEntry.RevisionEntry) {
            return "task definition " + entry.name();
        }
        return entry.name();
    }

    private MenuItem item(TreeItem<TreeEntry> row, String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        // Names hold underscores: they are text, not mnemonics.
        m.setMnemonicParsing(false);
        m.setOnAction(e -> {
            select.accept(row);
            action.run();
        });
        return m;
    }

    /** A change: off in read-only mode, like every mutating control. */
    private MenuItem mutating(MenuItem m) {
        m.getStyleClass().add("mutating");
        m.setDisable(readOnly.get());
        return m;
    }

    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
