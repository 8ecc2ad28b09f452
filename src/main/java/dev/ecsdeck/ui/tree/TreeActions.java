package dev.ecsdeck.ui.tree;

/**
 * What the tree's context menu and keys ask the rest of the window to do with a row: each acts on
 * the entry it is given (the tree has selected that row first).
 */
public interface TreeActions {
    void tailLogs(TreeEntry entry);

    /** Stops this task (asking first, naming it). */
    void stopTask(TreeEntry entry);

    /** Opens the "Open shell" window of this task (ECS Exec). */
    void openShell(TreeEntry entry);

    /** Puts the keyboard in this service's desired-count spinner. */
    void scale(TreeEntry entry);

    /** Shows the task definition the row runs. */
    void showTaskDefinition(TreeEntry entry);

    /** Opens the task definition the row runs (or is) in an editor. */
    void editTaskDefinition(TreeEntry entry);

    /** Shows a task-definition family's revisions in the revisions browser. */
    void browseRevisions(String family);

    /** Sets a container instance DRAINING (the detail pane asks first). */
    void drainInstance(TreeEntry entry);

    /** Deregisters a container instance (the detail pane asks first). */
    void deregisterInstance(TreeEntry entry);
}
