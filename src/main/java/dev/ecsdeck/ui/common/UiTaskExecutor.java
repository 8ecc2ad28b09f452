package dev.ecsdeck.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Runs background tasks on a bounded pool of daemon threads and hands results to the FX thread. */
public final class UiTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService pool;
    private final Consumer<Throwable> defaultFailureHandler;

    public UiTaskExecutor(int threads, Consumer<Throwable> defaultFailureHandler) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ui-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
        this.pool = executor;
        this.defaultFailureHandler = defaultFailureHandler;
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        pool.execute(() -> {
            T result;
            try {
                result = task.work().call();
            } catch (Throwable e) {
                Platform.runLater(() -> {
                    try {
                        Consumer<Throwable> handler = task.failureHandler() != null ? task.failureHandler() : defaultFailureHandler;
                        handler.accept(e);
                    } finally {
                        task.finishedHandler().run();
                    }
                });
                return;
            }
            Platform.runLater(() -> {
                try {
                    task.successHandler().accept(result);
                } finally {
                    task.finishedHandler().run();
                }
            });
        });
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
