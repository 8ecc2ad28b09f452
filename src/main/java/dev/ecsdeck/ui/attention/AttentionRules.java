package dev.ecsdeck.ui.attention;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.ContainerInstance;
import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.ui.attention.AttentionItem.Kind;
import dev.ecsdeck.ui.common.TimeFormat;
import dev.ecsdeck.ui.tree.ServiceHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What counts as needing attention, from what ECS returns (no state of its own). ECS does not record
 * when a service's running count fell below its desired count, so that rule measures from the last
 * "steady state" event (or the start of the current deployment, if later): the time shown says which.
 */
public final class AttentionRules {
    /** Running below desired counts once it has not been steady for this long. */
    public static final Duration BELOW_DESIRED_FOR = Duration.ofMinutes(3);
    /** A rollout still in progress after this long is not finishing. */
    public static final Duration DEPLOYMENT_STUCK_AFTER = Duration.ofMinutes(10);
    /** Stopped tasks this recent count as failing (ECS keeps stopped tasks for about an hour). */
    public static final Duration RECENT_FAILURES = Duration.ofHours(1);

    private AttentionRules() {}

    /** Everything wrong with one service; {@code stoppedTasks} are the cluster's stopped tasks (any service). */
    public static List<AttentionItem> ofService(String cluster, EcsService s, List<EcsTask> stoppedTasks, Instant now) {
        return ofService(cluster, s, stoppedTasks, now, null);
    }

    /**
     * As above, with the service deployment in flight when there is one and it could be read: a PAUSE
     * hook awaiting action needs someone at once, and a traffic-shifting deployment's stage says where it is.
     */
    public static List<AttentionItem> ofService(String cluster, EcsService s, List<EcsTask> stoppedTasks, Instant now,
            ServiceDeployment inFlight) {
        List<AttentionItem> items = new ArrayList<>();
        String name = s.serviceName();
        ServiceHealth health = ServiceHealth.of(s);
        Deployment primary = s.deployments().stream().filter(Deployment::isPrimary).findFirst().orElse(null);
        if (health.deploymentFailed()) {
            Deployment failed = s.deployments().stream().filter(Deployment::failed).findFirst().orElseThrow();
            items.add(AttentionItem.ofService(cluster, name, Kind.DEPLOYMENT_FAILED, "Deployment of " + Arns.familyRevision(failed.taskDefinition())
                    + " failed" + reason(failed.rolloutStateReason()), failed.updatedAt(), "deployment last updated"));
        } else if (health.rolledBack()) {
            items.add(rollback(cluster, s));
        }
        AttentionItem failing = tasksFailing(cluster, s, primary, stoppedTasks, now);
        if (failing != null) {
            items.add(failing);
        }
        AttentionItem below = belowDesired(cluster, s, primary, now);
        if (below != null) {
            items.add(below);
        }
        AttentionItem waiting = awaitingAction(cluster, s, inFlight);
        if (waiting != null) {
            items.add(waiting);
        }
        // A rollout held up by failing tasks already says why; one that just hangs says so here. A traffic-shifting
        // deployment whose tasks all run is waiting on purpose (test traffic, canary or linear steps, bake time, a hook).
        boolean plannedWait = s.deploymentConfiguration() != null && s.deploymentConfiguration().shiftsTraffic() && primary != null
                && primary.runningCount() >= primary.desiredCount();
        if (failing == null && waiting == null && !plannedWait && !health.deploymentFailed() && primary != null && primary.inProgress()
                && primary.createdAt() != null && !primary.createdAt().plus(DEPLOYMENT_STUCK_AFTER).isAfter(now)) {
            String stage = inFlight == null || inFlight.lifecycleStage() == null ? "" : " at stage " + inFlight.lifecycleStage();
            items.add(AttentionItem.ofService(cluster, name, Kind.DEPLOYMENT_STUCK, "Deployment of " + Arns.familyRevision(primary.taskDefinition())
                    + " still in progress" + stage + ": " + primary.runningCount() + " of " + primary.desiredCount() + " running",
                    primary.createdAt(), "deployment start"));
        }
        return items;
    }

    /** A PAUSE hook of the deployment in flight that waits for someone to continue or roll back, or null. */
    private static AttentionItem awaitingAction(String cluster, EcsService s, ServiceDeployment inFlight) {
        if (inFlight == null) {
            return null;
        }
        for (ServiceDeployment.DeploymentLifecycleHookDetail hook : inFlight.lifecycleHookDetails()) {
            if ("AWAITING_ACTION".equals(hook.status())) {
                String stage = inFlight.lifecycleStage() == null ? "" : " at " + inFlight.lifecycleStage();
                String strategy = inFlight.deploymentConfiguration() == null ? "" : " ("
                        + inFlight.deploymentConfiguration().strategyOrDefault().toLowerCase(java.util.Locale.ROOT).replace('_', '/') + ")";
                String expiry = hook.expiresAt() == null ? "" : "; if nobody acts, it will "
                        + ("CONTINUE".equals(hook.timeoutAction()) ? "continue" : "roll back") + " at " + TimeFormat.local(hook.expiresAt());
                return AttentionItem.ofService(cluster, s.serviceName(), Kind.AWAITING_ACTION, "Deployment of "
                        + Arns.familyRevision(s.taskDefinition()) + strategy + " waits for you at a PAUSE hook" + stage
                        + ": continue or roll back in its Deployments tab" + expiry, inFlight.updatedAt(),
                        "deployment last updated");
            }
        }
        return null;
    }

