package dev.ecsdeck.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LargeScenarioTest {

    @Test
    void parsesItsParameters() {
        assertEquals(LargeScenario.Params.defaults(), LargeScenario.parse("large"));
        assertEquals(new LargeScenario.Params(2, 300, 900, 42), LargeScenario.parse("large:clusters=2,services=300,tasks=900"));
        assertEquals(null, LargeScenario.parse("demo"));
        assertThrows(IllegalArgumentException.class, () -> LargeScenario.parse("large:nodes=3"));
    }

    @Test
    void buildsSteadyServicesThatAnswerEveryPage() {
        ManualClock clock = DemoSim.startClock();
        SimEngine engine = Scenarios.open("large:clusters=2,services=2000,tasks=6000", clock, DemoSim.REGION);
        try (SimProvider provider = new SimProvider(engine, "large")) {
            assertEquals(2, provider.listClusters().size());
            List<EcsService> services = provider.listServices("large-01");
            assertEquals(2000, services.size(), "every page read");
            assertTrue(services.stream().allMatch(s -> s.runningCount() == s.desiredCount() && s.pendingCount() == 0));
            assertEquals(6000, services.stream().mapToInt(EcsService::runningCount).sum());
            assertEquals(3, provider.listTasks("large-02", TaskFilter.ofService("svc-0007")).size());
            clock.advance(Duration.ofMinutes(2));
            EcsService one = provider.describeServices("large-01", List.of("svc-1999")).get(0);
            assertEquals("COMPLETED", one.deployments().get(0).rolloutState());
            assertEquals(3, one.runningCount(), "stays steady as time runs");
        }
    }
}
