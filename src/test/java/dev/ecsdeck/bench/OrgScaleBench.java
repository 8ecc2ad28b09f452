package dev.ecsdeck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.app.PackagedJar;
import dev.ecsdeck.provider.aws.AwsEcsProvider;
import dev.ecsdeck.provider.aws.AwsSettings;
import dev.ecsdeck.ui.common.UiTaskExecutor;
import dev.ecsdeck.ui.detail.DetailViewModel;
import dev.ecsdeck.ui.tree.ClusterTreeViewModel;
import dev.ecsdeck.ui.tree.QuickOpenViewModel;
import dev.ecsdeck.ui.tree.ServiceNameIndex;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/**
 * Quick open at the scale of an organisation: 40 clusters of 500 services (20,000) behind the AWS
 * provider → serve-sim in its own JVM with 50 ms of latency on every call. Times every service name
 * searchable after quick open opens (ListServices only, clusters in parallel), Enter on a service
 * to its row selected and its detail filled, the client's heap after GC with every name indexed
 * and one cluster expanded (the simulator's heap is apart: another JVM), and the names again under
 * throttling (--throttle-rate 20). Median of 5 runs after a warm-up (3 throttled runs).
 */
class OrgScaleBench {
    private static final int CLUSTERS = 40;
    private static final int SERVICES = 500;
    private static final String SCENARIO = "large:clusters=" + CLUSTERS + ",services=" + SERVICES + ",tasks=1000";

    /**
     * Background work on pools, UI work on one thread of its own: the window's threading without a
     * screen. The UI state changes only in work run on that thread, so a condition waited for is
     * checked after each piece of it, and is met at the moment it turns true (no polling).
     */
    private static final class BenchExecutor implements AutoCloseable {
        final ExecutorService ui = Executors.newSingleThreadExecutor();
        final List<Runnable> afterEach = new CopyOnWriteArrayList<>();
        final Executor uiThread = r -> ui.execute(() -> {
            r.run();
            afterEach.forEach(Runnable::run);
        });
        final UiTaskExecutor tasks = new UiTaskExecutor(8, uiThread, e -> { });
        final UiTaskExecutor names = new UiTaskExecutor(ServiceNameIndex.PARALLEL, uiThread, e -> { });

        void onUi(Runnable action) throws Exception {
            CompletableFuture.runAsync(action, uiThread).get(120, TimeUnit.SECONDS);
        }

        boolean onUi(BooleanSupplier test) throws Exception {
            return CompletableFuture.supplyAsync(test::getAsBoolean, uiThread).get(120, TimeUnit.SECONDS);
        }

        /** Waits until {@code test} holds on the UI thread and returns when it turned true (System.nanoTime); fails after two minutes. */
        long until(String what, BooleanSupplier test) throws Exception {
            CompletableFuture<Long> met = new CompletableFuture<>();
            Runnable check = () -> {
                if (!met.isDone() && test.getAsBoolean()) {
                    met.complete(System.nanoTime());
                }
            };
            afterEach.add(check);
            try {
                uiThread.execute(() -> { }); // it may hold already
                return met.get(2, TimeUnit.MINUTES);
            } catch (TimeoutException e) {
                throw new AssertionError("Timed out waiting for " + what, e);
            } finally {
                afterEach.remove(check);
            }
        }

        @Override
        public void close() {
            names.close();
            tasks.close();
            ui.shutdownNow();
        }
    }

    /** One console on the served simulator: its tree, quick open and detail, as the window wires them. */
    private static final class Console implements AutoCloseable {
        final AwsEcsProvider aws;
        final BenchExecutor exec = new BenchExecutor();
        final ServiceNameIndex index;
        final ClusterTreeViewModel tree;
        final DetailViewModel detail;
        final QuickOpenViewModel quickOpen;
        final Set<String> statuses = ConcurrentHashMap.newKeySet();

        Console(String port) {
            aws = new AwsEcsProvider(new AwsSettings(null, "us-east-1", URI.create("http://127.0.0.1:" + port)));
            index = new ServiceNameIndex(aws, exec.tasks, exec.names, ServiceNameIndex::sleep);
            tree = new ClusterTreeViewModel(aws, exec.tasks, index);
            detail = new DetailViewModel(aws, exec.tasks, (title, message) -> false, new SimpleBooleanProperty(true));
            quickOpen = new QuickOpenViewModel(index, aws, exec.tasks, new QuickOpenViewModel.Opener() {
                @Override
                public void cluster(String cluster) {
                    tree.reveal(cluster, null, Console.this::select);
                }

                @Override
                public void service(String cluster, String service) {
                    tree.reveal(cluster, service, Console.this::select, () -> { });
                }

                @Override
                public void task(String cluster, dev.ecsdeck.model.EcsTask task) {}

                @Override
                public void family(String family) {}
            });
            quickOpen.statusProperty().addListener((obs, was, now) -> statuses.add(now));
        }

        /** What the window does with the row quick open found: select it; the detail shows it. */
        void select(TreeItem<TreeEntry> row) {
            tree.selectedProperty().set(row.getValue());
            detail.show(row.getValue());
        }

