package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.sim.SimIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The service scheduler: keeps each service at its desired count and rolls deployments as ECS does.
 *
 * <p>Rolling update rules: during a deployment at most floor(desired × maximumPercent / 100) tasks
 * may be wanted at once, and at least ceil(desired × minimumHealthyPercent / 100) healthy tasks
 * must stay. New tasks start up to the first bound; old ones stop down to the second. The circuit
 * breaker fails a deployment after max(3, ceil(desired / 2)) (at most 200) failed tasks and, with
 * rollback on, deploys the last completed revision again.
 */
final class ServiceScheduler {
    static final Duration STEADY_EVENT_REPEAT = Duration.ofHours(6);
    static final Duration PROBLEM_EVENT_REPEAT = Duration.ofMinutes(5);
    static final Duration MAX_LAUNCH_DELAY = Duration.ofMinutes(15);

    private final SimIds ids;
    private final TaskLauncher launcher;
    private final TaskLifecycle lifecycle;
    private final TaskDefinitionRegistry taskDefinitions;
    private final CircuitBreaker breaker = new CircuitBreaker(this);
    final DeploymentAlarmWatch alarmWatch = new DeploymentAlarmWatch(this);
    final ServiceDeployments serviceDeployments;
    final TrafficShift trafficShift;
    /** Tasks protected from scale-in and from replacement by deployments (UpdateTaskProtection). */
    final TaskProtection protection = new TaskProtection();

    ServiceScheduler(SimIds ids, TaskLauncher launcher, TaskLifecycle lifecycle, TaskDefinitionRegistry taskDefinitions,
            LoadBalancing loadBalancing, LambdaHooks lambdas) {
        this.ids = ids;
        this.launcher = launcher;
        this.lifecycle = lifecycle;
        this.taskDefinitions = taskDefinitions;
        this.serviceDeployments = new ServiceDeployments(ids, this, taskDefinitions);
        this.trafficShift = new TrafficShift(ids, this, loadBalancing, lambdas);
    }

    static int minimumHealthy(int desired, int minimumHealthyPercent) {
        return (int) Math.ceil(desired * minimumHealthyPercent / 100.0);
    }

    static int maximumTotal(int desired, int maximumPercent) {
        return (int) Math.floor(desired * maximumPercent / 100.0);
    }

    static int circuitBreakerThreshold(int desired) {
        return Math.min(200, Math.max(3, (int) Math.ceil(desired * 0.5)));
    }

    /** Whether a steady service is due its periodic "reached a steady state" event. */
    static boolean steadyEventDue(SimService svc, Instant now) {
        return svc.steady && svc.lastSteadyEventAt != null && !now.isBefore(svc.lastSteadyEventAt.plus(STEADY_EVENT_REPEAT));
    }

    /** Starts a deployment of {@code taskDefinitionArn} as the new PRIMARY; the previous ones drain. */
    SimDeployment startDeployment(SimService svc, String taskDefinitionArn, Instant now) {
        SimDeployment previous = svc.primary();
        if (previous != null) {
            previous.status = "ACTIVE";
            previous.updatedAt = now;
        }
        SimDeployment d = new SimDeployment(ids.deploymentId(), taskDefinitionArn, svc.desiredCount, svc.launchType, now);
        svc.deployments.add(0, d);
        svc.taskDefinitionArn = taskDefinitionArn;
        svc.steady = false;
        svc.consecutiveStartFailures = 0;
        svc.launchesThrottledUntil = null;
        return d;
    }

