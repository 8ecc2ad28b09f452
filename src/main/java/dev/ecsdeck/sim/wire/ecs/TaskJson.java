package dev.ecsdeck.sim.wire.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.TaskDetailsApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The members of a task on the wire that the console's EcsTask leaves out: platformVersion and
 * platformFamily, connectivity, overrides, attributes, ephemeralStorage, and each container's
 * networkInterfaces (an awsvpc task's interface, once it is attached).
 */
final class TaskJson {
    private TaskJson() {}

    /**
     * RunTask around {@code run} (the launch): its platform version and overrides checked first, kept on
     * the tasks it started after, and the tasks answered with their details.
     */
    static ObjectNode runTask(SimEngine engine, WireRequest r, String launchType, Supplier<ObjectNode> run) {
        TaskDetailsApi details = new TaskDetailsApi(engine);
        ObjectNode overrides = r.has("overrides") ? (ObjectNode) r.body().get("overrides") : null;
        details.checkRunTask(r.string("taskDefinition"), launchType, r.string("platformVersion"), overrides);
        ObjectNode out = run.get();
        List<String> started = new ArrayList<>();
        out.path("tasks").forEach(t -> started.add(t.path("taskArn").asText()));
        details.recordRunTask(r.string("cluster"), started, r.string("platformVersion"), overrides);
        addDetails(engine, r.string("cluster"), out.path("tasks"));
        return out;
    }

    /** Adds the members to every task of {@code tasks} (an array of task objects) of the cluster. */
    static void addDetails(SimEngine engine, String cluster, JsonNode tasks) {
        List<String> arns = new ArrayList<>();
        tasks.forEach(t -> arns.add(t.path("taskArn").asText()));
        if (arns.isEmpty()) {
            return;
        }
        Map<String, TaskDetailsApi.TaskDetails> details = new TaskDetailsApi(engine).details(cluster, arns);
        for (JsonNode t : tasks) {
            TaskDetailsApi.TaskDetails d = details.get(t.path("taskArn").asText());
            if (d != null && t instanceof ObjectNode task) {
                addDetails(task, d);
            }
        }
    }

    private static void addDetails(ObjectNode task, TaskDetailsApi.TaskDetails d) {
        if (d.platformVersion() != null) {
            task.put("platformVersion", d.platformVersion());
        }
        if (d.platformFamily() != null) {
            task.put("platformFamily", d.platformFamily());
        }
        if (d.connectivityAt() != null) {
            task.put("connectivity", "CONNECTED");
            task.set("connectivityAt", WireJson.tree(d.connectivityAt()));
        }
        task.set("overrides", d.overrides());
        ArrayNode attributes = task.putArray("attributes");
        if (d.cpuArchitecture() != null) {
            attributes.addObject().put("name", "ecs.cpu-architecture").put("value", d.cpuArchitecture());
        }
        if (d.ephemeralStorageGiB() != null) {
            task.putObject("ephemeralStorage").put("sizeInGiB", d.ephemeralStorageGiB());
        }
        addNetworkInterfaces(task);
    }

    /** Each container of an awsvpc task shows the task's interface: its attachment id and private IPv4 address. */
    private static void addNetworkInterfaces(ObjectNode task) {
        for (JsonNode a : task.path("attachments")) {
            if (!"ElasticNetworkInterface".equals(a.path("type").asText())) {
                continue;
            }
            String address = null;
            for (JsonNode detail : a.path("details")) {
                if ("privateIPv4Address".equals(detail.path("name").asText())) {
                    address = detail.path("value").asText();
                }
            }
            if (address == null) {
                return; // not attached yet (PRECREATED): ECS shows no interface on the containers
            }
            for (JsonNode c : task.path("containers")) {
                ((ObjectNode) c).putArray("networkInterfaces").addObject().put("attachmentId", a.path("id").asText())
                        .put("privateIpv4Address", address);
            }
            return;
        }
    }
}
