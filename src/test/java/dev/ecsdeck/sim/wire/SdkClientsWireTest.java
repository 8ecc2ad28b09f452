package dev.ecsdeck.sim.wire;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.sim.ApiFaults;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The real AWS SDK for Java v2 clients, pointed at the server as a user points them at
 * {@code serve-sim}: they sign, send and unmarshal as against AWS, paginators and a waiter included.
 * Retries are off, so a throttled call shows instead of being retried after a sleep.
 */
class SdkClientsWireTest {
    private WireFixture sim;
    private EcsClient ecs;
    private CloudWatchLogsClient logs;
    private ApplicationAutoScalingClient scaling;

    @BeforeEach
    void start() throws IOException {
        sim = new WireFixture();
        ecs = SdkClients.against(sim.endpoint(), EcsClient.builder());
        logs = SdkClients.against(sim.endpoint(), CloudWatchLogsClient.builder());
        scaling = SdkClients.against(sim.endpoint(), ApplicationAutoScalingClient.builder());
    }

    @AfterEach
    void close() {
        ecs.close();
        logs.close();
        scaling.close();
        sim.close();
    }

    @Test
    void ecsCallsPaginatorsAndTheServicesStableWaiter() {
        assertEquals(3, ecs.listClusters().clusterArns().size());
        List<String> services = ecs.listServicesPaginator(r -> r.cluster("prod-web").maxResults(1)).serviceArns().stream()
                .collect(Collectors.toList());
        assertEquals(6, services.size(), "the paginator follows nextToken page by page");

        DescribeServicesResponse described = ecs.describeServices(r -> r.cluster("prod-web").services("web", "ghost"));
        assertEquals(4, described.services().get(0).runningCount());
        assertEquals(Instant.class, described.services().get(0).createdAt().getClass());
        assertTrue(described.services().get(0).createdAt().isBefore(sim.engine.now().plusSeconds(1)));
        assertEquals("MISSING", described.failures().get(0).reason());

        WaiterResponse<DescribeServicesResponse> stable = ecs.waiter().waitUntilServicesStable(r -> r.cluster("prod-web").services("web"));
        assertTrue(stable.matched().response().isPresent(), "web is steady: the waiter succeeds on its first look");

        TaskDefinition td = ecs.describeTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition();
        assertEquals("web", td.family());
        assertFalse(td.containerDefinitions().isEmpty());
        ContainerDefinition app = ContainerDefinition.builder().name("app").image("acme/sdk:1").memory(128).essential(true).build();
        TaskDefinition registered = ecs.registerTaskDefinition(r -> r.family("sdk").containerDefinitions(app)).taskDefinition();
        assertEquals(1, registered.revision());

        ClusterNotFoundException missing = assertThrows(ClusterNotFoundException.class, () -> ecs.listServices(r -> r.cluster("nope")));
        assertEquals(400, missing.statusCode());
        assertThat(missing.awsErrorDetails().errorMessage(), containsString("Cluster not found"));
    }

    @Test
    void throttlingReachesTheSdkAsThrottlingException() {
        sim.faults.configure(ApiFaults.Config.none().withRate(1, 1));
        ecs.listClusters();
        EcsException e = assertThrows(EcsException.class, () -> ecs.listClusters());
        assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
        assertTrue(e.isThrottlingException());
    }

    @Test
    void logsReadWithPaginatorsAndForwardTokens() {
        assertTrue(logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix("/ecs/").limit(2)).logGroups().stream().count() >= 5);
        String stream = logs.describeLogStreams(r -> r.logGroupName("/ecs/web").logStreamNamePrefix("ecs/web/")).logStreams().get(0)
                .logStreamName();
        GetLogEventsResponse first = logs.getLogEvents(r -> r.logGroupName("/ecs/web").logStreamName(stream).startFromHead(true).limit(20));
        assertEquals(20, first.events().size());
        assertTrue(first.events().get(0).timestamp() > 0);
        List<FilteredLogEvent> filtered = logs.filterLogEventsPaginator(r -> r.logGroupName("/ecs/web").logStreamNames(stream).limit(100))
                .events().stream().limit(250).collect(Collectors.toList());
        assertEquals(250, filtered.size(), "pages follow one another");
        assertEquals(filtered.size(), filtered.stream().map(FilteredLogEvent::eventId).distinct().count());
    }

    @Test
    void autoScalingRegisterPutDescribe() {
        scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .resourceId("service/prod-web/web").minCapacity(2).maxCapacity(8));
        var put = scaling.putScalingPolicy(r -> r.serviceNamespace(ServiceNamespace.ECS).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .resourceId("service/prod-web/web").policyName("cpu").policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))));
        assertEquals(2, put.alarms().size());
        var targets = scaling.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceIds("service/prod-web/web"));
        assertEquals(8, targets.scalableTargets().get(0).maxCapacity());
        assertTrue(targets.scalableTargets().get(0).creationTime().isBefore(sim.engine.now().plusSeconds(1)));
        var policies = scaling.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId("service/prod-web/web"));
        assertEquals(50.0, policies.scalingPolicies().get(0).targetTrackingScalingPolicyConfiguration().targetValue());
    }
}
