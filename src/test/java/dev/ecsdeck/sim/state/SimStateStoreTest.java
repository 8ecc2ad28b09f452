package dev.ecsdeck.sim.state;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.provider.LogQuery;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimStateStoreTest {
    private static final Instant T0 = DemoSim.START;
    @TempDir
    Path dir;

    /** Everything the console can read, as one comparable value. */
    private static String everything(SimProvider p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.listClusters());
        for (String c : List.of("prod-web", "prod-batch", "staging")) {
            sb.append(p.listServices(c));
            sb.append(p.listTasks(c, TaskFilter.running()));
            sb.append(p.listTasks(c, new TaskFilter(null, null, null, null, "STOPPED")));
            sb.append(p.listContainerInstances(c));
        }
        for (String family : p.listTaskDefinitionFamilies()) {
            for (String arn : p.listTaskDefinitions(family, true)) {
                sb.append(p.describeTaskDefinition(arn));
            }
        }
        sb.append(p.describeScaling("prod-web", "orders-api"));
        sb.append(p.describeScalingActivities("prod-web", "orders-api"));
        sb.append(p.serviceUtilization("prod-web", "orders-api", T0.minusSeconds(3600)));
        sb.append(p.filterLogEvents(new LogQuery("/ecs/web", List.of(), T0.minusSeconds(600).toEpochMilli(), null, null, 500)));
        sb.append(p.filterLogEvents(new LogQuery("/ecs/notifications", List.of(), 0L, null, null, 500)));
        return sb.toString();
    }

    @Test
    void aRestoredSimulationIsTheSameAndGoesOnTheSameWay() {
        ManualClock clockA = DemoSim.startClock();
        SimEngine original = DemoSim.demoEngine(clockA);
        SimStateStore store = new SimStateStore(dir.resolve("sim-demo.json"), "demo");
        try (SimProvider a = new SimProvider(original, "demo")) {
            a.updateService(ServiceUpdate.desiredCount("prod-web", "web", 6));
            store.save(original);
            ManualClock clockB = DemoSim.startClock();
            try (SimProvider b = new SimProvider(store.load(clockB), "demo")) {
                StateAssertions.assertSameState(everything(a), everything(b), "right after the restore");
                for (int i = 0; i < 3; i++) {
                    clockA.advance(Duration.ofMinutes(7));
                    clockB.advance(Duration.ofMinutes(7));
                    StateAssertions.assertSameState(everything(a), everything(b), "after " + (i + 1) * 7 + " more minutes");
                }
                EcsService web = b.describeServices("prod-web", List.of("web")).get(0);
                assertEquals(6, web.runningCount());
            }
        }
    }

    @Test
    void pendingScenarioActionsSurviveARestore() {
        ManualClock clock = DemoSim.startClock();
        SimEngine original = DemoSim.demoEngine(clock);
        SimStateStore store = new SimStateStore(dir.resolve("sim-demo.json"), "demo");
        store.save(original);
        SimEngine restored = store.load(new ManualClock(T0.plusSeconds(600)));
        try (SimProvider p = new SimProvider(restored, "demo")) {
            // the demo steps orders-api's load up 20 minutes after its start (5 minutes after T0)
            assertEquals(2.2, restored.services().loadFactor("prod-web", "orders-api", T0.plusSeconds(600)), 1e-9);
            assertEquals(3, p.listClusters().size());
        }
    }

    @Test
    void refusesAStateOfAnotherScenarioOrAnUnreadableFile() throws IOException {
        SimEngine engine = DemoSim.demoEngine();
        new SimStateStore(dir.resolve("a.json"), "demo").save(engine);
        IllegalStateException other = assertThrows(IllegalStateException.class,
                () -> new SimStateStore(dir.resolve("a.json"), "large").load(DemoSim.startClock()));
        assertThat(other.getMessage(), containsString("holds scenario 'demo', not 'large'"));
        Files.writeString(dir.resolve("b.json"), "{ truncated");
        IllegalStateException bad = assertThrows(IllegalStateException.class,
                () -> new SimStateStore(dir.resolve("b.json"), "demo").load(DemoSim.startClock()));
        assertThat(bad.getMessage(), containsString("is unreadable"));
    }

    @Test
    void aLongAbsenceIsCaughtUpForAtMostAnHour() {
        SimEngine engine = DemoSim.demoEngine();
        SimStateStore store = new SimStateStore(dir.resolve("sim.json"), "demo");
        store.save(engine);
        ManualClock weekLater = new ManualClock(T0.plus(Duration.ofDays(7)));
        SimEngine restored = store.load(weekLater);
        assertEquals(weekLater.now().minus(SimStateStore.MAX_CATCH_UP), restored.now());
        try (SimProvider p = new SimProvider(restored, "demo")) {
            assertEquals(4, p.describeServices("prod-web", List.of("web")).get(0).runningCount());
        }
    }
}
