package dev.ecsdeck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ServiceUpdate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BackendsTest {
    @TempDir
    Path config;

    private AppOptions options(String... args) {
        AppOptions o = new AppOptions();
        String[] all = new String[args.length + 2];
        all[0] = "--config-dir";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        new CommandLine(o).parseArgs(all);
        return o;
    }

    private int webDesired(EcsProvider p) {
        return p.describeServices("prod-web", List.of("web")).get(0).desiredCount();
    }

    @Test
    void theSimulatorKeepsItsStateBetweenRunsUnlessReset() {
        try (EcsProvider first = Backends.open(options())) {
            first.updateService(ServiceUpdate.desiredCount("prod-web", "web", 7));
        }
        assertTrue(Files.isRegularFile(config.resolve("sim").resolve("demo.json")));
        try (EcsProvider second = Backends.open(options())) {
            assertEquals(7, webDesired(second), "the change survived the restart");
        }
        try (EcsProvider fresh = Backends.open(options("--reset-sim"))) {
            assertEquals(4, webDesired(fresh), "--reset-sim starts the scenario afresh");
        }
    }

    @Test
    void stateFileDefaultsPerScenarioAndNoneForLarge() {
        assertEquals(config.resolve("sim").resolve("demo.json"), Backends.stateFile(options(), "demo"));
        assertNull(Backends.stateFile(options("--scenario", "large"), "large"));
        assertEquals(Path.of("/tmp/x.json"), Backends.stateFile(options("--scenario", "large", "--sim-state", "/tmp/x.json"), "large"));
    }
}
