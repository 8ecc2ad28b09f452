package dev.ecsdeck.ui;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ObservedEcsProvider;
import dev.ecsdeck.provider.ReadOnlyEcsProvider;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.ui.common.DialogConfirmer;
import dev.ecsdeck.ui.common.FxThreadCheckingProvider;
import dev.ecsdeck.ui.common.UiTaskExecutor;
import dev.ecsdeck.ui.shell.MainWindow;
import dev.ecsdeck.ui.taskdef.DraftStore;
import dev.ecsdeck.ui.shell.ShellViewModel;
import dev.ecsdeck.ui.tree.TreeEntry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on the demo scenario, for TestFX tests: simulator on a manual clock, the
 * same provider decorators as the app (read-only, call tracking) plus the FX-thread check, and a
 * record of uncaught exceptions.
 */
public final class UiTestBench implements AutoCloseable {
    public final DemoSim sim = new DemoSim();
    public final ManualClock clock = sim.clock;
    public final SimEngine engine = sim.engine;
    public final SimProvider backend = sim.provider;
    public final ShellViewModel shell;
    public final FxThreadCheckingProvider provider;
    public final UiTaskExecutor executor;
    public final MainWindow window;
    public final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    public final DraftStore drafts;
    /** What the window talks to: {@link #backend}, or the provider under test. */
    public final EcsProvider windowBackend;
    private boolean closed;
    private boolean checked;

    public UiTestBench(Stage stage, boolean readOnly) {
        this(stage, readOnly, draftsDir());
    }

    /** A bench whose editor drafts live in {@code draftsDir} (a second bench on the same folder is "the next start"). */
    public UiTestBench(Stage stage, boolean readOnly, java.nio.file.Path draftsDir) {
        this(stage, readOnly, draftsDir, engine -> null);
    }

    /**
     * A bench whose window talks to {@code underTest} (made on this bench's simulation, e.g. the AWS
     * provider through the wire server; null: the simulator in process). {@link #backend} stays the
     * in-process view of the same simulation, for the test's own checks.
     */
    public UiTestBench(Stage stage, boolean readOnly, java.nio.file.Path draftsDir,
            java.util.function.Function<SimEngine, EcsProvider> underTest) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        drafts = new DraftStore(draftsDir);
        EcsProvider other = underTest.apply(engine);
        windowBackend = other == null ? backend : other;
        shell = new ShellViewModel(windowBackend.description(), Platform::runLater, readOnly);
        EcsProvider guarded = new ReadOnlyEcsProvider(windowBackend, shell::isReadOnlyNow);
        provider = new FxThreadCheckingProvider(new ObservedEcsProvider(guarded, shell));
        executor = new UiTaskExecutor(4, uncaught::add);
        window = new MainWindow(provider, shell, executor, new DialogConfirmer(stage),
                new MainWindow.Options(0, 100_000, () -> clock.now().toEpochMilli(), drafts));
        stage.setScene(window.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        window.start();
    }

    public static java.nio.file.Path draftsDir() {
        try {
            return java.nio.file.Files.createTempDirectory("ecsdeck-drafts");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Evaluates a condition on the FX thread, now. */
    public static boolean fx(BooleanSupplier condition) {
        try {
            return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Could not evaluate on the FX thread", e);
        }
    }

    /** Reads a value on the FX thread. */
    public static <T> T onFx(java.util.function.Supplier<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read::get).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Could not read on the FX thread", e);
        }
    }

