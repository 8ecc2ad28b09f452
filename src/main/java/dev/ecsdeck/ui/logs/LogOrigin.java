package dev.ecsdeck.ui.logs;

/**
 * Where lines come from: one per log stream of a tail, shared by all of that stream's lines so a
 * line stores one reference instead of its own task and container strings. {@code source} indexes
 * the task (for its colour).
 */
public record LogOrigin(int source, String taskId, String container) {
    /** Lines of a stream the tail did not announce. */
    public static final LogOrigin UNKNOWN = new LogOrigin(0, null, null);
}
