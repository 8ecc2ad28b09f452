package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.EcsOpsWire.CLUSTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.DiscoverPollEndpointResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.ListAttributesResponse;
import software.amazon.awssdk.services.ecs.model.StartTaskResponse;
import software.amazon.awssdk.services.ecs.model.TargetNotFoundException;
import software.amazon.awssdk.services.ecs.model.TargetType;

/**
 * Put/Delete/ListAttributes, StartTask, DiscoverPollEndpoint and DeregisterContainerInstance on the
 * wire, raw and through the SDK v2 EcsClient, with ECS's errors for bad input.
 */
class InstanceOperationsWireTest {
    private EcsOpsWire ops;
    private EcsClient ecs;

    @BeforeEach
    void serve() throws IOException {
        ops = new EcsOpsWire();
        ecs = SdkClients.against(ops.sim.endpoint(), EcsClient.builder());
    }

    @AfterEach
    void close() {
        ecs.close();
        ops.close();
    }

    private String attribute(String name, String value, String target) {
        return "{\"name\": \"" + name + "\"" + (value == null ? "" : ", \"value\": \"" + value + "\"") + ", \"targetId\": \"" + target + "\"}";
    }

    @Test
    void putAttributesAreListedDescribedAndHonouredByMemberOfPlacement() {
        String blue = ops.instances.get(1);
        JsonNode put = ops.ok("PutAttributes", "{\"cluster\": \"ops\", \"attributes\": [" + attribute("stack", "blue", blue) + "]}");
        assertEquals("stack", put.path("attributes").get(0).path("name").asText());
        assertEquals("container-instance", put.path("attributes").get(0).path("targetType").asText());

        JsonNode listed = ops.ok("ListAttributes", "{\"cluster\": \"ops\", \"targetType\": \"container-instance\", \"attributeName\": \"stack\"}");
        assertEquals(1, listed.path("attributes").size(), listed.toString());
        assertEquals(blue, listed.path("attributes").get(0).path("targetId").asText());
        assertEquals("blue", listed.path("attributes").get(0).path("value").asText());
        JsonNode linux = ops.ok("ListAttributes", "{\"cluster\": \"ops\", \"targetType\": \"container-instance\","
                + " \"attributeName\": \"ecs.os-type\", \"attributeValue\": \"linux\"}");
        assertEquals(2, linux.path("attributes").size(), "ECS's own attributes are listed too");

        JsonNode described = ops.ok("DescribeContainerInstances", "{\"cluster\": \"ops\", \"containerInstances\": [\"" + blue + "\"]}");
        assertTrue(described.path("containerInstances").get(0).path("attributes").toString().contains("{\"name\":\"stack\",\"value\":\"blue\"}"),
                described.toString());

        ops.createService("pinned", 3, ", \"placementConstraints\": [{\"type\": \"memberOf\", \"expression\": \"attribute:stack == blue\"}]");
        ops.advance(Duration.ofSeconds(30));
        JsonNode tasks = ops.describeTasks(ops.runningTasks("pinned"));
        assertEquals(3, tasks.size());
        tasks.forEach(t -> assertEquals(blue, t.path("containerInstanceArn").asText(), "memberOf sees the put attribute"));

        JsonNode deleted = ops.ok("DeleteAttributes", "{\"cluster\": \"ops\", \"attributes\": [" + attribute("stack", null, blue) + "]}");
        assertEquals("stack", deleted.path("attributes").get(0).path("name").asText());
        assertEquals(0, ops.ok("ListAttributes", "{\"cluster\": \"ops\", \"targetType\": \"container-instance\", \"attributeName\": \"stack\"}")
                .path("attributes").size());
    }

