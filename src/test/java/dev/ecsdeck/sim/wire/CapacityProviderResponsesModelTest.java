package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
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
 * The capacity provider operations' answers (and DescribeClusters/DescribeTasks/DescribeServices
 * with capacity providers in them) hold only members of the API model's output shapes, of the
 * model's JSON types; skipped without the models beside the project.
 */
class CapacityProviderResponsesModelTest {
    private static final String ASG = "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:1a:autoScalingGroupName/g";

    private WireFixture sim;
    private final List<String> problems = new ArrayList<>();

    @AfterEach
    void close() {
        if (sim != null) { // skipped before it was made: no API models beside the project
            sim.close();
        }
    }

    @Test
    void answersHoldOnlyModelMembersOfTheModelTypes() throws IOException {
        JsonNode model = WireShapesModelTest.model("ecs");
        sim = new WireFixture();
        check(model, "CreateCapacityProvider", "{\"name\": \"g\", \"tags\": [{\"key\": \"k\", \"value\": \"v\"}], \"autoScalingGroupProvider\":"
                + " {\"autoScalingGroupArn\": \"" + ASG + "\", \"managedScaling\": {\"status\": \"ENABLED\", \"targetCapacity\": 80}}}");
        check(model, "UpdateCapacityProvider", "{\"name\": \"g\", \"autoScalingGroupProvider\": {\"managedDraining\": \"DISABLED\"}}");
        check(model, "DescribeCapacityProviders", "{\"include\": [\"TAGS\"], \"maxResults\": 2}");
        check(model, "DescribeCapacityProviders", "{\"capacityProviders\": [\"g\", \"FARGATE\", \"nope\"]}");
        check(model, "CreateCluster", "{\"clusterName\": \"cp\", \"capacityProviders\": [\"FARGATE\", \"FARGATE_SPOT\", \"g\"],"
                + " \"defaultCapacityProviderStrategy\": [{\"capacityProvider\": \"FARGATE\", \"weight\": 1, \"base\": 1}]}");
        check(model, "PutClusterCapacityProviders", "{\"cluster\": \"cp\", \"capacityProviders\": [\"FARGATE\", \"FARGATE_SPOT\", \"g\"],"
                + " \"defaultCapacityProviderStrategy\": [{\"capacityProvider\": \"FARGATE_SPOT\", \"weight\": 2}]}");
        check(model, "UpdateCluster", "{\"cluster\": \"cp\", \"settings\": [{\"name\": \"containerInsights\", \"value\": \"enabled\"}],"
                + " \"configuration\": {\"executeCommandConfiguration\": {\"logging\": \"DEFAULT\"}}, \"serviceConnectDefaults\": {\"namespace\": \"ns\"}}");
        check(model, "UpdateClusterSettings", "{\"cluster\": \"cp\", \"settings\": [{\"name\": \"containerInsights\", \"value\": \"disabled\"}]}");
        check(model, "DescribeClusters", "{\"clusters\": [\"cp\"], \"include\": [\"ATTACHMENTS\", \"CONFIGURATIONS\", \"SETTINGS\"]}");
        check(model, "CreateService", "{\"cluster\": \"cp\", \"serviceName\": \"s\", \"taskDefinition\": \"web\", \"desiredCount\": 2,"
                + " \"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-0aa\"]}}}");
        sim.clock.advance(Duration.ofSeconds(3));
        JsonNode tasks = sim.ok(ECS, "ListTasks", "{\"cluster\": \"cp\"}");
        check(model, "DescribeTasks", "{\"cluster\": \"cp\", \"tasks\": " + tasks.get("taskArns") + "}");
        check(model, "UpdateService", "{\"cluster\": \"cp\", \"service\": \"s\", \"desiredCount\": 0, \"capacityProviderStrategy\":"
                + " [{\"capacityProvider\": \"FARGATE\", \"weight\": 1}]}");
        check(model, "DeleteService", "{\"cluster\": \"cp\", \"service\": \"s\"}");
        sim.clock.advance(Duration.ofMinutes(3)); // the service's tasks stop; it no longer uses the providers
        check(model, "PutClusterCapacityProviders", "{\"cluster\": \"cp\", \"capacityProviders\": [\"FARGATE\"],"
                + " \"defaultCapacityProviderStrategy\": []}");
        check(model, "DeleteCapacityProvider", "{\"capacityProvider\": \"g\"}");
        assertEquals(List.of(), problems);
        assertEquals("FARGATE_SPOT", tasks.isEmpty() ? null : sim.ok(ECS, "DescribeTasks", "{\"cluster\": \"cp\", \"tasks\": "
                + tasks.get("taskArns") + "}").get("tasks").get(0).get("capacityProviderName").asText(), "the default strategy's provider");
    }

    private void check(JsonNode model, String operation, String body) {
        JsonNode response = sim.ok(ECS, operation, body);
        walk(model.get("shapes"), model.path("operations").path(operation).path("output").path("shape").asText(), response, operation);
    }

    private void walk(JsonNode shapes, String shapeName, JsonNode value, String path) {
        JsonNode shape = shapes.get(shapeName);
        switch (shape.get("type").asText()) {
            case "structure" -> {
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    JsonNode member = shape.path("members").get(field.getKey());
                    if (member == null) {
                        problems.add(path + "." + field.getKey() + ": not a member of " + shapeName);
                    } else {
                        walk(shapes, member.get("shape").asText(), field.getValue(), path + "." + field.getKey());
                    }
                }
            }
            case "list" -> {
                if (!value.isArray()) {
                    problems.add(path + ": a list expected, found " + value);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    walk(shapes, shape.path("member").path("shape").asText(), value.get(i), path + "[" + i + "]");
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": string expected, found " + value);
                } else if (shape.has("enum") && !shape.get("enum").toString().contains("\"" + value.asText() + "\"")) {
                    problems.add(path + ": " + value + " is not one of " + shape.get("enum"));
                }
            }
            case "integer", "long" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + ": integer expected, found " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": boolean expected, found " + value);
                }
            }
            case "timestamp", "double" -> {
                if (!value.isNumber()) {
                    problems.add(path + ": number expected, found " + value);
                }
            }
            default -> { }
        }
    }
}
