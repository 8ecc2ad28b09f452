package dev.ecsdeck.sim.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.MetricPoint;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.ClusterMinute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metric store's aggregates and statistics, and what the simulated services publish to it each minute. */
class MetricApiTest {
    private static final Map<String, String> WEB = Map.of("ClusterName", "prod-web", "ServiceName", "web");

    private final ManualClock clock = DemoSim.startClock();
    private final SimEngine engine = DemoSim.demoEngine(clock);

    @Test
    void eachMinuteTheServicesFiguresArePublishedStampedWithTheMinuteTheyDescribe() {
        clock.advance(Duration.ofMinutes(5)); // 09:05:00, a minute boundary: the minute 09:04 was just published
        long minute = clock.now().getEpochSecond() / 60;
        List<ClusterMinute> figures;
        synchronized (engine) {
            engine.advance();
            figures = engine.ecs().minuteFigures(minute);
        }
        ClusterMinute web = figures.stream().filter(c -> c.clusterName().equals("prod-web")).findFirst().orElseThrow();
        ClusterMinute.ServiceMinute svc = web.services().stream().filter(s -> s.serviceName().equals("web")).findFirst().orElseThrow();
        Instant stamp = clock.now().minusSeconds(60);
        assertEquals(svc.cpuPercent(), value("AWS/ECS", "CPUUtilization", WEB, stamp));
        assertEquals(svc.memoryPercent(), value("AWS/ECS", "MemoryUtilization", WEB, stamp));
        assertEquals(svc.running(), value("ECS/ContainerInsights", "RunningTaskCount", WEB, stamp));
        assertEquals(svc.pending(), value("ECS/ContainerInsights", "PendingTaskCount", WEB, stamp));
        assertEquals(svc.cpuReserved(), value("ECS/ContainerInsights", "CpuReserved", WEB, stamp));
        EcsService described = engine.services().describeServices("prod-web", List.of("web")).items().get(0);
        assertEquals(described.runningCount(), (int) value("ECS/ContainerInsights", "RunningTaskCount", WEB, stamp),
                "the running count ECS shows");
        assertTrue(svc.cpuPercent() > 0 && svc.running() > 0, "the demo's web service is running and busy: " + svc);
        assertEquals(Duration.ofHours(3).toMinutes(), engine.metrics().aggregates(new MetricKey("AWS/ECS", "CPUUtilization", WEB),
                clock.now().minus(Duration.ofHours(3)), clock.now(), 60).size(), "one datapoint a minute: the demo's 3 hours of history, then the"
                + " simulation's own");
    }

    @Test
    void containerInsightsOnlyForClustersThatHaveIt() {
        clock.advance(Duration.ofMinutes(3));
        List<MetricKey> all = engine.metrics().metrics(false);
        assertTrue(all.contains(new MetricKey("ECS/ContainerInsights", "DesiredTaskCount", WEB)), "prod-web has containerInsights enabled");
        assertTrue(all.contains(new MetricKey("ECS/ContainerInsights", "ServiceCount", Map.of("ClusterName", "prod-web"))));
        assertTrue(all.stream().anyMatch(k -> k.namespace().equals("AWS/ECS") && "prod-batch".equals(k.dimensions().get("ClusterName"))),
                "AWS/ECS metrics for every cluster");
        assertFalse(all.stream().anyMatch(k -> k.namespace().equals("ECS/ContainerInsights") && "prod-batch".equals(k.dimensions().get("ClusterName"))),
                "prod-batch has containerInsights disabled: " + all);
        assertTrue(all.stream().anyMatch(k -> k.namespace().equals("AWS/ApplicationELB") && k.metricName().equals("RequestCountPerTarget")),
                "the demo's load balancer serves requests: " + all);
    }

