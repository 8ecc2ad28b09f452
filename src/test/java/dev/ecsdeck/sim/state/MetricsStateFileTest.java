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

    /** A state file from before metrics were saved holds each service's utilisation as (minute recorded, cpu, memory): read as AWS/ECS metrics. */
    @Test
    void anOlderStateFilesServiceUtilisationIsReadAsAwsEcsMetrics() throws Exception {
        ManualClock clock = DemoSim.startClock();
        SimEngine a = DemoSim.demoEngine(clock);
        clock.advance(Duration.ofMinutes(1));
        Path file = dir.resolve("old.json");
        new SimStateStore(file, "demo").save(a);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode state = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
        state.remove("metrics");
        com.fasterxml.jackson.databind.node.ObjectNode web = null;
        for (com.fasterxml.jackson.databind.JsonNode c : state.get("clusters")) {
            for (com.fasterxml.jackson.databind.JsonNode svc : c.get("services")) {
                if (c.get("name").asText().equals("prod-web") && svc.get("name").asText().equals("web")) {
                    web = (com.fasterxml.jackson.databind.node.ObjectNode) svc;
                }
            }
        }
        long minute = clock.now().getEpochSecond() / 60;
        web.set("metrics", json.readTree("[[" + (minute - 1) + ", 12.5, 40.25], [" + minute + ", 13.5, 41.0]]"));
        json.writeValue(file.toFile(), state);

        SimEngine b = new SimStateStore(file, "demo").load(new ManualClock(clock.now()));
        Map<String, String> dims = Map.of("ClusterName", "prod-web", "ServiceName", "web");
        Instant stamp = Instant.ofEpochSecond((minute - 2) * 60);
        assertEquals(List.of(new MetricAggregate(stamp, 1, 12.5, 12.5, 12.5), new MetricAggregate(stamp.plusSeconds(60), 1, 13.5, 13.5, 13.5)),
                b.metrics().aggregates(new MetricKey("AWS/ECS", "CPUUtilization", dims), stamp, clock.now(), 60));
        assertEquals(40.25, b.metrics().statistic("AWS/ECS", "MemoryUtilization", dims, "Average", stamp, 60).getAsDouble());
    }
}
