package dev.ecsdeck.ui.services;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.sim.DemoSim;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Tasks column's words: a traffic-shifting rollout runs the old revision beside the new, and says so. */
class ServiceRowTasksTest {

    @Test
    void aBlueGreenBakeNamesTheOldRevisionsTasksAmongTheRunningOnes() {
        try (DemoSim sim = new DemoSim()) {
            EcsService catalog = sim.provider.describeServices("prod-web", List.of("catalog")).get(0);
            ServiceRow row = new ServiceRow("prod-web", catalog);
            assertEquals("4/2 (2 old)", row.tasksText(), "catalog bakes: two green tasks serve, two blue ones wait");
            assertEquals("4 running of 2 desired (2 of them the old revision's), 0 pending", row.tasksInWords());

            EcsService web = sim.provider.describeServices("prod-web", List.of("web")).get(0);
            assertEquals("4/4", new ServiceRow("prod-web", web).tasksText(), "one deployment: nothing old");
        }
    }
}
