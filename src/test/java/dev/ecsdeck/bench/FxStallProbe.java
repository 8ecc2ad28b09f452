package dev.ecsdeck.bench;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import javafx.application.Platform;

/**
 * How late the FX thread runs what is posted to it: a thread of its own posts a
 * {@code Platform.runLater} about every 10 ms, waits for it to run and notes how long that took.
 * A stall shows once, at its full length. {@link #pause()} leaves out stalls the bench causes
 * itself (its own forced collections).
 */
final class FxStallProbe implements AutoCloseable {
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private final Thread thread = new Thread(this::run, "fx-stall-probe");
    private final LongSupplier simMillis;
    private long[] samples = new long[65_536];
    private int count;
    private long maxNanos;
    private long maxAtSimMillis;
    private int over100;
    private volatile boolean running = true;
    private volatile int pauses;
    private int reported;
    private static final int MAX_REPORTS = 15;

    /** @param simMillis the simulated time, noted with the longest stall */
    FxStallProbe(LongSupplier simMillis) {
        this.simMillis = simMillis;
        thread.setDaemon(true);
    }

    FxStallProbe start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            int pausesBefore = pauses;
            long gcBefore = gcMillis();
            long posted = System.nanoTime();
            long[] ranAt = new long[1];
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(() -> {
                ranAt[0] = System.nanoTime();
                ran.countDown();
            });
            StackTraceElement[] stuckIn = null;
            try {
                if (!ran.await(60, TimeUnit.MILLISECONDS)) {
                    stuckIn = fxThreadStack(); // what the FX thread is doing while late: printed if the stall turns long
                }
                if (!ran.await(60, TimeUnit.SECONDS)) {
                    record(TimeUnit.SECONDS.toNanos(60)); // a minute's freeze: counted as such
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            if (pauses == pausesBefore && pausesBefore % 2 == 0) { // not paused while it waited
                record(ranAt[0] - posted);
                if (ranAt[0] - posted > TimeUnit.MILLISECONDS.toNanos(100) && stuckIn != null && reported++ < MAX_REPORTS) {
                    report(ranAt[0] - posted, gcMillis() - gcBefore, stuckIn);
                }
            }
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }

    private static StackTraceElement[] fxThreadStack() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("JavaFX Application Thread")) {
                return t.getStackTrace();
            }
        }
        return new StackTraceElement[0];
    }

    /** Prints a long stall with where the FX thread was 60 ms into it (the frames of the project first). */
    private void report(long nanos, long gcMs, StackTraceElement[] stack) {
        StringBuilder out = new StringBuilder(String.format("fx stall %.1f ms at sim %s (%d ms of it in GC); the FX thread 60 ms in "
                + "(idle in the Monocle queue or waiting for rendering: the OS kept it or the renderer from running):%n", nanos / 1e6,
                java.time.Instant.ofEpochMilli(simMillis.getAsLong()), gcMs));
        int shown = 0;
        for (StackTraceElement e : stack) {
            if (shown++ < 12 || e.getClassName().startsWith("dev.ecsdeck")) {
                out.append("    at ").append(e).append(System.lineSeparator());
            }
        }
        System.out.print(out);
    }

    /** Milliseconds the JVM's collectors have taken so far. */
    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private synchronized void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
        if (nanos > maxNanos) {
            maxNanos = nanos;
            maxAtSimMillis = simMillis.getAsLong();
        }
        if (nanos > TimeUnit.MILLISECONDS.toNanos(100)) {
            over100++;
        }
    }

    /** Forgets what was measured so far (the warm-up), keeping the probe running. */
    synchronized void restart() {
        count = 0;
        maxNanos = 0;
        maxAtSimMillis = 0;
        over100 = 0;
    }

    /** Stops counting (odd number of calls: paused). */
    void pause() {
        pauses++;
    }

    void resume() {
        pauses++;
    }

    synchronized double maxMs() {
        return maxNanos / 1e6;
    }

    synchronized long maxAtSimMillis() {
        return maxAtSimMillis;
    }

    synchronized int samples() {
        return count;
    }

    synchronized int over100Ms() {
        return over100;
    }

    synchronized double percentileMs(double p) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return count == 0 ? 0 : sorted[(int) Math.min(count - 1, Math.ceil(p / 100 * count) - 1)] / 1e6;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
