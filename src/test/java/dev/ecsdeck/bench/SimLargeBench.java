package dev.ecsdeck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.scenario.LargeScenario;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.provider.sim.SimProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code large} scenario (20 clusters × 2,000 services × 20,000 tasks per cluster): how long it
 * takes to build, how much heap it holds two simulated minutes in, how fast a 2,000-service cluster
 * lists and describes, and what one simulated second of it costs.
 */
class SimLargeBench {

    @Test
    void largeScenario() {
        List<Long> buildMs = new ArrayList<>();
        long heapBytes = 0;
        List<Long> listMs = new ArrayList<>();
        List<Long> stepMs = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            long before = HeapUse.afterCollection();
            long t0 = System.nanoTime();
            ManualClock clock = DemoSim.startClock();
            SimEngine engine = LargeScenario.build(LargeScenario.Params.defaults(), clock, DemoSim.REGION);
            buildMs.add((System.nanoTime() - t0) / 1_000_000);
            // Held once running: two simulated minutes in, every service has its first metrics.
            clock.advance(Duration.ofMinutes(2));
            engine.advance();
            heapBytes = Math.max(heapBytes, HeapUse.afterCollection() - before);
            try (SimProvider provider = new SimProvider(engine, "large")) {
                long t1 = System.nanoTime();
                List<EcsService> services = provider.listServices("large-01");
                listMs.add((System.nanoTime() - t1) / 1_000_000);
                assertEquals(2_000, services.size());
                assertEquals(20_000, services.stream().mapToInt(EcsService::runningCount).sum());
                long t2 = System.nanoTime();
                clock.advance(Duration.ofSeconds(10));
                engine.advance();
                stepMs.add((System.nanoTime() - t2) / 1_000_000 / 10);
            }
        }
        Bench.print("sim.large_build_ms", Bench.median(buildMs), "ms");
        Bench.print("sim.large_heap_mb", heapBytes / (1024.0 * 1024.0), "MB");
        Bench.print("sim.large_list_describe_2000_services_ms", Bench.median(listMs), "ms");
        Bench.print("sim.large_step_ms", Bench.median(stepMs), "ms");
    }
}
