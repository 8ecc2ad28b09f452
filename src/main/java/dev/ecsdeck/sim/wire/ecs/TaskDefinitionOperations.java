package dev.ecsdeck.sim.wire.ecs;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.of;
import static dev.ecsdeck.sim.wire.ecs.EcsOperations.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.List;
import java.util.Set;

/** ECS's task definition operations: list families and revisions, describe, register (with tags), deregister. */
final class TaskDefinitionOperations {
    private final SimEngine engine;

    private TaskDefinitionOperations(SimEngine engine) {
        this.engine = engine;
    }

    static WireApi addTo(WireApi api, SimEngine engine) {
        TaskDefinitionOperations o = new TaskDefinitionOperations(engine);
        return api
                .add("ListTaskDefinitionFamilies", of().member("familyPrefix", STRING).member("status", STRING)
                        .member("nextToken", STRING).member("maxResults", INTEGER), false, o::listTaskDefinitionFamilies)
                .add("ListTaskDefinitions", of().member("familyPrefix", STRING).member("status", STRING).member("sort", STRING)
                        .member("nextToken", STRING).member("maxResults", INTEGER), false, o::listTaskDefinitions)
                .add("DescribeTaskDefinition", of().required("taskDefinition", STRING).member("include", STRING_LIST), false,
                        o::describeTaskDefinition)
                .add("RegisterTaskDefinition", of().required("family", STRING).required("containerDefinitions", STRUCTURE_LIST)
                        .member("tags", STRUCTURE_LIST), true, o::registerTaskDefinition)
                .add("DeregisterTaskDefinition", of().required("taskDefinition", STRING), true, o::deregisterTaskDefinition);
    }

    private JsonNode listTaskDefinitionFamilies(WireRequest r) {
        return page("families", engine.taskDefinitions().listFamilies(r.string("familyPrefix"), r.string("status"),
                r.string("nextToken"), r.integer("maxResults")));
    }

    /** familyPrefix is, as ECS documents it, the full family name. */
    private JsonNode listTaskDefinitions(WireRequest r) {
        return page("taskDefinitionArns", engine.taskDefinitions().listTaskDefinitions(r.string("familyPrefix"), r.string("status"),
                r.string("sort"), r.string("nextToken"), r.integer("maxResults")));
    }

    private JsonNode describeTaskDefinition(WireRequest r) {
        boolean tags = TagOperations.includesTags(r, Set.of("TAGS"));
        TaskDefinition td = engine.taskDefinitions().describe(r.string("taskDefinition"));
        return taskDefinition(td, tags ? engine.tags().tagsOf(List.of(td.taskDefinitionArn())).get(td.taskDefinitionArn()) : null);
    }

    /** The request document itself, less its tags (kept apart, as ECS's resource tags), is what the engine registers. */
    private JsonNode registerTaskDefinition(WireRequest r) {
        ObjectNode request = r.body().deepCopy();
        request.remove("tags");
        List<Tag> tags = r.bindList("tags", Tag.class);
        return taskDefinition(engine.tags().registerTaskDefinition(request.toString(), tags), tags == null ? List.of() : tags);
    }

    private JsonNode deregisterTaskDefinition(WireRequest r) {
        return taskDefinition(engine.taskDefinitions().deregister(r.string("taskDefinition")), null);
    }

    /** A task definition answer, with its tags when {@code tags} is not null. */
    private static JsonNode taskDefinition(TaskDefinition td, List<Tag> tags) {
        ObjectNode out = WireJson.object();
        out.set("taskDefinition", WireJson.parseDocument(td.json()));
        if (tags != null) {
            out.set("tags", WireJson.tree(tags));
        }
        return out;
    }
}