    @Test
    void aggregatesCombineMinutesIntoPeriodsWithEveryStatistic() {
        Instant t = DemoSim.START.minus(Duration.ofHours(1)); // 08:00, a whole hour
        Map<String, String> dims = Map.of("Host", "a");
        engine.metrics().put("App", "Latency", dims, t.plusSeconds(5), 10);
        engine.metrics().put("App", "Latency", dims, t.plusSeconds(50), 30);
        engine.metrics().putStatistics("App", "Latency", dims, "Milliseconds", t.plusSeconds(70), 4, 8, 1, 3);
        engine.metrics().put("App", "Latency", dims, t.plusSeconds(200), 42.37);
        MetricKey key = new MetricKey("App", "Latency", dims);
        List<MetricAggregate> twoMinutes = engine.metrics().aggregates(key, t, t.plusSeconds(600), 120);
        assertEquals(List.of(new MetricAggregate(t, 6, 48, 1, 30), new MetricAggregate(t.plusSeconds(120), 1, 42.37, 42.37, 42.37)), twoMinutes);
        assertEquals(8.0, twoMinutes.get(0).statistic("Average").getAsDouble());
        assertEquals(42.37, engine.metrics().statistic("App", "Latency", dims, "Maximum", t.plusSeconds(180), 60).getAsDouble(),
                "a decimal kept as it was given");
        assertEquals(20.0, engine.metrics().statistic("App", "Latency", dims, "Average", t, 60).getAsDouble());
        assertEquals(2.0, engine.metrics().statistic("App", "Latency", dims, "SampleCount", t, 60).getAsDouble());
        assertTrue(engine.metrics().statistic("App", "Latency", Map.of(), "Average", t, 600).isEmpty(), "another dimension set is another metric");
        assertEquals("Milliseconds", engine.metrics().unitOf(key));
    }

    @Test
    void aMetricKeepsAtLeastThreeHoursAndForgetsOlderMinutes() {
        Instant t = DemoSim.START;
        Map<String, String> dims = Map.of("k", "v");
        engine.metrics().put("App", "M", dims, t.minus(Duration.ofHours(25)), 1);
        engine.metrics().put("App", "M", dims, t.minus(Duration.ofHours(3)), 2);
        engine.metrics().put("App", "M", dims, t, 3);
        engine.metrics().put("App", "M", dims, t.minus(Duration.ofHours(25)), 4); // older than the metric keeps: dropped
        List<MetricAggregate> kept = engine.metrics().aggregates(new MetricKey("App", "M", dims), t.minus(Duration.ofDays(2)), t.plusSeconds(60), 60);
        assertEquals(List.of(2.0, 3.0), kept.stream().map(MetricAggregate::sum).toList());
    }

    @Test
    void autoScalingReadsTheLastMinutesOfTheStore() {
        clock.advance(Duration.ofMinutes(20));
        List<MetricPoint> cpu = engine.metrics().serviceUtilisation("prod-web", "web", true, clock.now().minus(Duration.ofMinutes(4)));
        double[] recent = engine.metrics().recentServiceUtilisation("prod-web", "web", true, 4);
        assertArrayEquals(cpu.stream().mapToDouble(MetricPoint::value).toArray(), recent);
        assertEquals(engine.services().utilization("prod-web", "web", clock.now().minus(Duration.ofMinutes(4))).cpu(), cpu,
                "ECS's view is the store's");
    }

    @Test
    void savedMetricsComeBackAlike() {
        clock.advance(Duration.ofMinutes(7));
        engine.metrics().putStatistics("App", "Bytes", Map.of(), "Bytes", clock.now(), 3, 300, 50, 200);
        MetricApi.State saved = engine.metrics().snapshot();
        SimEngine other = DemoSim.emptyEngine(DemoSim.startClock(), 1);
        other.metrics().restore(saved);
        MetricKey web = new MetricKey("AWS/ECS", "CPUUtilization", WEB);
        Instant from = clock.now().minus(Duration.ofHours(1));
        assertEquals(engine.metrics().aggregates(web, from, clock.now(), 60), other.metrics().aggregates(web, from, clock.now(), 60));
        MetricKey bytes = new MetricKey("App", "Bytes", Map.of());
        assertEquals(engine.metrics().aggregates(bytes, from, clock.now().plusSeconds(60), 60),
                other.metrics().aggregates(bytes, from, clock.now().plusSeconds(60), 60));
        assertEquals("Bytes", other.metrics().unitOf(bytes));
    }

    private double value(String namespace, String name, Map<String, String> dims, Instant stamp) {
        List<MetricAggregate> a = engine.metrics().aggregates(new MetricKey(namespace, name, dims), stamp, stamp.plusSeconds(60), 60);
        assertEquals(1, a.size(), namespace + " " + name + " at " + stamp);
        assertEquals(stamp, a.get(0).timestamp());
        return a.get(0).sum();
    }
}
