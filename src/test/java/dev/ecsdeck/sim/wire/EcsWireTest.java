package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each ECS operation over HTTP on the demo scenario: the response shapes clients read, with their JSON types. */
class EcsWireTest {
    private static final String VPC = "\"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-0aa\"],"
            + " \"securityGroups\": [\"sg-0cc\"], \"assignPublicIp\": \"DISABLED\"}}";

    private WireFixture sim;

    @BeforeEach
    void start() throws IOException {
        sim = new WireFixture();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    /** An epoch-seconds timestamp: a JSON number, in the simulation's time. */
    private void assertTimestamp(JsonNode t) {
        assertTrue(t.isNumber(), "a timestamp is a number: " + t);
        double seconds = t.asDouble();
        assertTrue(Math.abs(seconds - sim.engine.now().getEpochSecond()) < 3 * 3600, "epoch seconds near the simulation's now: " + t);
    }

    @Test
    void clustersListDescribeCreateDelete() {
        JsonNode list = sim.ok(ECS, "ListClusters", "{\"maxResults\": 2}");
        assertEquals(2, list.get("clusterArns").size());
        JsonNode rest = sim.ok(ECS, "ListClusters", "{\"nextToken\": \"" + list.get("nextToken").asText() + "\"}");
        assertEquals(List.of("arn:aws:ecs:us-east-1:000000000000:cluster/staging"), texts(rest.get("clusterArns")));
        assertFalse(rest.has("nextToken"), "no token on the last page");

        JsonNode described = sim.ok(ECS, "DescribeClusters", "{\"clusters\": [\"prod-batch\", \"nope\"]}");
        JsonNode batch = described.get("clusters").get(0);
        assertEquals("prod-batch", batch.get("clusterName").asText());
        assertTrue(batch.get("registeredContainerInstancesCount").isInt());
        assertEquals(4, batch.get("activeServicesCount").asInt());
        assertEquals("MISSING", described.get("failures").get(0).get("reason").asText());
        assertThat(described.get("failures").get(0).get("arn").asText(), endsWith(":cluster/nope"));

        JsonNode created = sim.ok(ECS, "CreateCluster", "{\"clusterName\": \"wire\", \"tags\": [{\"key\": \"team\", \"value\": \"ops\"}],"
                + " \"settings\": [{\"name\": \"containerInsights\", \"value\": \"enabled\"}]}").get("cluster");
        assertEquals("ACTIVE", created.get("status").asText());
        assertEquals("ops", created.get("tags").get(0).get("value").asText());
        assertEquals("containerInsights", created.get("settings").get(0).get("name").asText());
        JsonNode tags = sim.ok(ECS, "ListTagsForResource", "{\"resourceArn\": \"" + created.get("clusterArn").asText() + "\"}");
        assertEquals("team", tags.get("tags").get(0).get("key").asText());

        assertEquals("INACTIVE", sim.ok(ECS, "DeleteCluster", "{\"cluster\": \"wire\"}").get("cluster").get("status").asText());
        assertEquals(3, sim.ok(ECS, "ListClusters", "{}").get("clusterArns").size());
        WireFixture.Reply busy = sim.call(ECS, "DeleteCluster", "{\"cluster\": \"prod-web\"}");
        assertEquals("ClusterContainsServicesException", busy.errorType());
    }

    @Test
    void listServicesPagesWithMaxResultsAndNextToken() {
        List<String> arns = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = sim.ok(ECS, "ListServices", "{\"cluster\": \"prod-web\", \"maxResults\": 3"
                    + (token == null ? "" : ", \"nextToken\": \"" + token + "\"") + "}");
            assertTrue(page.get("serviceArns").size() <= 3);
            arns.addAll(texts(page.get("serviceArns")));
            token = page.has("nextToken") ? page.get("nextToken").asText() : null;
            pages++;
        } while (token != null);
        assertEquals(2, pages);
        assertEquals(List.of("web", "orders-api", "checkout", "payments", "catalog", "search"),
                arns.stream().map(a -> a.substring(a.lastIndexOf('/') + 1)).toList());
        assertEquals(6, sim.ok(ECS, "ListServices", "{\"cluster\": \"prod-web\"}").get("serviceArns").size(), "10 a page by default");
        assertEquals("InvalidParameterException", sim.call(ECS, "ListServices", "{\"cluster\": \"prod-web\", \"maxResults\": 101}").errorType());
    }

