package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.DeploymentConfiguration;
import java.time.Instant;
import java.util.List;

/**
 * Counts a service's tasks that fail to start (they stop before they were ever healthy) against
 * their deployment; throttles launches after repeated failures (10 s doubling to 15 minutes, as
 * ECS's service throttle logic does); and trips the deployment circuit breaker, rolling back to
 * the last completed revision when rollback is on.
 */
final class CircuitBreaker {
    private final ServiceScheduler scheduler;

    CircuitBreaker(ServiceScheduler scheduler) {
        this.scheduler = scheduler;
    }

    void countFailures(SimService svc, List<SimTask> tasks, Instant now) {
        for (SimTask t : tasks) {
            boolean failed = "EssentialContainerExited".equals(t.stopCode) || "TaskFailedToStart".equals(t.stopCode) || t.failedHealthChecks;
            if (failed && !t.failureCounted) {
                t.failureCounted = true;
                SimDeployment d = ServiceScheduler.deployment(svc, t.deploymentId);
                if (!t.wasHealthy) {
                    svc.consecutiveStartFailures++;
                    if (d != null) {
                        d.failedTasks++;
                        d.updatedAt = now;
                    }
                    throttleLaunches(svc, now);
                }
            }
            // A task of the current deployment that became healthy ends a run of failed starts.
            SimDeployment primary = svc.primary();
            if (t.wasHealthy && !t.healthNoticed && primary != null && primary.id.equals(t.deploymentId)) {
                t.healthNoticed = true;
                svc.consecutiveStartFailures = 0;
                svc.launchesThrottledUntil = null;
            }
        }
        tripCircuitBreaker(svc, now);
    }

    private void throttleLaunches(SimService svc, Instant now) {
        int k = svc.consecutiveStartFailures;
        if (k < 3) {
            return;
        }
        long seconds = Math.min(ServiceScheduler.MAX_LAUNCH_DELAY.toSeconds(), 10L << Math.min(k - 3, 12));
        svc.launchesThrottledUntil = now.plusSeconds(seconds);
        if (k == 3) {
            scheduler.event(svc, now, "(service " + svc.name + ") is unable to consistently start tasks successfully. "
                    + "For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");
        }
    }

    private void tripCircuitBreaker(SimService svc, Instant now) {
        SimDeployment primary = svc.primary();
        DeploymentConfiguration config = svc.deploymentConfiguration;
        if (primary == null || config == null || !config.circuitBreakerEnabled() || !"IN_PROGRESS".equals(primary.rolloutState)) {
            return;
        }
        if (primary.failedTasks < ServiceScheduler.circuitBreakerThreshold(svc.desiredCount)) {
            return;
        }
        primary.setRollout("FAILED", "ECS deployment circuit breaker: tasks failed to start.", now);
        scheduler.event(svc, now, "(service " + svc.name + ") (deployment " + primary.id + ") deployment failed: tasks failed to start.");
        SimServiceDeployment shifting = TrafficShift.active(svc);
        if (shifting != null && !shifting.rollingBack()) {
            // Blue still serves: traffic stays with it and green is scaled in, whether or not rollback is on.
            shifting.breakerTriggered = true;
            shifting.breakerFailures = primary.failedTasks;
            scheduler.trafficShift.startRollback(svc, shifting, "Circuit breaker: tasks failed to start.", now);
            return;
        }
        String lastGood = svc.lastCompletedTaskDefinitionArn;
        if (!config.rollbackEnabled() || lastGood == null || lastGood.equals(primary.taskDefinitionArn)) {
            scheduler.serviceDeployments.breakerTripped(svc, primary, null, now);
            return;
        }
        SimDeployment rollback = scheduler.startDeployment(svc, lastGood, now);
        rollback.rolloutStateReason = "ECS deployment " + rollback.id + " in progress.";
        scheduler.event(svc, now, "(service " + svc.name + ") rolling back to deployment " + rollback.id + ".");
        scheduler.serviceDeployments.breakerTripped(svc, primary, rollback, now);
    }
}