    void reconcile(SimCluster cluster, SimService svc, Instant now) {
        List<SimTask> tasks = new ArrayList<>(cluster.tasksOf(svc.name));
        breaker.countFailures(svc, tasks, now);
        if ("ACTIVE".equals(svc.status)) {
            alarmWatch.check(svc, now);
        }
        if (!"ACTIVE".equals(svc.status)) {
            drainDeleted(svc, tasks, now);
            return;
        }
        SimServiceDeployment current = svc.currentServiceDeployment();
        SimServiceDeployment shifting = TrafficShift.active(svc);
        if (current != null && shifting == null && "ROLLBACK_REQUESTED".equals(current.status)) {
            serviceDeployments.rollBackRolling(svc, current, current.rollbackReason, now);
        }
        if (svc.isDaemon()) {
            reconcileDaemon(cluster, svc, tasks, now);
        } else if (shifting != null) {
            trafficShift.reconcile(cluster, svc, shifting, tasks, now);
        } else {
            reconcileReplica(cluster, svc, tasks, now);
        }
        retireDrainedDeployments(svc, tasks, now);
        checkCompletion(svc, tasks, now);
    }

    // ---- REPLICA ----

    private void reconcileReplica(SimCluster cluster, SimService svc, List<SimTask> tasks, Instant now) {
        SimDeployment primary = svc.primary();
        if (primary == null) {
            return;
        }
        int desired = svc.desiredCount;
        primary.desiredCount = desired;
        DeploymentConfiguration config = svc.deploymentConfiguration == null
                ? DeploymentConfiguration.defaults() : svc.deploymentConfiguration;
        int minHealthy = minimumHealthy(desired, config.minimumHealthyPercentOrDefault());
        int maxTotal = maximumTotal(desired, config.maximumPercentOrDefault());

        // A task on a draining instance is replaced like an old deployment's: its replacement starts
        // elsewhere within maximumPercent, and it stops once minimumHealthyPercent allows.
        List<SimTask> primaryLive = new ArrayList<>();
        List<SimTask> oldLive = new ArrayList<>();
        for (SimTask t : tasks) {
            if (t.wantsRunning()) {
                (primary.id.equals(t.deploymentId) && !onDrainingInstance(cluster, t) ? primaryLive : oldLive).add(t);
            }
        }
        List<SimTask> stopped = new ArrayList<>();

        // Scale-in of the primary: pending tasks first, then the newest; protected tasks stay.
        if (primaryLive.size() > desired) {
            primaryLive.sort(Comparator.comparing((SimTask t) -> t.isRunning()).thenComparing(t -> t.createdAt, Comparator.reverseOrder()));
            List<SimTask> stoppable = protection.unprotected(primaryLive, now);
            for (SimTask t : new ArrayList<>(stoppable.subList(0, Math.min(stoppable.size(), primaryLive.size() - desired)))) {
                lifecycle.requestStop(t, now, "ServiceSchedulerInitiated", "Scaling activity initiated by (deployment " + primary.id + ")");
                primaryLive.remove(t);
                stopped.add(t);
            }
        }

        // Old tasks that are not running yet hold no health: they go at once.
        for (SimTask t : new ArrayList<>(oldLive)) {
            if (!t.isRunning() && !protection.holds(t, now)) {
                lifecycle.requestStop(t, now, "ServiceSchedulerInitiated", replacedReason(cluster, t));
                oldLive.remove(t);
                stopped.add(t);
            }
        }

        int healthy = 0;
        for (SimTask t : primaryLive) {
            healthy += t.wasHealthy ? 1 : 0;
        }
        for (SimTask t : oldLive) {
            healthy += t.wasHealthy ? 1 : 0;
        }

        // Stop old running tasks down to the minimum healthy.
        int canStop = healthy - minHealthy;
        oldLive.sort(Comparator.comparing((SimTask t) -> t.wasHealthy).thenComparing(t -> t.createdAt));
        for (SimTask t : new ArrayList<>(oldLive)) {
            if ((!t.wasHealthy || canStop > 0) && !protection.holds(t, now)) {
                if (t.wasHealthy) {
                    canStop--;
                }
                lifecycle.requestStop(t, now, "ServiceSchedulerInitiated", replacedReason(cluster, t));
                oldLive.remove(t);
                stopped.add(t);
            }
        }

        // Start primary tasks up to the desired count, within the maximum total.
        int want = desired - primaryLive.size();
        int room = oldLive.isEmpty() ? want : maxTotal - primaryLive.size() - oldLive.size();
        int toStart = Math.max(0, Math.min(want, room));
        List<SimTask> started = new ArrayList<>();
        boolean throttled = svc.launchesThrottledUntil != null && now.isBefore(svc.launchesThrottledUntil);
        if (toStart > 0 && !throttled) {
            started = launch(cluster, svc, primary, toStart, null, now);
        }

        if (!stopped.isEmpty()) {
            List<SimTask> wereRunning = stopped.stream().filter(t -> t.startedAt != null).toList();
            if (!wereRunning.isEmpty()) {
                event(svc, now, "(service " + svc.name + ") has stopped " + wereRunning.size() + " running tasks: " + taskList(wereRunning) + ".");
            }
        }
        if (!started.isEmpty()) {
            event(svc, now, "(service " + svc.name + ") has started " + started.size() + " tasks: " + taskList(started) + ".");
        }

        boolean stuck = !oldLive.isEmpty() && want > 0 && room <= 0 && healthy - minHealthy <= 0
                && primaryLive.stream().allMatch(t -> t.wasHealthy) && stopped.isEmpty();
        if (stuck && due(svc.lastDeploymentConfigEventAt, now)) {
            svc.lastDeploymentConfigEventAt = now;
            event(svc, now, "(service " + svc.name + ") was unable to stop or start tasks during a deployment because of the service "
                    + "deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.");
        }
    }

