package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static dev.ecsdeck.sim.wire.WireFixture.LOGS;
import static dev.ecsdeck.sim.wire.WireFixture.SCALING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every member of every response, at any depth, is a member of the API model's output shape with
 * the model's JSON type (timestamps numbers): what an SDK unmarshals is exactly what it expects.
 */
class WireResponsesModelTest {
    private static final String VPC = "\"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-0aa\"]}}";
    private static final String WEB = "\"ServiceNamespace\": \"ecs\", \"ScalableDimension\": \"ecs:service:DesiredCount\","
            + " \"ResourceId\": \"service/prod-web/web\"";

    private WireFixture sim;
    private final List<String> problems = new ArrayList<>();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void responsesHoldOnlyModelMembersOfTheModelTypes() throws IOException {
        sim = new WireFixture();
        sim.clock.advance(Duration.ofMinutes(15)); // scaling activities and stopped tasks to show
        JsonNode ecs = model("ecs");
        JsonNode logs = model("logs");
        JsonNode scaling = model("application-autoscaling");

        JsonNode instances = check(ecs, "ListContainerInstances", "{\"cluster\": \"prod-batch\"}");
        JsonNode tasks = check(ecs, "ListTasks", "{\"cluster\": \"prod-batch\", \"desiredStatus\": \"STOPPED\"}");
        check(ecs, "ListClusters", "{\"maxResults\": 1}");
        check(ecs, "DescribeClusters", "{\"clusters\": [\"prod-web\", \"nope\"]}");
        check(ecs, "CreateCluster", "{\"clusterName\": \"shapes\", \"tags\": [{\"key\": \"k\", \"value\": \"v\"}]}");
        check(ecs, "ListServices", "{\"cluster\": \"prod-web\", \"maxResults\": 1}");
        check(ecs, "DescribeServices", "{\"cluster\": \"prod-web\", \"services\": [\"web\", \"checkout\", \"payments\", \"nope\"]}");
        check(ecs, "DescribeServices", "{\"cluster\": \"prod-batch\", \"services\": [\"log-router\", \"metrics-gateway\"]}");
        check(ecs, "CreateService", "{\"cluster\": \"shapes\", \"serviceName\": \"s\", \"taskDefinition\": \"web:1\", \"desiredCount\": 0,"
                + " \"launchType\": \"FARGATE\", " + VPC + "}");
        check(ecs, "UpdateService", "{\"cluster\": \"shapes\", \"service\": \"s\", \"desiredCount\": 0}");
        check(ecs, "DeleteService", "{\"cluster\": \"shapes\", \"service\": \"s\"}");
        check(ecs, "DescribeTasks", "{\"cluster\": \"prod-batch\", \"tasks\": [\"" + tasks.get("taskArns").get(0).asText() + "\", \"nope\"]}");
        JsonNode run = check(ecs, "RunTask", "{\"cluster\": \"prod-batch\", \"taskDefinition\": \"cron-scheduler\", \"count\": 1}");
        check(ecs, "StopTask", "{\"cluster\": \"prod-batch\", \"task\": \"" + run.get("tasks").get(0).get("taskArn").asText() + "\"}");
        String execTask = sim.ok(ECS, "ListTasks", "{\"cluster\": \"prod-web\", \"serviceName\": \"web\"}").get("taskArns").get(0).asText();
        check(ecs, "DescribeTasks", "{\"cluster\": \"prod-web\", \"tasks\": [\"" + execTask + "\"]}");
        check(ecs, "ExecuteCommand", "{\"cluster\": \"prod-web\", \"task\": \"" + execTask + "\", \"container\": \"web\","
                + " \"command\": \"/bin/sh\", \"interactive\": true}");
        check(ecs, "DescribeContainerInstances", "{\"cluster\": \"prod-batch\", \"containerInstances\": [\""
                + instances.get("containerInstanceArns").get(0).asText() + "\", \"nope\"]}");
        JsonNode registered = check(ecs, "RegisterContainerInstance", "{\"cluster\": \"shapes\", \"totalResources\": [{\"name\": \"CPU\","
                + " \"type\": \"INTEGER\", \"integerValue\": 1024}, {\"name\": \"MEMORY\", \"type\": \"INTEGER\", \"integerValue\": 2048}]}");
        check(ecs, "UpdateContainerInstancesState", "{\"cluster\": \"shapes\", \"status\": \"DRAINING\", \"containerInstances\": [\""
                + registered.get("containerInstance").get("containerInstanceArn").asText() + "\"]}");
        check(ecs, "ListTaskDefinitionFamilies", "{}");
        check(ecs, "ListTaskDefinitions", "{\"maxResults\": 2}");
        check(ecs, "DescribeTaskDefinition", "{\"taskDefinition\": \"web:1\"}");
        check(ecs, "DescribeTaskDefinition", "{\"taskDefinition\": \"reports-worker\"}");
        check(ecs, "RegisterTaskDefinition", "{\"family\": \"shapes\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\","
                + " \"memory\": 128}]}");
        check(ecs, "DeregisterTaskDefinition", "{\"taskDefinition\": \"shapes:1\"}");
        check(ecs, "ListTagsForResource", "{\"resourceArn\": \"arn:aws:ecs:us-east-1:000000000000:cluster/shapes\"}");
        check(ecs, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\", \"forceNewDeployment\": true}");
        JsonNode rollouts = check(ecs, "ListServiceDeployments", "{\"cluster\": \"prod-web\", \"service\": \"web\"}");
        String rollout = rollouts.get("serviceDeployments").get(0).get("serviceDeploymentArn").asText();
        JsonNode described = check(ecs, "DescribeServiceDeployments", "{\"serviceDeploymentArns\": [\"" + rollout + "\", \"nope\"]}");
        check(ecs, "DescribeServiceRevisions", "{\"serviceRevisionArns\": [\""
                + described.get("serviceDeployments").get(0).get("targetServiceRevision").get("arn").asText() + "\", \"nope\"]}");
        check(ecs, "StopServiceDeployment", "{\"serviceDeploymentArn\": \"" + rollout + "\", \"stopType\": \"ROLLBACK\"}");

        JsonNode stream = check(logs, "DescribeLogStreams", "{\"logGroupName\": \"/ecs/web\", \"limit\": 2}");
        String name = stream.get("logStreams").get(0).get("logStreamName").asText();
        check(logs, "DescribeLogGroups", "{\"limit\": 3}");
        check(logs, "GetLogEvents", "{\"logGroupName\": \"/ecs/web\", \"logStreamName\": \"" + name + "\", \"limit\": 3}");
        check(logs, "FilterLogEvents", "{\"logGroupName\": \"/ecs/web\", \"limit\": 3}");

        check(scaling, "RegisterScalableTarget", "{" + WEB + ", \"MinCapacity\": 1, \"MaxCapacity\": 4}");
        check(scaling, "PutScalingPolicy", "{" + WEB + ", \"PolicyName\": \"p\", \"PolicyType\": \"TargetTrackingScaling\","
                + " \"TargetTrackingScalingPolicyConfiguration\": {\"TargetValue\": 50, \"PredefinedMetricSpecification\":"
                + " {\"PredefinedMetricType\": \"ECSServiceAverageMemoryUtilization\"}}}");
        check(scaling, "DescribeScalableTargets", "{\"ServiceNamespace\": \"ecs\", \"MaxResults\": 1}");
        check(scaling, "DescribeScalingPolicies", "{\"ServiceNamespace\": \"ecs\"}");
        JsonNode activities = check(scaling, "DescribeScalingActivities", "{\"ServiceNamespace\": \"ecs\"}");
        check(scaling, "DescribeScheduledActions", "{\"ServiceNamespace\": \"ecs\"}");
        check(scaling, "DeleteScalingPolicy", "{" + WEB + ", \"PolicyName\": \"p\"}");

        assertEquals(List.of(), problems);
        assertEquals(1, described.get("serviceDeployments").get(0).get("sourceServiceRevisions").size(),
                "the forced rollout has a source revision to check");
        assertEquals(true, activities.get("ScalingActivities").size() > 0, "the activities were there to check");
    }

