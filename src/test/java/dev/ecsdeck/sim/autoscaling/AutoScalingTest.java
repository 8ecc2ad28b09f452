package dev.ecsdeck.sim.autoscaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.MetricPoint;
import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.sim.SimFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Target tracking on the simulated CPU: a load step scales out within the cooldown rules, and back in after. */
class AutoScalingTest {
    private static final String RESOURCE = "service/test/api";
    private final SimFixture sim = new SimFixture();

    private void serviceWithTargetTracking(boolean disableScaleIn) {
        sim.createFargateService("api", sim.fargateTaskDefinition("api", "acme/api:1"), 2, null);
        sim.engine.services().defineLoad(sim.cluster, "api", 40.0, 30.0, java.util.Map.of());
        sim.engine.scaling().registerScalableTarget(RESOURCE, 2, 10);
        sim.engine.scaling().putTargetTrackingPolicy(RESOURCE, "cpu50",
                new TargetTrackingConfig(TargetTrackingConfig.CPU, null, 50, 60, 600, disableScaleIn));
        sim.advanceUntil("steady", Duration.ofMinutes(5), () -> SimFixture.steady(sim.service("api")));
    }

    private List<ScalingActivity> activities() {
        return sim.engine.scaling().activities(RESOURCE);
    }

    @Test
    void aLoadStepScalesOutThenBackInAfterTheCooldown() {
        serviceWithTargetTracking(false);
        sim.advance(Duration.ofMinutes(5));
        assertTrue(activities().isEmpty(), "40% CPU on target 50: nothing to do");

        Instant stepAt = sim.engine.now();
        sim.engine.services().setLoadFactor(sim.cluster, "api", 3.0);
        sim.advanceUntil("first scale-out", Duration.ofMinutes(5), () -> !activities().isEmpty());
        ScalingActivity first = activities().get(0);
        assertTrue(Duration.between(stepAt, first.startTime()).toMinutes() >= 2, "three datapoints above target first");
        assertEquals("Setting desired count to 4.", first.description(), "ceil(2 × 100% / 50%)");
        assertTrue(first.cause().contains("AlarmHigh") && first.cause().endsWith("triggered policy cpu50 changing the desired capacity from 2 to 4."));
        assertEquals("Successful", first.statusCode());

        sim.advanceUntil("second scale-out", Duration.ofMinutes(10), () -> activities().size() >= 2);
        ScalingActivity second = activities().get(0);
        assertTrue(Duration.between(first.startTime(), second.startTime()).getSeconds() >= 60, "scale-out cooldown of 60 s");
        assertEquals("Setting desired count to 5.", second.description(), "4 tasks at 60% → ceil(4 × 60 / 50)");
        sim.advanceUntil("running reaches 5", Duration.ofMinutes(5), () -> sim.service("api").runningCount() == 5);

        ServiceUtilization u = sim.engine.services().utilization(sim.cluster, "api", stepAt);
        assertTrue(u.cpu().stream().mapToDouble(MetricPoint::value).max().orElse(0) > 90, "the chart shows the spike");
        assertEquals(u.cpu().size(), u.memory().size());

        Instant dropAt = sim.engine.now();
        sim.engine.services().setLoadFactor(sim.cluster, "api", 1.0);
        sim.advanceUntil("scale-in", Duration.ofMinutes(30), () -> activities().get(0).description().equals("Setting desired count to 2."));
        ScalingActivity in = activities().get(0);
        assertTrue(Duration.between(dropAt, in.startTime()).toMinutes() >= 10, "15 low datapoints and the 600 s scale-in cooldown");
        assertTrue(in.cause().contains("AlarmLow"));
        sim.advanceUntil("back to 2 running", Duration.ofMinutes(5), () -> sim.service("api").runningCount() == 2
                && sim.service("api").desiredCount() == 2);
    }

    @Test
    void disableScaleInKeepsTheCapacity() {
        serviceWithTargetTracking(true);
        sim.engine.services().setLoadFactor(sim.cluster, "api", 3.0);
        sim.advanceUntil("scale-out", Duration.ofMinutes(10), () -> sim.service("api").desiredCount() > 2);
        int scaledTo = sim.service("api").desiredCount();
        sim.engine.services().setLoadFactor(sim.cluster, "api", 0.5);
        sim.advance(Duration.ofMinutes(40));
        assertEquals(scaledTo, sim.service("api").desiredCount());
        assertFalse(activities().stream().anyMatch(a -> a.cause().contains("AlarmLow")));
    }

    @Test
    void scaleInWaitsWhileADeploymentIsInProgress() {
        serviceWithTargetTracking(false);
        sim.engine.scaling().registerScalableTarget(RESOURCE, 1, 10);
        sim.engine.neverHealthyImage("acme/api:2");
        sim.engine.services().updateService(sim.cluster, "api", null, sim.fargateTaskDefinition("api", "acme/api:2"), false, null);
        sim.engine.services().setLoadFactor(sim.cluster, "api", 0.2);
        sim.advance(Duration.ofMinutes(40));
        assertEquals(2, sim.service("api").desiredCount(), "no scale-in during a deployment");
        assertTrue(activities().isEmpty());
    }

    @Test
    void aDesiredCountBelowTheMinimumIsRaised() {
        sim.createFargateService("api", sim.fargateTaskDefinition("api", "acme/api:1"), 1, null);
        sim.engine.scaling().registerScalableTarget(RESOURCE, 3, 6);
        sim.advance(Duration.ofMinutes(1));
        assertEquals(3, sim.service("api").desiredCount());
        assertEquals("Setting desired count to 3.", activities().get(0).description());
    }
}