    private static AttentionItem rollback(String cluster, EcsService s) {
        List<ServiceEvent> events = s.events();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).message().contains(") rolling back to deployment ")) {
                String why = "";
                // The failure that caused it is logged at the same moment, just before (older).
                for (int j = i + 1; j < events.size() && Objects.equals(events.get(j).createdAt(), events.get(i).createdAt()); j++) {
                    String m = events.get(j).message();
                    int at = m.indexOf("deployment failed: ");
                    if (at >= 0) {
                        why = " after its deployment failed: " + m.substring(at + "deployment failed: ".length());
                    }
                }
                return AttentionItem.ofService(cluster, s.serviceName(), Kind.ROLLED_BACK, "Rolled back" + why, events.get(i).createdAt(),
                        "rollback event");
            }
        }
        return AttentionItem.ofService(cluster, s.serviceName(), Kind.ROLLED_BACK, "Rolled back", null, "not in its events");
    }

    /** Recent stopped tasks of the current revision that exited non-zero or failed to start; else the deployment's failed-task count. */
    private static AttentionItem tasksFailing(String cluster, EcsService s, Deployment primary, List<EcsTask> stoppedTasks, Instant now) {
        Instant after = now.minus(RECENT_FAILURES);
        List<EcsTask> failed = stoppedTasks.stream()
                .filter(t -> ("service:" + s.serviceName()).equals(t.group()) && Objects.equals(t.taskDefinitionArn(), s.taskDefinition()))
                .filter(t -> t.stoppedAt() != null && t.stoppedAt().isAfter(after) && failedTask(t))
                .sorted(Comparator.comparing(EcsTask::stoppedAt))
                .toList();
        if (!failed.isEmpty()) {
            TreeSet<Integer> codes = new TreeSet<>();
            failed.forEach(t -> t.containers().stream().map(c -> c.exitCode()).filter(c -> c != null && c != 0).forEach(codes::add));
            String exits = codes.isEmpty() ? "" : " (exit " + String.join(", ", codes.stream().map(String::valueOf).toList()) + ")";
            return AttentionItem.ofService(cluster, s.serviceName(), Kind.TASKS_FAILING, dev.ecsdeck.ui.common.Plural.of(failed.size(), "task")
                    + " of " + Arns.familyRevision(s.taskDefinition()) + " failed in the last hour" + exits + ", the latest at "
                    + TimeFormat.compact(failed.get(failed.size() - 1).stoppedAt(), now), failed.get(0).stoppedAt(), "first failed task kept by ECS");
        }
        if (primary != null && primary.failedTasks() > 0 && !primary.failed()) {
            return AttentionItem.ofService(cluster, s.serviceName(), Kind.TASKS_FAILING, dev.ecsdeck.ui.common.Plural.of(primary.failedTasks(), "task")
                    + " of the current deployment failed", primary.createdAt(), "deployment start");
        }
        return null;
    }

    static boolean failedTask(EcsTask t) {
        String reason = t.stoppedReason() == null ? "" : t.stoppedReason();
        if ("TaskFailedToStart".equals(t.stopCode()) || reason.contains("failed container health checks")
                || reason.contains("failed ELB health checks")) {
            return true;
        }
        // Stopped on purpose (scale-in, deployment, drain, a user): its exit code is the stop's kill, not a failure.
        if ("ServiceSchedulerInitiated".equals(t.stopCode()) || "UserInitiated".equals(t.stopCode())
                || "SpotInterruption".equals(t.stopCode()) || "TerminationNotice".equals(t.stopCode())) {
            return false;
        }
        return t.containers().stream().anyMatch(c -> c.exitCode() != null && c.exitCode() != 0);
    }

    private static AttentionItem belowDesired(String cluster, EcsService s, Deployment primary, Instant now) {
        if (s.runningCount() >= s.desiredCount()) {
            return null;
        }
        Instant steady = s.events().stream().filter(e -> e.message().endsWith("has reached a steady state.")).map(ServiceEvent::createdAt)
                .filter(Objects::nonNull).findFirst().orElse(null);
        Instant since = steady;
        String basis = "last steady state";
        if (primary != null && primary.createdAt() != null && (since == null || primary.createdAt().isAfter(since))) {
            since = primary.createdAt();
            basis = steady == null ? "deployment start; no steady state in its events" : "deployment start, after its last steady state";
        }
        if (since == null) {
            since = s.createdAt();
            basis = "service created";
        }
        if (since == null || since.plus(BELOW_DESIRED_FOR).isAfter(now)) {
            return null;
        }
        return AttentionItem.ofService(cluster, s.serviceName(), Kind.BELOW_DESIRED, "Running " + s.runningCount() + " of " + s.desiredCount()
                + " desired (" + s.pendingCount() + " pending)", since, basis);
    }

    /**
     * An instance that is not ACTIVE or whose agent is disconnected. ECS does not say since when, so
     * {@code firstSeen} is when this console first saw it so.
     */
    public static List<AttentionItem> ofInstance(String cluster, ContainerInstance i, Instant firstSeen) {
        List<AttentionItem> items = new ArrayList<>();
        String subject = i.ec2InstanceId() == null ? Arns.lastSegment(i.containerInstanceArn()) : i.ec2InstanceId();
        if (!"ACTIVE".equals(i.status())) {
            items.add(new AttentionItem(cluster, null, i.containerInstanceArn(), subject, Kind.INSTANCE_NOT_ACTIVE,
                    "Instance is " + i.status() + reason(i.statusReason()), firstSeen, "first seen so by this console"));
        }
        if (!i.agentConnected()) {
            items.add(new AttentionItem(cluster, null, i.containerInstanceArn(), subject, Kind.AGENT_DISCONNECTED,
                    "ECS agent disconnected (" + i.runningTasksCount() + " tasks reported running)", firstSeen, "first seen so by this console"));
        }
        return items;
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }
}
