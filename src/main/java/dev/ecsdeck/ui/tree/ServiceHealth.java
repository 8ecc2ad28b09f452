package dev.ecsdeck.ui.tree;

import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.ServiceEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * What a service row's badges say, read from the service alone: a deployment in progress, a failed
 * deployment, a recent rollback (its deployment is gone once replaced, but the events keep it), and
 * tasks of the current deployment failing to start.
 */
public record ServiceHealth(boolean deploying, boolean deploymentFailed, boolean rolledBack, boolean tasksFailing) {
    /** A rollback shows for this long after its event. */
    static final Duration ROLLBACK_SHOWN = Duration.ofHours(1);

    public static ServiceHealth of(EcsService s) {
        boolean deploying = s.deployments().size() > 1 || s.deployments().stream().anyMatch(Deployment::inProgress);
        boolean failed = s.deployments().stream().anyMatch(Deployment::failed);
        Instant newestEvent = s.events().isEmpty() ? null : s.events().get(0).createdAt();
        boolean rolledBack = false;
        for (ServiceEvent e : s.events()) {
            if (newestEvent != null && e.createdAt() != null && e.createdAt().isBefore(newestEvent.minus(ROLLBACK_SHOWN))) {
                break;
            }
            if (e.message().contains(") rolling back to deployment ")) {
                rolledBack = true;
                break;
            }
        }
        boolean tasksFailing = s.deployments().stream().anyMatch(d -> d.isPrimary() && d.failedTasks() > 0 && !d.failed());
        return new ServiceHealth(deploying, failed, rolledBack, tasksFailing);
    }
}
