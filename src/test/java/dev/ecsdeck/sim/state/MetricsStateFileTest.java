package dev.ecsdeck.sim.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.cloudwatch.MetricAggregate;
import dev.ecsdeck.sim.cloudwatch.MetricKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CloudWatch's metrics survive the state file: the published history and PutMetricData's values, with their units. */
class MetricsStateFileTest {
    @TempDir
    Path dir;

    @Test
    void metricsHistoryLoadsAndGoesOnAsTheSavedOne() {
        ManualClock clock = DemoSim.startClock();
        SimEngine a = DemoSim.demoEngine(clock);
        clock.advance(Duration.ofMinutes(20));
        a.metrics().putStatistics("App", "Latency", Map.of("Host", "h1"), "Milliseconds", clock.now().minusSeconds(30), 4, 40, 2, 20);
        Path file = dir.resolve("sim.json");
        new SimStateStore(file, "demo").save(a);
        ManualClock twinClock = new ManualClock(clock.now());
        SimEngine b = new SimStateStore(file, "demo").load(twinClock);

        List<MetricKey> keys = List.of(new MetricKey("AWS/ECS", "CPUUtilization", Map.of("ClusterName", "prod-web", "ServiceName", "web")),
                new MetricKey("ECS/ContainerInsights", "RunningTaskCount", Map.of("ClusterName", "prod-web", "ServiceName", "checkout")),
                new MetricKey("App", "Latency", Map.of("Host", "h1")));
        Instant from = DemoSim.START.minus(Duration.ofHours(1));
        for (MetricKey k : keys) {
            List<MetricAggregate> saved = a.metrics().aggregates(k, from, clock.now(), 60);
            assertFalse(saved.isEmpty(), k + " had values to save");
            assertEquals(saved, b.metrics().aggregates(k, from, twinClock.now(), 60), k.toString());
            assertEquals(a.metrics().unitOf(k), b.metrics().unitOf(k));
        }
        assertEquals(a.metrics().metrics(false), b.metrics().metrics(false));
        clock.advance(Duration.ofMinutes(5));
        twinClock.advance(Duration.ofMinutes(5));
        assertEquals(a.metrics().aggregates(keys.get(0), from, clock.now(), 60), b.metrics().aggregates(keys.get(0), from, twinClock.now(), 60),
                "the loaded simulation publishes what the saved one does");
    }
}
