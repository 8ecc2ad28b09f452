package dev.ecsdeck.provider.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.MetricAlarm;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.model.TaskCountHistory;
import dev.ecsdeck.provider.aws.AwsEcsProvider;
import dev.ecsdeck.provider.aws.AwsSettings;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.wire.WireServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CloudWatch through the SDK (the CloudWatch client speaks RPC v2 CBOR to the served simulator) gives the
 * same figures as the simulator read in process: two identical demo simulations, moved by the same time.
 */
class AwsMetricsMatchSimTest {
    private DemoSim sim;
    private ManualClock servedClock;
    private WireServer server;
    private AwsEcsProvider aws;

    @BeforeEach
    void setUp() throws Exception {
        sim = new DemoSim();
        servedClock = DemoSim.startClock();
        server = new WireServer(DemoSim.demoEngine(servedClock), ApiFaults.realTime(1), 0);
        aws = new AwsEcsProvider(new AwsSettings(null, "us-east-1", URI.create("http://127.0.0.1:" + server.port())));
        Duration run = Duration.ofMinutes(20);
        sim.clock.advance(run);
        servedClock.advance(run);
    }

    @AfterEach
    void tearDown() {
        aws.close();
        server.close();
        sim.provider.close();
    }

    @Test
    void serviceUtilizationIsTheSameValueForValue() {
        SimProvider in = sim.provider;
        Instant since = DemoSim.START.minus(Duration.ofHours(3));
        for (String service : List.of("web", "checkout")) {
            ServiceUtilization expected = in.serviceUtilization("prod-web", service, since).orElseThrow();
            ServiceUtilization actual = aws.serviceUtilization("prod-web", service, since).orElseThrow();
            assertTrue(expected.cpu().size() >= 20, "the demo has data to compare: " + expected.cpu().size());
            assertEquals(expected, actual, service);
            Duration fiveMinutes = Duration.ofMinutes(5);
            assertEquals(in.serviceUtilization("prod-web", service, since, fiveMinutes).orElseThrow(),
                    aws.serviceUtilization("prod-web", service, since, fiveMinutes).orElseThrow(), service + " over 5-minute periods");
        }
    }

    @Test
    void taskCountsAreTheSameWhereContainerInsightsIsOn() {
        Instant since = DemoSim.START.minus(Duration.ofHours(1));
        TaskCountHistory expected = sim.provider.serviceTaskCounts("prod-web", "web", since).orElseThrow();
        assertFalse(expected.running().isEmpty());
        assertEquals(expected, aws.serviceTaskCounts("prod-web", "web", since).orElseThrow());
        assertEquals(sim.provider.serviceTaskCounts("prod-batch", "reports-worker", since),
                aws.serviceTaskCounts("prod-batch", "reports-worker", since), "none where it is off");
    }

    @Test
    void theServedSimulatorsAlarmsReachTheProvider() {
        List<MetricAlarm> alarms = aws.describeServiceAlarms("prod-web", "orders-api");
        assertEquals(2, alarms.size(), "orders-api's target tracking policy has two alarms: " + alarms);
        assertTrue(alarms.get(0).alarmName().startsWith("TargetTracking-service/prod-web/orders-api-AlarmHigh-"), alarms.toString());
        assertEquals(alarms, aws.describeAlarms(alarms.stream().map(MetricAlarm::alarmName).toList()));
        assertEquals(java.util.Map.of("ClusterName", "prod-web", "ServiceName", "orders-api"), alarms.get(0).dimensions());
    }

}
