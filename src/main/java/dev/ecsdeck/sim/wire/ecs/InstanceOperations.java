package dev.ecsdeck.sim.wire.ecs;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.BOOLEAN;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.Described;
import dev.ecsdeck.sim.ecs.ExecuteCommandApi;
import dev.ecsdeck.sim.ecs.InstanceAttributes;
import dev.ecsdeck.sim.ecs.StartTaskApi;
import dev.ecsdeck.sim.ecs.TagApi;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.List;

/**
 * ECS operations on container instances, added to the ECS {@link WireApi} beside {@link EcsOperations}:
 * PutAttributes, DeleteAttributes, ListAttributes, StartTask, and the agent's DiscoverPollEndpoint.
 */
final class InstanceOperations {
    /** A task's overrides, JSON included, may be this long (StartTask's documentation). */
    static final int MAX_OVERRIDES_CHARS = 8192;

    private final SimEngine engine;
    private final InstanceAttributes attributes;
    private final StartTaskApi starts;

    private InstanceOperations(SimEngine engine) {
        this.engine = engine;
        this.attributes = new InstanceAttributes(engine);
        this.starts = new StartTaskApi(engine);
    }

    static WireApi addTo(WireApi api, SimEngine engine) {
        InstanceOperations o = new InstanceOperations(engine);
        return api
                .add("PutAttributes", of().member("cluster", STRING).required("attributes", STRUCTURE_LIST), true, o::putAttributes)
                .add("DeleteAttributes", of().member("cluster", STRING).required("attributes", STRUCTURE_LIST), true, o::deleteAttributes)
                .add("ListAttributes", of().member("cluster", STRING).required("targetType", STRING).member("attributeName", STRING)
                        .member("attributeValue", STRING).member("nextToken", STRING).member("maxResults", INTEGER), false,
                        o::listAttributes)
                .add("StartTask", of().member("cluster", STRING).required("containerInstances", STRING_LIST)
                        .member("enableECSManagedTags", BOOLEAN).member("enableExecuteCommand", BOOLEAN).member("group", STRING)
                        .member("networkConfiguration", STRUCTURE).member("overrides", STRUCTURE).member("propagateTags", STRING)
                        .member("referenceId", STRING).member("startedBy", STRING).member("tags", STRUCTURE_LIST)
                        .required("taskDefinition", STRING).member("volumeConfigurations", STRUCTURE_LIST), true, o::startTask)
                .add("DiscoverPollEndpoint", of().member("containerInstance", STRING).member("cluster", STRING), false, o::discoverPollEndpoint);
    }

    private JsonNode putAttributes(WireRequest r) {
        return attributes("attributes", attributes.put(r.string("cluster"), r.bindList("attributes", InstanceAttributes.Entry.class)));
    }

    private JsonNode deleteAttributes(WireRequest r) {
        return attributes("attributes", attributes.delete(r.string("cluster"), r.bindList("attributes", InstanceAttributes.Entry.class)));
    }

    private JsonNode listAttributes(WireRequest r) {
        Page<InstanceAttributes.Entry> page = attributes.list(r.string("cluster"), r.string("targetType"), r.string("attributeName"),
                r.string("attributeValue"), r.string("nextToken"), r.integer("maxResults"));
        ObjectNode out = attributes("attributes", page.items());
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    /**
     * Tags (with propagateTags and the managed tags) and ECS Exec as RunTask has them; the overrides are
     * checked as ECS checks them and not kept.
     */
    private JsonNode startTask(WireRequest r) {
        JsonNode overrides = r.node("overrides");
        if (overrides != null && overrides.toString().length() > MAX_OVERRIDES_CHARS) {
            throw SimApiException.invalidParameter("Container Overrides length must be at most " + MAX_OVERRIDES_CHARS);
        }
        List<Tag> tags = r.bindList("tags", Tag.class);
        TagApi.checkTags(tags);
        TagApi.checkPropagateTags(r.string("propagateTags"), false);
        StartTaskApi.Request request = new StartTaskApi.Request(r.string("cluster"), r.strings("containerInstances"),
                r.string("taskDefinition"), r.string("startedBy"), r.string("group"),
                r.bind("networkConfiguration", NetworkConfiguration.class));
        synchronized (engine) {
            Described<EcsTask> started = new ExecuteCommandApi(engine).onLaunch(r.string("cluster"), r.flag("enableExecuteCommand"),
                    () -> starts.startTask(request));
            engine.tags().tagStartedTasks(r.string("cluster"), started.items().stream().map(EcsTask::taskArn).toList(), tags,
                    r.string("propagateTags"), r.flag("enableECSManagedTags"));
            ObjectNode out = EcsOperations.described("tasks", started);
            TagOperations.tagsIfIncluded(engine, true, out, "tasks", "taskArn");
            return ExecuteCommandOperations.withManagedAgents(out, "tasks");
        }
    }

    /** The endpoints ECS gives its agents in the engine's region (the simulator serves none of them; no agent connects). */
    private JsonNode discoverPollEndpoint(WireRequest r) {
        String region = engine.region();
        ObjectNode out = WireJson.object();
        out.put("endpoint", "https://ecs-a-1." + region + ".amazonaws.com/");
        out.put("telemetryEndpoint", "https://ecs-t-1." + region + ".amazonaws.com/");
        out.put("serviceConnectEndpoint", "https://ecs-sc." + region + ".api.aws");
        return out;
    }

    private static ObjectNode attributes(String member, List<InstanceAttributes.Entry> entries) {
        ObjectNode out = WireJson.object();
        out.set(member, WireJson.tree(entries));
        return out;
    }
}
