package dev.ecsdeck.ui.common;

/**
 * Where background work runs. The UI uses {@link UiTaskExecutor} (a bounded pool, results on the FX
 * thread); view-model tests use {@link CurrentThreadTaskExecutor}, which runs everything at once.
 */
public interface TaskExecutor {
    <T> void execute(BackgroundTask<T> task);

    /** Runs {@code action} on the thread that owns the UI state (the FX thread, or the caller in tests). */
    void runOnUiThread(Runnable action);

    /**
     * An executor for up to {@code threads} tasks at once beside this one's own (many slow calls in
     * parallel, as listing every cluster's services), results on the same UI thread, closed with this
     * one. One that runs everything at once (tests) is its own.
     */
    default TaskExecutor parallel(int threads) {
        return this;
    }
}
