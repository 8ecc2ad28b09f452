package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GetTaskProtection and UpdateTaskProtection. Only a service's tasks can be protected: a standalone
 * task is a TASK_NOT_VALID failure, an unknown one MISSING, as ECS answers them. Protection lasts
 * {@code expiresInMinutes} (1 to 2,880; 120 when not given) of simulated time, and every update that
 * enables it sets a new expiry.
 */
public final class TaskProtectionApi {
    static final int DEFAULT_MINUTES = 120;
    static final int MAX_MINUTES = 2880;

    /** A task's protection as ECS shows it (expirationDate only while protected). */
    public record ProtectedTask(String taskArn, boolean protectionEnabled, Instant expirationDate) {}

    /** The tasks' protection, and a failure for each task that has none to show. */
    public record Answer(List<ProtectedTask> protectedTasks, List<Described.Failure> failures) {}

    private final SimEngine engine;

    public TaskProtectionApi(SimEngine engine) {
        this.engine = engine;
    }

    public Answer get(String cluster, List<String> tasks) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimEcs.checkBatch(tasks, 100, "tasks");
            TaskProtection protection = engine.ecs().scheduler.protection;
            List<ProtectedTask> found = new ArrayList<>();
            List<Described.Failure> failures = new ArrayList<>();
            for (String ref : tasks) {
                SimTask t = serviceTask(c, ref, failures);
                if (t != null) {
                    found.add(view(t, protection.expiry(t, engine.now())));
                }
            }
            return new Answer(found, failures);
        }
    }

    public Answer update(String cluster, List<String> tasks, boolean protectionEnabled, Integer expiresInMinutes) {
        synchronized (engine) {
            engine.advance();
            SimCluster c = engine.ecs().cluster(cluster);
            SimEcs.checkBatch(tasks, 10, "tasks");
            int minutes = expiresInMinutes == null ? DEFAULT_MINUTES : expiresInMinutes;
            if (protectionEnabled && (minutes < 1 || minutes > MAX_MINUTES)) {
                throw SimApiException.invalidParameter("expiresInMinutes must be between 1 and " + MAX_MINUTES + ".");
            }
            TaskProtection protection = engine.ecs().scheduler.protection;
            List<ProtectedTask> found = new ArrayList<>();
            List<Described.Failure> failures = new ArrayList<>();
            for (String ref : tasks) {
                SimTask t = serviceTask(c, ref, failures);
                if (t == null) {
                    continue;
                }
                if (protectionEnabled) {
                    Instant until = engine.now().plus(Duration.ofMinutes(minutes));
                    protection.protect(t, until, engine.now());
                    found.add(view(t, until));
                } else {
                    protection.clear(t);
                    found.add(view(t, null));
                    SimService owner = c.services.get(t.serviceName);
                    if (owner != null) {
                        owner.dirty = true; // a scale-in that waited for this task goes on
                    }
                }
            }
            return new Answer(found, failures);
        }
    }

    /** The task of a service that {@code ref} names, or null with its failure added. */
    private SimTask serviceTask(SimCluster c, String ref, List<Described.Failure> failures) {
        SimTask t = c.tasks.get(SimEcs.nameOf(ref));
        String arn = ref.startsWith("arn:") ? ref : engine.ids().taskArn(c.name, ref);
        if (t == null) {
            failures.add(new Described.Failure(arn, "MISSING", null));
            return null;
        }
        if (t.serviceName == null) {
            failures.add(new Described.Failure(t.arn, "TASK_NOT_VALID", "The task is not part of a service; only tasks of a service can be protected."));
            return null;
        }
        if (!t.wantsRunning()) {
            failures.add(new Described.Failure(t.arn, "TASK_NOT_VALID", "The task is stopping or stopped."));
            return null;
        }
        return t;
    }

    private static ProtectedTask view(SimTask t, Instant until) {
        return new ProtectedTask(t.arn, until != null, until);
    }
}
