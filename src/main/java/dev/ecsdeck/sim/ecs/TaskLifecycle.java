package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.sim.SimIds;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves tasks through ECS's lifecycle: PROVISIONING → PENDING → ACTIVATING → RUNNING →
 * DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED, with durations drawn from the seeded random
 * source in the ranges real tasks show (awsvpc tasks provision and deprovision an ENI; others skip
 * those steps). Container health checks are run as {@link ContainerHealth} describes; an essential
 * container that turns UNHEALTHY stops a service's task (TaskFailedToStart, "Task failed container
 * health checks"), and the service replaces it.
 */
final class TaskLifecycle {
    /** Without container health checks a task counts as healthy this long after it is RUNNING. */
    static final Duration HEALTHY_AFTER_RUNNING = Duration.ofSeconds(40);

    private final SimIds ids;
    private final ImageBehaviours images;
    private final ContainerHealth health;
    /** The image pull at the end of PENDING: null when the image can be pulled, else why not (see SimEcs.pullImagesWith). */
    java.util.function.BiFunction<String, Instant, String> pulls = (image, at) -> null;

    TaskLifecycle(SimIds ids, ImageBehaviours images) {
        this.ids = ids;
        this.images = images;
        this.health = new ContainerHealth(images);
    }

    /** A new task's first status, with its first step scheduled. */
    void begin(SimTask task, Instant now) {
        if (task.awsvpc()) {
            task.lastStatus = "PROVISIONING";
            task.nextTransitionAt = now.plusSeconds(ids.between(8, 20));
        } else {
            enterPending(task, now);
        }
    }

    private void enterPending(SimTask task, Instant now) {
        task.lastStatus = "PENDING";
        task.pullStartedAt = now;
        task.nextTransitionAt = now.plusSeconds(ids.between(5, 25));
        task.bump();
    }

    /** Asks a task to stop; it goes on through the stopping states from the next step. */
    void requestStop(SimTask task, Instant now, String stopCode, String reason) {
        if (!task.wantsRunning()) {
            return;
        }
        task.desiredStatus = "STOPPED";
        task.stopCode = stopCode;
        task.stoppedReason = reason;
        task.stoppingAt = now;
        task.nextTransitionAt = now;
        task.bump();
    }

    /** Performs every lifecycle step due by {@code now}. */
    void advance(SimTask task, Instant now) {
        int guard = 0;
        while (!task.isStopped() && task.nextTransitionAt != null && !task.nextTransitionAt.isAfter(now) && guard++ < 10) {
            step(task, task.nextTransitionAt);
        }
        if (task.isRunning() && task.wantsRunning()) {
            checkRunning(task, now);
        }
    }

    private void step(SimTask task, Instant at) {
        if (!task.wantsRunning()) {
            stepStopping(task, at);
            return;
        }
        switch (task.lastStatus) {
            case "PROVISIONING" -> enterPending(task, at);
            case "PENDING" -> {
                if (failedToPull(task, at)) {
                    return;
                }
                task.pullStoppedAt = at;
                task.lastStatus = "ACTIVATING";
                task.nextTransitionAt = at.plusSeconds(ids.between(1, 4));
                task.bump();
            }
            case "ACTIVATING" -> enterRunning(task, at);
            default -> task.nextTransitionAt = null;
        }
    }

    /**
     * A container whose image cannot be pulled stops its task before it runs, as ECS does: TaskFailedToStart,
     * the CannotPullContainerError as the task's and the container's reason (a service counts it as a failed start).
     */
    private boolean failedToPull(SimTask task, Instant at) {
        for (SimContainer c : task.containers) {
            String error = pulls.apply(c.spec.image(), at);
            if (error != null) {
                c.reason = error;
                requestStop(task, at, "TaskFailedToStart", error);
                return true;
            }
        }
        return false;
    }

    private void enterRunning(SimTask task, Instant at) {
        task.lastStatus = "RUNNING";
        task.startedAt = at;
        task.nextTransitionAt = null;
        boolean anyHealthCheck = false;
        for (SimContainer c : task.containers) {
            c.lastStatus = "RUNNING";
            anyHealthCheck |= c.spec.hasHealthCheck();
        }
        task.healthStatus = "UNKNOWN";
        if (anyHealthCheck) {
            // One draw per task with checks, as before they were run, so the rest of a seeded world stays as it was.
            health.schedule(task, ids.between(1, ContainerHealth.MAX_ANSWER_SECONDS));
        }
        if (ContainerHealth.judged(task).isEmpty()) {
            // Without essential container health checks, ECS treats the task as healthy once it has run for a while.
            task.healthyAt = images.neverHealthy(task) ? null : at.plus(HEALTHY_AFTER_RUNNING);
        } else {
            task.healthyAt = ContainerHealth.healthyAt(task);
        }
        task.healthChangesAt = ContainerHealth.nextChange(task);
        ImageBehaviours.Failure failure = images.failureFor(task);
        if (failure != null) {
            task.failsAt = at.plus(failure.after());
            task.failureReason = failure.reason();
            task.failureExitCode = failure.exitCode();
        }
        task.bump();
    }

