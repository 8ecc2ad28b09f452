package dev.ecsdeck.ui.common;

import java.util.function.Consumer;

/** Runs every task at once on the calling thread: for view-model tests without a screen. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    private final Consumer<Throwable> defaultFailureHandler;

    public CurrentThreadTaskExecutor(Consumer<Throwable> defaultFailureHandler) {
        this.defaultFailureHandler = defaultFailureHandler;
    }

    /** Failures without a handler of their own are rethrown, so a test sees them. */
    public CurrentThreadTaskExecutor() {
        this(e -> {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        });
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        task.started();
        T result;
        try {
            result = task.work().call();
        } catch (Exception e) {
            task.failed(e, defaultFailureHandler);
            return;
        }
        task.succeeded(result);
    }

    /** Runs at once; serialised, as the UI thread would, since streams may call back from several threads. */
    @Override
    public synchronized void runOnUiThread(Runnable action) {
        action.run();
    }
}
