package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.Paging;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.List;

/** RegisterTaskDefinition, DescribeTaskDefinition, DeregisterTaskDefinition and the two List calls. */
public final class TaskDefinitionApi {
    private final SimEngine engine;

    public TaskDefinitionApi(SimEngine engine) {
        this.engine = engine;
    }

    /** Registers a revision from a RegisterTaskDefinition request document. */
    public TaskDefinition register(String requestJson) {
        synchronized (engine) {
            engine.advance();
            return SimViews.taskDefinition(engine.taskDefinitionRegistry.register(requestJson, engine.now(), engine.ids));
        }
    }

    public TaskDefinition describe(String taskDefinition) {
        synchronized (engine) {
            engine.advance();
            return SimViews.taskDefinition(engine.taskDefinitionRegistry.resolve(taskDefinition));
        }
    }

    public TaskDefinition deregister(String taskDefinition) {
        synchronized (engine) {
            engine.advance();
            return SimViews.taskDefinition(engine.taskDefinitionRegistry.deregister(taskDefinition, engine.now()));
        }
    }

    /** ListTaskDefinitionFamilies: status ACTIVE (default), INACTIVE or ALL. */
    public Page<String> listFamilies(String familyPrefix, String status, String nextToken, Integer maxResults) {
        synchronized (engine) {
            engine.advance();
            String s = status == null ? "ACTIVE" : status;
            return Paging.page(engine.taskDefinitionRegistry.families(s, familyPrefix), nextToken, maxResults, 100, 100);
        }
    }

    /** ListTaskDefinitions: ARNs of one family (or all), status ACTIVE (default), INACTIVE or ALL, sort ASC (default) or DESC. */
    public Page<String> listTaskDefinitions(String family, String status, String sort, String nextToken, Integer maxResults) {
        synchronized (engine) {
            engine.advance();
            String s = status == null ? "ACTIVE" : status;
            List<String> arns = new ArrayList<>();
            for (SimTaskDefinition td : engine.taskDefinitionRegistry.revisions(family, s)) {
                arns.add(td.arn);
            }
            if ("DESC".equals(sort)) {
                java.util.Collections.reverse(arns);
            }
            return Paging.page(arns, nextToken, maxResults, 100, 100);
        }
    }
}
