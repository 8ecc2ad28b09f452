package dev.ecsdeck.sim.autoscaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.sim.AlbFixture;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimFixture;
import dev.ecsdeck.sim.ecs.CreateServiceRequest;
import dev.ecsdeck.sim.elb.CreateTargetGroupRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Target tracking on ALBRequestCountPerTarget: a service of 2 tasks behind an ALB (both listeners forward
 * to its target group), a policy of 1000 requests per target per minute. Rates are whole requests per
 * second so each minute's datapoint is exact: 80/s over 2 targets is 2400 per target per minute.
 */
class AlbRequestScalingTest {
    private static final String RESOURCE = "service/test/api";
    private static final String POLICY = "requests1000";
    private final SimFixture sim = new SimFixture();
    private final AlbFixture alb = AlbFixture.create(sim.engine, "api-alb", "ip", 8080, 0);

    private String label() {
        synchronized (sim.engine) {
            return sim.engine.elb().resourceLabel(alb.blueGroup());
        }
    }

    private void setRate(double perSecond) {
        synchronized (sim.engine) {
            sim.engine.elb().setRequestRate(alb.loadBalancerArn(), perSecond);
        }
    }

    /** ALBRequestCountPerTarget of the last whole minute. */
    private double lastMinutePerTarget() {
        synchronized (sim.engine) {
            return sim.engine.elb().requestCountPerTarget(alb.blueGroup(), sim.engine.now().getEpochSecond() / 60 - 1);
        }
    }

    private long healthyTargets() {
        return sim.engine.loadBalancing().describeTargetHealth(alb.blueGroup(), null).stream()
                .filter(t -> "healthy".equals(t.targetHealth().state())).count();
    }

    private List<ScalingActivity> activities() {
        return sim.engine.scaling().activities(RESOURCE);
    }

    /** Moves the clock to the next minute boundary, where Application Auto Scaling looks at the metrics. */
    private Instant toMinuteBoundary() {
        long second = sim.engine.now().getEpochSecond() % 60;
        if (second != 0) {
            sim.advance(Duration.ofSeconds(60 - second));
        }
        return sim.engine.now();
    }

    /** 2 tasks, healthy in the target group, 20 requests/s (600 per target per minute), the policy on the group's label. */
    private void serviceWithRequestTracking(String label) {
        String td = sim.fargateTaskDefinition("api", "acme/api:1");
        sim.engine.services().createService(new CreateServiceRequest(sim.cluster, "api", td, 2, "FARGATE", null, "REPLICA",
                SimFixture.config(100, 200, false, false), SimFixture.VPC, null, null,
                List.of(new LoadBalancer(alb.blueGroup(), null, "app", 8080)), null, null));
        sim.advanceUntil("steady and healthy in the target group", Duration.ofMinutes(5),
                () -> SimFixture.steady(sim.service("api")) && healthyTargets() == 2);
        setRate(20);
        sim.engine.scaling().registerScalableTarget(RESOURCE, 1, 10);
        sim.engine.scaling().putTargetTrackingPolicy(RESOURCE, POLICY,
                new TargetTrackingConfig(TargetTrackingConfig.ALB_REQUESTS, label, 1000, null, null, false));
        toMinuteBoundary();
        sim.advance(Duration.ofMinutes(5));
        assertEquals(600, lastMinutePerTarget(), "20/s × 60 s over 2 targets");
    }

    /** Raises the rate to 80/s (2400 per target per minute, 2.4 × target) at a minute boundary; returns when the 5 tasks serve. */
    private Instant scaledOutToFive() {
        sim.advance(Duration.ofMinutes(15));
        assertTrue(activities().isEmpty(), "600 is below 900, but ceil(2 × 600 / 1000) = 2 tasks are needed: nothing to do");
        Instant raisedAt = toMinuteBoundary();
        setRate(80);
        sim.advance(Duration.ofSeconds(179));
        assertTrue(activities().isEmpty(), "two minutes above target are not three");
        assertEquals(2, sim.service("api").desiredCount());
        sim.advance(Duration.ofSeconds(1));
        assertEquals(1, activities().size());
        ScalingActivity out = activities().get(0);
        assertEquals(raisedAt.plusSeconds(180), out.startTime(), "on the minute the third datapoint above target is complete");
        assertEquals(2400, lastMinutePerTarget());
        assertEquals("Setting desired count to 5.", out.description(), "ceil(2 × 2400 / 1000)");
        assertTrue(out.cause().startsWith("monitor alarm TargetTracking-" + RESOURCE + "-AlarmHigh-"), out.cause());
        assertTrue(out.cause().endsWith(" in state ALARM triggered policy " + POLICY + " changing the desired capacity from 2 to 5."), out.cause());
        assertEquals("Successful", out.statusCode());
        assertEquals(5, sim.service("api").desiredCount());
        sim.advanceUntil("5 healthy targets", Duration.ofMinutes(5), () -> healthyTargets() == 5 && sim.service("api").runningCount() == 5);
        return raisedAt;
    }

    @Test
    void requestsAboveTargetForThreeMinutesScaleOutToTheMetricsShareThenSettle() {
        serviceWithRequestTracking(label());
        scaledOutToFive();

        sim.advance(Duration.ofMinutes(30));
        assertEquals(960, lastMinutePerTarget(), "the same 80/s over 5 targets: below 1000, above 900");
        assertEquals(1, activities().size(), "settled: neither alarm fires");
        assertEquals(5, sim.service("api").desiredCount());
    }

