package dev.ecsdeck.app;

import dev.ecsdeck.provider.BackendDescription;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.aws.AwsEcsProvider;
import dev.ecsdeck.provider.aws.AwsSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.scenario.LargeScenario;
import dev.ecsdeck.sim.ScaledWallClock;
import dev.ecsdeck.sim.SimClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.state.SimStateStore;
import dev.ecsdeck.sim.scenario.Scenarios;
import dev.ecsdeck.provider.sim.SimProvider;

/** Opens the backend the options name. */
final class Backends {
    static final String SIM_REGION = "us-east-1";

    private Backends() {}

    static EcsProvider open(AppOptions options) {
        return switch (options.backend()) {
            case sim -> openSimulator(options);
            case aws -> new AwsEcsProvider(new AwsSettings(options.profile(), options.region(), endpoint(options.endpointUrl())));
        };
    }

    /**
     * As {@link #open}, but the simulator opens on its own thread (see {@link PendingBackend}): the
     * window is built and shown meanwhile. AWS opens here, as its description needs the resolved region.
     */
    static EcsProvider openAlongside(AppOptions options) {
        if (options.backend() != AppOptions.Backend.sim) {
            return open(options);
        }
        return PendingBackend.open(BackendDescription.simulator(Scenarios.displayName(options.scenario())), () -> open(options));
    }

    /** The --endpoint-url as a URI (null when not given); a malformed one is an error naming the option. */
    static URI endpoint(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(url, "expected http(s)://host[:port]");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--endpoint-url " + url + " is not an http(s) URL: " + e.getReason());
        }
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
        StartupTrace.mark("sim-built");
        engine.advance(); // the scenario's warm-up (or the catch-up of a saved state) now, not in the first call
        StartupTrace.mark("sim-warmed-up");
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
