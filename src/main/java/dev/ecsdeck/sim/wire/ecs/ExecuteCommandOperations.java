package dev.ecsdeck.sim.wire.ecs;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.BOOLEAN;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.ExecuteCommandApi;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;

/**
 * ECS Exec on the wire: ExecuteCommand, and the {@code managedAgents} ECS shows on the containers of
 * tasks that have {@code enableExecuteCommand}. There is no Session Manager behind the session it
 * answers with: nothing listens at its stream URL.
 */
final class ExecuteCommandOperations {
    static final String AGENT = "ExecuteCommandAgent";

    private final ExecuteCommandApi exec;

    private ExecuteCommandOperations(ExecuteCommandApi exec) {
        this.exec = exec;
    }

    static WireApi addTo(WireApi api, SimEngine engine) {
        ExecuteCommandOperations o = new ExecuteCommandOperations(new ExecuteCommandApi(engine));
        return api.add("ExecuteCommand", of().member("cluster", STRING).member("container", STRING).required("command", STRING)
                .required("interactive", BOOLEAN).required("task", STRING), true, o::executeCommand);
    }

    private JsonNode executeCommand(WireRequest r) {
        ExecuteCommandApi.Session s = exec.executeCommand(r.string("cluster"), r.string("container"), r.string("command"),
                r.bool("interactive"), r.string("task"));
        ObjectNode out = WireJson.object();
        out.put("clusterArn", s.clusterArn());
        out.put("containerArn", s.containerArn());
        out.put("containerName", s.containerName());
        out.put("interactive", true);
        ObjectNode session = out.putObject("session");
        session.put("sessionId", s.sessionId());
        session.put("streamUrl", s.streamUrl());
        session.put("tokenValue", s.tokenValue());
        out.put("taskArn", s.taskArn());
        return out;
    }

    /**
     * The answer with each container of an ECS Exec task showing its ExecuteCommandAgent, as ECS shows
     * it: RUNNING while the container runs, PENDING before, STOPPED after. {@code member} holds a task or a list of them.
     */
    static ObjectNode withManagedAgents(ObjectNode answer, String member) {
        JsonNode tasks = answer.get(member);
        if (tasks instanceof ArrayNode list) {
            list.forEach(ExecuteCommandOperations::addAgents);
        } else if (tasks instanceof ObjectNode task) {
            addAgents(task);
        }
        return answer;
    }

    private static void addAgents(JsonNode task) {
        if (!task.path("enableExecuteCommand").asBoolean(false)) {
            return;
        }
        for (JsonNode container : task.path("containers")) {
            String status = container.path("lastStatus").asText("PENDING");
            ObjectNode agent = ((ObjectNode) container).putArray("managedAgents").addObject();
            if (task.hasNonNull("startedAt") && !"PENDING".equals(status)) {
                agent.set("lastStartedAt", task.get("startedAt"));
            }
            agent.put("name", AGENT);
            agent.put("lastStatus", "RUNNING".equals(status) || "STOPPED".equals(status) ? status : "PENDING");
        }
    }
}
