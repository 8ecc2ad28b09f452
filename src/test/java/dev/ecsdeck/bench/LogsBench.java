package dev.ecsdeck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.ScaledWallClock;
import dev.ecsdeck.sim.SeqLogService;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.WireServer;
import dev.ecsdeck.ui.logs.LogTailView;
import dev.ecsdeck.ui.logs.LogTailViewModel;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The log viewer's figures (issue 8): ingest rate into the view model, heap of a million lines,
 * the FX thread's drain time under a 50,000 lines/s stream, and write-to-screen latency against
 * the served simulator next to {@code aws logs tail --follow} in the same run. Each figure is the
 * median of several runs. Everything runs in this JVM; traffic goes to 127.0.0.1 only.
 */
class LogsBench {
    private static final String GROUP = "/ecs/bench";
    private static final int TASKS = 8;
    private static final long BASE_MS = 1_795_000_000_000L;
    private static final List<LogStreamRef> SOURCES = sources();

    private static List<LogStreamRef> sources() {
        List<LogStreamRef> out = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            out.add(new LogStreamRef(GROUP, "ecs/app/task" + i, "task" + i, "app"));
        }
        return out;
    }

    /** Line {@code n}: a CloudWatch-like 56-digit id and a 120-character application log message of its own. */
    static LogEvent event(long n) {
        StringBuilder m = new StringBuilder(128).append("2026-11-22T09:00:00.000Z INFO  [worker-").append(n % 8)
                .append("] app.OrderService - order ").append(n).append(" created for customer ").append(n * 7919 % 100_000)
                .append(" total=").append(n % 997).append(".95 EUR");
        while (m.length() < 120) {
            m.append(' ').append((char) ('a' + m.length() % 26));
        }
        m.setLength(120);
        String id = "3" + "0".repeat(36) + String.format("%019d", n);
        return new LogEvent(id, GROUP, "ecs/app/task" + (n % TASKS), BASE_MS + n, BASE_MS + n + 200, m.toString());
    }

    private static List<LogEvent> batch(long from, int size) {
        List<LogEvent> out = new ArrayList<>(size);
        for (long n = from; n < from + size; n++) {
            out.add(event(n));
        }
        return out;
    }

    @Test
    void ingestLinesPerSecond() {
        List<List<LogEvent>> batches = new ArrayList<>();
        for (int b = 0; b < 100; b++) {
            batches.add(batch(b * 1_000L, 1_000));
        }
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run < 6; run++) {
            LogTailViewModel vm = new LogTailViewModel("ingest", SOURCES, LogTailViewModel.DEFAULT_CAPACITY);
            long t0 = System.nanoTime();
            for (int rep = 0; rep < 10; rep++) {
                for (List<LogEvent> batch : batches) {
                    vm.accept(batch);
                    vm.drain();
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(1_000_000, vm.receivedProperty().get());
            if (run > 0) { // the first run warms the JIT up
                rates.add(1_000_000 / seconds);
            }
        }
        Bench.print("logs.ingest_lines_per_s", Math.round(Bench.median(rates)), "lines/s");
    }

    @Test
    void heapOfAMillionLines() throws InterruptedException {
        List<Double> sizes = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            long before = HeapUse.afterCollection();
            LogTailViewModel vm = new LogTailViewModel("heap", SOURCES, LogTailViewModel.DEFAULT_CAPACITY);
            for (long n = 0; n < 1_000_000; n += 1_000) {
                vm.accept(batch(n, 1_000));
                vm.drain();
            }
            long after = HeapUse.afterCollection();
            assertEquals(1_000_000, vm.lines().size());
            Reference.reachabilityFence(vm);
            sizes.add((after - before) / (1024.0 * 1024.0));
        }
        Bench.print("logs.heap_mb_1m", Math.round(Bench.median(sizes)), "MB");
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    @Test
    void drainOnTheFxThreadUnderFiftyThousandLinesPerSecond() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        List<LogEvent> second = batch(0, 50_000); // one second of the stream, sent again and again
        List<Double> p99s = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            LogTailViewModel vm = new LogTailViewModel("drain", SOURCES, LogTailViewModel.DEFAULT_CAPACITY);
            List<Long> drains = Collections.synchronizedList(new ArrayList<>());
            Timeline timer = onFx(() -> {
                LogTailView view = new LogTailView(vm);
                stage.setScene(new Scene(view.view(), 1200, 800));
                stage.show();
                Timeline t = new Timeline(new KeyFrame(javafx.util.Duration.millis(50), e -> {
                    long t0 = System.nanoTime();
                    vm.drain();
                    view.afterDrain();
                    // The rows are built and laid out in the frame that follows; do that work here so it is counted.
                    view.view().applyCss();
                    view.view().layout();
                    drains.add(System.nanoTime() - t0);
                }));
                t.setCycleCount(Timeline.INDEFINITE);
                t.play();
                return t;
            });
            ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger sent = new AtomicInteger();
            java.util.concurrent.CountDownLatch allSent = new java.util.concurrent.CountDownLatch(1);
            // 500 lines every 10 ms: 50,000 lines a second, for 8 seconds.
            producer.scheduleAtFixedRate(() -> {
                int k = sent.getAndIncrement();
                if (k < 800) {
                    int from = (k % 100) * 500;
                    vm.accept(second.subList(from, from + 500));
                } else {
                    allSent.countDown();
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            assertTrue(allSent.await(60, TimeUnit.SECONDS), "the producer sent its 400,000 lines");
            producer.shutdownNow();
            onFx(() -> {
                timer.stop();
                vm.drain();
                return null;
            });
            assertEquals(400_000, vm.receivedProperty().get(), "every line reached the buffer");
            List<Long> ms = new ArrayList<>();
            drains.forEach(d -> ms.add(d / 1_000_000));
            assertTrue(ms.size() > 100, "the timer ran: " + ms.size());
            p99s.add(percentileMs(new ArrayList<>(drains), 99));
            System.out.printf("drain run %d: p50 %.2f p90 %.2f p99 %.2f max %.2f ms over %d drains%n", run,
                    percentileMs(new ArrayList<>(drains), 50), percentileMs(new ArrayList<>(drains), 90),
                    percentileMs(new ArrayList<>(drains), 99), percentileMs(new ArrayList<>(drains), 100), drains.size());
        }
        Bench.print("logs.drain_p99_ms", Bench.median(p99s), "ms");
    }

    private static double percentileMs(List<Long> nanos, double p) {
        return LogsLatencyRun.percentile(nanos, p) / 1e6;
    }

    /** How many lines the simulator wrote to the streams with timestamps in [from, to). */
    private static int written(SimEngine engine, List<LogStreamRef> streams, long from, long to) {
        int n = 0;
        String token = null;
        do {
            var page = engine.logs().filterLogEvents(SeqLogService.GROUP, streams.stream().map(LogStreamRef::logStreamName).toList(), from, to,
                    token, 1_000);
            n += page.items().size();
            token = page.nextToken();
        } while (token != null);
        return n;
    }

    @Test
    void latencyFromWriteToScreenAgainstTheServedSimulatorAndTheAwsCli() throws Exception {
        ScaledWallClock clock = ScaledWallClock.realTime();
        // The service starts two minutes back, so its 20 tasks are running (and writing) when the bench begins.
        SimEngine engine = new SimEngine(clock, 7, "us-east-1", clock.now().minus(Duration.ofMinutes(2)));
        engine.setUpAtStart(() -> SeqLogService.create(engine, 20));
        engine.advance();
        List<LogStreamRef> streams = SeqLogService.streams(engine);
        assertEquals(20, streams.size());
        Path cli = AwsCliTail.find();
        if (cli == null) {
            System.out.println("BENCH-SKIP logs.latency_p95_aws_cli_ms: the AWS CLI v2 is not installed (/usr/bin/aws), no comparison made");
        }
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        try (WireServer server = new WireServer(engine, ApiFaults.realTime(1), 0)) {
            for (int run = 0; run < 3; run++) {
                LogsLatencyRun.Result r = LogsLatencyRun.run(server.port(), streams, cli, 5_000, 16_000, 7_000);
                assertEquals(0, r.duplicates(), "no line twice");
                System.err.println("logs.latency run " + run + ": " + r.ours().size() + " lines ours, " + r.cli().size() + " AWS CLI; tail status "
                        + r.statuses());
                assertEquals(written(engine, streams, r.measureFrom(), r.measureTo()), r.ours().size(),
                        "our tail delivered every line written in the window: " + r.statuses());
                ours.add((double) LogsLatencyRun.percentile(r.ours(), 95));
                if (cli != null) {
                    assertTrue(r.cli().size() > 100, "the AWS CLI printed the window's lines: " + r.cli().size());
                    theirs.add((double) LogsLatencyRun.percentile(r.cli(), 95));
                }
            }
        }
        double p95 = Bench.median(ours);
        Bench.print("logs.latency_p95_ms", p95, "ms");
        if (cli != null) {
            double cliP95 = Bench.median(theirs);
            Bench.print("logs.latency_p95_aws_cli_ms", cliP95, "ms");
            Bench.print("logs.latency_ratio_vs_aws_cli", Math.round(cliP95 / p95 * 100) / 100.0, "x");
        }
    }
}
