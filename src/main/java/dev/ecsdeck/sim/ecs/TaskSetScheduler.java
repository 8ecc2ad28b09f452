package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.sim.SimIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps each task set of an EXTERNAL service at its computed desired count (the service's desired
 * count times the task set's scale, rounded up): starts the missing tasks (startedBy the task set's id,
 * in the group {@code service:<name>}, as ECS starts them), replaces those that stop, stops the extra
 * ones (not yet running first, then the newest), stops a deleted task set's tasks, and works out each
 * task set's stability. The external controller decides the rest (which set is PRIMARY, the scales).
 */
final class TaskSetScheduler {
    private static final Duration PLACEMENT_EVENT_REPEAT = Duration.ofMinutes(5);

    private final SimIds ids;
    private final TaskLauncher launcher;
    private final TaskLifecycle lifecycle;
    private final TaskDefinitionRegistry taskDefinitions;

    TaskSetScheduler(SimIds ids, TaskLauncher launcher, TaskLifecycle lifecycle, TaskDefinitionRegistry taskDefinitions) {
        this.ids = ids;
        this.launcher = launcher;
        this.lifecycle = lifecycle;
        this.taskDefinitions = taskDefinitions;
    }

    void reconcile(SimCluster cluster, SimService svc, Instant now) {
        List<SimTask> tasks = new ArrayList<>(cluster.tasksOf(svc.name));
        if (!"ACTIVE".equals(svc.status)) {
            for (SimTaskSet ts : svc.taskSets) {
                ts.status = "DRAINING";
            }
        }
        List<SimTask> started = new ArrayList<>();
        List<SimTask> stopped = new ArrayList<>();
        boolean allSteady = true;
        for (SimTaskSet ts : new ArrayList<>(svc.taskSets)) {
            List<SimTask> live = new ArrayList<>();
            for (SimTask t : tasks) {
                if (ts.id.equals(t.deploymentId) && t.wantsRunning()) {
                    live.add(t);
                }
            }
            int want = ts.computedDesiredCount(svc.desiredCount);
            if (live.size() > want) {
                live.sort(Comparator.comparing((SimTask t) -> t.isRunning()).thenComparing(t -> t.createdAt, Comparator.reverseOrder()));
                for (SimTask t : new ArrayList<>(live.subList(0, live.size() - want))) {
                    String reason = ts.draining() ? "Task set " + ts.id + " is being deleted" : "Scaling activity initiated by (task set " + ts.id + ")";
                    lifecycle.requestStop(t, now, "ServiceSchedulerInitiated", reason);
                    live.remove(t);
                    stopped.add(t);
                }
            } else if (live.size() < want) {
                List<SimTask> more = launch(cluster, svc, ts, want - live.size(), now);
                live.addAll(more);
                started.addAll(more);
            }
            if (ts.draining() && tasks.stream().noneMatch(t -> ts.id.equals(t.deploymentId) && !t.isStopped())) {
                svc.taskSets.remove(ts);
                continue;
            }
            allSteady &= stability(cluster, ts, live, want, tasks, now);
        }
        List<SimTask> wereRunning = stopped.stream().filter(t -> t.startedAt != null).toList();
        if (!wereRunning.isEmpty()) {
            event(svc, now, "(service " + svc.name + ") has stopped " + wereRunning.size() + " running tasks: " + taskList(wereRunning) + ".");
        }
        if (!started.isEmpty()) {
            event(svc, now, "(service " + svc.name + ") has started " + started.size() + " tasks: " + taskList(started) + ".");
        }
        if (!"ACTIVE".equals(svc.status)) {
            if (svc.taskSets.isEmpty() && tasks.stream().allMatch(SimTask::isStopped)) {
                svc.status = "INACTIVE";
            }
            return;
        }
        boolean steady = allSteady && tasks.stream().noneMatch(t -> !t.wantsRunning() && !t.isStopped());
        if (steady && (!svc.steady || ServiceScheduler.steadyEventDue(svc, now))) {
            svc.lastSteadyEventAt = now;
            event(svc, now, "(service " + svc.name + ") has reached a steady state.");
        }
        svc.steady = steady;
    }

    /**
     * STEADY_STATE when as many tasks run as the task set wants, none is pending, none is on a draining
     * instance and all are healthy; STABILIZING otherwise. The time moves only when the status changes.
     */
    private static boolean stability(SimCluster cluster, SimTaskSet ts, List<SimTask> live, int want, List<SimTask> tasks, Instant now) {
        boolean steady = live.size() == want
                && live.stream().allMatch(t -> t.isRunning() && t.wasHealthy && !ServiceScheduler.onDrainingInstance(cluster, t))
                && tasks.stream().noneMatch(t -> ts.id.equals(t.deploymentId) && !t.wantsRunning() && !t.isStopped());
        String status = steady ? "STEADY_STATE" : "STABILIZING";
        if (!status.equals(ts.stabilityStatus)) {
            ts.stabilityStatus = status;
            ts.stabilityStatusAt = now;
        }
        return steady;
    }

    private List<SimTask> launch(SimCluster cluster, SimService svc, SimTaskSet ts, int count, Instant now) {
        List<SimTask> started = new ArrayList<>();
        SimTaskDefinition td = taskDefinitions.resolve(ts.taskDefinitionArn);
        for (int i = 0; i < count; i++) {
            TaskLauncher.Outcome outcome = launcher.launch(cluster, new TaskLauncher.Launch(td, ts.launchType, "service:" + svc.name,
                    ts.id, svc.placementConstraints, svc.placementStrategy, svc.name, ts.id, null, ts.networkConfiguration), now);
            if (outcome.task() == null) {
                if (svc.lastPlacementEventAt == null || !now.isBefore(svc.lastPlacementEventAt.plus(PLACEMENT_EVENT_REPEAT))) {
                    svc.lastPlacementEventAt = now;
                    event(svc, now, "(service " + svc.name + ", taskSet " + ts.id + ") was unable to place a task because " + outcome.failure());
                }
                break;
            }
            outcome.task().loadBalanced = !ts.loadBalancers.isEmpty();
            started.add(outcome.task());
        }
        return started;
    }

    private static String taskList(List<SimTask> tasks) {
        StringBuilder sb = new StringBuilder();
        for (SimTask t : tasks) {
            sb.append(sb.length() > 0 ? " " : "").append("(task ").append(t.id).append(')');
        }
        return sb.toString();
    }

    private void event(SimService svc, Instant now, String message) {
        svc.addEvent(new ServiceEvent(ids.uuid(), now, message));
    }
}
