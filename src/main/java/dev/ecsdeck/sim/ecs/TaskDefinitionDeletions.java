package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * DeleteTaskDefinitions: an INACTIVE revision turns DELETE_IN_PROGRESS at once and stays so while a
 * task (not yet pruned) or a service still uses it; then it is gone from every answer. The registry
 * keeps it as DELETED, unseen, so the family's next revision number goes on from it and the state file
 * keeps it.
 */
public final class TaskDefinitionDeletions {
    static final String DELETE_IN_PROGRESS = "DELETE_IN_PROGRESS";
    static final String DELETED = "DELETED";
    static final int MAX_PER_CALL = 10;

    private final SimEngine engine;

    public TaskDefinitionDeletions(SimEngine engine) {
        this.engine = engine;
    }

    public Described<TaskDefinition> delete(List<String> taskDefinitions) {
        synchronized (engine) {
            engine.advance();
            SimEcs.checkBatch(taskDefinitions, MAX_PER_CALL, "taskDefinitions");
            List<TaskDefinition> deleted = new ArrayList<>();
            List<Described.Failure> failures = new ArrayList<>();
            for (String ref : taskDefinitions) {
                String name = ref.startsWith("arn:") ? ref.substring(ref.indexOf('/') + 1) : ref;
                if (!name.contains(":")) {
                    throw SimApiException.invalidParameter("The task definition " + ref + " must name a revision (family:revision or its ARN).");
                }
                SimTaskDefinition td;
                try {
                    td = engine.ecs().taskDefinitionRegistry.resolve(ref);
                } catch (SimApiException e) {
                    failures.add(new Described.Failure(ref, "TASK_DEFINITION_NOT_FOUND", "The specified task definition does not exist."));
                    continue;
                }
                if (td.active()) {
                    failures.add(new Described.Failure(td.arn, "TASK_DEFINITION_NOT_INACTIVE",
                            "The task definition must be deregistered (INACTIVE) before it is deleted."));
                    continue;
                }
                if ("INACTIVE".equals(td.status)) {
                    td.status = DELETE_IN_PROGRESS;
                    td.document.put("status", DELETE_IN_PROGRESS);
                    td.document.put("deleteRequestedAt", TaskDefinitionRegistry.epochSeconds(engine.now()));
                }
                deleted.add(SimViews.taskDefinition(td));
            }
            return new Described<>(deleted, failures);
        }
    }

    /** A revision being deleted can't run new tasks (RunTask): ClientException. */
    static void checkUsable(SimTaskDefinition td) {
        if (DELETE_IN_PROGRESS.equals(td.status)) {
            throw SimApiException.client("TaskDefinition is " + DELETE_IN_PROGRESS + ": " + td.arn + " can't start new tasks.");
        }
    }

    /** Revisions DELETE_IN_PROGRESS that nothing uses any more go (called once a simulated minute). */
    static void sweep(SimEcs ecs) {
        for (SimTaskDefinition td : ecs.taskDefinitionRegistry.revisions(null, DELETE_IN_PROGRESS)) {
            if (!inUse(ecs, td.arn)) {
                td.status = DELETED;
                td.document.put("status", DELETED);
            }
        }
    }

    private static boolean inUse(SimEcs ecs, String arn) {
        for (SimCluster c : ecs.clusters.values()) {
            for (SimTask t : c.tasks.values()) {
                if (t.taskDefinition.arn.equals(arn)) {
                    return true;
                }
            }
            for (SimService s : c.services.values()) {
                if (!"INACTIVE".equals(s.status)
                        && (arn.equals(s.taskDefinitionArn) || s.deployments.stream().anyMatch(d -> arn.equals(d.taskDefinitionArn)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
