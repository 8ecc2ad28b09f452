package dev.ecsdeck.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UiTaskExecutorTest {

    @Test
    void aParallelExecutorRunsItsTasksAtOnceAndHandsTheResultsToTheSameUiThread() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
        try (UiTaskExecutor executor = new UiTaskExecutor(1, ui, e -> { })) {
            TaskExecutor parallel = executor.parallel(4);
            CountDownLatch allStarted = new CountDownLatch(4);
            CountDownLatch allDone = new CountDownLatch(4);
            Set<String> workers = ConcurrentHashMap.newKeySet();
            List<String> resultThreads = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 4; i++) {
                BackgroundTask.of(() -> {
                    workers.add(Thread.currentThread().getName());
                    allStarted.countDown();
                    // Each waits for the other three: only four threads at once get past this.
                    return allStarted.await(10, TimeUnit.SECONDS);
                }).onSuccess(started -> {
                    resultThreads.add(Thread.currentThread().getName() + ":" + started);
                    allDone.countDown();
                }).executeWith(parallel);
            }
            assertTrue(allDone.await(10, TimeUnit.SECONDS), "every task ended");
            assertEquals(4, workers.size(), "four threads at once: " + workers);
            assertEquals(List.of("test-ui:true", "test-ui:true", "test-ui:true", "test-ui:true"), resultThreads);
        } finally {
            ui.shutdownNow();
        }
    }

    @Test
    void closingTheExecutorClosesItsParallelOnes() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            UiTaskExecutor executor = new UiTaskExecutor(1, ui, e -> { });
            TaskExecutor parallel = executor.parallel(2);
            executor.close();
            List<String> ran = new CopyOnWriteArrayList<>();
            BackgroundTask.ofRunnable(() -> ran.add("work")).executeWith(parallel);
            ui.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(), ran, "a closed window's listing pool takes no more work");
        } finally {
            ui.shutdownNow();
        }
    }

    @Test
    void anExecutorThatRunsEverythingAtOnceIsItsOwnParallelOne() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        assertSame(executor, executor.parallel(20));
    }
}
