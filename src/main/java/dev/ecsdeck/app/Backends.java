package dev.ecsdeck.app;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.sim.ScaledWallClock;
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

    private static EcsProvider openSimulator(AppOptions options) {
        String name = Scenarios.displayName(options.scenario());
        return new SimProvider(Scenarios.open(options.scenario(), ScaledWallClock.realTime(), SIM_REGION), name);
    }
}
