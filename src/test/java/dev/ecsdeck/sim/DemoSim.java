package dev.ecsdeck.sim;

import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.scenario.Scenarios;
import java.time.Instant;

/**
 * The demo simulation as tests share it: a manual clock at {@link #START} that the test moves by
 * hand, the demo scenario's engine in {@link #REGION}, and the in-process provider over it. Every
 * test that needs a simulated world starts it here (the static builders when it needs only part of
 * it), so all start alike.
 */
public final class DemoSim implements AutoCloseable {
    /** When every test's simulated world starts. */
    public static final Instant START = Instant.parse("2026-11-22T09:00:00Z");
    public static final String REGION = "us-east-1";

    public final ManualClock clock = startClock();
    public final SimEngine engine = demoEngine(clock);
    public final SimProvider provider = new SimProvider(engine, "demo");

    /** A fresh manual clock at {@link #START}. */
    public static ManualClock startClock() {
        return new ManualClock(START);
    }

    /** The demo scenario's engine on {@code clock}, with no provider (for wire servers and engine tests). */
    public static SimEngine demoEngine(SimClock clock) {
        return Scenarios.build(Scenarios.load("demo"), clock, REGION);
    }

    /** The demo scenario's engine on a clock of its own at {@link #START}, with no provider. */
    public static SimEngine demoEngine() {
        return demoEngine(startClock());
    }

    /** An empty simulated AWS (no scenario) on {@code clock}, random from {@code seed}. */
    public static SimEngine emptyEngine(SimClock clock, long seed) {
        return new SimEngine(clock, seed, REGION);
    }

    @Override
    public void close() {
        provider.close();
    }
}
