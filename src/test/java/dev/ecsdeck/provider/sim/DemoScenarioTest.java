package dev.ecsdeck.provider.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.provider.TaskFilter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {

    @Test
    void demoWarmsUpToRunningServices() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T09:00:00Z"));
        SimEngine engine = Scenarios.build(Scenarios.load("demo"), clock, "us-east-1");
        try (SimProvider provider = new SimProvider(engine, "demo")) {
            List<Cluster> clusters = provider.listClusters();
            assertEquals(List.of("prod-web", "prod-batch", "staging"), clusters.stream().map(Cluster::clusterName).toList());
            for (Cluster c : clusters) {
                System.out.println(c.clusterName() + " running=" + c.runningTasksCount() + " pending=" + c.pendingTasksCount()
                        + " services=" + c.activeServicesCount() + " instances=" + c.registeredContainerInstancesCount());
                for (EcsService s : provider.listServices(c.clusterName())) {
                    System.out.println("  " + s.serviceName() + " " + s.runningCount() + "/" + s.desiredCount() + " pending " + s.pendingCount()
                            + " deployments=" + s.deployments().stream().map(d -> d.status() + ":" + d.rolloutState() + ":" + d.taskDefinition().replaceAll(".*/", "") + " f=" + d.failedTasks()).toList());
                    s.events().stream().limit(4).forEach(e -> System.out.println("      " + e.createdAt() + " " + e.message()));
                }
            }
            EcsService web = provider.describeServices("prod-web", List.of("web")).get(0);
            assertEquals(4, web.runningCount());
            assertTrue(provider.listTasks("prod-web", TaskFilter.ofService("web")).stream().allMatch(t -> t.lastStatus().equals("RUNNING")));
        }
    }
}