    /** A restored task goes on with its container health checks (their timeline is not in the state file). */
    void restored(SimTask task) {
        if (task.isRunning() && task.wantsRunning()) {
            health.scheduleRestored(task);
            task.healthChangesAt = ContainerHealth.nextChange(task);
        }
    }

    /** Health and failures of a RUNNING task. */
    private void checkRunning(SimTask task, Instant now) {
        if (task.failsAt != null && !task.failsAt.isAfter(now)) {
            if (task.failureExitCode == null) {
                failHealthCheck(task, task.failsAt);
            } else {
                essentialExit(task, task.failsAt, task.failureExitCode);
            }
            return;
        }
        if (ContainerHealth.refresh(task, now)) {
            task.bump();
        }
        task.healthChangesAt = ContainerHealth.nextChange(task);
        SimContainer sick = ContainerHealth.unhealthyEssential(task);
        // Only a service's scheduler stops an unhealthy task; a task run by hand goes on regardless (Task.healthStatus).
        if (sick != null && task.serviceName != null) {
            task.healthChangesAt = null;
            requestStop(task, sick.unhealthyAt, "TaskFailedToStart",
                    "Task failed container health checks: container " + sick.spec.name() + " is unhealthy");
            return;
        }
        if (task.healthyAt != null && !task.healthyAt.isAfter(now) && !task.lifecycleHealthy) {
            task.lifecycleHealthy = true;
            // A load-balanced task is healthy for its deployment only once its target groups say so too (LoadBalancing).
            task.wasHealthy |= !task.loadBalanced;
            task.bump();
        }
    }

    private void essentialExit(SimTask task, Instant at, int exitCode) {
        SimContainer essential = task.containers.stream().filter(c -> c.spec.essential()).findFirst().orElse(task.containers.get(0));
        essential.exitCode = exitCode;
        essential.lastStatus = "STOPPED";
        essential.reason = task.failureReason;
        requestStop(task, at, "EssentialContainerExited", "Essential container in task exited");
    }

    /**
     * The stopgap for an essential container without a health check whose image is declared to fail
     * its health check (see {@link ImageBehaviours#failureFor}): the task stops as if a check had failed.
     */
    private void failHealthCheck(SimTask task, Instant at) {
        task.healthStatus = "UNHEALTHY";
        String which = task.containers.stream().filter(c -> c.spec.essential() && !c.spec.hasHealthCheck()).map(c -> c.spec.name())
                .findFirst().orElse(task.containers.get(0).spec.name());
        requestStop(task, at, "TaskFailedToStart", "Task failed container health checks: container " + which + " is unhealthy");
    }

    private void stepStopping(SimTask task, Instant at) {
        switch (task.lastStatus) {
            case "PROVISIONING", "PENDING", "ACTIVATING" -> {
                // never started: release what was set up and stop
                if (task.awsvpc()) {
                    task.lastStatus = "DEPROVISIONING";
                    task.nextTransitionAt = at.plusSeconds(ids.between(3, 8));
                } else {
                    stopNow(task, at, null);
                }
            }
            case "RUNNING" -> {
                // A load-balanced task deactivates while its targets drain (LoadBalancing holds it for the deregistration delay).
                boolean deactivates = task.awsvpc() || task.loadBalanced;
                task.lastStatus = deactivates ? "DEACTIVATING" : "STOPPING";
                task.nextTransitionAt = at.plusSeconds(deactivates ? ids.between(1, 3) : ids.between(1, 5));
            }
            case "DEACTIVATING" -> {
                task.lastStatus = "STOPPING";
                task.nextTransitionAt = at.plusSeconds(ids.between(1, 5));
            }
            case "STOPPING" -> {
                for (SimContainer c : task.containers) {
                    if (!"STOPPED".equals(c.lastStatus)) {
                        c.lastStatus = "STOPPED";
                        // SIGTERM: a well-behaved process exits 0; some ignore it and are killed after the stop timeout.
                        c.exitCode = ids.random().nextInt(10) == 0 ? 137 : 0;
                    }
                }
                task.executionStoppedAt = at;
                if (task.awsvpc()) {
                    task.lastStatus = "DEPROVISIONING";
                    task.nextTransitionAt = at.plusSeconds(ids.between(3, 8));
                } else {
                    stopNow(task, at, at);
                }
            }
            case "DEPROVISIONING" -> stopNow(task, at, task.executionStoppedAt == null ? at : task.executionStoppedAt);
            default -> task.nextTransitionAt = null;
        }
        task.bump();
    }

    private static void stopNow(SimTask task, Instant at, Instant executionStoppedAt) {
        task.lastStatus = "STOPPED";
        task.stoppedAt = at;
        task.executionStoppedAt = executionStoppedAt == null ? at : executionStoppedAt;
        task.nextTransitionAt = null;
        for (SimContainer c : task.containers) {
            c.lastStatus = "STOPPED";
        }
    }
}
