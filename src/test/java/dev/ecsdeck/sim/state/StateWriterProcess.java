package dev.ecsdeck.sim.state;

import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link SimStateKillTest}: registers revision after revision of a task
 * definition through a persisting provider, printing "committed N" once revision N is saved, until
 * it is killed.
 */
public final class StateWriterProcess {
    private StateWriterProcess() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        ManualClock clock = DemoSim.startClock();
        SimEngine engine = DemoSim.demoEngine(clock);
        SimStateStore store = new SimStateStore(file, "demo");
        SimProvider provider = new SimProvider(engine, "demo", ApiFaults.realTime(1), store);
        for (int i = 1; i < 1_000_000; i++) {
            provider.registerTaskDefinition("""
                    {"family": "persist", "containerDefinitions": [{"name": "app", "image": "acme/app:%d", "memory": 128}]}
                    """.formatted(i));
            System.out.println("committed " + i);
            System.out.flush();
        }
    }
}
