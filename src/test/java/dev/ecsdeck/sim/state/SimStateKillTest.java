package dev.ecsdeck.sim.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.TaskFilter;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file survives kill -9 at any moment: a child JVM saves the simulation after every
 * registration, and is killed (SIGKILL) at varying points; each time the file loads whole and holds
 * at least every revision the child had reported as committed.
 */
class SimStateKillTest {
    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesTheLastCommittedStateReadable() throws Exception {
        Path file = dir.resolve("sim-demo.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 0; round < 5; round++) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), StateWriterProcess.class.getName(),
                    file.toString()).redirectErrorStream(true).start();
            int killAfter = 5 + round * 13;
            int lastCommitted = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("committed ")) {
                        lastCommitted = Integer.parseInt(line.substring("committed ".length()));
                        if (lastCommitted >= killAfter) {
                            child.destroyForcibly(); // SIGKILL: no shutdown hooks, whatever the child was writing
                            break;
                        }
                    }
                }
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child ended");
            assertTrue(lastCommitted >= killAfter, "the child committed " + lastCommitted + " before it was killed");

            SimEngine restored = new SimStateStore(file, "demo").load(DemoSim.startClock());
            try (SimProvider p = new SimProvider(restored, "demo")) {
                int revisions = p.listTaskDefinitions("persist", true).size();
                assertTrue(revisions >= lastCommitted, "round " + round + ": " + revisions + " saved, " + lastCommitted + " committed");
                assertEquals(3, p.listClusters().size(), "the rest of the state is whole");
                assertEquals(4, p.listTasks("prod-web", TaskFilter.ofService("web")).size());
            }
        }
    }
}
