package dev.ecsdeck.sim.wire.ecs;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.BOOLEAN;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.TaskDefinitionDeletions;
import dev.ecsdeck.sim.ecs.TaskProtectionApi;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import dev.ecsdeck.model.TaskDefinition;

/** GetTaskProtection, UpdateTaskProtection and DeleteTaskDefinitions, added to the ECS {@link WireApi}. */
final class TaskProtectionOperations {
    private final TaskProtectionApi protection;
    private final TaskDefinitionDeletions deletions;

    private TaskProtectionOperations(SimEngine engine) {
        this.protection = new TaskProtectionApi(engine);
        this.deletions = new TaskDefinitionDeletions(engine);
    }

    static WireApi addTo(WireApi api, SimEngine engine) {
        TaskProtectionOperations o = new TaskProtectionOperations(engine);
        return api
                .add("GetTaskProtection", of().required("cluster", STRING).member("tasks", STRING_LIST), false, o::get)
                .add("UpdateTaskProtection", of().required("cluster", STRING).required("tasks", STRING_LIST)
                        .required("protectionEnabled", BOOLEAN).member("expiresInMinutes", INTEGER), true, o::update)
                .add("DeleteTaskDefinitions", of().required("taskDefinitions", STRING_LIST), true, o::deleteTaskDefinitions);
    }

    private JsonNode get(WireRequest r) {
        return answer(protection.get(r.string("cluster"), r.strings("tasks")));
    }

    private JsonNode update(WireRequest r) {
        return answer(protection.update(r.string("cluster"), r.strings("tasks"), r.flag("protectionEnabled"), r.integer("expiresInMinutes")));
    }

    private JsonNode deleteTaskDefinitions(WireRequest r) {
        var d = deletions.delete(r.strings("taskDefinitions"));
        ObjectNode out = WireJson.object();
        var list = out.putArray("taskDefinitions");
        for (TaskDefinition td : d.items()) {
            list.add(WireJson.parseDocument(td.json()));
        }
        out.set("failures", WireJson.tree(d.failures()));
        return out;
    }

    private static JsonNode answer(TaskProtectionApi.Answer a) {
        ObjectNode out = WireJson.object();
        out.set("protectedTasks", WireJson.tree(a.protectedTasks()));
        out.set("failures", WireJson.tree(a.failures()));
        return out;
    }
}