    /**
     * Keeps deployment {@code d} at {@code want} wanted tasks (a traffic-shifting deployment sizes each
     * side itself): starts the missing ones, stops the extra ones (not yet running first, then the newest).
     */
    void keep(SimCluster cluster, SimService svc, SimDeployment d, List<SimTask> tasks, int want, Instant now) {
        if (d == null) {
            return;
        }
        d.desiredCount = want;
        List<SimTask> live = live(tasks, d.id);
        List<SimTask> stopped = new ArrayList<>();
        if (live.size() > want) {
            live.sort(Comparator.comparing((SimTask t) -> t.isRunning()).thenComparing(t -> t.createdAt, Comparator.reverseOrder()));
            for (SimTask t : new ArrayList<>(live.subList(0, live.size() - want))) {
                lifecycle.requestStop(t, now, "ServiceSchedulerInitiated", "Scaling activity initiated by (deployment " + d.id + ")");
                stopped.add(t);
            }
        }
        boolean throttled = svc.launchesThrottledUntil != null && now.isBefore(svc.launchesThrottledUntil);
        List<SimTask> started = live.size() < want && !throttled ? launch(cluster, svc, d, want - live.size(), null, now) : List.of();
        List<SimTask> wereRunning = stopped.stream().filter(t -> t.startedAt != null).toList();
        if (!wereRunning.isEmpty()) {
            event(svc, now, "(service " + svc.name + ") has stopped " + wereRunning.size() + " running tasks: " + taskList(wereRunning) + ".");
        }
        if (!started.isEmpty()) {
            event(svc, now, "(service " + svc.name + ") has started " + started.size() + " tasks: " + taskList(started) + ".");
        }
    }

    // ---- DAEMON ----