    private static JsonNode model(String service) throws IOException {
        return WireShapesModelTest.model(service);
    }

    /** Calls the operation and walks its response against the operation's output shape. */
    private JsonNode check(JsonNode model, String operation, String body) {
        String prefix = model.path("metadata").path("targetPrefix").asText();
        JsonNode response = sim.ok(prefix.equals(ECS) ? ECS : prefix.equals(LOGS) ? LOGS : SCALING, operation, body);
        String output = model.path("operations").path(operation).path("output").path("shape").asText();
        walk(model.get("shapes"), output, response, operation);
        return response;
    }

    private void walk(JsonNode shapes, String shapeName, JsonNode value, String path) {
        JsonNode shape = shapes.get(shapeName);
        String type = shape.get("type").asText();
        switch (type) {
            case "structure":
                if (!value.isObject()) {
                    problems.add(path + ": a structure expected, found " + value);
                    return;
                }
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    JsonNode member = shape.path("members").get(field.getKey());
                    if (member == null) {
                        problems.add(path + "." + field.getKey() + ": not a member of " + shapeName);
                    } else {
                        walk(shapes, member.get("shape").asText(), field.getValue(), path + "." + field.getKey());
                    }
                }
                return;
            case "list":
                if (!value.isArray()) {
                    problems.add(path + ": a list expected, found " + value);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    walk(shapes, shape.path("member").path("shape").asText(), value.get(i), path + "[" + i + "]");
                }
                return;
            case "map":
                if (!value.isObject()) {
                    problems.add(path + ": a map expected, found " + value);
                    return;
                }
                value.properties().forEach(f -> walk(shapes, shape.path("value").path("shape").asText(), f.getValue(), path + "{" + f.getKey() + "}"));
                return;
            default:
                boolean fits = switch (type) {
                    case "string", "blob" -> value.isTextual();
                    case "integer", "long" -> value.isIntegralNumber();
                    case "double", "float", "timestamp" -> value.isNumber();
                    case "boolean" -> value.isBoolean();
                    default -> false;
                };
                if (!fits) {
                    problems.add(path + ": " + type + " expected, found " + value);
                }
        }
    }
}
