package dev.ecsdeck.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.provider.InvalidInputException;
import dev.ecsdeck.provider.NotFoundException;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {
    private final ManualClock clock = DemoSim.startClock();
    private final SimEngine engine = DemoSim.demoEngine(clock);

    @Test
    void warmsUpToRunningServicesInThreeClusters() {
        try (SimProvider provider = new SimProvider(engine, "demo")) {
            List<Cluster> clusters = provider.listClusters();
            assertEquals(List.of("prod-web", "prod-batch", "staging"), clusters.stream().map(Cluster::clusterName).toList());
            Cluster batch = clusters.get(1);
            assertEquals(4, batch.registeredContainerInstancesCount());
            assertEquals(4, batch.activeServicesCount());

            EcsService web = provider.describeServices("prod-web", List.of("web")).get(0);
            assertEquals(4, web.runningCount());
            assertEquals(4, web.desiredCount());
            List<EcsTask> tasks = provider.listTasks("prod-web", TaskFilter.ofService("web"));
            assertEquals(4, tasks.size());
            assertTrue(tasks.stream().allMatch(t -> "RUNNING".equals(t.lastStatus()) && "FARGATE".equals(t.launchType())));
            assertTrue(web.events().get(0).message().contains("has reached a steady state."));

            EcsService daemon = provider.describeServices("prod-batch", List.of("log-router")).get(0);
            assertEquals(4, daemon.runningCount(), "one daemon task per instance");

            EcsService checkout = provider.describeServices("prod-web", List.of("checkout")).get(0);
            assertEquals(2, checkout.deployments().size(), "a canary deployment is in progress (held at a hook) when the user looks");
            assertEquals("IN_PROGRESS", checkout.deployments().get(0).rolloutState());

            EcsService notifications = provider.describeServices("staging", List.of("notifications")).get(0);
            assertTrue(notifications.deployments().get(0).failedTasks() >= 3, "the crash-looping service has failed tasks");
        }
    }

    @Test
    void aBundledScenarioIsNamedAsItsFileSoItsNameNeedsNoParse() {
        assertEquals("demo", Scenarios.load("demo").name(), "displayName gives the bundled file's name without parsing it");
        assertEquals(Scenarios.load("demo").name(), Scenarios.displayName("demo"));
        assertEquals(Scenarios.load("demo").name(), Scenarios.displayName(null));
    }

    @Test
    void sameSeedSameState() {
        SimEngine again = DemoSim.demoEngine(new ManualClock(clock.now()));
        try (SimProvider a = new SimProvider(engine, "demo"); SimProvider b = new SimProvider(again, "demo")) {
            assertEquals(a.listServices("prod-web"), b.listServices("prod-web"));
            assertEquals(a.listTasks("prod-batch", TaskFilter.running()), b.listTasks("prod-batch", TaskFilter.running()));
        }
    }

    @Test
    void enforcesEcsLimitsOnPagesAndBatches() {
        Page<String> first = engine.services().listServices("prod-web", null, null, null, null);
        assertEquals(6, first.items().size());
        Page<String> two = engine.services().listServices("prod-web", null, null, null, 2);
        assertEquals(2, two.items().size());
        Page<String> four = engine.services().listServices("prod-web", null, null, two.nextToken(), 2);
        assertEquals(2, four.items().size());
        Page<String> rest = engine.services().listServices("prod-web", null, null, four.nextToken(), 2);
        assertEquals(2, rest.items().size());
        assertEquals(null, rest.nextToken());
        SimApiException tooMany = assertThrows(SimApiException.class,
                () -> engine.services().listServices("prod-web", null, null, null, 101));
        assertEquals("InvalidParameterException", tooMany.errorCode());
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("web");
        }
        assertThrows(SimApiException.class, () -> engine.services().describeServices("prod-web", eleven));
    }

    @Test
    void typedErrorsForUnknownThings() {
        try (SimProvider provider = new SimProvider(engine, "demo")) {
            NotFoundException noCluster = assertThrows(NotFoundException.class, () -> provider.listServices("nope"));
            assertEquals("ClusterNotFoundException", noCluster.errorCode());
            assertThrows(NotFoundException.class, () -> provider.updateService(ServiceUpdate.desiredCount("prod-web", "nope", 1)));
            assertThrows(NotFoundException.class, () -> provider.describeTaskDefinition("nope:1"));
            InvalidInputException bad = assertThrows(InvalidInputException.class,
                    () -> provider.updateService(ServiceUpdate.desiredCount("prod-web", "web", -1)));
            assertEquals("InvalidParameterException", bad.errorCode());
        }
    }

    @Test
    void scalingUpStartsTasksThatReachRunning() {
        try (SimProvider provider = new SimProvider(engine, "demo")) {
            provider.updateService(ServiceUpdate.desiredCount("prod-web", "web", 6));
            clock.advance(Duration.ofSeconds(2));
            EcsService starting = provider.describeServices("prod-web", List.of("web")).get(0);
            assertEquals(6, starting.desiredCount());
            assertEquals(2, starting.pendingCount());
            clock.advance(Duration.ofMinutes(2));
            EcsService steady = provider.describeServices("prod-web", List.of("web")).get(0);
            assertEquals(6, steady.runningCount());
            assertEquals(0, steady.pendingCount());
            assertTrue(steady.events().stream().anyMatch(e -> e.message().startsWith("(service web) has started 2 tasks:")));
        }
    }
}
