package dev.ecsdeck.ui.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.ui.common.CurrentThreadTaskExecutor;
import dev.ecsdeck.ui.common.HeldTaskExecutor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceNameIndexTest {
    private final DemoSim demo = new DemoSim();
    private final SimProvider sim = demo.provider;
    private final List<String> calls = new ArrayList<>();
    /** The simulator, recording which provider methods are called. */
    private final EcsProvider provider = (EcsProvider) Proxy.newProxyInstance(EcsProvider.class.getClassLoader(),
            new Class<?>[] {EcsProvider.class}, (proxy, method, args) -> {
                if (!method.getName().equals("onRetry")) {
                    calls.add(method.getName());
                }
                try {
                    return method.invoke(sim, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void listsEveryClustersServiceNamesInParallelWithProgressAndListServicesOnly() {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        ServiceNameIndex index = new ServiceNameIndex(provider, executor);
        int[] changes = {0};
        index.onChange(() -> changes[0]++);
        index.ensure();
        assertTrue(index.loadingProperty().get());
        assertEquals("", index.progress(), "clusters not listed yet");
        executor.runNext();
        assertEquals(List.of("prod-web", "prod-batch", "staging"), index.clusters());
        assertEquals(3, executor.waiting(), "the three clusters are listed at the same time");
        assertEquals("0 of 3 clusters", index.progress());
        executor.runNext();
        assertEquals("1 of 3 clusters", index.progress());
        assertEquals(List.of("catalog", "checkout", "orders-api", "payments", "search", "web"), index.names("prod-web"));
        assertNull(index.names("staging"));
        assertTrue(index.loadingProperty().get());
        executor.runNext();
        executor.runNext();
        assertEquals("3 of 3 clusters", index.progress());
        assertFalse(index.loadingProperty().get(), "loading ends with the last cluster");
        assertEquals(List.of("notifications", "orders-api", "web"), index.names("staging"));
        assertEquals(List.of("listClusters", "listServiceNames", "listServiceNames", "listServiceNames"), calls,
                "names come from ListServices alone, nothing is described");
        assertTrue(changes[0] >= 4);

        index.ensure();
        assertTrue(executor.waiting() == 0, "nothing to do when everything is known");
        index.markStale();
        assertEquals(List.of("prod-web", "prod-batch", "staging"), index.clusters(),
                "a refresh keeps what is known usable");
        assertEquals(List.of("notifications", "orders-api", "web"), index.names("staging"));
        index.ensure();
        assertEquals(1, executor.waiting(), "after a refresh, the next use lists again");
        executor.runNext();
        assertTrue(index.loadingProperty().get());
        index.markStale();
        index.ensure();
        assertEquals(3, executor.waiting(), "a refresh during a load does not drop it");
        while (executor.waiting() > 0) {
            executor.runNext();
        }
        assertFalse(index.loadingProperty().get());
        assertEquals(List.of("notifications", "orders-api", "web"), index.names("staging"));
    }

    @Test
    void atMostAFewClustersAreListedAtOnce() {
        for (int i = 0; i < ServiceNameIndex.PARALLEL + 1; i++) {
            sim.engine().clusters().createCluster("extra-" + i, null, null, null);
        }
        HeldTaskExecutor executor = new HeldTaskExecutor();
        ServiceNameIndex index = new ServiceNameIndex(provider, executor);
        index.ensure();
        executor.runNext();
        assertEquals(ServiceNameIndex.PARALLEL, executor.waiting(), "the other background threads stay free");
        while (executor.waiting() > 0) {
            executor.runNext();
        }
        int all = ServiceNameIndex.PARALLEL + 4;
        assertEquals(all + " of " + all + " clusters", index.progress());
        assertEquals(List.of(), index.names("extra-3"));
        assertFalse(index.loadingProperty().get());
    }

    @Test
    void aClusterThatFailsIsCountedAndSaid() {
        sim.engine().clusters().createCluster("doomed", null, null, null);
        ServiceNameIndex index = new ServiceNameIndex(provider, new CurrentThreadTaskExecutor());
        sim.faults().failNext("ListServices", "ServerException", "Service unavailable.", 500);
        index.ensure();
        assertFalse(index.loadingProperty().get());
        assertEquals("4 of 4 clusters", index.progress());
        assertTrue(index.failureProperty().get().contains("Service unavailable"), index.failureProperty().get());
        assertNull(index.names("prod-web"), "the failed cluster is not known");
        index.ensure();
        assertEquals(List.of("catalog", "checkout", "orders-api", "payments", "search", "web"), index.names("prod-web"), "ensure retries what failed");
        assertEquals("", index.failureProperty().get());
    }

    @Test
    void aClusterStillThrottledIsListedAgainAfterAPauseAndQuickOpenSaysSoMeanwhile() {
        HeldTaskExecutor executor = new HeldTaskExecutor();
        List<Long> pauses = new ArrayList<>();
        ServiceNameIndex index = new ServiceNameIndex(provider, executor, executor, pauses::add);
        QuickOpenViewModel quickOpen = new QuickOpenViewModel(index, provider, executor, new NoOpener());
        sim.faults().throttleNext("ListServices", 1);
        quickOpen.load();
        executor.runNext(); // the clusters
        executor.runNext(); // the task-definition families
        executor.runNext(); // prod-web: throttled
        assertEquals("", index.failureProperty().get(), "a throttled cluster is no failure while it is retried");
        assertEquals("0 of 3 clusters — throttled, retrying", index.progress());
        assertTrue(quickOpen.statusProperty().get().startsWith("Listing services: 0 of 3 clusters — throttled, retrying…"),
                quickOpen.statusProperty().get());
        assertEquals(List.of(), pauses, "the pause is taken on the listing thread, when the cluster's turn comes again");
        executor.runNext();
        executor.runNext();
        assertEquals("2 of 3 clusters — throttled, retrying", index.progress());
        executor.runNext(); // prod-web again
        assertEquals(List.of(1_000L), pauses);
        assertEquals(0, executor.waiting());
        assertEquals("3 of 3 clusters", index.progress(), "no word of throttling once nothing is");
        assertFalse(quickOpen.statusProperty().get().contains("throttled"), quickOpen.statusProperty().get());
        assertEquals(List.of("catalog", "checkout", "orders-api", "payments", "search", "web"), index.names("prod-web"));
        assertEquals("", index.failureProperty().get());
    }

    @Test
    void aClusterThrottledRoundAfterRoundIsAFailureInTheEnd() {
        List<Long> pauses = new ArrayList<>();
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ServiceNameIndex index = new ServiceNameIndex(provider, executor, executor, pauses::add);
        sim.faults().throttleNext("ListServices", ServiceNameIndex.THROTTLED_ROUNDS);
        index.ensure();
        assertEquals(List.of(1_000L, 2_000L, 4_000L), pauses, "longer pauses each round");
        assertFalse(index.loadingProperty().get());
        assertEquals("3 of 3 clusters", index.progress());
        assertTrue(index.failureProperty().get().contains("Rate exceeded"), index.failureProperty().get());
        assertNull(index.names("prod-web"));
    }

    /** Quick open's choices go nowhere here. */
    private static final class NoOpener implements QuickOpenViewModel.Opener {
        @Override
        public void cluster(String cluster) {}

        @Override
        public void service(String cluster, String service) {}

        @Override
        public void task(String cluster, dev.ecsdeck.model.EcsTask task) {}

        @Override
        public void family(String family) {}
    }
}
