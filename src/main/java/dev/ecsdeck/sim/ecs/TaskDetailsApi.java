package dev.ecsdeck.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What DescribeTasks shows of a task beyond the console's {@code EcsTask}: its platform, when its
 * agent connected, its overrides, its attributes and its ephemeral storage; and RunTask's
 * {@code platformVersion} and {@code overrides}, checked before the launch and kept on the tasks after.
 * The simulator runs no commands and sets no environment, so overrides are kept and shown, not applied.
 */
public final class TaskDetailsApi {
    /** Fargate's default ephemeral storage, in GiB. */
    static final int FARGATE_DEFAULT_STORAGE_GIB = 20;

    private final SimEngine engine;

    public TaskDetailsApi(SimEngine engine) {
        this.engine = engine;
    }

    /**
     * A task's details: {@code platformVersion} and {@code platformFamily} (Fargate only),
     * {@code connectivityAt} (null until the agent connected), {@code overrides} as ECS shows them,
     * its CPU architecture and its ephemeral storage (Fargate only, else null).
     */
    public record TaskDetails(String platformVersion, String platformFamily, Instant connectivityAt, ObjectNode overrides,
            String cpuArchitecture, Integer ephemeralStorageGiB) {}

    /** The details of the cluster's tasks named by ARN (tasks not found are left out). */
    public Map<String, TaskDetails> details(String cluster, List<String> taskArns) {
        synchronized (engine) {
            SimCluster c = engine.ecs().cluster(cluster);
            Map<String, TaskDetails> out = new LinkedHashMap<>();
            for (String arn : taskArns) {
                SimTask t = c.tasks.get(SimEcs.nameOf(arn));
                if (t != null) {
                    out.put(arn, details(c, t));
                }
            }
            return out;
        }
    }

    /** RunTask's platform version and overrides, checked against the task definition before any task starts. */
    public void checkRunTask(String taskDefinition, String launchType, String platformVersion, ObjectNode overrides) {
        synchronized (engine) {
            SimTaskDefinition td = engine.ecs().taskDefinitionRegistry.resolve(taskDefinition);
            FargatePlatform.check(launchType == null ? "EC2" : launchType, platformVersion);
            if (overrides == null) {
                return;
            }
            for (JsonNode o : overrides.path("containerOverrides")) {
                String name = o.path("name").asText(null);
                if (name != null && td.containers.stream().noneMatch(cs -> cs.name().equals(name))) {
                    throw SimApiException.invalidParameter("Override for container named " + name + " is not a container in the TaskDefinition.");
                }
            }
        }
    }

    /** Keeps RunTask's platform version and overrides on the tasks it started. */
    public void recordRunTask(String cluster, List<String> taskArns, String platformVersion, ObjectNode overrides) {
        synchronized (engine) {
            SimCluster c = engine.ecs().cluster(cluster);
            for (String arn : taskArns) {
                SimTask t = c.tasks.get(SimEcs.nameOf(arn));
                if (t != null) {
                    t.platformVersion = platformVersion;
                    t.overrides = overrides == null ? null : overrides.deepCopy();
                }
            }
        }
    }

    private static TaskDetails details(SimCluster c, SimTask t) {
        SimService service = t.serviceName == null ? null : c.services.get(t.serviceName);
        String asked = t.platformVersion != null ? t.platformVersion : service != null ? deployedVersion(service, t.deploymentId) : null;
        String version = FargatePlatform.resolve(t.launchType, asked);
        JsonNode runtime = t.taskDefinition.document.path("runtimePlatform");
        String family = null;
        if (t.fargate()) {
            String os = runtime.path("operatingSystemFamily").asText("LINUX");
            family = "LINUX".equals(os) ? "Linux" : os;
        }
        String architecture;
        if (t.fargate()) {
            architecture = "ARM64".equals(runtime.path("cpuArchitecture").asText()) ? "arm64" : "x86_64";
        } else {
            SimInstance i = t.containerInstanceId == null ? null : c.instances.get(t.containerInstanceId);
            architecture = i == null ? null : i.attributes.getOrDefault("ecs.cpu-architecture", "x86_64");
        }
        Integer storage = null;
        if (t.fargate()) {
            JsonNode given = t.overrides == null ? null : t.overrides.path("ephemeralStorage").get("sizeInGiB");
            JsonNode defined = t.taskDefinition.document.path("ephemeralStorage").get("sizeInGiB");
            storage = given != null ? given.asInt() : defined != null ? defined.asInt() : FARGATE_DEFAULT_STORAGE_GIB;
        }
        return new TaskDetails(version, family, t.pullStartedAt, overrides(t), architecture, storage);
    }

    /** The platform version the revision of the task's deployment deployed (null: LATEST). */
    private static String deployedVersion(SimService service, String deploymentId) {
        for (SimDeployment d : service.deployments) {
            if (d.id.equals(deploymentId)) {
                return service.settings.revision(d.revisionArn).platformVersion();
            }
        }
        return service.settings.platformVersion();
    }

    /** ECS's overrides: one container override per container (its name, and what RunTask gave it), and RunTask's task-level ones. */
    private static ObjectNode overrides(SimTask t) {
        ObjectNode out = t.overrides == null ? JsonNodeFactory.instance.objectNode() : t.overrides.deepCopy();
        Map<String, JsonNode> given = new LinkedHashMap<>();
        out.path("containerOverrides").forEach(o -> given.put(o.path("name").asText(), o));
        ArrayNode containers = out.putArray("containerOverrides");
        for (SimContainer c : t.containers) {
            JsonNode o = given.get(c.spec.name());
            containers.add(o != null ? o : JsonNodeFactory.instance.objectNode().put("name", c.spec.name()));
        }
        if (!out.has("inferenceAcceleratorOverrides")) {
            out.putArray("inferenceAcceleratorOverrides");
        }
        return out;
    }
}