    @Test
    void attributesRefuseWhatEcsRefuses() {
        String one = ops.instances.get(0);
        StringBuilder ten = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            ten.append(i == 0 ? "" : ", ").append(attribute("a" + i, "v", one));
        }
        ops.ok("PutAttributes", "{\"cluster\": \"ops\", \"attributes\": [" + ten + "]}");
        ops.call("PutAttributes", "{\"cluster\": \"ops\", \"attributes\": [" + attribute("a10", "v", one) + "]}")
                .assertRefused(400, "AttributeLimitExceededException", "up to 10 custom attributes");
        ops.ok("PutAttributes", "{\"cluster\": \"ops\", \"attributes\": [" + attribute("a0", "changed", one) + "]}"); // a replacement
        String shortId = one.substring(one.lastIndexOf('/') + 1);
        ops.call("PutAttributes", "{\"cluster\": \"ops\", \"attributes\": [{\"name\": \"x\", \"targetId\": \"" + shortId + "\"}]}")
                .assertRefused(400, "InvalidParameterException", "targetType is required");
        ops.ok("PutAttributes", "{\"cluster\": \"ops\", \"attributes\": [{\"name\": \"a1\", \"targetId\": \"" + shortId
                + "\", \"targetType\": \"container-instance\"}]}");
        ops.call("PutAttributes", "{\"cluster\": \"ops\", \"attributes\": [" + attribute("x", "v", one.replaceAll("/[^/]+$", "/nope")) + "]}")
                .assertRefused(400, "TargetNotFoundException", "nope");
        ops.call("PutAttributes", "{\"cluster\": \"ops\", \"attributes\": [" + attribute("ecs.os-type", "windows", one) + "]}")
                .assertRefused(400, "InvalidParameterException", "reserved");
        ops.call("PutAttributes", "{\"cluster\": \"ops\", \"attributes\": [" + attribute("bad name!", "v", one) + "]}")
                .assertRefused(400, "InvalidParameterException", "not valid");
        ops.call("PutAttributes", "{\"cluster\": \"ops\", \"attributes\": []}").assertRefused(400, "InvalidParameterException", "empty");
        ops.call("PutAttributes", "{\"cluster\": \"ops\"}").assertRefused(400, "InvalidParameterException", "Value null at 'attributes'");
        ops.call("PutAttributes", "{\"cluster\": \"nope\", \"attributes\": [" + attribute("x", "v", one) + "]}")
                .assertRefused(400, "ClusterNotFoundException", "");
        ops.call("ListAttributes", "{\"cluster\": \"ops\", \"targetType\": \"task\"}").assertRefused(400, "InvalidParameterException", "targetType");
        ops.call("ListAttributes", "{\"cluster\": \"ops\", \"targetType\": \"container-instance\", \"attributeValue\": \"v\"}")
                .assertRefused(400, "InvalidParameterException", "attributeName");
        ops.call("ListAttributes", "{\"cluster\": \"ops\"}").assertRefused(400, "InvalidParameterException", "targetType");
        ops.call("ListAttributes", "{\"cluster\": \"ops\", \"targetType\": \"container-instance\", \"maxResults\": 101}")
                .assertRefused(400, "InvalidParameterException", "maxResults");