    private void reconcileDaemon(SimCluster cluster, SimService svc, List<SimTask> tasks, Instant now) {
        SimDeployment primary = svc.primary();
        if (primary == null) {
            return;
        }
        List<SimTask> stopped = new ArrayList<>();
        List<SimTask> started = new ArrayList<>();
        int activeInstances = 0;
        for (SimInstance instance : cluster.instances.values()) {
            List<SimTask> here = new ArrayList<>();
            for (SimTask t : tasks) {
                if (t.wantsRunning() && instance.id.equals(t.containerInstanceId)) {
                    here.add(t);
                }
            }
            if (!instance.active()) {
                for (SimTask t : here) {
                    lifecycle.requestStop(t, now, "ServiceSchedulerInitiated", "Container instance is draining: " + instance.id);
                    stopped.add(t);
                }
                continue;
            }
            activeInstances++;
            boolean hasPrimary = false;
            for (SimTask t : here) {
                if (primary.id.equals(t.deploymentId) && !hasPrimary) {
                    hasPrimary = true;
                } else {
                    // An old revision (or a duplicate): replaced one instance at a time, stop first (maximumPercent 100).
                    lifecycle.requestStop(t, now, "ServiceSchedulerInitiated", "Scaling activity initiated by (deployment " + t.deploymentId + ")");
                    stopped.add(t);
                }
            }
            boolean throttled = svc.launchesThrottledUntil != null && now.isBefore(svc.launchesThrottledUntil);
            boolean stillStopping = tasks.stream().anyMatch(t -> !t.wantsRunning() && !t.isStopped() && instance.id.equals(t.containerInstanceId));
            if (!hasPrimary && !throttled && !stillStopping) {
                started.addAll(launch(cluster, svc, primary, 1, instance.id, now));
            }
        }
        svc.desiredCount = activeInstances;
        primary.desiredCount = activeInstances;
        List<SimTask> wereRunning = stopped.stream().filter(t -> t.startedAt != null).toList();
        if (!wereRunning.isEmpty()) {
            event(svc, now, "(service " + svc.name + ") has stopped " + wereRunning.size() + " running tasks: " + taskList(wereRunning) + ".");
        }
        if (!started.isEmpty()) {
            event(svc, now, "(service " + svc.name + ") has started " + started.size() + " tasks: " + taskList(started) + ".");
        }
    }

    // ---- shared ----

    private List<SimTask> launch(SimCluster cluster, SimService svc, SimDeployment d, int count, String onInstance, Instant now) {
        List<SimTask> started = new ArrayList<>();
        List<PlacementConstraint> constraints = new ArrayList<>(svc.placementConstraints);
        SimTaskDefinition td = taskDefinitions.resolve(d.taskDefinitionArn);
        for (int i = 0; i < count; i++) {
            TaskLauncher.Outcome outcome = launcher.launch(cluster, new TaskLauncher.Launch(td, svc.launchType, "service:" + svc.name,
                    d.id, constraints, svc.placementStrategy, svc.name, d.id, onInstance, svc.networkConfiguration), now);
            if (outcome.task() == null) {
                if (due(svc.lastPlacementEventAt, now)) {
                    svc.lastPlacementEventAt = now;
                    event(svc, now, "(service " + svc.name + ") was unable to place a task because " + outcome.failure());
                }
                break;
            }
            outcome.task().loadBalanced = !svc.loadBalancers.isEmpty();
            outcome.task().enableExecuteCommand = svc.enableExecuteCommand;
            started.add(outcome.task());
        }
        return started;
    }

    /**
     * Old deployments go INACTIVE (and leave the list) once none of their tasks is wanted; a FAILED one
     * stays listed until the deployment that replaced it completes, so the failure remains visible.
     */
    private void retireDrainedDeployments(SimService svc, List<SimTask> tasks, Instant now) {
        SimDeployment primary = svc.primary();
        boolean primaryDone = primary != null && !"IN_PROGRESS".equals(primary.rolloutState);
        for (SimDeployment d : new ArrayList<>(svc.deployments.subList(Math.min(1, svc.deployments.size()), svc.deployments.size()))) {
            boolean anyLeft = tasks.stream().anyMatch(t -> d.id.equals(t.deploymentId) && t.wantsRunning());
            if (!anyLeft && (!"FAILED".equals(d.rolloutState) || primaryDone)) {
                d.status = "INACTIVE";
                d.desiredCount = 0;
                d.updatedAt = now;
                svc.deployments.remove(d);
            } else {
                d.desiredCount = (int) tasks.stream().filter(t -> d.id.equals(t.deploymentId) && t.wantsRunning()).count();
            }
        }
    }

