package dev.ecsdeck.sim.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.model.AwsVpcConfiguration;
import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.NetworkConfiguration;
import dev.ecsdeck.model.PlacementConstraint;
import dev.ecsdeck.model.PlacementStrategy;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.Described;
import dev.ecsdeck.sim.ecs.ExecuteCommandApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An ECS target of an EventBridge rule or a Scheduler schedule: the cluster ARN and the target's
 * {@code EcsParameters} (the two services name their members alike), checked when the target is put
 * and turned into a RunTask when it fires.
 */
public final class EcsTaskTarget {
    private static final Set<String> LAUNCH_TYPES = Set.of("EC2", "FARGATE", "EXTERNAL");
    private static final System.Logger LOG = System.getLogger(EcsTaskTarget.class.getName());

    private EcsTaskTarget() {}

    /** Whether a target's ARN names an ECS cluster (any other target is kept but has nothing simulated to invoke). */
    public static boolean isEcsCluster(String arn) {
        return arn != null && arn.startsWith("arn:") && arn.contains(":ecs:") && arn.contains(":cluster/");
    }

    /** Why these parameters cannot start a task, or null when they can. */
    public static String problem(String clusterArn, JsonNode ecs) {
        if (ecs == null || ecs.isMissingNode() || ecs.isNull()) {
            return "EcsParameters are required for an ECS cluster target (" + clusterArn + ").";
        }
        if (!ecs.path("TaskDefinitionArn").isTextual() || ecs.path("TaskDefinitionArn").asText().isEmpty()) {
            return "EcsParameters.TaskDefinitionArn is required.";
        }
        JsonNode count = ecs.get("TaskCount");
        if (count != null && !count.isNull() && (!count.canConvertToInt() || count.asInt() < 1 || count.asInt() > 10)) {
            return "EcsParameters.TaskCount must be between 1 and 10.";
        }
        String launchType = ecs.path("LaunchType").asText(null);
        if (launchType != null && !LAUNCH_TYPES.contains(launchType)) {
            return "EcsParameters.LaunchType must be one of EC2, FARGATE, EXTERNAL.";
        }
        return null;
    }

    /**
     * Runs the target's tasks now, started by {@code startedBy}. What ECS refuses (no such cluster or
     * task definition, no room) is logged and the rule or schedule goes on, as EventBridge's does.
     */
    public static List<String> run(SimEngine engine, String clusterArn, JsonNode ecs, String startedBy) {
        List<String> started = new ArrayList<>();
        try {
            RunTaskRequest request = new RunTaskRequest(clusterArn, ecs.path("TaskDefinitionArn").asText(), ecs.path("TaskCount").asInt(1),
                    launchType(ecs), network(ecs.path("NetworkConfiguration").path("awsvpcConfiguration")), constraints(ecs), strategy(ecs),
                    startedBy, ecs.path("Group").asText(null));
            Described<EcsTask> outcome = new ExecuteCommandApi(engine).onLaunch(clusterArn, ecs.path("EnableExecuteCommand").asBoolean(false),
                    () -> engine.tags().runTask(request, capacityProviderStrategy(ecs), tags(ecs.path("Tags")),
                            ecs.path("PropagateTags").asText(null), ecs.path("EnableECSManagedTags").asBoolean(false)));
            outcome.items().forEach(t -> started.add(t.taskArn()));
            if (!outcome.failures().isEmpty()) {
                LOG.log(System.Logger.Level.INFO, startedBy + ": RunTask could not place " + outcome.failures().size() + " task(s).");
            }
        } catch (SimApiException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.INFO, startedBy + ": RunTask failed: " + e.getMessage());
        }
        return started;
    }

    /** The strategy's items (both services spell them as ECS does: capacityProvider, weight, base); null without one. */
    private static List<CapacityProviderStrategyItem> capacityProviderStrategy(JsonNode ecs) {
        JsonNode items = ecs.path("CapacityProviderStrategy");
        if (!items.isArray() || items.isEmpty()) {
            return null;
        }
        List<CapacityProviderStrategyItem> out = new ArrayList<>();
        items.forEach(i -> out.add(new CapacityProviderStrategyItem(i.path("capacityProvider").asText(null), i.path("weight").asInt(0),
                i.path("base").asInt(0))));
        return out;
    }

    /** EventBridge's tags are {Key, Value} objects, Scheduler's one-entry maps {key: value}. */
    private static List<Tag> tags(JsonNode tags) {
        List<Tag> out = new ArrayList<>();
        tags.forEach(t -> {
            if (t.has("Key")) {
                out.add(new Tag(t.path("Key").asText(), t.path("Value").asText("")));
            } else {
                t.fields().forEachRemaining(e -> out.add(new Tag(e.getKey(), e.getValue().asText(""))));
            }
        });
        return out;
    }

    /** The launch type; with a capacity provider strategy and none named, ECS's default (null here). */
    private static String launchType(JsonNode ecs) {
        return ecs.path("LaunchType").asText(null);
    }

    private static NetworkConfiguration network(JsonNode vpc) {
        if (!vpc.isObject()) {
            return null;
        }
        return new NetworkConfiguration(new AwsVpcConfiguration(texts(vpc.path("Subnets")), texts(vpc.path("SecurityGroups")),
                vpc.path("AssignPublicIp").asText(null)));
    }

    private static List<PlacementConstraint> constraints(JsonNode ecs) {
        List<PlacementConstraint> out = new ArrayList<>();
        ecs.path("PlacementConstraints").forEach(c -> out.add(new PlacementConstraint(c.path("type").asText(null),
                c.path("expression").asText(null))));
        return out;
    }

    private static List<PlacementStrategy> strategy(JsonNode ecs) {
        List<PlacementStrategy> out = new ArrayList<>();
        ecs.path("PlacementStrategy").forEach(s -> out.add(new PlacementStrategy(s.path("type").asText(null), s.path("field").asText(null))));
        return out;
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(v -> out.add(v.asText()));
        return out;
    }
}