        // Paging: one attribute a page, every attribute once.
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = ops.ok("ListAttributes", "{\"cluster\": \"ops\", \"targetType\": \"container-instance\", \"maxResults\": 1"
                    + (token == null ? "" : ", \"nextToken\": \"" + token + "\"") + "}");
            page.path("attributes").forEach(a -> seen.add(a.path("targetId").asText() + " " + a.path("name").asText()));
            token = page.path("nextToken").asText(null);
        } while (token != null);
        int all = ops.ok("ListAttributes", "{\"cluster\": \"ops\", \"targetType\": \"container-instance\"}").path("attributes").size();
        assertEquals(all, seen.size());
        assertEquals(all, seen.stream().distinct().count());
        assertTrue(all >= 10 + 2 * 4, "ten custom and each instance's four ECS attributes: " + seen);
    }

    @Test
    void theSdkPutsListsAndDeletesAttributes() {
        String one = ops.instances.get(0);
        ecs.putAttributes(b -> b.cluster(CLUSTER).attributes(Attribute.builder().name("gpu").value("none").targetId(one).build()));
        ListAttributesResponse listed = ecs.listAttributes(b -> b.cluster(CLUSTER).targetType(TargetType.CONTAINER_INSTANCE)
                .attributeName("gpu").attributeValue("none"));
        assertEquals(List.of(Attribute.builder().name("gpu").value("none").targetType(TargetType.CONTAINER_INSTANCE).targetId(one).build()),
                listed.attributes());
        ContainerInstance described = ecs.describeContainerInstances(b -> b.cluster(CLUSTER).containerInstances(one)).containerInstances().get(0);
        assertTrue(described.attributes().stream().anyMatch(a -> a.name().equals("gpu") && a.value().equals("none")));
        ecs.deleteAttributes(b -> b.cluster(CLUSTER).attributes(Attribute.builder().name("gpu").targetId(one).build()));
        assertTrue(ecs.listAttributes(b -> b.cluster(CLUSTER).targetType(TargetType.CONTAINER_INSTANCE).attributeName("gpu")).attributes().isEmpty());
        assertThrows(TargetNotFoundException.class, () -> ecs.deleteAttributes(b -> b.cluster(CLUSTER)
                .attributes(Attribute.builder().name("gpu").targetId(one.replaceAll("/[^/]+$", "/nope")).build())));
    }

    @Test
    void startTaskStartsOneTaskOnEachNamedInstance() {
        JsonNode started = ops.ok("StartTask", "{\"cluster\": \"ops\", \"taskDefinition\": \"app\", \"containerInstances\": [\""
                + ops.instances.get(0) + "\", \"" + ops.instances.get(1) + "\", \"0123\"], \"startedBy\": \"job-7\", \"group\": \"batch\","
                + " \"overrides\": {\"containerOverrides\": [{\"name\": \"app\", \"command\": [\"run\"]}]}, \"tags\": [{\"key\": \"k\", \"value\": \"v\"}],"
                + " \"enableECSManagedTags\": true, \"enableExecuteCommand\": true}");
        JsonNode tasks = started.path("tasks");
        assertEquals(2, tasks.size(), started.toString());
        assertEquals(ops.instances.get(0), tasks.get(0).path("containerInstanceArn").asText());
        assertEquals(ops.instances.get(1), tasks.get(1).path("containerInstanceArn").asText());
        tasks.forEach(t -> {
            assertEquals("job-7", t.path("startedBy").asText());
            assertEquals("batch", t.path("group").asText());
            assertEquals("EC2", t.path("launchType").asText());
            assertEquals("[{\"key\":\"k\",\"value\":\"v\"},{\"key\":\"aws:ecs:clusterName\",\"value\":\"ops\"}]", t.path("tags").toString(),
                    "its own tags, then the managed one");
            assertTrue(t.path("enableExecuteCommand").asBoolean(), "ECS Exec as asked");
        });
        assertEquals(1, started.path("failures").size());
        assertEquals("MISSING", started.path("failures").get(0).path("reason").asText());
        assertTrue(started.path("failures").get(0).path("arn").asText().endsWith(":container-instance/ops/0123"));
        JsonNode listed = ops.ok("ListTasks", "{\"cluster\": \"ops\", \"startedBy\": \"job-7\"}");
        assertEquals(2, listed.path("taskArns").size());
    }

    @Test
    void startTaskRefusesWhatEcsRefuses() {
        String one = ops.instances.get(0);
        ops.call("StartTask", "{\"cluster\": \"ops\", \"containerInstances\": [\"" + one + "\"]}")
                .assertRefused(400, "InvalidParameterException", "Value null at 'taskDefinition'");
        ops.call("StartTask", "{\"cluster\": \"ops\", \"taskDefinition\": \"app\"}")
                .assertRefused(400, "InvalidParameterException", "Value null at 'containerInstances'");
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ", ").append("\"i").append(i).append('"');
        }
        ops.call("StartTask", "{\"cluster\": \"ops\", \"taskDefinition\": \"app\", \"containerInstances\": [" + eleven + "]}")
                .assertRefused(400, "InvalidParameterException", "at most 10");
        ops.call("StartTask", "{\"cluster\": \"ops\", \"taskDefinition\": \"app\", \"containerInstances\": [\"" + one + "\"],"
                + " \"startedBy\": \"" + "x".repeat(37) + "\"}").assertRefused(400, "InvalidParameterException", "startedBy");
        ops.call("StartTask", "{\"cluster\": \"ops\", \"taskDefinition\": \"nope:1\", \"containerInstances\": [\"" + one + "\"]}")
                .assertRefused(400, "ClientException", "Unable to describe task definition");
        ops.call("StartTask", "{\"cluster\": \"ops\", \"taskDefinition\": \"app\", \"containerInstances\": [\"" + one + "\"],"
                + " \"overrides\": {\"containerOverrides\": [{\"name\": \"app\", \"command\": [\"" + "x".repeat(8200) + "\"]}]}}")
                .assertRefused(400, "InvalidParameterException", "Overrides");
        ops.call("StartTask", "{\"cluster\": \"ops\", \"taskDefinition\": \"app\", \"containerInstances\": \"" + one + "\"}")
                .assertRefused(400, "SerializationException", "containerInstances");
        // An instance without the memory left: a failure of that instance, not an error.
        ops.ok("RegisterTaskDefinition", EcsOpsWire.APP.replace("\"app\", \"network", "\"big\", \"network").replace("\"memory\": 256", "\"memory\": 4000"));
        ops.ok("StartTask", "{\"cluster\": \"ops\", \"taskDefinition\": \"big\", \"containerInstances\": [\"" + one + "\"]}");
        JsonNode full = ops.ok("StartTask", "{\"cluster\": \"ops\", \"taskDefinition\": \"big\", \"containerInstances\": [\"" + one + "\"]}");
        assertEquals(0, full.path("tasks").size());
        assertEquals("RESOURCE:MEMORY", full.path("failures").get(0).path("reason").asText(), full.toString());
        assertEquals(one, full.path("failures").get(0).path("arn").asText());
    }

    @Test
    void theSdkStartsTasksAndDiscoversThePollEndpoint() {
        StartTaskResponse started = ecs.startTask(b -> b.cluster(CLUSTER).taskDefinition("app:1").containerInstances(ops.instances.get(1))
                .startedBy("sdk"));
        assertEquals(1, started.tasks().size());
        assertEquals(ops.instances.get(1), started.tasks().get(0).containerInstanceArn());
        assertTrue(started.failures().isEmpty());
        EcsException refused = assertThrows(EcsException.class, () -> ecs.startTask(b -> b.cluster(CLUSTER).taskDefinition("app")
                .containerInstances(List.of())));
        assertEquals("InvalidParameterException", refused.awsErrorDetails().errorCode());

        DiscoverPollEndpointResponse endpoint = ecs.discoverPollEndpoint(b -> b.cluster(CLUSTER).containerInstance(ops.instances.get(0)));
        assertEquals("https://ecs-a-1.us-east-1.amazonaws.com/", endpoint.endpoint());
        assertEquals("https://ecs-t-1.us-east-1.amazonaws.com/", endpoint.telemetryEndpoint());
        assertEquals("https://ecs-sc.us-east-1.api.aws", endpoint.serviceConnectEndpoint());
        JsonNode raw = ops.ok("DiscoverPollEndpoint", "{}");
        assertEquals("https://ecs-a-1.us-east-1.amazonaws.com/", raw.path("endpoint").asText());
    }

    /**
     * DeregisterContainerInstance as ECS documents it: refused while tasks run on the instance unless
     * forced; forced, the instance is INACTIVE, leaves ListContainerInstances, and its service's task is
     * started again elsewhere.
     */
    @Test
    void deregisterContainerInstanceWantsForceWhileTasksRun() {
        String blue = ops.instances.get(1);
        ops.ok("PutAttributes", "{\"cluster\": \"ops\", \"attributes\": [" + attribute("stack", "blue", blue) + "]}");
        ops.createService("one", 1, ", \"placementConstraints\": [{\"type\": \"memberOf\", \"expression\": \"attribute:stack == blue\"}]");
        ops.advance(Duration.ofSeconds(30));
        ops.call("DeregisterContainerInstance", "{\"cluster\": \"ops\", \"containerInstance\": \"" + blue + "\"}")
                .assertRefused(400, "InvalidParameterException", "running tasks");
        ops.call("DeregisterContainerInstance", "{\"cluster\": \"ops\", \"containerInstance\": \"" + blue.replaceAll("/[^/]+$", "/nope") + "\"}")
                .assertRefused(400, "InvalidParameterException", "not found");
        ops.call("DeregisterContainerInstance", "{\"cluster\": \"ops\"}")
                .assertRefused(400, "InvalidParameterException", "Value null at 'containerInstance'");

        ContainerInstance gone = ecs.deregisterContainerInstance(b -> b.cluster(CLUSTER).containerInstance(blue).force(true)).containerInstance();
        assertEquals("INACTIVE", gone.status());
        assertFalse(ecs.listContainerInstances(b -> b.cluster(CLUSTER)).containerInstanceArns().contains(blue));
        // The service's constraint now matches no instance: its task stops and no replacement can be placed.
        ops.advance(Duration.ofMinutes(2));
        assertEquals(List.of(), ops.runningTasks("one"));
        ops.ok("PutAttributes", "{\"cluster\": \"ops\", \"attributes\": [" + attribute("stack", "blue", ops.instances.get(0)) + "]}");
        ops.advance(Duration.ofMinutes(1));
        JsonNode moved = ops.describeTasks(ops.runningTasks("one"));
        assertEquals(1, moved.size());
        assertEquals(ops.instances.get(0), moved.get(0).path("containerInstanceArn").asText(), "the copy starts on the other instance");
    }
}
