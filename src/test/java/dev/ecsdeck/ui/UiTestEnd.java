package dev.ecsdeck.ui;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.FxThreadCheckingProvider;
import dev.ecsdeck.ui.common.UiTaskExecutor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * How every UI test ends, whatever happened in it. A UI test class registers one,
 * {@code @RegisterExtension final UiTestEnd end = new UiTestEnd();}, and hands it what the test
 * opens. After each test (after the test's own {@code @AfterEach} methods, before TestFX's own
 * clean-up) it closes all of that, last opened first: each bench with
 * {@link UiTestBench#closeAndCheck()} (window stopped, executor and providers closed, no uncaught
 * exception, no provider call on the FX thread), executors, providers, servers. Then it hides every
 * stage, puts the default uncaught-exception handler back, and fails the test if an exception went
 * uncaught or a call through {@link #offFxThread} ran on the FX thread. A test that fails half-way
 * thus leaves no window, thread or server to the next one.
 */
public final class UiTestEnd implements AfterEachCallback {
    /** What went uncaught: on any thread (the default handler) and in {@link #executor} background work. */
    public final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private final Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    /** Registered from the test thread and the FX thread (TestFX's {@code @Start}). */
    private final List<End> ends = new CopyOnWriteArrayList<>();
    private final List<FxThreadCheckingProvider> checked = new CopyOnWriteArrayList<>();

    private interface End {
        void run() throws Exception;
    }

    public UiTestEnd() {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    }

    /** The bench, closed and checked after the test (a second {@code closeAndCheck()} by the test itself does nothing more). */
    public UiTestBench watch(UiTestBench bench) {
        ends.add(bench::closeAndCheck);
        return bench;
    }

    /** Something the test opened (provider, server, store), closed after the test. */
    public <T extends AutoCloseable> T closeAfter(T resource) {
        ends.add(resource::close);
        return resource;
    }

    /** A UI executor of {@code threads} whose failures count as uncaught; shut down after the test. */
    public UiTaskExecutor executor(int threads) {
        return closeAfter(new UiTaskExecutor(threads, uncaught::add));
    }

    /** {@code provider} behind the FX-thread check: the test fails if a call through it ran on the FX thread. */
    public FxThreadCheckingProvider offFxThread(EcsProvider provider) {
        FxThreadCheckingProvider guarded = new FxThreadCheckingProvider(provider);
        checked.add(guarded);
        return guarded;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Throwable failure = null;
        for (int i = ends.size() - 1; i >= 0; i--) {
            failure = joined(failure, ends.get(i));
        }
        ends.clear();
        failure = joined(failure, FxToolkit::cleanupStages);
        Thread.setDefaultUncaughtExceptionHandler(before);
        uncaught.forEach(Throwable::printStackTrace);
        failure = joined(failure, () -> assertThat("uncaught exceptions", uncaught, empty()));
        for (FxThreadCheckingProvider p : checked) {
            failure = joined(failure, () -> assertThat("provider calls on the FX thread", p.violations(), empty()));
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure != null) {
            throw (Error) failure;
        }
    }

    /** Runs one step of the end; its failure is the first, or kept as suppressed by the first. */
    private static Throwable joined(Throwable first, End step) {
        try {
            step.run();
            return first;
        } catch (Throwable t) {
            if (first == null) {
                return t;
            }
            first.addSuppressed(t);
            return first;
        }
    }
}