        /** The tree as it opens, then quick open; returns when every name is indexed, in ms from opening quick open. */
        long namesMs() throws Exception {
            exec.onUi(tree::start);
            exec.until("the clusters", () -> tree.root().getChildren().stream()
                    .filter(i -> i.getValue() instanceof TreeEntry.ClusterEntry).count() == CLUSTERS);
            long t0 = System.nanoTime();
            exec.onUi(quickOpen::load);
            long t1 = exec.until("every name", () -> !index.loadingProperty().get() && index.listedProperty().get() == CLUSTERS);
            exec.onUi(() -> {
                assertEquals("", index.failureProperty().get(), "no cluster failed");
                assertEquals(CLUSTERS * SERVICES, index.nameCount(), "every service's name is indexed");
                quickOpen.queryProperty().set("large-40/svc-0499");
                assertEquals(new QuickOpenViewModel.Target(QuickOpenViewModel.Kind.SERVICE, "large-40", "svc-0499", null),
                        quickOpen.shown().get(0), "the last cluster's last service is searchable");
            });
            return (t1 - t0) / 1_000_000;
        }

        /** Enter on a service: ms to its row selected with its detail filled (auto scaling read). */
        long selectMs(String cluster, String service) throws Exception {
            exec.onUi(() -> quickOpen.queryProperty().set(cluster + "/" + service));
            long t0 = System.nanoTime();
            exec.onUi(() -> quickOpen.open(quickOpen.shown().get(0)));
            long t1 = exec.until("the service's detail", () -> detail.entryProperty().get() instanceof TreeEntry.ServiceEntry s
                    && s.service().serviceName().equals(service) && s.cluster().equals(cluster)
                    && detail.sections().stream().anyMatch(d -> d.title().equals("Auto scaling")));
            exec.onUi(() -> {
                TreeEntry selected = tree.selectedProperty().get();
                assertTrue(selected instanceof TreeEntry.ServiceEntry s && s.cluster().equals(cluster) && s.service().serviceName().equals(service),
                        "the chosen service's row is selected: " + selected);
            });
            return (t1 - t0) / 1_000_000;
        }

        /** Waits for the revealed cluster's folder to hold all its services. */
        void awaitClusterLoaded(String cluster) throws Exception {
            exec.until("the cluster's services", () -> tree.loadsInFlightProperty().get() == 0 && serviceRows(cluster) == SERVICES);
        }

        long serviceRows(String cluster) {
            for (TreeItem<TreeEntry> c : tree.root().getChildren()) {
                if (c.getValue() instanceof TreeEntry.ClusterEntry ce && ce.cluster().clusterName().equals(cluster)) {
                    return c.getChildren().get(0).getChildren().stream().filter(i -> i.getValue() instanceof TreeEntry.ServiceEntry).count();
                }
            }
            return -1;
        }

        @Override
        public void close() {
            exec.close();
            aws.close();
        }
    }

    private static Process serve(String... extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx3g", "-jar", PackagedJar.JAR.toString(), "serve-sim", "--port", "0",
                "--scenario", SCENARIO, "--latency-ms", "50"));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String portOf(Process server) throws Exception {
        String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
        return line.replaceAll(".*:(\\d+) .*", "$1");
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    @Test
    void twentyThousandServicesInFortyClustersWithFiftyMillisecondsPerCall() throws Exception {
        List<Long> namesMs = new ArrayList<>();
        List<Long> selectMs = new ArrayList<>();
        List<Double> heapMb = new ArrayList<>();
        long listServices = 0;
        long describeServices = 0;
        Process server = serve();
        try {
            String port = portOf(server);
            for (int run = 0; run < 6; run++) {
                String cluster = String.format("large-%02d", 11 + run * 5);
                String service = String.format("svc-%04d", 137 + run * 53);
                try (Console console = new Console(port)) {
                    long names = console.namesMs();
                    long listed = console.aws.requests("ListServices");
                    long described = console.aws.requests("DescribeServices");
                    long select = console.selectMs(cluster, service);
                    console.awaitClusterLoaded(cluster);
                    double heap = HeapUse.afterCollection() / (1024.0 * 1024.0);
                    if (run == 0) {
                        continue; // warm-up: class loading and JIT
                    }
                    namesMs.add(names);
                    selectMs.add(select);
                    heapMb.add(heap);
                    listServices = listed;
                    describeServices = described;
                }
            }
        } finally {
            stop(server);
        }
        assertEquals(CLUSTERS * (SERVICES / 100), listServices, "the index read 5 pages of 100 a cluster");
        Bench.print("tree.quickopen_names_ms", Bench.median(namesMs), "ms");
        Bench.print("tree.quickopen_select_ms", Bench.median(selectMs), "ms");
        Bench.print("tree.heap_mb_20k", Bench.median(heapMb), "MB");
        Bench.print("tree.quickopen_describe_calls_before_select", describeServices, "calls");

        List<Long> throttledMs = new ArrayList<>();
        boolean saidThrottled = false;
        for (int run = 0; run < 3; run++) {
            // A simulator of its own for each run, so each starts with a full token bucket, as a console opening on ECS does.
            Process throttled = serve("--throttle-rate", "20");
            try (Console console = new Console(portOf(throttled))) {
                throttledMs.add(console.namesMs());
                saidThrottled |= console.statuses.stream().anyMatch(s -> s.contains("throttled, retrying"));
            } finally {
                stop(throttled);
            }
        }
        assertTrue(saidThrottled, "quick open said it was throttled");
        Bench.print("tree.quickopen_names_throttled_ms", Bench.median(throttledMs), "ms");
    }
}
