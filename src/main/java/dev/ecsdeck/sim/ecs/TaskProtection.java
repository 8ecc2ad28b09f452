package dev.ecsdeck.sim.ecs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Task scale-in protection: which service tasks are protected, until when (by task ARN). A protected
 * task is not stopped by a scale-in of its service (a lower desired count, from a user or Service
 * Auto Scaling) nor replaced by a deployment; once protection expires or is removed the scheduler
 * stops it as it would have. Expired protection simply stops counting (ECS resets it to false).
 */
final class TaskProtection {
    private final Map<String, Instant> expiries = new TreeMap<>();

    /** Whether the task is protected at {@code now}. */
    boolean holds(SimTask task, Instant now) {
        Instant until = expiries.get(task.arn);
        return until != null && now.isBefore(until) && !task.isStopped();
    }

    /** When the task's protection ends, or null when it is not protected at {@code now}. */
    Instant expiry(SimTask task, Instant now) {
        return holds(task, now) ? expiries.get(task.arn) : null;
    }

    /** Protects the task until then; protection that has lapsed by {@code now} is forgotten, so the state file does not grow. */
    void protect(SimTask task, Instant until, Instant now) {
        expiries.values().removeIf(end -> !now.isBefore(end));
        expiries.put(task.arn, until);
    }

    void clear(SimTask task) {
        expiries.remove(task.arn);
    }

    /** The tasks of {@code tasks}, in their order, that are not protected at {@code now}. */
    List<SimTask> unprotected(List<SimTask> tasks, Instant now) {
        List<SimTask> out = new ArrayList<>();
        for (SimTask t : tasks) {
            if (!holds(t, now)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The protection given (by task ARN), for the state file. */
    Map<String, Instant> export() {
        return new TreeMap<>(expiries);
    }

    void restore(Map<String, Instant> saved) {
        expiries.clear();
        if (saved != null) {
            expiries.putAll(saved);
        }
    }
}
