package dev.ecsdeck.bench;

import static dev.ecsdeck.bench.FxCall.onFx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.provider.ObservedEcsProvider;
import dev.ecsdeck.provider.ReadOnlyEcsProvider;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ScaledWallClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.ui.common.DialogConfirmer;
import dev.ecsdeck.ui.common.FxThreadCheckingProvider;
import dev.ecsdeck.ui.common.UiTaskExecutor;
import dev.ecsdeck.ui.logs.LogTailViewModel;
import dev.ecsdeck.ui.shell.MainWindow;
import dev.ecsdeck.ui.shell.ShellViewModel;
import dev.ecsdeck.ui.taskdef.DraftStore;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * All-day use (issue 19): the console's real main window on the demo scenario, the simulator on a
 * wall clock at 60 times real speed, open for eight simulated hours (eight real minutes) with auto
 * refresh on (the app's 10 s), four service log tails and a service panel open (its tab changed every
 * hour), and a forced new deployment of one of the tailed services every simulated hour. Reports
 * the heap growth after GC between the end of the first hour and the end, the live thread growth,
 * the longest FX-thread stall, and checks that every line the simulator wrote to the tailed groups
 * in the window reached its tail exactly once.
 */
class SoakBench {
    private static final double SPEED = 60;
    private static final int HOURS = Integer.getInteger("soak.hours", 8);
    private static final int REFRESH_SECONDS = 10;
    /** The four tailed services; each has a log group of its own, so its group is what its tail must receive. */
    private static final List<String[]> TAILED = List.of(new String[] {"prod-web", "checkout", "/ecs/checkout"},
            new String[] {"prod-web", "catalog", "/ecs/catalog"}, new String[] {"prod-web", "search", "/ecs/search"},
            new String[] {"prod-batch", "reports-worker", "/ecs/reports-worker"});

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    @Test
    void eightSimulatedHoursAtSpeedSixty() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        Stage stage = FxToolkit.registerPrimaryStage();
        ScaledWallClock clock = new ScaledWallClock(Clock.systemUTC(), DemoSim.START, SPEED);
        SimEngine engine = DemoSim.demoEngine(clock);
        SimProvider backend = new SimProvider(engine, "demo");
        RecordingTails recording = new RecordingTails(backend, TAILED.stream().map(s -> s[2]).toList(), 600_000);
        ShellViewModel shell = new ShellViewModel(backend.description(), Platform::runLater, false);
        FxThreadCheckingProvider provider = new FxThreadCheckingProvider(new ObservedEcsProvider(
                new ReadOnlyEcsProvider(recording, shell::isReadOnlyNow), shell));
        UiTaskExecutor executor = new UiTaskExecutor(8, uncaught::add); // as the app's session
        DraftStore drafts = new DraftStore(Files.createTempDirectory("ecsdeck-soak-drafts"));
        MainWindow window = onFx(() -> {
            MainWindow w = new MainWindow(provider, shell, executor, new DialogConfirmer(stage), new MainWindow.Options(REFRESH_SECONDS,
                    LogTailViewModel.DEFAULT_CAPACITY, () -> clock.now().toEpochMilli(), drafts));
            stage.setScene(w.scene());
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
            w.start();
            return w;
        });
        FxStallProbe probe = null;
        try {
            // Four tails, then the panel of checkout (selected last, as a user would leave it).
            List<LogTailViewModel> tails = openTails(window, recording);
            TreeItem<TreeEntry> panelRow = serviceRow(window, "prod-web", "checkout");
            onFx(() -> {
                window.treeController().select(panelRow);
                return null;
            });
            waitUntil("the panel of checkout", () -> window.servicePanel() != null && window.servicePanel().model().serviceProperty().get() != null);
            TabPane panelTabs = onFx(() -> (TabPane) window.servicePanel().view().lookupAll(".tab-pane").stream()
                    .filter(n -> n instanceof TabPane t && t.getTabs().stream().anyMatch(tab -> "Charts".equals(tab.getText()))).findFirst()
                    .orElseThrow());
            long windowFrom = engine.now().toEpochMilli(); // every line from here on must reach its tail once
            Instant soakStart = clock.now();
            probe = new FxStallProbe(() -> clock.now().toEpochMilli()).start();
            System.out.printf("soak: %d simulated hours at speed %.0f from %s; auto refresh every %d s; tails %s; panel prod-web/checkout%n",
                    HOURS, SPEED, soakStart, REFRESH_SECONDS, TAILED.stream().map(s -> s[1]).toList());

            long heapWarm = 0;
            int threadsWarm = 0;
            Map<String, Integer> threadNamesWarm = null;
            long linesWarm = 0;
            double firstHourStallMax = 0;
            for (int hour = 1; hour <= HOURS; hour++) {
                Instant due = soakStart.plus(Duration.ofHours(hour));
                waitForSimTime(clock, due);
                // A deployment of one of the tailed services every hour, in turn; the panel's tab changes too.
                String[] deployed = deploy(backend, hour);
                int tab = hour;
                onFx(() -> {
                    panelTabs.getSelectionModel().select(tab % panelTabs.getTabs().size());
                    return null;
                });
                probe.pause();
                long heap = HeapUse.afterCollection();
                probe.resume();
                int threads = ManagementFactory.getThreadMXBean().getThreadCount();
                long held = onFx(() -> tails.stream().mapToLong(t -> t.lines().size()).sum());
                long lag = Duration.between(engine.now(), clock.now()).toMillis();
                System.out.printf("soak: hour %d (real %s): heap after GC %.1f MB, %d threads, %d lines held, fx stall max %.1f ms "
                        + "(p99 %.1f ms, %d over 100 ms), sim behind clock %d ms; deployed %s/%s, panel tab %s%n", hour,
                        Duration.between(soakStart, clock.now()).dividedBy((long) SPEED), heap / 1048576.0, threads, held, probe.maxMs(),
                        probe.percentileMs(99), probe.over100Ms(), lag, deployed[0], deployed[1],
                        onFx(() -> panelTabs.getSelectionModel().getSelectedItem().getText()));
                if (hour == 1) {
                    // The first hour warms up (JIT, CSS of the panel's tabs first shown): growth and stalls count from here.
                    firstHourStallMax = probe.maxMs();
                    if (HOURS > 1) { // a one-hour run (-Dsoak.hours=1, a quick check) reports its only hour
                        probe.restart();
                    }
                    heapWarm = heap;
                    threadsWarm = threads;
                    threadNamesWarm = threadNames();
                    linesWarm = held;
                }
            }
            long heapEnd;
            int threadsEnd;
            Map<String, Integer> threadNamesEnd;
            probe.pause();
            heapEnd = HeapUse.afterCollection();
            threadsEnd = ManagementFactory.getThreadMXBean().getThreadCount();
            threadNamesEnd = threadNames();
            double stallMax = probe.maxMs();
            Instant stallAt = Instant.ofEpochMilli(probe.maxAtSimMillis());

            // Every line written to the four groups in the window reached its tail once: by id, against the simulator's store.
            long windowTo = engine.now().toEpochMilli() - 60_000; // a minute back: all of it ingested and polled
            for (int i = 0; i < TAILED.size(); i++) {
                checkTail(engine, recording, TAILED.get(i)[2], tails.get(i), windowFrom, windowTo);
            }

            // The tails' buffers grow by design (up to their capacity): what they hold is reported and taken apart.
            long linesEnd = onFx(() -> tails.stream().mapToLong(t -> t.lines().size()).sum());
            onFx(() -> {
                window.logs().closeAll();
                return null;
            });
            List<java.lang.ref.WeakReference<LogTailViewModel>> closed = tails.stream().map(java.lang.ref.WeakReference::new).toList();
            tails.clear(); // this bench's own references: the closed tails may go now
            // A closed tab's view goes once its closing animation and pending pulses let go of it: collect until then (at most ~10 s).
            long heapNoTails = HeapUse.afterCollection();
            for (int i = 0; i < 40 && closed.stream().anyMatch(r -> r.get() != null); i++) {
                TimeUnit.MILLISECONDS.sleep(250);
                heapNoTails = HeapUse.afterCollection();
            }
            long stillHeld = closed.stream().filter(r -> r.get() != null).count();
            System.out.printf("soak: closed tails still reachable after GC: %d%n", stillHeld);
            if (System.getProperty("soak.heapDump") != null) { // -Dsoak.heapDump=FILE: the live heap once the tails are closed
                ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                        .dumpHeap(System.getProperty("soak.heapDump"), true);
            }
            double bytesPerLine = linesEnd == 0 ? 0 : Math.max(0, heapEnd - heapNoTails) / (double) linesEnd;
            double warmBase = heapWarm - linesWarm * bytesPerLine;
            double endBase = heapEnd - linesEnd * bytesPerLine;

            Map<String, Integer> grown = new TreeMap<>();
            Map<String, Integer> namesWarm = threadNamesWarm;
            threadNamesEnd.forEach((name, n) -> {
                int was = namesWarm.getOrDefault(name, 0);
                if (n > was) {
                    grown.put(name, n - was);
                }
            });
            System.out.printf("soak: heap after GC %.1f MB after hour 1, %.1f MB at the end (%d and %d log lines held; %.0f bytes a line, "
                    + "from closing the tails: %.1f MB without them); threads %d -> %d, new: %s; FX stalls after hour 1: max %.1f ms at %s, "
                    + "p99 %.2f ms, %d over 100 ms in %d samples%n", heapWarm / 1048576.0, heapEnd / 1048576.0, linesWarm, linesEnd, bytesPerLine,
                    heapNoTails / 1048576.0, threadsWarm, threadsEnd, grown, stallMax, stallAt, probe.percentileMs(99), probe.over100Ms(),
                    probe.samples());
            Bench.print("soak.heap_growth_pct", Math.round((endBase - warmBase) / warmBase * 1000) / 10.0, "%");
            Bench.print("soak.heap_growth_with_log_lines_pct", Math.round((heapEnd - heapWarm) * 1000.0 / heapWarm) / 10.0, "%");
            Bench.print("soak.thread_growth", threadsEnd - threadsWarm, "threads");
            Bench.print("soak.fx_stall_max_ms", Math.round(stallMax * 10) / 10.0, "ms");
            Bench.print("soak.fx_stall_max_first_hour_ms", Math.round(firstHourStallMax * 10) / 10.0, "ms");
            Bench.print("soak.tail_lines_checked", Arrays.stream(TAILED.stream().mapToInt(s -> recording.of(s[2]).count()).toArray()).sum(),
                    "lines");

            uncaught.forEach(Throwable::printStackTrace);
            assertEquals(List.of(), uncaught, "no exception went uncaught");
            assertEquals(List.of(), provider.violations(), "no provider call on the FX thread");
        } finally {
            if (probe != null) {
                probe.close();
            }
            onFx(() -> {
                window.stop();
                return null;
            });
            executor.close();
            backend.close();
        }
    }

    /**
     * Forces a new deployment of the tailed services in turn from {@code hour}'s; one whose rollout still
     * runs (the demo's checkout canary waits at its hook) refuses, as ECS does, and the next one is deployed.
     */
    private static String[] deploy(SimProvider backend, int hour) {
        for (int i = 0; i < TAILED.size(); i++) {
            String[] s = TAILED.get((hour + i) % TAILED.size());
            try {
                backend.updateService(ServiceUpdate.forceNewDeployment(s[0], s[1]));
                return s;
            } catch (dev.ecsdeck.provider.InvalidInputException busy) {
                System.out.println("soak: " + s[1] + " refused a deployment: " + busy.getMessage());
            }
        }
        throw new AssertionError("no tailed service took a deployment in hour " + hour);
    }

    /** Opens a tail of each of {@link #TAILED} as "Tail logs" does, and waits for its first lines. */
    private static List<LogTailViewModel> openTails(MainWindow window, RecordingTails recording) throws Exception {
        List<LogTailViewModel> tails = new ArrayList<>();
        for (String[] s : TAILED) {
            TreeItem<TreeEntry> row = serviceRow(window, s[0], s[1]);
            int before = onFx(() -> window.logs().tails().size());
            onFx(() -> {
                window.logs().open(row.getValue());
                return null;
            });
            waitUntil("the tail of " + s[1], () -> window.logs().tails().size() == before + 1);
            LogTailViewModel tail = onFx(() -> window.logs().tails().get(before));
            tails.add(tail);
            waitUntil("lines in the tail of " + s[1], () -> recording.of(s[2]).count() > 0 && tail.receivedProperty().get() > 0);
        }
        return tails;
    }

    /** Every line written to {@code group} in [from, to) reached {@code tail} once: by id, against the simulator's store. */
    private static void checkTail(SimEngine engine, RecordingTails recording, String group, LogTailViewModel tail, long windowFrom,
            long windowTo) throws Exception {
        long[] written = writtenIds(engine, group, windowFrom, windowTo);
        RecordingTails.Delivered delivered = recording.of(group);
        waitUntil("the tail of " + group + " to catch up", () -> delivered.idsIn(windowFrom, windowTo).length >= written.length);
        long[] received = delivered.idsIn(windowFrom, windowTo);
        int duplicates = duplicates(received);
        long[] distinct = Arrays.stream(received).distinct().toArray();
        int missing = (int) Arrays.stream(written).filter(id -> Arrays.binarySearch(distinct, id) < 0).count();
        waitUntil("the tail of " + group + " to drain", () -> tail.receivedProperty().get() == delivered.count());
        System.out.printf("soak: %s: %d lines written in the window, %d received, %d duplicates, %d missing; "
                + "the tail took %d lines in all (%d dropped, %d held) through %d subscriptions%n", group, written.length,
                received.length, duplicates, missing, tail.receivedProperty().get(), tail.droppedProperty().get(),
                onFx(() -> tail.lines().size()), recording.subscriptionsOf(group));
        assertEquals(0, delivered.overflow(), "the record of " + group + " had room");
        assertEquals(0, duplicates, group + ": no line twice");
        assertEquals(0, missing, group + ": no line missing");
        assertArrayEquals(written, distinct, group + ": the lines received are the lines written");
        assertEquals(delivered.count(), tail.receivedProperty().get(), group + ": the tail took every line its subscriptions delivered");
        assertTrue(written.length > 1_000, group + ": hours of lines: " + written.length);
    }

    private static Map<String, Integer> threadNames() {
        Map<String, Integer> names = new TreeMap<>();
        Thread.getAllStackTraces().keySet().forEach(t -> names.merge(t.getName().replaceAll("\\d+$", "#"), 1, Integer::sum));
        return names;
    }

    /** The id hashes of the events the simulator holds for {@code group} with timestamps in [from, to), sorted. */
    private static long[] writtenIds(SimEngine engine, String group, long from, long to) {
        List<Long> ids = new ArrayList<>();
        String token = null;
        do {
            Page<LogEvent> page = engine.logs().filterLogEvents(group, List.of(), from, to, token, 10_000);
            page.items().forEach(e -> ids.add(RecordingTails.idHash(e.eventId())));
            token = page.nextToken();
        } while (token != null);
        long[] out = ids.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(out);
        return out;
    }

    private static int duplicates(long[] sorted) {
        int n = 0;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                n++;
            }
        }
        return n;
    }

    private static TreeItem<TreeEntry> serviceRow(MainWindow window, String cluster, String service) throws Exception {
        TreeItem<TreeEntry> clusterRow = row(window, "cluster " + cluster,
                e -> e instanceof TreeEntry.ClusterEntry c && c.cluster().clusterName().equals(cluster));
        onFx(() -> {
            clusterRow.setExpanded(true);
            return null;
        });
        TreeItem<TreeEntry> folder = row(window, "services of " + cluster,
                e -> e instanceof TreeEntry.FolderEntry f && cluster.equals(f.cluster()) && f.kind() == TreeEntry.FolderKind.SERVICES);
        onFx(() -> {
            folder.setExpanded(true);
            return null;
        });
        return row(window, "service " + service,
                e -> e instanceof TreeEntry.ServiceEntry s && s.cluster().equals(cluster) && s.service().serviceName().equals(service));
    }

    private static TreeItem<TreeEntry> row(MainWindow window, String what, Predicate<TreeEntry> which) throws Exception {
        waitUntil(what, () -> window.tree().find(which) != null);
        return onFx(() -> window.tree().find(which));
    }

    /** Waits for the wall clock to bring the simulated time to {@code due} (the soak's pace is the clock's). */
    private static void waitForSimTime(ScaledWallClock clock, Instant due) throws InterruptedException {
        long ms = Duration.between(clock.now(), due).toMillis();
        if (ms > 0) {
            TimeUnit.MILLISECONDS.sleep((long) Math.ceil(ms / SPEED) + 1);
        }
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
