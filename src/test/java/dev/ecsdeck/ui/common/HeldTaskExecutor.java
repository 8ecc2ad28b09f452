package dev.ecsdeck.ui.common;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Holds background work until the test runs it, one task at a time on the test's thread, so what
 * runs at the same time (a read under way while a change is published) can be arranged and seen.
 */
public final class HeldTaskExecutor implements TaskExecutor {
    private final Queue<BackgroundTask<?>> held = new ArrayDeque<>();
    private final CurrentThreadTaskExecutor inner = new CurrentThreadTaskExecutor();

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        held.add(task);
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    /** Runs the oldest held task, its handlers included. */
    public void runNext() {
        inner.execute(held.remove());
    }

    /** How many tasks wait. */
    public int waiting() {
        return held.size();
    }
}
