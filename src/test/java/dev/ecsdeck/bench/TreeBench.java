package dev.ecsdeck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.app.PackagedJar;
import dev.ecsdeck.provider.aws.AwsEcsProvider;
import dev.ecsdeck.provider.aws.AwsSettings;
import dev.ecsdeck.ui.common.UiTaskExecutor;
import dev.ecsdeck.ui.tree.ClusterTreeViewModel;
import dev.ecsdeck.ui.tree.EntryItem;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/**
 * The cluster tree on a 2,000-service cluster (the large scenario, one cluster) behind the AWS
 * provider → serve-sim in its own JVM with 50 ms of latency on every call: time to the first
 * service rows and to all rows with counts, calls made against the minimum (ceil(n/100)
 * ListServices + ceil(n/10) DescribeServices), the client's heap, and what a refresh of the
 * unchanged cluster rebuilds. Median of 5 loads.
 */
class TreeBench {
    private static final int SERVICES = 2_000;

    /** Background work on a pool, UI work on one thread of its own: the UI's threading without a screen. */
    private static final class BenchExecutor implements AutoCloseable {
        final ExecutorService ui = Executors.newSingleThreadExecutor();
        final UiTaskExecutor tasks = new UiTaskExecutor(8, ui, e -> { });

        void onUi(Runnable action) throws Exception {
            CompletableFuture.runAsync(action, ui).get(60, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            tasks.close();
            ui.shutdownNow();
        }
    }

    @Test
    void twoThousandServicesWithFiftyMillisecondsPerCall() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-Xmx3g", "-jar", PackagedJar.JAR.toString(), "serve-sim", "--port", "0",
                "--scenario", "large:clusters=1,services=" + SERVICES + ",tasks=20000", "--latency-ms", "50")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            String port = line.replaceAll(".*:(\\d+) .*", "$1");
            List<Long> firstRows = new ArrayList<>();
            List<Long> allRows = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> heaps = new ArrayList<>();
            List<Long> refreshCreated = new ArrayList<>();
            List<Long> refreshMs = new ArrayList<>();
            for (int run = 0; run < 6; run++) {
                try (AwsEcsProvider aws = new AwsEcsProvider(new AwsSettings(null, "us-east-1", URI.create("http://127.0.0.1:" + port)));
                        BenchExecutor exec = new BenchExecutor()) {
                    long heapBefore = HeapUse.afterCollection();
                    ClusterTreeViewModel tree = new ClusterTreeViewModel(aws, exec.tasks);
                    CountDownLatch clusters = new CountDownLatch(1);
                    exec.onUi(() -> {
                        tree.root().getChildren().addListener((ListChangeListener<TreeItem<TreeEntry>>) c -> {
                            if (tree.root().getChildren().stream().anyMatch(i -> i.getValue() instanceof TreeEntry.ClusterEntry)) {
                                clusters.countDown();
                            }
                        });
                        tree.start();
                    });
                    clusters.await(60, TimeUnit.SECONDS);
                    EntryItem[] folder = new EntryItem[1];
                    exec.onUi(() -> {
                        TreeItem<TreeEntry> cluster = tree.root().getChildren().get(0);
                        cluster.setExpanded(true);
                        folder[0] = (EntryItem) cluster.getChildren().get(0);
                    });
                    long calls0 = aws.requests("ListServices") + aws.requests("DescribeServices");
                    AtomicLong first = new AtomicLong();
                    CountDownLatch done = new CountDownLatch(1);
                    long t0 = System.nanoTime();
                    exec.onUi(() -> {
                        folder[0].getChildren().addListener((ListChangeListener<TreeItem<TreeEntry>>) c -> {
                            if (first.get() == 0 && folder[0].getChildren().stream().anyMatch(i -> i.getValue() instanceof TreeEntry.ServiceEntry)) {
                                first.set(System.nanoTime());
                            }
                        });
                        tree.loadsInFlightProperty().addListener((obs, was, now) -> {
                            if (now.intValue() == 0 && folder[0].state() == EntryItem.State.LOADED) {
                                done.countDown();
                            }
                        });
                        folder[0].setExpanded(true);
                    });
                    done.await(60, TimeUnit.SECONDS);
                    long t1 = System.nanoTime();
                    int[] loaded = new int[1];
                    exec.onUi(() -> loaded[0] = folder[0].getChildren().size());
                    assertEquals(SERVICES, loaded[0], "every service row, with its counts");
                    long calls = aws.requests("ListServices") + aws.requests("DescribeServices") - calls0;
                    double minimum = Math.ceil(SERVICES / 100.0) + Math.ceil(SERVICES / 10.0);
                    double heapMb = (HeapUse.afterCollection() - heapBefore) / (1024.0 * 1024.0);

                    long createdBefore = tree.rowsCreated();
                    CountDownLatch refreshed = new CountDownLatch(1);
                    long r0 = System.nanoTime();
                    exec.onUi(() -> {
                        tree.loadsInFlightProperty().addListener((obs, was, now) -> {
                            if (now.intValue() == 0) {
                                refreshed.countDown();
                            }
                        });
                        tree.refresh();
                    });
                    refreshed.await(60, TimeUnit.SECONDS);
                    long r1 = System.nanoTime();
                    if (run == 0) {
                        continue; // warm-up: class loading and JIT
                    }
                    firstRows.add((first.get() - t0) / 1_000_000);
                    allRows.add((t1 - t0) / 1_000_000);
                    ratios.add(calls / minimum);
                    heaps.add(heapMb);
                    refreshCreated.add(tree.rowsCreated() - createdBefore);
                    refreshMs.add((r1 - r0) / 1_000_000);
                }
            }
            Bench.print("tree.first_rows_ms", Bench.median(firstRows), "ms");
            Bench.print("tree.all_rows_ms", Bench.median(allRows), "ms");
            Bench.print("tree.calls_ratio", Bench.median(ratios), "calls/minimum");
            Bench.print("tree.heap_mb", Bench.median(heaps), "MB");
            Bench.print("tree.refresh_rows_created", Bench.median(refreshCreated), "rows");
            Bench.print("tree.refresh_ms", Bench.median(refreshMs), "ms");
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