    private void checkCompletion(SimService svc, List<SimTask> tasks, Instant now) {
        SimDeployment primary = svc.primary();
        if (primary == null) {
            return;
        }
        List<SimTask> mine = live(tasks, primary.id);
        boolean allHealthyAndRunning = mine.size() == svc.desiredCount && mine.stream().allMatch(t -> t.isRunning() && t.wasHealthy);
        // Alone: no other deployment has a task still wanted.
        boolean alone = tasks.stream().noneMatch(t -> t.wantsRunning() && !primary.id.equals(t.deploymentId));
        if (alone && allHealthyAndRunning && "IN_PROGRESS".equals(primary.rolloutState) && !alarmWatch.baking(svc, primary, now)) {
            primary.setRollout("COMPLETED", "ECS deployment " + primary.id + " completed.", now);
            svc.lastCompletedTaskDefinitionArn = primary.taskDefinitionArn;
            event(svc, now, "(service " + svc.name + ") (deployment " + primary.id + ") deployment completed.");
            serviceDeployments.completed(svc, primary, now);
        }
        // A rolling deployment baking under its alarms is not steady yet (the scheduler keeps looking at it).
        boolean steady = svc.deployments.size() == 1 && allHealthyAndRunning && !"IN_PROGRESS".equals(primary.rolloutState)
                && tasks.stream().noneMatch(t -> !t.wantsRunning() && !t.isStopped());
        if (steady && (!svc.steady || !now.isBefore(svc.lastSteadyEventAt.plus(STEADY_EVENT_REPEAT)))) {
            svc.lastSteadyEventAt = now;
            event(svc, now, "(service " + svc.name + ") has reached a steady state.");
        }
        svc.steady = steady;
    }

    private void drainDeleted(SimService svc, List<SimTask> tasks, Instant now) {
        for (SimTask t : tasks) {
            lifecycle.requestStop(t, now, "ServiceSchedulerInitiated", "Service " + svc.name + " is being deleted");
        }
        if (tasks.stream().allMatch(SimTask::isStopped)) {
            svc.status = "INACTIVE";
            svc.deployments.clear();
        }
    }

    /** Whether the task runs on a container instance that is DRAINING. */
    static boolean onDrainingInstance(SimCluster cluster, SimTask t) {
        SimInstance i = t.containerInstanceId == null ? null : cluster.instances.get(t.containerInstanceId);
        return i != null && "DRAINING".equals(i.status);
    }

    /** Why a replaced task stops: its instance drains, or its deployment is being replaced. */
    private static String replacedReason(SimCluster cluster, SimTask t) {
        return onDrainingInstance(cluster, t) ? "Container instance is draining: " + t.containerInstanceId
                : "Scaling activity initiated by (deployment " + t.deploymentId + ")";
    }

    private static List<SimTask> live(List<SimTask> tasks, String deploymentId) {
        List<SimTask> out = new ArrayList<>();
        for (SimTask t : tasks) {
            if (t.wantsRunning() && deploymentId.equals(t.deploymentId)) {
                out.add(t);
            }
        }
        return out;
    }

    static SimDeployment deployment(SimService svc, String id) {
        for (SimDeployment d : svc.deployments) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        return null;
    }

    private static boolean due(Instant last, Instant now) {
        return last == null || !now.isBefore(last.plus(PROBLEM_EVENT_REPEAT));
    }

    private static String taskList(List<SimTask> tasks) {
        StringBuilder sb = new StringBuilder();
        for (SimTask t : tasks) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append("(task ").append(t.id).append(')');
        }
        return sb.toString();
    }

    void event(SimService svc, Instant now, String message) {
        svc.addEvent(new ServiceEvent(ids.uuid(), now, message));
    }
}
