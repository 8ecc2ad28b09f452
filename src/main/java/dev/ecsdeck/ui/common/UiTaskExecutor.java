package dev.ecsdeck.ui.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs background tasks on a bounded pool of daemon threads and hands results to the UI thread —
 * the FX thread in the app, or any single thread given (benchmarks measure the UI's threading
 * without a screen that way).
 */
public final class UiTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService pool;
    private final Executor uiThread;
    private final boolean fx;
    private final Consumer<Throwable> defaultFailureHandler;
    private final List<UiTaskExecutor> children = new CopyOnWriteArrayList<>();

    /** Results on the FX thread. */
    public UiTaskExecutor(int threads, Consumer<Throwable> defaultFailureHandler) {
        this(threads, Platform::runLater, true, defaultFailureHandler);
    }

    /** Results on {@code uiThread}, which must run one thing at a time. */
    public UiTaskExecutor(int threads, Executor uiThread, Consumer<Throwable> defaultFailureHandler) {
        this(threads, uiThread, false, defaultFailureHandler);
    }

    private UiTaskExecutor(int threads, Executor uiThread, boolean fx, Consumer<Throwable> defaultFailureHandler) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ui-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
        this.pool = executor;
        this.uiThread = uiThread;
        this.fx = fx;
        this.defaultFailureHandler = defaultFailureHandler;
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        if (pool.isShutdown()) {
            return; // the window is closing: follow-up work (a refresh after a refresh) has nowhere to go
        }
        task.started();
        try {
            pool.execute(() -> {
                T result;
                try {
                    result = task.work().call();
                } catch (Throwable e) {
                    uiThread.execute(() -> task.failed(e, defaultFailureHandler));
                    return;
                }
                uiThread.execute(() -> task.succeeded(result));
            });
        } catch (RejectedExecutionException closing) {
            task.abandoned(); // shut down meanwhile: nothing to say, but not busy any more
        }
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (fx && Platform.isFxApplicationThread()) {
            action.run();
        } else {
            uiThread.execute(action);
        }
    }

    @Override
    public TaskExecutor parallel(int threads) {
        UiTaskExecutor child = new UiTaskExecutor(threads, uiThread, fx, defaultFailureHandler);
        children.add(child);
        return child;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        children.forEach(UiTaskExecutor::close);
    }
}
