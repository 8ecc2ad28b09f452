package dev.ecsdeck.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A piece of blocking work (usually provider calls) and what to do with its result on the UI
 * thread. Built fluently and handed to a {@link TaskExecutor}:
 * {@code BackgroundTask.of(() -> provider.listClusters()).onSuccess(this::show).onFailure(this::fail).executeWith(executor)}.
 */
public final class BackgroundTask<T> {
    private final Callable<T> work;
    private Consumer<T> onSuccess = r -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onFinished = () -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = work;
    }

    public static <T> BackgroundTask<T> of(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> ofRunnable(Runnable work) {
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    public BackgroundTask<T> onSuccess(Consumer<T> handler) {
        this.onSuccess = handler;
        return this;
    }

    /** Without one, failures go to the executor's default handler (the status bar). */
    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = handler;
        return this;
    }

    /** Runs after success or failure, on the UI thread. */
    public BackgroundTask<T> onFinished(Runnable handler) {
        this.onFinished = handler;
        return this;
    }

    public void executeWith(TaskExecutor executor) {
        executor.execute(this);
    }

    Callable<T> work() {
        return work;
    }

    Consumer<T> successHandler() {
        return onSuccess;
    }

    Consumer<Throwable> failureHandler() {
        return onFailure;
    }

    Runnable finishedHandler() {
        return onFinished;
    }
}
