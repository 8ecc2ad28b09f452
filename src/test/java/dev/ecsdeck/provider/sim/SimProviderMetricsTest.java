package dev.ecsdeck.provider.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.KeyValue;
import dev.ecsdeck.model.MetricPoint;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.model.TaskCountHistory;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.cloudwatch.MetricAggregate;
import dev.ecsdeck.sim.cloudwatch.MetricKey;
import dev.ecsdeck.sim.ecs.ClusterConfigurationApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator provider's utilisation and task counts are CloudWatch's simulated metrics, as GetMetricData reads them. */
class SimProviderMetricsTest {
    private final DemoSim demo = new DemoSim();

    @AfterEach
    void close() {
        demo.close();
    }

    @Test
    void utilisationIsTheAverageAtAPeriodOfSixtyOfAwsEcsMetrics() {
        demo.clock.advance(Duration.ofMinutes(30));
        Instant since = demo.clock.now().minus(Duration.ofHours(3));
        ServiceUtilization u = demo.provider.serviceUtilization("prod-web", "web", since).orElseThrow();
        List<MetricAggregate> cpu = demo.engine.metrics().aggregates(new MetricKey("AWS/ECS", "CPUUtilization",
                Map.of("ClusterName", "prod-web", "ServiceName", "web")), since, demo.clock.now(), 60);
        assertEquals(cpu.stream().map(a -> new MetricPoint(a.timestamp(), a.statistic("Average").getAsDouble())).toList(), u.cpu());
        assertEquals(180, u.cpu().size(), "3 hours: the demo's history from before its start (3 h), its 15-minute warm-up, the 30 minutes since");
        assertEquals(u.cpu().size(), u.memory().size());
    }

    @Test
    void utilisationOverAPeriodIsTheAverageGetMetricDataGivesForThatPeriod() {
        demo.clock.advance(Duration.ofMinutes(30));
        Instant since = demo.clock.now().minus(Duration.ofHours(1));
        ServiceUtilization u = demo.provider.serviceUtilization("prod-web", "web", since, Duration.ofMinutes(5)).orElseThrow();
        List<MetricAggregate> mem = demo.engine.metrics().aggregates(new MetricKey("AWS/ECS", "MemoryUtilization",
                Map.of("ClusterName", "prod-web", "ServiceName", "web")), since, demo.clock.now(), 300);
        assertEquals(mem.stream().map(a -> new MetricPoint(a.timestamp(), a.statistic("Average").getAsDouble())).toList(), u.memory());
        assertEquals(12, u.memory().size(), "an hour in periods of 5 minutes");
        List<MetricPoint> minutes = demo.provider.serviceUtilization("prod-web", "web", since).orElseThrow().cpu();
        double firstFive = minutes.subList(0, 5).stream().mapToDouble(MetricPoint::value).average().orElseThrow();
        assertEquals(firstFive, u.cpu().get(0).value(), 1e-9, "the average of the period's minutes");
    }

    @Test
    void theDemosPastIsItsServicesRunningSteadyAtTheirDesiredCounts() {
        Instant start = demo.clock.now().minus(Duration.ofMinutes(15)); // the demo warms up 15 minutes
        TaskCountHistory counts = demo.provider.serviceTaskCounts("prod-web", "orders-api", start.minus(Duration.ofHours(3))).orElseThrow();
        List<MetricPoint> before = counts.running().stream().filter(p -> p.time().isBefore(start)).toList();
        assertEquals(180, before.size(), "a datapoint a minute for the 3 hours before the start");
        int desired = demo.provider.describeServices("prod-web", List.of("orders-api")).get(0).desiredCount();
        assertTrue(before.stream().allMatch(p -> p.value() == desired), "running at its desired count, " + desired);
        assertEquals(before.stream().map(MetricPoint::time).toList(), counts.desired().stream().map(MetricPoint::time)
                .filter(t -> t.isBefore(start)).toList());
        ServiceUtilization u = demo.provider.serviceUtilization("prod-web", "orders-api", start.minus(Duration.ofHours(3))).orElseThrow();
        assertTrue(u.cpu().stream().filter(p -> p.time().isBefore(start)).map(MetricPoint::value).distinct().count() > 10,
                "the load varies minute by minute, as the simulation's does");
    }

    @Test
    void taskCountsComeFromContainerInsightsOnlyWhereTheClusterHasIt() {
        demo.clock.advance(Duration.ofMinutes(10));
        Instant since = demo.clock.now().minus(Duration.ofHours(3));
        TaskCountHistory web = demo.provider.serviceTaskCounts("prod-web", "web", since).orElseThrow();
        EcsService described = demo.engine.services().describeServices("prod-web", List.of("web")).items().get(0);
        assertEquals(180, web.running().size(), "three hours: the demo's history from before its start, its warm-up, the 10 minutes since");
        assertEquals(described.runningCount(), web.running().get(web.running().size() - 1).value(), 0.0);
        assertEquals(web.running().size(), web.desired().size());
        assertEquals(web.running().size(), web.pending().size());

        assertEquals(Optional.empty(), demo.provider.serviceTaskCounts("prod-batch", "reports-worker", since), "prod-batch has Container Insights disabled");
        new ClusterConfigurationApi(demo.engine).updateClusterSettings("prod-batch", List.of(new KeyValue("containerInsights", "enhanced")));
        assertTrue(demo.provider.serviceTaskCounts("prod-batch", "reports-worker", since).orElseThrow().running().isEmpty(),
                "turned on: no figures yet");
        demo.clock.advance(Duration.ofMinutes(2));
        assertEquals(2, demo.provider.serviceTaskCounts("prod-batch", "reports-worker", since).orElseThrow().running().size());
    }
}
