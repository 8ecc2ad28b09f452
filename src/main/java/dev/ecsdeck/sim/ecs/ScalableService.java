package dev.ecsdeck.sim.ecs;

import java.time.Instant;

/**
 * An ECS service as Application Auto Scaling sees it: its desired count, its recent utilisation,
 * whether a deployment is under way, when it was last scaled; and the one change scaling makes,
 * the desired count (as the real service does through UpdateService).
 */
public final class ScalableService {
    private final SimService service;

    ScalableService(SimService service) {
        this.service = service;
    }

    public boolean isActive() {
        return "ACTIVE".equals(service.status);
    }

    public boolean isDaemon() {
        return service.isDaemon();
    }

    public int desiredCount() {
        return service.desiredCount;
    }

    /** A deployment is under way: more than one deployment, or the primary still rolling out. */
    public boolean deploying() {
        SimDeployment primary = service.primary();
        return service.deployments.size() > 1 || (primary != null && "IN_PROGRESS".equals(primary.rolloutState));
    }

    public Instant lastScaleOutAt() {
        return service.lastScaleOutAt;
    }

    public Instant lastScaleInAt() {
        return service.lastScaleInAt;
    }

    /** Why the desired count changes: a policy's scale-out or scale-in (each starts its cooldown), or the target's limits. */
    public enum Reason { SCALE_OUT, SCALE_IN, CAPACITY_LIMITS }

    /** Sets the desired count; the scheduler then starts or stops tasks. */
    public void scaleTo(int desired, Instant now, Reason reason) {
        if (reason == Reason.SCALE_OUT) {
            service.lastScaleOutAt = now;
        } else if (reason == Reason.SCALE_IN) {
            service.lastScaleInAt = now;
        }
        service.desiredCount = desired;
        service.steady = false;
    }
}
