package dev.ecsdeck.app;

import dev.ecsdeck.provider.EcsProvider;
import java.nio.file.Path;
import dev.ecsdeck.provider.sim.ApiFaults;
import dev.ecsdeck.provider.sim.LargeScenario;
import dev.ecsdeck.provider.sim.ScaledWallClock;
import dev.ecsdeck.provider.sim.SimClock;
import dev.ecsdeck.provider.sim.SimEngine;
import dev.ecsdeck.provider.sim.SimStateStore;
import dev.ecsdeck.provider.sim.Scenarios;
import dev.ecsdeck.provider.sim.SimProvider;

/** Opens the backend the options name. */
final class Backends {
    static final String SIM_REGION = "us-east-1";

    private Backends() {}

    static EcsProvider open(AppOptions options) {
        return switch (options.backend()) {
            case sim -> openSimulator(options);
            case aws -> throw new IllegalStateException("The AWS backend is not available in this build yet: "
                    + "run with --backend sim (the default).");
        };
    }

    /** The simulator, restored from its state file when there is one (unless --reset-sim), else the scenario afresh. */
    private static EcsProvider openSimulator(AppOptions options) {
        String name = Scenarios.displayName(options.scenario());
        Path file = stateFile(options, name);
        SimStateStore store = file == null ? null : new SimStateStore(file, name);
        SimClock clock = ScaledWallClock.realTime();
        SimEngine engine = store != null && store.exists() && !options.resetSim()
                ? store.load(clock)
                : Scenarios.open(options.scenario(), clock, SIM_REGION);
        return new SimProvider(engine, name, ApiFaults.realTime(1), store);
    }

    /** --sim-state, else sim/<scenario>.json in the config folder; none for the large scenario unless asked. */
    static Path stateFile(AppOptions options, String scenarioName) {
        if (options.simState() != null) {
            return options.simState();
        }
        if (LargeScenario.parse(options.scenario()) != null) {
            return null;
        }
        String base = Path.of(scenarioName).getFileName().toString().replaceAll("\\.json$", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        return options.configDir().resolve("sim").resolve(base + ".json");
    }
}
