package dev.ecsdeck.ui.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.scenario.LargeScenario;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.HeldTaskExecutor;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Enter on a service in quick open, in a cluster nobody opened: the service alone is described and
 * its row selected first, then the rows around it (the ones on screen), then the cluster's rest. And
 * a big cluster opened by hand: its first screen of rows is described first.
 */
class QuickOpenRevealTest {
    private final DemoSim demo = new DemoSim();
    private final SimProvider sim = demo.provider;
    /** The provider calls that touch services, with their arguments. */
    private final List<String> calls = new ArrayList<>();
    private final EcsProvider provider = (EcsProvider) Proxy.newProxyInstance(EcsProvider.class.getClassLoader(),
            new Class<?>[] {EcsProvider.class}, (proxy, method, args) -> {
                if (method.getName().equals("describeServices") || method.getName().equals("streamServices")) {
                    calls.add(method.getName() + (method.getName().equals("describeServices") ? " " + args[1] : " " + args[0]));
                }
                try {
                    return method.invoke(sim, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private final HeldTaskExecutor executor = new HeldTaskExecutor();
    private final ServiceNameIndex index = new ServiceNameIndex(provider, executor);
    private final ClusterTreeViewModel tree = new ClusterTreeViewModel(provider, executor, index);
    private final QuickOpenViewModel quickOpen = new QuickOpenViewModel(index, provider, executor, new QuickOpenViewModel.Opener() {
        @Override
        public void cluster(String cluster) {}

        @Override
        public void service(String cluster, String service) {
            tree.reveal(cluster, service, row -> tree.selectedProperty().set(row.getValue()));
        }

        @Override
        public void task(String cluster, EcsTask task) {}

        @Override
        public void family(String family) {}
    });

    @AfterEach
    void close() {
        sim.close();
    }

    private void runAll() {
        while (executor.waiting() > 0) {
            executor.runNext();
        }
    }

    private TreeItem<TreeEntry> servicesFolder(String cluster) {
        return tree.root().getChildren().stream().filter(i -> i.getValue() instanceof TreeEntry.ClusterEntry c
                && c.cluster().clusterName().equals(cluster)).findFirst().orElseThrow().getChildren().get(0);
    }

    private List<String> serviceRows(String cluster) {
        return servicesFolder(cluster).getChildren().stream().filter(i -> i.getValue() instanceof TreeEntry.ServiceEntry)
                .map(i -> i.getValue().name()).toList();
    }

    @Test
    void enterDescribesTheServiceAloneSelectsItThenFillsTheRowsAroundItThenTheRest() {
        tree.start();
        runAll();
        quickOpen.load();
        runAll();
        assertEquals(List.of(), calls, "the names came from ListServices; nothing described");

        quickOpen.queryProperty().set("prod-web/payments");
        QuickOpenViewModel.Target chosen = quickOpen.shown().get(0);
        assertEquals(QuickOpenViewModel.Target.service("prod-web", "payments"), chosen);
        quickOpen.open(chosen);
        assertEquals(2, executor.waiting(), "the service, and the rows around it, asked for at once");

        executor.runNext();
        assertEquals(List.of("describeServices [payments]"), calls, "the chosen service is described alone, first");
        assertTrue(tree.selectedProperty().get() instanceof TreeEntry.ServiceEntry s && s.cluster().equals("prod-web")
                && s.service().serviceName().equals("payments"), "its row is selected at once: " + tree.selectedProperty().get());
        assertEquals(List.of("payments"), serviceRows("prod-web"));

        executor.runNext();
        assertEquals("describeServices [catalog, checkout, orders-api, search, web]", calls.get(1),
                "then the rows around it, before the cluster's whole load");
        assertEquals(List.of("catalog", "checkout", "orders-api", "payments", "search", "web"), serviceRows("prod-web"));
        assertTrue(servicesFolder("prod-web").getValue() instanceof TreeEntry.FolderEntry && servicesFolder("prod-web").isExpanded());

        runAll();
        assertEquals("streamServices prod-web", calls.get(2), "then the rest of the cluster");
        assertEquals(3, calls.size());
        assertEquals(6, serviceRows("prod-web").size());
        assertTrue(tree.selectedProperty().get() instanceof TreeEntry.ServiceEntry s && s.service().serviceName().equals("payments"),
                "the row stays selected as the others arrive");
    }

    @Test
    void openingABigClusterWhoseNamesAreKnownDescribesTheFirstScreenOfRowsFirst() {
        SimEngine engine = LargeScenario.build(new LargeScenario.Params(1, 100, 0, 3), DemoSim.startClock(), DemoSim.REGION);
        List<String> bigCalls = new ArrayList<>();
        try (SimProvider big = new SimProvider(engine, "large")) {
            EcsProvider recorded = (EcsProvider) Proxy.newProxyInstance(EcsProvider.class.getClassLoader(), new Class<?>[] {EcsProvider.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("describeServices") || method.getName().equals("streamServices")) {
                            bigCalls.add(method.getName() + (method.getName().equals("describeServices") ? " " + ((List<?>) args[1]).size() : ""));
                        }
                        try {
                            return method.invoke(big, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            UiQueue executor = new UiQueue();
            ServiceNameIndex names = new ServiceNameIndex(recorded, executor);
            ClusterTreeViewModel bigTree = new ClusterTreeViewModel(recorded, executor, names);
            bigTree.start();
            executor.runAll();
            names.ensure();
            executor.runAll();
            TreeItem<TreeEntry> cluster = bigTree.root().getChildren().get(0);
            cluster.setExpanded(true);
            TreeItem<TreeEntry> folder = cluster.getChildren().get(0);
            folder.setExpanded(true);
            assertEquals(2, executor.held.waiting(), "the first screen's rows, beside the full load");
            executor.held.runNext();
            assertEquals(List.of("describeServices " + TreeLoader.FIRST_SCREEN), bigCalls);
            List<String> shown = folder.getChildren().stream().filter(i -> i.getValue() instanceof TreeEntry.ServiceEntry)
                    .map(i -> i.getValue().name()).toList();
            assertEquals(names.names("large-01").subList(0, TreeLoader.FIRST_SCREEN), shown, "the rows at the top, with their counts");
            executor.runAll();
            assertEquals("streamServices", bigCalls.get(1));
            assertEquals(100, folder.getChildren().stream().filter(i -> i.getValue() instanceof TreeEntry.ServiceEntry).count(),
                    () -> folder.getChildren().stream().map(i -> i.getValue().name()).toList().toString());
        }
    }

    /**
     * Held background work, and what the describe threads hand to the UI thread queued for the
     * test's thread (several batches arrive at once from a big cluster).
     */
    private static final class UiQueue implements TaskExecutor {
        final HeldTaskExecutor held = new HeldTaskExecutor();
        private final ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();

        @Override
        public <T> void execute(BackgroundTask<T> task) {
            held.execute(task);
        }

        @Override
        public void runOnUiThread(Runnable action) {
            ui.add(action);
        }

        void runAll() {
            while (held.waiting() > 0 || !ui.isEmpty()) {
                for (Runnable r = ui.poll(); r != null; r = ui.poll()) {
                    r.run();
                }
                if (held.waiting() > 0) {
                    held.runNext();
                }
            }
        }
    }
}
