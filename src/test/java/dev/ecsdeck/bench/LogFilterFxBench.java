package dev.ecsdeck.bench;

import static dev.ecsdeck.bench.FxCall.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.ui.common.UiTaskExecutor;
import dev.ecsdeck.ui.logs.LogBuffer;
import dev.ecsdeck.ui.logs.LogFilter;
import dev.ecsdeck.ui.logs.LogLine;
import dev.ecsdeck.ui.logs.LogTailView;
import dev.ecsdeck.ui.logs.LogTailViewModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * How long the FX thread is kept busy at a stretch while a log view of 1,000,000 realistic lines
 * ({@link LogFilterBench#realisticBuffer}) in a real {@link LogTailView} (Monocle) takes new filters,
 * typed into its filter field (Enter): from each change until its rows are shown, a probe posts a
 * runnable to the FX thread every 2 ms and measures how late it runs; the longest lateness is the
 * longest single block of the FX thread (its own work, pulses included; under CPU load, time the OS
 * gave to other threads counts too). {@code logs.filter_fx_block_ms_max} is the longest over every
 * filter, the regex with no literal start among them; each filter's shown count is checked against
 * a direct count with {@link LogFilter#matches}. {@code logs.filter_fx_block_cpu_ms_max}: the most
 * CPU time the FX thread used between two probes (its own work, without waiting for a core or GC).
 */
class LogFilterFxBench {
    private static final int LINES = 1_000_000;
    private static final List<String[]> FILTERS = List.of(
            new String[] {"timeout|ERROR", "regex"},
            new String[] {"time(out|d out)|ERR(OR)?\\b", "regex"},
            new String[] {"[0-9]{4} ms|[Tt]ime.?out", "regex"},
            new String[] {"order", "text"},
            new String[] {"GET /api", "text"},
            new String[] {"", "text"});

    /** Posts a runnable every 2 ms and keeps the longest lateness seen since the last {@link #restart}. */
    private static final class FxProbe implements AutoCloseable {
        private final ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong maxLateNanos = new AtomicLong();
        private final AtomicLong maxCpuNanos = new AtomicLong();
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        /** The FX thread's CPU time at the last probe (FX thread only). */
        private long lastCpu = -1;

        FxProbe() {
            poster.scheduleAtFixedRate(() -> {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    maxLateNanos.accumulateAndGet(System.nanoTime() - posted, Math::max);
                    long cpu = threads.getCurrentThreadCpuTime();
                    if (lastCpu >= 0) {
                        maxCpuNanos.accumulateAndGet(cpu - lastCpu, Math::max);
                    }
                    lastCpu = cpu;
                });
            }, 0, 2, TimeUnit.MILLISECONDS);
        }

        void restart() {
            maxLateNanos.set(0);
            maxCpuNanos.set(0);
        }

        /** The most CPU time the FX thread spent between two probes: its own work, without waiting for a core. */
        double maxCpuMs() {
            return maxCpuNanos.get() / 1e6;
        }

        double maxMs() {
            return maxLateNanos.get() / 1e6;
        }

        @Override
        public void close() {
            poster.shutdownNow();
        }
    }

    @Test
    void filtersOfAMillionLinesNeverBlockTheFxThreadLong() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        LogBuffer source = LogFilterBench.realisticBuffer(LINES);
        List<LogStreamRef> streams = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            streams.add(new LogStreamRef("/ecs/bench", "stream" + s, "task" + s, "app"));
        }
        try (UiTaskExecutor executor = new UiTaskExecutor(2, e -> e.printStackTrace())) {
            LogTailViewModel vm = new LogTailViewModel("filter", streams, LogTailViewModel.DEFAULT_CAPACITY, executor);
            LogTailView view = onFx(() -> {
                LogTailView v = new LogTailView(vm, executor);
                stage.setScene(new Scene(v.view(), 1200, 800));
                stage.show();
                return v;
            });
            for (int from = 0; from < LINES; from += LogTailViewModel.DEFAULT_MAX_LINES_PER_DRAIN) {
                List<LogEvent> batch = new ArrayList<>();
                for (int i = from; i < Math.min(LINES, from + LogTailViewModel.DEFAULT_MAX_LINES_PER_DRAIN); i++) {
                    LogLine l = source.get(i);
                    batch.add(new LogEvent(String.valueOf(i), "/ecs/bench", "stream" + l.source(), l.timestamp(), l.timestamp(), l.message()));
                }
                vm.accept(batch);
                onFx(() -> vm.drain());
            }
            assertEquals(LINES, (int) onFx(() -> vm.lines().size()), "a million lines held");
            TextField field = (TextField) stage.getScene().lookup("#logFilterField");
            ToggleButton regex = (ToggleButton) stage.getScene().lookup("#logRegexToggle");
            double worst = 0;
            double worstCpu = 0;
            try (FxProbe probe = new FxProbe()) {
                for (int round = 0; round < 2; round++) { // the first round warms the JIT up; both count
                    for (String[] f : FILTERS) {
                        boolean isRegex = f[1].equals("regex");
                        waitForFx(probe, 20); // a quiet FX thread before the change
                        probe.restart();
                        long t0 = System.nanoTime();
                        onFx(() -> {
                            regex.setSelected(isRegex);
                            field.setText(f[0]);
                            field.getOnAction().handle(null); // Enter
                            return null;
                        });
                        waitUntil(() -> onFx(() -> !vm.filteringProperty().get() && (f[0].isEmpty() ? vm.filter() == null
                                : vm.filter() != null && vm.filter().text().equals(f[0]))));
                        waitForFx(probe, 20); // the pulse that paints the new rows
                        double block = probe.maxMs();
                        double cpu = probe.maxCpuMs();
                        double shownMs = (System.nanoTime() - t0) / 1e6;
                        long expected = f[0].isEmpty() ? LINES : countMatching(vm, LogFilter.of(f[0], isRegex, 0));
                        assertEquals(expected, (long) onFx(() -> vm.shownProperty().get()), "the rows of " + f[0]);
                        System.out.printf(Locale.ROOT, "filter round %d %-30s %,9d lines shown after %6.0f ms, "
                                + "longest FX block %5.1f ms (%5.1f ms of its CPU)%n", round, "'" + f[0] + "'", expected, shownMs, block, cpu);
                        worst = Math.max(worst, block);
                        worstCpu = Math.max(worstCpu, cpu);
                    }
                }
            }
            try (FxProbe probe = new FxProbe()) {
                double[] actions = otherActions(stage, vm, executor, probe);
                Bench.print("logs.actions_fx_block_ms_max", Math.round(actions[0] * 10) / 10.0, "ms");
                Bench.print("logs.actions_fx_block_cpu_ms_max", Math.round(actions[1] * 10) / 10.0, "ms");
            }
            Bench.print("logs.filter_fx_block_ms_max", Math.round(worst * 10) / 10.0, "ms");
            // The same without the time the OS gave other threads (a loaded machine): the FX thread's own work.
            Bench.print("logs.filter_fx_block_cpu_ms_max", Math.round(worstCpu * 10) / 10.0, "ms");
            assertTrue(view.view().getScene() != null);
        }
    }

    /**
     * The other things a user does to a tail of a million lines, each timed as a filter is: wrap and
     * timestamps toggled, every row selected (Ctrl+A) and copied (Ctrl+C), the buffer and the shown
     * rows saved. Returns the longest FX block and the most FX-thread CPU between two probes.
     */
    private static double[] otherActions(Stage stage, LogTailViewModel vm, UiTaskExecutor executor, FxProbe probe) throws Exception {
        Scene scene = stage.getScene();
        javafx.scene.Node canvas = scene.lookup("#logLines");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("logs-bench");
        java.nio.file.Path file = dir.resolve("tail.log");
        record Action(String name, Callable<Object> act, FxCondition done) {
        }
        List<Action> actions = List.of(
                new Action("wrap on", () -> fire(scene, "#logWrapToggle"), () -> true),
                new Action("wrap off", () -> fire(scene, "#logWrapToggle"), () -> true),
                new Action("timestamps off", () -> fire(scene, "#logTimestampsToggle"), () -> true),
                new Action("timestamps on", () -> fire(scene, "#logTimestampsToggle"), () -> true),
                new Action("select all, copy", () -> {
                    canvas.fireEvent(key(javafx.scene.input.KeyCode.A));
                    canvas.fireEvent(key(javafx.scene.input.KeyCode.C));
                    return null;
                }, () -> onFx(() -> vm.noticeProperty().get().equals("Copied " + LINES + " lines"))),
                new Action("save all", () -> {
                    vm.save(file, false, executor);
                    return null;
                }, () -> onFx(() -> vm.noticeProperty().get().startsWith("Saved " + LINES + " lines"))),
                new Action("save shown", () -> {
                    vm.save(file, true, executor);
                    return null;
                }, () -> onFx(() -> vm.noticeProperty().get().startsWith("Saved " + LINES + " lines"))));
        double worst = 0;
        double worstCpu = 0;
        for (Action a : actions) {
            waitForFx(probe, 20);
            onFx(() -> {
                vm.noticeProperty().set("");
                return null;
            });
            probe.restart();
            long t0 = System.nanoTime();
            onFx(a.act());
            waitUntil(a.done());
            waitForFx(probe, 50); // the pulses that paint it
            System.out.printf(Locale.ROOT, "action %-18s done after %6.0f ms, longest FX block %5.1f ms (%5.1f ms of its CPU)%n", a.name(),
                    (System.nanoTime() - t0) / 1e6, probe.maxMs(), probe.maxCpuMs());
            worst = Math.max(worst, probe.maxMs());
            worstCpu = Math.max(worstCpu, probe.maxCpuMs());
        }
        assertEquals(LINES, java.nio.file.Files.lines(file).count(), "the shown rows saved");
        java.nio.file.Files.delete(file);
        java.nio.file.Files.delete(dir);
        return new double[] {worst, worstCpu};
    }

    private static Object fire(Scene scene, String id) {
        ((ToggleButton) scene.lookup(id)).fire();
        return null;
    }

    private static javafx.scene.input.KeyEvent key(javafx.scene.input.KeyCode code) {
        return new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", code, false, true, false, false);
    }

    /** Counts directly, on the FX thread (outside the measured spans): the view model's lines are FX-thread state. */
    private static long countMatching(LogTailViewModel vm, LogFilter filter) throws Exception {
        return onFx(() -> vm.lines().stream().filter(l -> filter.matches(l.message())).count());
    }

    /** Lets {@code ms} of probes run, so the FX thread's queue holds nothing from before. */
    private static void waitForFx(FxProbe probe, int ms) throws Exception {
        long until = System.nanoTime() + ms * 1_000_000L;
        while (System.nanoTime() < until) {
            onFx(() -> null);
            LockSupport.parkNanos(2_000_000);
        }
    }

    private interface FxCondition {
        boolean get() throws Exception;
    }

    private static void waitUntil(FxCondition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not shown within 120 s");
            }
            LockSupport.parkNanos(5_000_000);
        }
    }
}