    @Test
    void describeServicesHasWhatServicesStableWaitsOn() {
        JsonNode r = sim.ok(ECS, "DescribeServices", "{\"cluster\": \"prod-web\", \"services\": [\"web\", \"checkout\", \"ghost\"]}");
        JsonNode web = r.get("services").get(0);
        assertEquals("web", web.get("serviceName").asText());
        assertEquals(4, web.get("desiredCount").asInt());
        assertEquals(4, web.get("runningCount").asInt());
        assertEquals(1, web.get("deployments").size(), "steady: one deployment");
        JsonNode deployment = web.get("deployments").get(0);
        assertEquals("PRIMARY", deployment.get("status").asText());
        assertEquals("COMPLETED", deployment.get("rolloutState").asText());
        assertTimestamp(deployment.get("createdAt"));
        assertTimestamp(web.get("createdAt"));
        assertTimestamp(web.get("events").get(0).get("createdAt"));
        assertThat(web.get("events").get(0).get("message").asText(), containsString("has reached a steady state."));
        assertEquals(200, web.get("deploymentConfiguration").get("maximumPercent").asInt());
        assertFalse(web.get("deploymentConfiguration").get("deploymentCircuitBreaker").get("enable").asBoolean());
        assertFalse(web.has("daemon"), "helpers such as isDaemon() stay off the wire");
        assertFalse(deployment.has("primary"));
        assertFalse(web.has("healthCheckGracePeriodSeconds"), "nulls are left out");
        assertEquals(2, r.get("services").get(1).get("deployments").size(), "checkout is mid-deployment");
        assertEquals("MISSING", r.get("failures").get(0).get("reason").asText());
        assertThat(r.get("failures").get(0).get("arn").asText(), endsWith(":service/prod-web/ghost"));
    }

    @Test
    void createUpdateAndDeleteAService() {
        JsonNode created = sim.ok(ECS, "CreateService", "{\"cluster\": \"staging\", \"serviceName\": \"wire-api\", \"taskDefinition\": \"web:1\","
                + " \"desiredCount\": 2, \"launchType\": \"FARGATE\", " + VPC + ", \"deploymentConfiguration\": {\"maximumPercent\": 150,"
                + " \"minimumHealthyPercent\": 50, \"deploymentCircuitBreaker\": {\"enable\": true, \"rollback\": true}},"
                + " \"tags\": [{\"key\": \"app\", \"value\": \"wire\"}]}").get("service");
        assertEquals("ACTIVE", created.get("status").asText());
        assertEquals(2, created.get("desiredCount").asInt());
        assertEquals(150, created.get("deploymentConfiguration").get("maximumPercent").asInt());
        assertTrue(created.get("deploymentConfiguration").get("deploymentCircuitBreaker").get("rollback").asBoolean());
        assertEquals("subnet-0aa", created.get("networkConfiguration").get("awsvpcConfiguration").get("subnets").get(0).asText());
        assertEquals("IN_PROGRESS", created.get("deployments").get(0).get("rolloutState").asText());

        sim.clock.advance(Duration.ofMinutes(3));
        JsonNode updated = sim.ok(ECS, "UpdateService", "{\"cluster\": \"staging\", \"service\": \"wire-api\", \"desiredCount\": 3,"
                + " \"forceNewDeployment\": true}").get("service");
        assertEquals(3, updated.get("desiredCount").asInt());
        assertEquals(2, updated.get("deployments").size(), "a forced deployment starts beside the current one");

        assertEquals("InvalidParameterException", sim.call(ECS, "DeleteService", "{\"cluster\": \"staging\", \"service\": \"wire-api\"}").errorType(),
                "a service above 0 needs force");
        JsonNode deleted = sim.ok(ECS, "DeleteService", "{\"cluster\": \"staging\", \"service\": \"wire-api\", \"force\": true}").get("service");
        assertEquals("DRAINING", deleted.get("status").asText());
        assertEquals("ServiceNotFoundException", sim.call(ECS, "UpdateService", "{\"cluster\": \"staging\", \"service\": \"ghost\","
                + " \"desiredCount\": 1}").errorType());
    }

