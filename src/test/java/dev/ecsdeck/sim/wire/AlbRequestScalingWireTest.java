package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.sim.AlbFixture;
import dev.ecsdeck.sim.SimFixture;
import dev.ecsdeck.sim.ecs.CreateServiceRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PredefinedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivityStatusCode;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/**
 * Target tracking on ALBRequestCountPerTarget set up with the real SDK's ApplicationAutoScalingClient:
 * a service of the demo's prod-web cluster behind an ALB, its scalable target registered and a policy
 * put with the target group's ResourceLabel over the wire; the simulated requests then scale it.
 */
class AlbRequestScalingWireTest {
    private static final String RESOURCE = "service/prod-web/shop";
    private WireFixture sim;
    private ApplicationAutoScalingClient scaling;
    private AlbFixture alb;

    @BeforeEach
    void start() throws IOException {
        sim = new WireFixture();
        scaling = SdkClients.against(sim.endpoint(), ApplicationAutoScalingClient.builder());
        alb = AlbFixture.create(sim.engine, "shop-alb", "ip", 8080, 0);
        String td = sim.engine.taskDefinitions().register("""
                {"family": "shop", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
                 "containerDefinitions": [{"name": "app", "image": "acme/shop:1", "essential": true, "portMappings": [{"containerPort": 8080}]}]}
                """).familyRevision();
        sim.engine.services().createService(new CreateServiceRequest("prod-web", "shop", td, 2, "FARGATE", null, "REPLICA",
                SimFixture.config(100, 200, false, false), SimFixture.VPC, null, null,
                List.of(new LoadBalancer(alb.blueGroup(), null, "app", 8080)), null, null));
        advanceUntil("2 healthy targets", Duration.ofMinutes(5), () -> healthyTargets() == 2);
    }

    @AfterEach
    void close() {
        scaling.close();
        sim.close();
    }

    private long healthyTargets() {
        return sim.engine.loadBalancing().describeTargetHealth(alb.blueGroup(), null).stream()
                .filter(t -> "healthy".equals(t.targetHealth().state())).count();
    }

    private void advanceUntil(String what, Duration limit, BooleanSupplier condition) {
        for (long s = 0; s < limit.getSeconds(); s++) {
            sim.engine.advance();
            if (condition.getAsBoolean()) {
                return;
            }
            sim.clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("not within " + limit + ": " + what);
    }

    private String label(String targetGroupArn) {
        synchronized (sim.engine) {
            return sim.engine.elb().resourceLabel(targetGroupArn);
        }
    }

    private void putPolicy(String label) {
        scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).minCapacity(1).maxCapacity(10));
        scaling.putScalingPolicy(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).policyName("shop-requests")
                .policyType(PolicyType.TARGET_TRACKING_SCALING).targetTrackingScalingPolicyConfiguration(c -> c.targetValue(1000.0)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(MetricType.ALB_REQUEST_COUNT_PER_TARGET).resourceLabel(label))));
    }

    private List<ScalingActivity> activities() {
        return scaling.describeScalingActivities(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(RESOURCE)).scalingActivities();
    }

    private int desiredCount() {
        return sim.engine.services().describeServices("prod-web", List.of("shop")).items().get(0).desiredCount();
    }

    @Test
    void aPolicyPutWithTheTargetGroupsLabelScalesOnItsRequestsPerTarget() {
        String label = label(alb.blueGroup());
        putPolicy(label);
        PredefinedMetricSpecification described = scaling.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)).scalingPolicies().get(0).targetTrackingScalingPolicyConfiguration().predefinedMetricSpecification();
        assertEquals(MetricType.ALB_REQUEST_COUNT_PER_TARGET, described.predefinedMetricType());
        assertEquals(label, described.resourceLabel());

        synchronized (sim.engine) {
            sim.engine.elb().setRequestRate(alb.loadBalancerArn(), 80); // 2400 per target per minute over 2 targets
        }
        advanceUntil("a scale-out", Duration.ofMinutes(5), () -> !activities().isEmpty());
        ScalingActivity out = activities().get(0);
        assertEquals("Setting desired count to 5.", out.description(), "ceil(2 × 2400 / 1000)");
        assertEquals(ScalingActivityStatusCode.SUCCESSFUL, out.statusCode());
        assertTrue(out.cause().endsWith("triggered policy shop-requests changing the desired capacity from 2 to 5."), out.cause());
        assertEquals(5, desiredCount());
        advanceUntil("5 healthy targets", Duration.ofMinutes(5), () -> healthyTargets() == 5);
    }

    @Test
    void aLabelNamingNoTargetGroupInUseShowsAsAFailedActivity() {
        String green = label(alb.greenGroup());
        String nothing = green.substring(0, green.lastIndexOf('/') + 1) + "0000000000000000";
        putPolicy(nothing);
        synchronized (sim.engine) {
            sim.engine.elb().setRequestRate(alb.loadBalancerArn(), 80);
        }
        advanceUntil("the policy says why it does nothing", Duration.ofMinutes(2), () -> !activities().isEmpty());
        sim.clock.advance(Duration.ofMinutes(10));

        List<ScalingActivity> all = activities();
        assertEquals(1, all.size(), "said once");
        assertEquals(ScalingActivityStatusCode.FAILED, all.get(0).statusCode());
        assertTrue(all.get(0).statusMessage().contains("the ResourceLabel " + nothing + " names no target group that a load balancer uses"),
                all.get(0).statusMessage());
        assertEquals(2, desiredCount());
    }
}
