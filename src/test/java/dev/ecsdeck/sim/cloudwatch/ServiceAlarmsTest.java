package dev.ecsdeck.sim.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.AlarmHistoryItem;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.MetricAlarm;
import dev.ecsdeck.model.MetricPoint;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.sim.DemoSim;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator provider's alarm reads on the demo, and the demo's deployment alarm rolling back a hot image. */
class ServiceAlarmsTest {
    private final DemoSim demo = new DemoSim();
    private Instant published = Instant.EPOCH;

    @AfterEach
    void close() {
        demo.close();
    }

    @Test
    void aServiceAlarmsAreItsMetricsDeploymentAndScalingAlarmsOnce() {
        List<MetricAlarm> payments = demo.provider.describeServiceAlarms("prod-web", "payments");
        assertEquals(List.of("payments-cpu-high"), payments.stream().map(MetricAlarm::alarmName).toList(),
                "on its CPU and a deployment alarm: listed once");
        MetricAlarm cpu = payments.get(0);
        assertEquals("AWS/ECS", cpu.namespace());
        assertEquals(Map.of("ClusterName", "prod-web", "ServiceName", "payments"), cpu.dimensions());
        assertEquals(80.0, cpu.threshold());
        assertEquals(3, cpu.datapointsToAlarm());

        List<MetricAlarm> orders = demo.provider.describeServiceAlarms("prod-web", "orders-api");
        assertEquals(2, orders.size(), orders.toString());
        assertTrue(orders.get(0).alarmName().startsWith("TargetTracking-service/prod-web/orders-api-AlarmHigh-"), orders.toString());
        assertTrue(orders.get(1).alarmName().startsWith("TargetTracking-service/prod-web/orders-api-AlarmLow-"), orders.toString());
        assertEquals(List.of(), demo.provider.describeServiceAlarms("prod-web", "web"));

        assertEquals(List.of("payments-cpu-high"), demo.provider.describeAlarms(List.of("payments-cpu-high", "nope")).stream()
                .map(MetricAlarm::alarmName).toList());
        List<AlarmHistoryItem> history = demo.provider.describeAlarmHistory("payments-cpu-high", 5);
        AlarmHistoryItem oldest = history.get(history.size() - 1);
        assertEquals("ConfigurationUpdate", oldest.historyItemType());
        assertEquals("Alarm \"payments-cpu-high\" created", oldest.historySummary());
        assertEquals(1, demo.provider.describeAlarmHistory("payments-cpu-high", 1).size());
    }

    /**
     * The demo's payments:3 runs a hot image: its tasks report 97% CPU; with the service's CPU in CloudWatch,
     * payments-cpu-high fires during the deployment's bake time and ECS rolls payments back to payments:1.
     */
    @Test
    void aHotRevisionFiresTheDeploymentAlarmAndRollsBack() {
        demo.provider.updateService(ServiceUpdate.taskDefinition("prod-web", "payments", "payments:3"));
        for (int minute = 0; minute < 10; minute++) {
            demo.clock.advance(Duration.ofMinutes(1));
            publishCpu("prod-web", "payments");
        }
        List<MetricPoint> cpu = demo.engine.services().utilization("prod-web", "payments", demo.engine.now().minusSeconds(600)).cpu();
        assertTrue(cpu.stream().anyMatch(p -> p.value() > 90), "the hot tasks' CPU: " + cpu);
        MetricAlarm alarm = demo.provider.describeAlarms(List.of("payments-cpu-high")).get(0);
        EcsService svc = demo.provider.describeServices("prod-web", List.of("payments")).get(0);
        assertTrue(svc.taskDefinition().endsWith("payments:1"), "rolled back: " + svc.taskDefinition() + "; alarm " + alarm);
        String arn = demo.provider.listServiceDeployments("prod-web", "payments").get(0).serviceDeploymentArn();
        ServiceDeployment sd = demo.provider.describeServiceDeployments(List.of(arn)).get(0);
        assertEquals("TRIGGERED", sd.alarms().status());
        assertEquals(List.of("payments-cpu-high"), sd.alarms().triggeredAlarmNames());
        assertTrue(sd.rollback().reason().contains("payments-cpu-high"), sd.rollback().toString());
        assertTrue(svc.events().stream().anyMatch(e -> e.message().contains("deployment failed: alarm(s) payments-cpu-high in ALARM state.")));
    }

    /** Stands in for the metrics' publishing (the CloudWatch metrics part does this): the service's minutes not yet put, as AWS/ECS CPUUtilization. */
    private void publishCpu(String cluster, String service) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("ClusterName", cluster);
        dims.put("ServiceName", service);
        for (MetricPoint p : demo.engine.services().utilization(cluster, service, published.plusSeconds(1)).cpu()) {
            if (p.time().isAfter(published) && demo.engine.metrics().statistic("AWS/ECS", "CPUUtilization", dims, "SampleCount", p.time(), 60)
                    .isEmpty()) {
                demo.engine.metrics().put("AWS/ECS", "CPUUtilization", dims, p.time(), p.value());
            }
            published = p.time();
        }
    }
}
