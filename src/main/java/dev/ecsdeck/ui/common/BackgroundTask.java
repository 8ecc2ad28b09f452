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
    private BusyFlag busy;

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

    /**
     * Shows the task on {@code flag}: busy from when it is handed to the executor until it has
     * finished, after its handlers, even when one of them throws.
     */
    public BackgroundTask<T> showingBusy(BusyFlag flag) {
        this.busy = flag;
        return this;
    }

    public void executeWith(TaskExecutor executor) {
        executor.execute(this);
    }

    Callable<T> work() {
        return work;
    }

    /** The executor accepted the task; called on the thread that handed it over (the UI thread). */
    void started() {
        if (busy != null) {
            busy.begin();
        }
    }

    /** On the UI thread: the success handler, then the finished one, then the busy flag, whatever throws. */
    void succeeded(T result) {
        try {
            try {
                onSuccess.accept(result);
            } finally {
                onFinished.run();
            }
        } finally {
            ended();
        }
    }

    /** On the UI thread: the failure handler (or {@code fallback} without one), then the finished one, then the busy flag. */
    void failed(Throwable error, Consumer<Throwable> fallback) {
        try {
            try {
                (onFailure != null ? onFailure : fallback).accept(error);
            } finally {
                onFinished.run();
            }
        } finally {
            ended();
        }
    }

    /** The executor could not run the task after all (it was shutting down): no handler runs, the busy flag clears. */
    void abandoned() {
        ended();
    }

    private void ended() {
        if (busy != null) {
            busy.end();
        }
    }
}
