package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeployment.DeploymentLifecycleHookDetail;
import dev.ecsdeck.model.ServiceDeployment.RollbackMonitor;
import dev.ecsdeck.model.ServiceDeployment.ServiceRevisionSummary;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Service deployments as the model's records: the brief ListServiceDeployments gives and the whole DescribeServiceDeployments does. */
final class ServiceDeploymentViews {
    static final Set<String> STATUSES = Set.of("PENDING", "SUCCESSFUL", "STOPPED", "STOP_REQUESTED", "IN_PROGRESS", "ROLLBACK_REQUESTED",
            "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED");

    private ServiceDeploymentViews() {}

    static ServiceDeploymentBrief brief(SimServiceDeployment sd, SimService svc, SimCluster c) {
        return new ServiceDeploymentBrief(sd.arn, svc.arn, c.arn, sd.startedAt, sd.createdAt, sd.finishedAt, sd.targetRevisionArn, sd.status,
                sd.statusReason);
    }

    static ServiceDeployment full(SimServiceDeployment sd, SimService svc, SimCluster c, ServiceDeployments deployments) {
        List<SimTask> tasks = c.tasksOf(svc.name);
        boolean shifting = sd.productionPercent != null;
        List<ServiceRevisionSummary> sources = new ArrayList<>();
        for (String arn : sd.sourceRevisionArns) {
            Double prod = shifting ? 100.0 - sd.productionPercent : null;
            Double test = shifting ? 100.0 - sd.testPercent : null;
            sources.add(summary(arn, svc, tasks, sd.inProgress() ? prod : null, sd.inProgress() ? test : null));
        }
        ServiceRevisionSummary target = summary(sd.targetRevisionArn, svc, tasks, shifting && sd.inProgress() ? sd.productionPercent : null,
                shifting && sd.inProgress() ? sd.testPercent : null);
        List<DeploymentLifecycleHookDetail> hooks = new ArrayList<>();
        for (SimServiceDeployment.HookRun h : sd.hooks) {
            hooks.add(new DeploymentLifecycleHookDetail(h.hookId, h.targetType, h.targetArn, h.status, h.expiresAt, h.timeoutAction));
        }
        ServiceDeployment.Rollback rollback = sd.rollbackStartedAt == null ? null
                : new ServiceDeployment.Rollback(sd.rollbackReason, sd.rollbackStartedAt, sd.rollbackRevisionArn);
        return new ServiceDeployment(sd.arn, svc.arn, c.arn, sd.createdAt, sd.startedAt, sd.finishedAt, sd.stoppedAt, sd.updatedAt, sources,
                target, sd.status, sd.statusReason, sd.lifecycleStage, hooks, sd.configuration, rollback, breaker(sd, svc),
                DeploymentAlarmWatch.view(sd));
    }

    private static RollbackMonitor breaker(SimServiceDeployment sd, SimService svc) {
        if (sd.breakerThreshold == null) {
            return new RollbackMonitor("DISABLED", 0, 0);
        }
        SimDeployment d = ServiceScheduler.deployment(svc, sd.targetDeploymentId);
        // Once tripped, the figure is the one that tripped it (the ECS deployment may go on counting).
        int failures = d == null || sd.breakerTriggered ? sd.breakerFailures : d.failedTasks;
        String status = sd.breakerTriggered ? "TRIGGERED" : sd.inProgress() ? "MONITORING" : "MONITORING_COMPLETE";
        return new RollbackMonitor(status, failures, sd.breakerThreshold);
    }

    /** A revision's tasks now: requested (its ECS deployments' desired counts), running and pending. */
    private static ServiceRevisionSummary summary(String revisionArn, SimService svc, List<SimTask> tasks, Double production, Double test) {
        int requested = 0;
        int running = 0;
        int pending = 0;
        for (SimDeployment d : svc.deployments) {
            if (revisionArn.equals(d.revisionArn)) {
                requested += d.desiredCount;
                for (SimTask t : tasks) {
                    if (d.id.equals(t.deploymentId) && t.wantsRunning()) {
                        if (t.isRunning()) {
                            running++;
                        } else {
                            pending++;
                        }
                    }
                }
            }
        }
        return new ServiceRevisionSummary(revisionArn, requested, running, pending, test, production);
    }
}
