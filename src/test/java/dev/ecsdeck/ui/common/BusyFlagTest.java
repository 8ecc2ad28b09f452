package dev.ecsdeck.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A task showing a busy flag sets it while it runs and clears it however it finishes, on both executors. */
class BusyFlagTest {
    private final BusyFlag busy = new BusyFlag();

    // ---- at once, on the calling thread ----

    @Test
    void atOnceBusyWhileTheWorkRunsAndNotAfterSuccess() {
        List<Boolean> seen = new ArrayList<>();
        BackgroundTask.of(() -> busy.isBusy()).onSuccess(during -> {
            seen.add(during);
            seen.add(busy.property().get());
        }).showingBusy(busy).executeWith(new CurrentThreadTaskExecutor());
        assertEquals(List.of(true, true), seen, "busy in the work and in the success handler");
        assertFalse(busy.property().get());
    }

    @Test
    void atOnceNotBusyAfterAFailure() {
        List<Throwable> failures = new ArrayList<>();
        BackgroundTask.of(() -> {
            throw new IllegalStateException("boom");
        }).onFailure(failures::add).showingBusy(busy).executeWith(new CurrentThreadTaskExecutor());
        assertEquals(1, failures.size());
        assertFalse(busy.property().get());
    }

    @Test
    void atOnceNotBusyAfterACallbackThrows() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        assertThrows(IllegalStateException.class, () -> BackgroundTask.of(() -> 1).onSuccess(r -> {
            throw new IllegalStateException("a bug in the handler");
        }).showingBusy(busy).executeWith(executor));
        assertFalse(busy.property().get(), "after a throwing success handler");
        assertThrows(IllegalStateException.class, () -> BackgroundTask.of(() -> {
            throw new IllegalArgumentException("failed");
        }).onFailure(e -> {
            throw new IllegalStateException("a bug in the failure handler");
        }).showingBusy(busy).executeWith(executor));
        assertFalse(busy.property().get(), "after a throwing failure handler");
        assertThrows(IllegalStateException.class, () -> BackgroundTask.of(() -> 1).onFinished(() -> {
            throw new IllegalStateException("a bug in the finished handler");
        }).showingBusy(busy).executeWith(executor));
        assertFalse(busy.property().get(), "after a throwing finished handler");
        assertThrows(IllegalStateException.class, () -> BackgroundTask.of(() -> {
            throw new IllegalStateException("no handler of its own");
        }).showingBusy(busy).executeWith(executor));
        assertFalse(busy.property().get(), "after the default handler rethrew");
    }

    @Test
    void aBindingOnTheFlagFollowsEveryTaskNotJustTheFirst() {
        javafx.beans.binding.BooleanBinding off = javafx.beans.binding.Bindings.createBooleanBinding(busy::isBusy, busy.property());
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        for (int i = 0; i < 3; i++) {
            List<Boolean> during = new ArrayList<>();
            BackgroundTask.of(() -> off.get()).onSuccess(during::add).showingBusy(busy).executeWith(executor);
            assertEquals(List.of(true), during, "task " + i + ": busy while it runs");
            assertFalse(off.get(), "task " + i + ": not busy after");
        }
    }

    @Test
    void aTaskStartedByAnotherKeepsTheFlagUpUntilTheLastFinishes() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        List<Boolean> seen = new ArrayList<>();
        BackgroundTask.of(() -> 1).onSuccess(r -> BackgroundTask.of(() -> 2)
                .onSuccess(s -> seen.add(busy.isBusy()))
                .showingBusy(busy).executeWith(executor))
                .onFinished(() -> seen.add(busy.isBusy()))
                .showingBusy(busy).executeWith(executor);
        assertEquals(List.of(true, true), seen);
        assertFalse(busy.property().get());
    }

    // ---- on a pool, results on a UI thread ----

    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final List<Throwable> thrownOnUi = new ArrayList<>();
    private final UiTaskExecutor pool = new UiTaskExecutor(2, r -> ui.execute(() -> {
        try {
            r.run();
        } catch (RuntimeException e) {
            thrownOnUi.add(e);
        }
    }), e -> { });

    @AfterEach
    void close() {
        pool.close();
        ui.shutdownNow();
    }

    /** What the flag says, read on the UI thread after everything handed to it so far has run. */
    private boolean busyOnUi() throws Exception {
        return CompletableFuture.supplyAsync(busy::isBusy, ui).get(10, TimeUnit.SECONDS)
                && CompletableFuture.supplyAsync(() -> busy.property().get(), ui).get(10, TimeUnit.SECONDS);
    }

    private void onUi(Runnable action) throws Exception {
        CompletableFuture.runAsync(action, ui).get(10, TimeUnit.SECONDS);
    }

    @Test
    void onThePoolBusyWhileTheWorkRunsAndNotAfterSuccess() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        onUi(() -> BackgroundTask.of(() -> release.await(10, TimeUnit.SECONDS)).onFinished(done::countDown)
                .showingBusy(busy).executeWith(pool));
        assertTrue(busyOnUi(), "busy while the work is held");
        release.countDown();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertFalse(busyOnUi());
    }

    @Test
    void onThePoolNotBusyAfterAFailureOrAThrowingCallback() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(3);
        onUi(() -> {
            BackgroundTask.of(() -> {
                release.await(10, TimeUnit.SECONDS);
                throw new IllegalStateException("failed");
            }).onFailure(e -> done.countDown()).showingBusy(busy).executeWith(pool);
            BackgroundTask.of(() -> release.await(10, TimeUnit.SECONDS)).onSuccess(r -> {
                done.countDown();
                throw new IllegalStateException("a bug in the handler");
            }).showingBusy(busy).executeWith(pool);
            BackgroundTask.of(() -> release.await(10, TimeUnit.SECONDS)).onSuccess(r -> done.countDown()).showingBusy(busy).executeWith(pool);
        });
        assertTrue(busyOnUi(), "busy while the three are held");
        release.countDown();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertFalse(busyOnUi(), "not busy once the last has finished, though one failed and one handler threw");
        assertEquals(1, thrownOnUi.size(), "the handler's exception still reaches the UI thread");
    }

    @Test
    void onThePoolBusyUntilTheLastOfSeveralFinishes() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        CountDownLatch firstDone = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        onUi(() -> {
            BackgroundTask.of(() -> first.await(10, TimeUnit.SECONDS)).onFinished(firstDone::countDown).showingBusy(busy).executeWith(pool);
            BackgroundTask.of(() -> second.await(10, TimeUnit.SECONDS)).onFinished(secondDone::countDown).showingBusy(busy).executeWith(pool);
        });
        first.countDown();
        assertTrue(firstDone.await(10, TimeUnit.SECONDS));
        assertTrue(busyOnUi(), "one still runs");
        second.countDown();
        assertTrue(secondDone.await(10, TimeUnit.SECONDS));
        assertFalse(busyOnUi());
    }

    @Test
    void aClosedPoolLeavesTheFlagDown() throws Exception {
        pool.close();
        onUi(() -> BackgroundTask.of(() -> 1).showingBusy(busy).executeWith(pool));
        assertFalse(busyOnUi());
    }
}