    @Test
    void tasksListDescribeRunStop() {
        JsonNode list = sim.ok(ECS, "ListTasks", "{\"cluster\": \"prod-web\", \"serviceName\": \"web\"}");
        assertEquals(4, list.get("taskArns").size());
        JsonNode described = sim.ok(ECS, "DescribeTasks", "{\"cluster\": \"prod-web\", \"tasks\": [\""
                + list.get("taskArns").get(0).asText() + "\", \"0123\"]}");
        JsonNode task = described.get("tasks").get(0);
        assertEquals("RUNNING", task.get("lastStatus").asText());
        assertTimestamp(task.get("startedAt"));
        assertTrue(task.get("version").isIntegralNumber());
        assertEquals("web", task.get("containers").get(0).get("name").asText());
        assertFalse(task.has("taskId"), "helpers stay off the wire");
        assertEquals("MISSING", described.get("failures").get(0).get("reason").asText());

        JsonNode run = sim.ok(ECS, "RunTask", "{\"cluster\": \"staging\", \"taskDefinition\": \"web\", \"count\": 2,"
                + " \"capacityProviderStrategy\": [{\"capacityProvider\": \"FARGATE\", \"weight\": 1}], \"startedBy\": \"wire-test\", " + VPC + "}");
        assertEquals(2, run.get("tasks").size());
        assertEquals(0, run.get("failures").size());
        assertEquals("FARGATE", run.get("tasks").get(0).get("launchType").asText());
        JsonNode mine = sim.ok(ECS, "ListTasks", "{\"cluster\": \"staging\", \"startedBy\": \"wire-test\"}");
        assertEquals(2, mine.get("taskArns").size());

        JsonNode stopped = sim.ok(ECS, "StopTask", "{\"cluster\": \"staging\", \"task\": \"" + run.get("tasks").get(0).get("taskArn").asText()
                + "\", \"reason\": \"done\"}").get("task");
        assertEquals("STOPPED", stopped.get("desiredStatus").asText());
        assertEquals("done", stopped.get("stoppedReason").asText());
    }

    @Test
    void runTaskWithoutCapacityIsAFailureNotAnError() {
        sim.ok(ECS, "CreateCluster", "{\"clusterName\": \"empty\"}");
        JsonNode run = sim.ok(ECS, "RunTask", "{\"cluster\": \"empty\", \"taskDefinition\": \"reports-worker:1\"}");
        assertEquals(0, run.get("tasks").size());
        assertEquals(1, run.get("failures").size());
        assertTrue(run.get("failures").get(0).get("reason").isTextual());
    }

    @Test
    void containerInstancesListDescribeRegisterDrain() {
        JsonNode list = sim.ok(ECS, "ListContainerInstances", "{\"cluster\": \"prod-batch\"}");
        assertTrue(list.get("containerInstanceArns").size() >= 4);
        JsonNode described = sim.ok(ECS, "DescribeContainerInstances", "{\"cluster\": \"prod-batch\", \"containerInstances\": [\""
                + list.get("containerInstanceArns").get(0).asText() + "\"]}");
        JsonNode instance = described.get("containerInstances").get(0);
        assertTrue(instance.get("versionInfo").get("agentVersion").isTextual(), "the agent version sits in versionInfo");
        assertFalse(instance.has("agentVersion"));
        assertEquals("CPU", instance.get("registeredResources").get(0).get("name").asText());
        assertTrue(instance.get("registeredResources").get(0).get("integerValue").isInt());
        assertTimestamp(instance.get("registeredAt"));
        assertEquals(0, described.get("failures").size());

        JsonNode registered = sim.ok(ECS, "RegisterContainerInstance", "{\"cluster\": \"prod-batch\", \"totalResources\": ["
                + "{\"name\": \"CPU\", \"type\": \"INTEGER\", \"integerValue\": 4096},"
                + " {\"name\": \"MEMORY\", \"type\": \"INTEGER\", \"integerValue\": 8192}],"
                + " \"attributes\": [{\"name\": \"ecs.availability-zone\", \"value\": \"us-east-1c\"}]}").get("containerInstance");
        assertEquals(4096, registered.get("registeredResources").get(0).get("integerValue").asInt());
        assertTrue(texts(registered.get("attributes").findValues("value")).contains("us-east-1c"));
        assertEquals("InvalidParameterException", sim.call(ECS, "RegisterContainerInstance", "{\"cluster\": \"prod-batch\"}").errorType(),
                "CPU and MEMORY are needed");

        JsonNode drained = sim.ok(ECS, "UpdateContainerInstancesState", "{\"cluster\": \"prod-batch\", \"containerInstances\": [\""
                + registered.get("containerInstanceArn").asText() + "\"], \"status\": \"DRAINING\"}");
        assertEquals("DRAINING", drained.get("containerInstances").get(0).get("status").asText());
        assertEquals(1, sim.ok(ECS, "ListContainerInstances", "{\"cluster\": \"prod-batch\", \"status\": \"DRAINING\"}")
                .get("containerInstanceArns").size());
    }