    /** Waits (without sleeping) until the condition holds on the FX thread. */
    public static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }

    /**
     * Clicks a button of the dialog on screen ("Confirm", "Cancel"): looked up inside the dialog,
     * since panels in other tabs have buttons with the same text.
     */
    public static void answerDialog(org.testfx.api.FxRobot robot, String button) {
        waitUntil("a dialog", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.Node b = robot.lookup(".dialog-pane").lookup((java.util.function.Predicate<javafx.scene.Node>) n ->
                n instanceof javafx.scene.control.Button x && button.equals(x.getText())).query();
        robot.clickOn(b);
    }

    /** Scrolls the nearest scroll pane around {@code node} so it is on screen, as the user would before clicking it. */
    public static void scrollIntoView(org.testfx.api.FxRobot robot, javafx.scene.Node node) {
        // Twice: content whose labels wrap can change its height once scrolled, moving the node again.
        for (int pass = 0; pass < 2; pass++) {
            robot.interact(() -> {
                javafx.scene.Node p = node.getParent();
                while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                    p = p.getParent();
                }
                if (p instanceof javafx.scene.control.ScrollPane pane && pane.getContent() != null) {
                    pane.applyCss();
                    pane.layout();
                    double content = pane.getContent().getBoundsInLocal().getHeight();
                    double viewport = pane.getViewportBounds().getHeight();
                    javafx.geometry.Bounds at = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    pane.setVvalue(content <= viewport ? 0 : Math.min(1, Math.max(0, (at.getMinY() - 20) / (content - viewport))));
                    double wide = pane.getContent().getBoundsInLocal().getWidth();
                    double room = pane.getViewportBounds().getWidth();
                    if (at.getMaxX() > room && wide > room) { // sideways too, when it is off to the right
                        pane.setHvalue(Math.min(1, Math.max(0, (at.getMaxX() + 20 - room) / (wide - room))));
                    }
                }
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Waits until a row matching the predicate is loaded in the tree, and returns it. */
    /**
     * Clicks the drawn tree row of the entry {@code which} names and waits until it is selected. The
     * tree redraws while clusters arrive and counts fill in, so the cell found can show another row by
     * the time the pointer reaches it: then the row is found and clicked again (at most three times).
     */
    public void clickTreeRow(org.testfx.api.FxRobot robot, String what, Predicate<TreeEntry> which) {
        waitForRow(what, which);
        for (int attempt = 1;; attempt++) {
            waitUntil(what + " drawn", () -> drawnCell(robot, which) != null);
            robot.clickOn(drawnCell(robot, which));
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
                    TreeEntry selected = window.tree().selectedProperty().get();
                    return selected != null && which.test(selected);
                }).get());
                return;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw new AssertionError("Clicked " + what + " three times and it was not selected", e);
                }
            }
        }
    }

    private static javafx.scene.Node drawnCell(org.testfx.api.FxRobot robot, Predicate<TreeEntry> which) {
        return onFx(() -> robot.lookup(".tree-cell").match((javafx.scene.control.TreeCell<TreeEntry> c) -> c.isVisible()
                && c.getItem() != null && which.test(c.getItem())).<javafx.scene.Node>tryQuery().orElse(null));
    }

    public TreeItem<TreeEntry> waitForRow(String what, Predicate<TreeEntry> which) {
        waitUntil(what, () -> window.tree().find(which) != null);
        return window.tree().find(which);
    }

    /** Every event of the streams from {@code start} (epoch ms) on, as the simulator answers FilterLogEvents in process. */
    public List<dev.ecsdeck.model.LogEvent> logEventsWritten(List<dev.ecsdeck.model.LogStreamRef> streams, long start) {
        List<dev.ecsdeck.model.LogEvent> all = new java.util.ArrayList<>();
        java.util.Map<String, List<String>> byGroup = new java.util.LinkedHashMap<>();
        streams.forEach(s -> byGroup.computeIfAbsent(s.logGroupName(), g -> new java.util.ArrayList<>()).add(s.logStreamName()));
        byGroup.forEach((group, names) -> {
            dev.ecsdeck.provider.LogQuery query = new dev.ecsdeck.provider.LogQuery(group, names, start, null, null, null);
            while (true) {
                dev.ecsdeck.provider.LogPage page = backend.filterLogEvents(query);
                all.addAll(page.events());
                if (page.nextToken() == null) {
                    break;
                }
                query = query.withNextToken(page.nextToken());
            }
        });
        return all;
    }

    /** The simulator's target health of each task of prod-batch's reports-worker (by its instance and the host port of its container port), by task ARN. */
    public java.util.Map<String, dev.ecsdeck.model.TargetHealth> reportsWorkerTargetHealth() {
        dev.ecsdeck.model.EcsService s = backend.describeServices("prod-batch", List.of("reports-worker")).get(0);
        java.util.Map<String, String> instances = backend.listContainerInstances("prod-batch").stream().collect(java.util.stream.Collectors
                .toMap(dev.ecsdeck.model.ContainerInstance::containerInstanceArn, dev.ecsdeck.model.ContainerInstance::ec2InstanceId));
        List<dev.ecsdeck.model.TargetHealth> targets = backend.describeTargetHealth(s.loadBalancers().get(0).targetGroupArn());
        return backend.listTasks("prod-batch", dev.ecsdeck.provider.TaskFilter.ofService("reports-worker")).stream()
                .collect(java.util.stream.Collectors.toMap(dev.ecsdeck.model.EcsTask::taskArn, t -> targets.stream()
                        .filter(h -> h.targetId().equals(instances.get(t.containerInstanceArn()))
                                && h.port().equals(t.containers().get(0).networkBindings().get(0).hostPort())).findFirst().orElseThrow()));
    }

    /** Opens the way to a service in the tree and selects it; returns its panel once it shows the service. */
    public dev.ecsdeck.ui.service.ServicePanel openServicePanel(org.testfx.api.FxRobot robot, String cluster, String service) {
        TreeItem<TreeEntry> clusterRow = waitForRow("cluster " + cluster, clusterNamed(cluster));
        robot.interact(() -> clusterRow.setExpanded(true));
        TreeItem<TreeEntry> folder = waitForRow("services folder", servicesOf(cluster));
        robot.interact(() -> folder.setExpanded(true));
        TreeItem<TreeEntry> row = waitForRow("service " + service, serviceNamed(cluster, service));
        robot.interact(() -> window.treeController().select(row));
        waitUntil("the panel of " + service, () -> window.servicePanel() != null
                && window.servicePanel().ref().service().equals(service)
                && window.servicePanel().model().serviceProperty().get() != null);
        return window.servicePanel();
    }

    public static Predicate<TreeEntry> clusterNamed(String name) {
        return e -> e instanceof TreeEntry.ClusterEntry c && c.cluster().clusterName().equals(name);
    }

    public static Predicate<TreeEntry> servicesOf(String cluster) {
        return e -> e instanceof TreeEntry.FolderEntry f && cluster.equals(f.cluster()) && f.kind() == TreeEntry.FolderKind.SERVICES;
    }

    public static Predicate<TreeEntry> serviceNamed(String cluster, String name) {
        return e -> e instanceof TreeEntry.ServiceEntry s && s.cluster().equals(cluster) && s.service().serviceName().equals(name);
    }

    /**
     * Closes the window and fails the test if an exception went uncaught or a provider call ran on the
     * FX thread. Checks once: {@link UiTestEnd} calls it again after a test that already did.
     */
    public void closeAndCheck() {
        close();
        if (checked) {
            return;
        }
        checked = true;
        uncaught.forEach(Throwable::printStackTrace);
        org.hamcrest.MatcherAssert.assertThat(uncaught, org.hamcrest.Matchers.empty());
        org.hamcrest.MatcherAssert.assertThat(provider.violations(), org.hamcrest.Matchers.empty());
    }

    /** Stops the window, its background work and its providers; once (a later call does nothing). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Platform.runLater(window::stop);
        WaitForAsyncUtils.waitForFxEvents();
        executor.close();
        if (windowBackend != backend) {
            windowBackend.close();
        }
        backend.close();
    }
}
