package dev.ecsdeck.app;

import dev.ecsdeck.ui.common.FxThreadCheckingProvider;
import dev.ecsdeck.ui.logs.LogTailViewModel;
import dev.ecsdeck.ui.shell.MainWindow;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.TreeItem;
import javafx.util.Duration;

/**
 * {@code --smoke}: drives the real window through the main path — clusters shown, a cluster and
 * its services expanded, a service opened, its logs tailed — then prints one line
 * {@code SMOKE ok ready_ms=<n> total_ms=<n>} and exits 0; any failure (an uncaught exception, a
 * provider call on the FX thread, a time-out) prints {@code SMOKE fail reason=...} and exits 1.
 * Where there is nothing to open it says so on stderr and still passes.
 */
final class SmokeRun {
    private static final Duration POLL = Duration.millis(25);

    private final long jvmStartMillis;
    private final long deadlineMillis;
    private final List<String> notes = new ArrayList<>();
    private MainWindow window;
    private FxThreadCheckingProvider provider;
    private long readyMillis = -1;
    private volatile boolean finished;

    SmokeRun(long jvmStartMillis, int timeoutSeconds) {
        this.jvmStartMillis = jvmStartMillis;
        this.deadlineMillis = System.currentTimeMillis() + timeoutSeconds * 1000L;
    }

    void start(MainWindow mainWindow, FxThreadCheckingProvider checked) {
        this.window = mainWindow;
        this.provider = checked;
        waitFor("clusters in the tree", () -> childrenOf(window.tree().root()).stream()
                .anyMatch(c -> c.getValue() instanceof TreeEntry.ClusterEntry
                        || c.getValue() instanceof TreeEntry.MessageEntry m && !m.text().startsWith("Loading")), this::onClusters);
    }

    private void onClusters() {
        StartupTrace.mark("clusters-in-tree");
        // Ready is the first frame drawn after the data arrived.
        window.scene().addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                window.scene().removePostLayoutPulseListener(this);
                if (readyMillis < 0) {
                    readyMillis = System.currentTimeMillis() - jvmStartMillis;
                    StartupTrace.mark("first-frame-with-data");
                }
            }
        });
        Platform.requestNextPulse();
        TreeItem<TreeEntry> cluster = childrenOf(window.tree().root()).stream()
                .filter(c -> c.getValue() instanceof TreeEntry.ClusterEntry ce && ce.cluster().activeServicesCount() > 0)
                .findFirst().orElse(null);
        if (cluster == null) {
            notes.add("no cluster with services to open");
            finish();
            return;
        }
        cluster.setExpanded(true);
        TreeItem<TreeEntry> services = childrenOf(cluster).stream()
                .filter(c -> c.getValue() instanceof TreeEntry.FolderEntry f && f.kind() == TreeEntry.FolderKind.SERVICES)
                .findFirst().orElseThrow();
        services.setExpanded(true);
        waitFor("services of " + cluster.getValue().name(), () -> childrenOf(services).stream()
                .anyMatch(c -> c.getValue() instanceof TreeEntry.ServiceEntry), () -> openService(services));
    }

    private void openService(TreeItem<TreeEntry> services) {
        TreeItem<TreeEntry> service = childrenOf(services).stream()
                .filter(c -> c.getValue() instanceof TreeEntry.ServiceEntry s && s.service().runningCount() > 0)
                .findFirst().orElse(childrenOf(services).get(0));
        window.treeController().select(service);
        String name = service.getValue().name();
        waitFor("detail of service " + name, () -> name.equals(window.detail().titleProperty().get()), () -> {
            window.detail().tailLogs();
            waitFor("a log tail of " + name, () -> !window.logs().tails().isEmpty(), this::awaitLines);
        });
    }

    private void awaitLines() {
        LogTailViewModel tail = window.logs().tails().get(0);
        waitFor("log lines", () -> !tail.lines().isEmpty() || tail.statusProperty().get().startsWith("No CloudWatch"), () -> {
            if (tail.lines().isEmpty()) {
                notes.add("no logs to tail: " + tail.statusProperty().get());
            }
            finish();
        });
    }

    private void finish() {
        if (!provider.violations().isEmpty()) {
            fail("provider calls on the FX thread: " + provider.violations());
            return;
        }
        if (readyMillis < 0) {
            readyMillis = System.currentTimeMillis() - jvmStartMillis;
        }
        long total = System.currentTimeMillis() - jvmStartMillis;
        notes.forEach(n -> System.err.println("SMOKE note: " + n));
        exit(0, "SMOKE ok ready_ms=" + readyMillis + " total_ms=" + total);
    }

    /** Polls a condition on the FX thread every few milliseconds (never sleeping), then runs the next step. */
    private void waitFor(String what, BooleanSupplier condition, Runnable next) {
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(POLL, e -> {
            if (finished) {
                poll.stop();
                return;
            }
            try {
                if (condition.getAsBoolean()) {
                    poll.stop();
                    next.run();
                } else if (System.currentTimeMillis() > deadlineMillis) {
                    poll.stop();
                    fail("timed out waiting for " + what);
                }
            } catch (RuntimeException ex) {
                poll.stop();
                fail(what + ": " + ex);
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    void failUncaught(Thread thread, Throwable error) {
        error.printStackTrace();
        fail("uncaught exception on " + thread.getName() + ": " + error);
    }

    void fail(String reason) {
        exit(1, "SMOKE fail reason=" + reason.replace('\n', ' '));
    }

    private synchronized void exit(int code, String line) {
        if (finished) {
            return;
        }
        finished = true;
        System.out.println(line);
        System.out.flush();
        // Stop JavaFX first (so no frame is rendered while the JVM goes down), then exit with the code;
        // halt is the fallback should the toolkit or a shutdown hook hang.
        Thread fxThread = Platform.isFxApplicationThread() ? Thread.currentThread() : null;
        Platform.exit();
        Thread exit = new Thread(() -> {
            try {
                if (fxThread != null) {
                    fxThread.join(5_000);
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            System.exit(code);
        }, "smoke-exit");
        exit.start();
        Thread halt = new Thread(() -> {
            try {
                exit.join(15_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(code);
        }, "smoke-halt");
        halt.setDaemon(true);
        halt.start();
    }

    private static List<TreeItem<TreeEntry>> childrenOf(TreeItem<TreeEntry> item) {
        return item.getChildren();
    }
}
