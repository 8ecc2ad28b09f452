package dev.ecsdeck.sim.ecr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.state.SimStateStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry survives the state file: repositories, images (pulls included) and a repository made after the start. */
class EcrStateFileTest {
    @TempDir
    Path dir;

    @Test
    void theRegistryIsSavedAndRestored() {
        ManualClock clock = DemoSim.startClock();
        SimEngine original = DemoSim.demoEngine(clock);
        clock.advance(Duration.ofMinutes(1));
        original.ecr().createRepository(null, "later", "IMMUTABLE", true);
        original.ecr().putImage(null, "later", "{\"schemaVersion\": 2}", null, "1", null);
        SimStateStore store = new SimStateStore(dir.resolve("sim-demo.json"), "demo");
        store.save(original);
        ManualClock later = DemoSim.startClock();
        later.advance(Duration.ofMinutes(1));
        SimEngine restored = store.load(later);
        assertEquals("123456789012", restored.ecr().registryId());
        assertEquals(original.ecr().describeRepositories(null, null, null, null).items(),
                restored.ecr().describeRepositories(null, null, null, null).items());
        for (EcrApi.RepositoryInfo r : original.ecr().describeRepositories(null, null, null, null).items()) {
            assertEquals(original.ecr().describeImages(null, r.repositoryName(), null, null, null, null).items(),
                    restored.ecr().describeImages(null, r.repositoryName(), null, null, null, null).items(), r.repositoryName());
        }
    }
}