    @Test
    void taskDefinitionsListDescribeRegisterDeregister() {
        JsonNode families = sim.ok(ECS, "ListTaskDefinitionFamilies", "{\"familyPrefix\": \"orders\"}");
        assertEquals(List.of("orders-api"), texts(families.get("families")));
        JsonNode revisions = sim.ok(ECS, "ListTaskDefinitions", "{\"familyPrefix\": \"orders-api\", \"sort\": \"DESC\"}");
        assertThat(revisions.get("taskDefinitionArns").get(0).asText(), endsWith("task-definition/orders-api:2"));

        JsonNode described = sim.ok(ECS, "DescribeTaskDefinition", "{\"taskDefinition\": \"web:1\", \"include\": [\"TAGS\"]}");
        JsonNode td = described.get("taskDefinition");
        assertTrue(td.isObject(), "the task definition is an object, not a string");
        assertEquals("web", td.get("family").asText());
        assertEquals(1, td.get("revision").asInt());
        assertTrue(td.get("containerDefinitions").isArray());
        assertTimestamp(td.get("registeredAt"));
        assertTrue(described.get("tags").isArray());
        assertEquals(0, described.get("tags").size());

        JsonNode registered = sim.ok(ECS, "RegisterTaskDefinition", "{\"family\": \"wire\", \"tags\": [{\"key\": \"a\", \"value\": \"b\"}],"
                + " \"containerDefinitions\": [{\"name\": \"app\", \"image\": \"acme/wire:1\", \"memory\": 256, \"essential\": true}]}");
        assertEquals("wire", registered.get("taskDefinition").get("family").asText());
        assertEquals(1, registered.get("taskDefinition").get("revision").asInt());
        assertEquals("ACTIVE", registered.get("taskDefinition").get("status").asText());
        assertFalse(registered.get("taskDefinition").has("tags"));
        assertEquals("b", registered.get("tags").get(0).get("value").asText(), "the tags registered, beside the task definition");
        WireFixture.Reply refused = sim.call(ECS, "RegisterTaskDefinition", "{\"family\": \"wire\", \"containerDefinitions\": [{\"name\": \"app\","
                + " \"image\": \"acme/wire:1\", \"essential\": false}]}");
        assertEquals("ClientException", refused.errorType(), "ECS's own registration rules answer");

        JsonNode deregistered = sim.ok(ECS, "DeregisterTaskDefinition", "{\"taskDefinition\": \"wire:1\"}").get("taskDefinition");
        assertEquals("INACTIVE", deregistered.get("status").asText());
        assertTimestamp(deregistered.get("deregisteredAt"));
        assertNull(sim.ok(ECS, "ListTaskDefinitions", "{\"familyPrefix\": \"wire\"}").get("taskDefinitionArns").get(0));
        assertThat(sim.ok(ECS, "ListTaskDefinitions", "{\"familyPrefix\": \"wire\", \"status\": \"INACTIVE\"}")
                .get("taskDefinitionArns").get(0).asText(), startsWith("arn:aws:ecs:us-east-1:000000000000:task-definition/wire:1"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }
}
