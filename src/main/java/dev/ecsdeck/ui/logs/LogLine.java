package dev.ecsdeck.ui.logs;

/**
 * One line in a log view: when, from where, and what. Kept lean (a million are held): the task and
 * container come from the shared {@link LogOrigin}; the event id is not kept, since de-duplication
 * happens in the tail, before lines reach the view.
 */
public record LogLine(long timestamp, LogOrigin origin, String message) implements LogRow {

    /** Indexes the tail's tasks, for the task's colour. */
    public int source() {
        return origin.source();
    }

    public String taskId() {
        return origin.taskId();
    }

    public String container() {
        return origin.container();
    }
}
