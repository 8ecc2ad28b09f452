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
        assertEquals(45, u.cpu().size(), "since the demo's warm-up began, 45 minutes ago (it warms up 15 minutes, not 3 hours)");
        assertEquals(u.cpu().size(), u.memory().size());
    }

    @Test
    void taskCountsComeFromContainerInsightsOnlyWhereTheClusterHasIt() {
        demo.clock.advance(Duration.ofMinutes(10));
        Instant since = demo.clock.now().minus(Duration.ofHours(3));
        TaskCountHistory web = demo.provider.serviceTaskCounts("prod-web", "web", since).orElseThrow();
        EcsService described = demo.engine.services().describeServices("prod-web", List.of("web")).items().get(0);
        assertEquals(25, web.running().size());
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
