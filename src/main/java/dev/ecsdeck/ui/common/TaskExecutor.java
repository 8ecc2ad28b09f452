package dev.ecsdeck.ui.common;

/**
 * Where background work runs. The UI uses {@link UiTaskExecutor} (a bounded pool, results on the FX
 * thread); view-model tests use {@link CurrentThreadTaskExecutor}, which runs everything at once.
 */
public interface TaskExecutor {
    <T> void execute(BackgroundTask<T> task);

    /** Runs {@code action} on the thread that owns the UI state (the FX thread, or the caller in tests). */
    void runOnUiThread(Runnable action);
}