    @Test
    void requestsBelowNinetyPercentForFifteenMinutesScaleIn() {
        serviceWithRequestTracking(label());
        scaledOutToFive();
        sim.advance(Duration.ofMinutes(10)); // past the 300 s scale-in cooldown that the scale-out started

        Instant loweredAt = toMinuteBoundary();
        setRate(20);
        sim.advance(Duration.ofSeconds(15 * 60 - 1));
        assertEquals(1, activities().size(), "fourteen minutes below 900 are not fifteen");
        sim.advance(Duration.ofSeconds(1));
        ScalingActivity in = activities().get(0);
        assertEquals(loweredAt.plusSeconds(15 * 60), in.startTime());
        assertEquals(240, lastMinutePerTarget(), "20/s over 5 targets");
        assertEquals("Setting desired count to 2.", in.description(), "ceil(5 × 240 / 1000), above the minimum of 1");
        assertTrue(in.cause().contains("-AlarmLow-") && in.cause().endsWith("changing the desired capacity from 5 to 2."), in.cause());

        sim.advanceUntil("2 running", Duration.ofMinutes(5), () -> sim.service("api").runningCount() == 2);
        sim.advance(Duration.ofMinutes(30));
        assertEquals(600, lastMinutePerTarget());
        assertEquals(2, activities().size(), "settled at 2: 600 is still below 900, but 2 tasks are what the metric needs");
    }

    @Test
    void noRequestsAtAllIsNoDataNotZero() {
        serviceWithRequestTracking(label());
        scaledOutToFive();
        sim.advance(Duration.ofMinutes(10));
        setRate(0);
        sim.advance(Duration.ofMinutes(30));
        assertEquals(5, sim.service("api").desiredCount(), "ELB publishes nothing for a minute without requests: no low alarm");
        assertEquals(1, activities().size());
    }

    @Test
    void noScaleInWhileADeploymentIsInProgress() {
        serviceWithRequestTracking(label());
        scaledOutToFive();
        sim.advance(Duration.ofMinutes(10));
        sim.engine.neverHealthyImage("acme/api:2");
        sim.engine.services().updateService(sim.cluster, "api", null, sim.fargateTaskDefinition("api", "acme/api:2"), false, null);
        setRate(20);

        sim.advance(Duration.ofMinutes(40));
        assertTrue(lastMinutePerTarget() < 900, "the metric is low: " + lastMinutePerTarget());
        assertTrue(sim.service("api").deployments().size() > 1, "the deployment is still in progress");
        assertEquals(5, sim.service("api").desiredCount(), "no scale-in during a deployment");
        assertEquals(1, activities().size());
    }

    @Test
    void aLabelNamingNoTargetGroupInUseDoesNothingAndSaysSo() {
        String typo = label().replace("targetgroup/api-alb-blue/", "targetgroup/api-alb-bleu/");
        serviceWithRequestTracking(typo);
        Instant raisedAt = toMinuteBoundary();
        setRate(80);
        sim.advance(Duration.ofMinutes(10));

        assertEquals(2, sim.service("api").desiredCount(), "2400 per target, but the policy reads another group's metric");
        assertEquals(1, activities().size(), "said once, not every minute");
        ScalingActivity said = activities().get(0);
        assertTrue(said.startTime().isBefore(raisedAt), "said at the first minute the policy looked");
        assertEquals("Failed", said.statusCode());
        assertEquals("Not scaling: policy " + POLICY + " has no ALBRequestCountPerTarget data.", said.description());
        assertEquals("No ALBRequestCountPerTarget data: the ResourceLabel " + typo + " names no target group that a load balancer uses,"
                + " so the policy's alarms have insufficient data and it does not scale.", said.statusMessage());

        // The label put right, the same policy tracks the group's metric.
        sim.engine.scaling().putTargetTrackingPolicy(RESOURCE, POLICY,
                new TargetTrackingConfig(TargetTrackingConfig.ALB_REQUESTS, label(), 1000, null, null, false));
        sim.advance(Duration.ofMinutes(1));
        assertEquals(5, sim.service("api").desiredCount(), "the last three minutes were already above target");
        assertEquals("Setting desired count to 5.", activities().get(0).description());
    }

    @Test
    void aTargetGroupThatNoListenerUsesIsNoMetricEither() {
        String unused = sim.engine.loadBalancing().createTargetGroup(CreateTargetGroupRequest.http("spare", 8080,
                "vpc-0sim0default", "ip")).targetGroupArn();
        String spareLabel = label().replaceFirst("targetgroup/.*$", unused.substring(unused.indexOf("targetgroup/")));
        serviceWithRequestTracking(spareLabel);
        assertEquals(1, activities().size(), activities().toString());
        assertEquals("Failed", activities().get(0).statusCode());
        assertTrue(activities().get(0).statusMessage().contains(spareLabel));
    }

    @Test
    void aLabelIsRequiredForAlbRequestsAndOnlyForThem() {
        sim.createFargateService("api", sim.fargateTaskDefinition("api", "acme/api:1"), 2, null);
        sim.engine.scaling().registerScalableTarget(RESOURCE, 1, 10);
        SimApiException missing = assertThrows(SimApiException.class, () -> sim.engine.scaling().putTargetTrackingPolicy(RESOURCE, POLICY,
                new TargetTrackingConfig(TargetTrackingConfig.ALB_REQUESTS, null, 1000, null, null, false)));
        assertEquals("ResourceLabel is required for ALBRequestCountPerTarget.", missing.getMessage());
        SimApiException extra = assertThrows(SimApiException.class, () -> sim.engine.scaling().putTargetTrackingPolicy(RESOURCE, "cpu",
                new TargetTrackingConfig(TargetTrackingConfig.CPU, label(), 50, null, null, false)));
        assertTrue(extra.getMessage().contains("unless the metric type is ALBRequestCountPerTarget"), extra.getMessage());
        assertTrue(sim.engine.scaling().describe(RESOURCE).policies().isEmpty(), "neither was stored");
    }
}
