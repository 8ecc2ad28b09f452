package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.model.Tag;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.state.SimStateStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * TagResource, UntagResource and ListTagsForResource on every taggable resource of the demo, the
 * Describe calls' include TAGS, propagateTags and managed tags on the tasks services and RunTask
 * start: by raw HTTP, as ECS's wire carries them, and with the real SDK v2 ECS client.
 */
class TagWireTest {
    private WireFixture sim;

    @BeforeEach
    void serve() throws IOException {
        sim = new WireFixture();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private String firstTask(String cluster) {
        return sim.ok(ECS, "ListTasks", "{\"cluster\": \"" + cluster + "\"}").get("taskArns").get(0).asText();
    }

    private String firstInstance(String cluster) {
        return sim.ok(ECS, "ListContainerInstances", "{\"cluster\": \"" + cluster + "\"}").get("containerInstanceArns").get(0).asText();
    }

    private Map<String, String> listTags(String arn) {
        Map<String, String> out = new LinkedHashMap<>();
        sim.ok(ECS, "ListTagsForResource", "{\"resourceArn\": \"" + arn + "\"}").get("tags")
                .forEach(t -> out.put(t.get("key").asText(), t.get("value").asText()));
        return out;
    }

    /** Every kind of resource: clusters, services, tasks, task definitions, container instances. */
    private List<String> everyKind() {
        String cluster = sim.ok(ECS, "DescribeClusters", "{\"clusters\": [\"prod-web\"]}").get("clusters").get(0).get("clusterArn").asText();
        String service = sim.ok(ECS, "DescribeServices", "{\"cluster\": \"prod-web\", \"services\": [\"web\"]}").get("services").get(0)
                .get("serviceArn").asText();
        String td = sim.ok(ECS, "DescribeTaskDefinition", "{\"taskDefinition\": \"web:1\"}").get("taskDefinition").get("taskDefinitionArn")
                .asText();
        return List.of(cluster, service, firstTask("prod-web"), td, firstInstance("prod-batch"));
    }

    @Test
    void tagsRoundTripOnEveryKindOfResource() {
        for (String arn : everyKind()) {
            JsonNode answer = sim.ok(ECS, "TagResource", "{\"resourceArn\": \"" + arn + "\", \"tags\": [{\"key\": \"team\", \"value\": \"ops\"},"
                    + " {\"key\": \"cost-center\", \"value\": \"42\"}]}");
            assertEquals(0, answer.size(), "TagResource answers an empty structure");
            sim.ok(ECS, "TagResource", "{\"resourceArn\": \"" + arn + "\", \"tags\": [{\"key\": \"team\", \"value\": \"platform\"}]}");
            assertEquals("platform", listTags(arn).get("team"), arn + ": a key tagged again takes the new value");
            assertEquals("42", listTags(arn).get("cost-center"), arn + ": keys not named are left as they are");
            sim.ok(ECS, "UntagResource", "{\"resourceArn\": \"" + arn + "\", \"tagKeys\": [\"team\", \"never-set\"]}");
            assertEquals(Map.of("cost-center", "42"), listTags(arn), arn);
        }
    }

    @Test
    void describeCallsReturnTagsOnlyWhenIncludeNamesTags() {
        List<String> arns = everyKind();
        arns.forEach(arn -> sim.ok(ECS, "TagResource", "{\"resourceArn\": \"" + arn + "\", \"tags\": [{\"key\": \"k\", \"value\": \"v\"}]}"));
        String[][] calls = {
                {"DescribeClusters", "{\"clusters\": [\"prod-web\"]%s}", "clusters"},
                {"DescribeServices", "{\"cluster\": \"prod-web\", \"services\": [\"web\"]%s}", "services"},
                {"DescribeTasks", "{\"cluster\": \"prod-web\", \"tasks\": [\"" + arns.get(2) + "\"]%s}", "tasks"},
                {"DescribeContainerInstances", "{\"cluster\": \"prod-batch\", \"containerInstances\": [\"" + arns.get(4) + "\"]%s}",
                        "containerInstances"}};
        for (String[] call : calls) {
            JsonNode plain = sim.ok(ECS, call[0], String.format(call[1], "")).get(call[2]).get(0);
            assertFalse(plain.has("tags"), call[0] + " without include has no tags: " + plain);
            JsonNode tagged = sim.ok(ECS, call[0], String.format(call[1], ", \"include\": [\"TAGS\"]")).get(call[2]).get(0);
            assertEquals("v", tagged.get("tags").get(0).get("value").asText(), call[0] + " with include TAGS: " + tagged);
        }
        assertFalse(sim.ok(ECS, "DescribeTaskDefinition", "{\"taskDefinition\": \"web:1\"}").has("tags"));
        JsonNode td = sim.ok(ECS, "DescribeTaskDefinition", "{\"taskDefinition\": \"web:1\", \"include\": [\"TAGS\"]}");
        assertEquals("k", td.get("tags").get(0).get("key").asText());
        sim.call(ECS, "DescribeTasks", "{\"cluster\": \"prod-web\", \"tasks\": [\"" + arns.get(2) + "\"], \"include\": [\"TAGZ\"]}")
                .assertRefused(400, "InvalidParameterException", "enum value set");
    }

    @Test
    void registerTaskDefinitionKeepsItsTags() {
        JsonNode registered = sim.ok(ECS, "RegisterTaskDefinition", "{\"family\": \"tagged\", \"tags\": [{\"key\": \"app\", \"value\": \"t\"}],"
                + " \"containerDefinitions\": [{\"name\": \"app\", \"image\": \"acme/t:1\", \"memory\": 256}]}");
        assertEquals("app", registered.get("tags").get(0).get("key").asText(), "RegisterTaskDefinition answers the tags");
        assertFalse(registered.get("taskDefinition").has("tags"), "not inside the task definition");
        assertEquals(Map.of("app", "t"), listTags(registered.get("taskDefinition").get("taskDefinitionArn").asText()));
        sim.call(ECS, "RegisterTaskDefinition", "{\"family\": \"tagged\", \"tags\": [{\"key\": \"aws:x\", \"value\": \"t\"}],"
                + " \"containerDefinitions\": [{\"name\": \"app\", \"image\": \"acme/t:1\", \"memory\": 256}]}")
                .assertRefused(400, "InvalidParameterException", "reserved");
        assertEquals(1, sim.ok(ECS, "ListTaskDefinitions", "{\"familyPrefix\": \"tagged\"}").get("taskDefinitionArns").size(),
                "refused tags register nothing");
    }

    @Test
    void badInputIsRefusedAsEcsRefusesIt() {
        String cluster = "arn:aws:ecs:us-east-1:000000000000:cluster/prod-web";
        String task = firstTask("prod-web");
        sim.call(ECS, "TagResource", "{\"resourceArn\": \"prod-web\", \"tags\": [{\"key\": \"a\", \"value\": \"b\"}]}")
                .assertRefused(400, "InvalidParameterException", "Invalid arn");
        sim.call(ECS, "ListTagsForResource", "{\"resourceArn\": \"arn:aws:s3:::bucket/x\"}")
                .assertRefused(400, "InvalidParameterException", "Invalid arn");
        sim.call(ECS, "TagResource", "{\"resourceArn\": \"arn:aws:ecs:us-east-1:000000000000:cluster/nope\", \"tags\": [{\"key\": \"a\"}]}")
                .assertRefused(400, "ClusterNotFoundException", "Cluster not found");
        String missingTask = task.substring(0, task.lastIndexOf('/') + 1) + "0123456789abcdef0123456789abcdef";
        sim.call(ECS, "TagResource", "{\"resourceArn\": \"" + missingTask + "\", \"tags\": [{\"key\": \"a\"}]}")
                .assertRefused(400, "ResourceNotFoundException", "could not be found");
        sim.call(ECS, "UntagResource", "{\"resourceArn\": \"" + missingTask + "\", \"tagKeys\": [\"a\"]}")
                .assertRefused(400, "ResourceNotFoundException", "could not be found");
        sim.call(ECS, "ListTagsForResource", "{\"resourceArn\": \"" + missingTask + "\"}")
                .assertRefused(400, "InvalidParameterException", "not found");
        sim.call(ECS, "TagResource", "{\"resourceArn\": \"arn:aws:ecs:us-east-1:000000000000:service/web\", \"tags\": [{\"key\": \"a\"}]}")
                .assertRefused(400, "InvalidParameterException", "Long arn format must be used for tagging operations");
        sim.call(ECS, "TagResource", "{\"resourceArn\": \"arn:aws:ecs:us-east-1:000000000000:container/prod-web/x\", \"tags\": [{\"key\": \"a\"}]}")
                .assertRefused(400, "InvalidParameterException", "does not support tagging");
        sim.call(ECS, "TagResource", "{\"resourceArn\": \"" + cluster + "\", \"tags\": [{\"key\": \"" + "k".repeat(129) + "\"}]}")
                .assertRefused(400, "InvalidParameterException", "length less than or equal to 128");
        sim.call(ECS, "TagResource", "{\"resourceArn\": \"" + cluster + "\", \"tags\": [{\"key\": \"k\", \"value\": \"" + "v".repeat(257) + "\"}]}")
                .assertRefused(400, "InvalidParameterException", "length less than or equal to 256");
        sim.call(ECS, "TagResource", "{\"resourceArn\": \"" + cluster + "\", \"tags\": [{\"key\": \"k\", \"value\": \"a;b\"}]}")
                .assertRefused(400, "InvalidParameterException", "regular expression pattern");
        sim.call(ECS, "TagResource", "{\"resourceArn\": \"" + cluster + "\", \"tags\": [{\"key\": \"AWS:owner\", \"value\": \"me\"}]}")
                .assertRefused(400, "InvalidParameterException", "reserved");
        sim.call(ECS, "UntagResource", "{\"resourceArn\": \"" + cluster + "\", \"tagKeys\": [\"aws:ecs:clusterName\"]}")
                .assertRefused(400, "InvalidParameterException", "reserved");
        sim.call(ECS, "TagResource", "{\"resourceArn\": \"" + cluster + "\", \"tags\": " + tags(51, "x") + "}")
                .assertRefused(400, "InvalidParameterException", "less than or equal to 50");
        sim.call(ECS, "TagResource", "{\"resourceArn\": \"" + cluster + "\"}")
                .assertRefused(400, "InvalidParameterException", "Value null at 'tags'");
        sim.ok(ECS, "TagResource", "{\"resourceArn\": \"" + cluster + "\", \"tags\": " + tags(30, "a") + "}");
        sim.call(ECS, "TagResource", "{\"resourceArn\": \"" + cluster + "\", \"tags\": " + tags(30, "b") + "}")
                .assertRefused(400, "LimitExceededException", "at most 50 tags");
        assertEquals(30, listTags(cluster).size(), "a refused request changes nothing");
    }

    private static String tags(int count, String prefix) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ", ").append("{\"key\": \"").append(prefix).append(i).append("\", \"value\": \"v\"}");
        }
        return b.append("]").toString();
    }

    @Test
    void servicesAndRunTaskGiveTheirTasksPropagatedAndManagedTags() {
        sim.ok(ECS, "RegisterTaskDefinition", "{\"family\": \"prop\", \"tags\": [{\"key\": \"from\", \"value\": \"task-definition\"},"
                + " {\"key\": \"td-only\", \"value\": \"1\"}], \"containerDefinitions\": [{\"name\": \"app\", \"image\": \"acme/p:1\", \"memory\": 128}]}");
        JsonNode service = sim.ok(ECS, "CreateService", "{\"cluster\": \"prod-batch\", \"serviceName\": \"prop\", \"taskDefinition\": \"prop\","
                + " \"desiredCount\": 1, \"launchType\": \"EC2\", \"propagateTags\": \"SERVICE\", \"enableECSManagedTags\": true,"
                + " \"tags\": [{\"key\": \"from\", \"value\": \"service\"}]}").get("service");
        assertEquals("SERVICE", service.get("propagateTags").asText());
        assertTrue(service.get("enableECSManagedTags").asBoolean());
        sim.clock.advance(Duration.ofSeconds(5));
        String task = sim.ok(ECS, "ListTasks", "{\"cluster\": \"prod-batch\", \"serviceName\": \"prop\"}").get("taskArns").get(0).asText();
        assertEquals(Map.of("from", "service", "aws:ecs:clusterName", "prod-batch", "aws:ecs:serviceName", "prop"), listTags(task));

        JsonNode updated = sim.ok(ECS, "UpdateService", "{\"cluster\": \"prod-batch\", \"service\": \"prop\", \"propagateTags\": \"TASK_DEFINITION\","
                + " \"enableECSManagedTags\": false, \"forceNewDeployment\": true}").get("service");
        assertEquals("TASK_DEFINITION", updated.get("propagateTags").asText());
        assertFalse(updated.get("enableECSManagedTags").asBoolean());
        assertEquals("TASK_DEFINITION", sim.ok(ECS, "DescribeServices", "{\"cluster\": \"prod-batch\", \"services\": [\"prop\"]}")
                .get("services").get(0).get("propagateTags").asText());
        sim.clock.advance(Duration.ofSeconds(5));
        JsonNode tasks = sim.ok(ECS, "ListTasks", "{\"cluster\": \"prod-batch\", \"serviceName\": \"prop\"}").get("taskArns");
        String newTask = tasks.get(tasks.size() - 1).asText();
        assertEquals(Map.of("from", "task-definition", "td-only", "1"), listTags(newTask), "tasks launched after the update follow it");
        assertEquals("service", listTags(task).get("from"), "tasks already running keep theirs");

        JsonNode run = sim.ok(ECS, "RunTask", "{\"cluster\": \"prod-batch\", \"taskDefinition\": \"prop\", \"propagateTags\": \"TASK_DEFINITION\","
                + " \"enableECSManagedTags\": true, \"tags\": [{\"key\": \"from\", \"value\": \"run-task\"}]}").get("tasks").get(0);
        Map<String, String> expected = Map.of("from", "run-task", "td-only", "1", "aws:ecs:clusterName", "prod-batch");
        assertEquals(expected, listTags(run.get("taskArn").asText()), "request tags over propagated ones, and the cluster's managed tag");
        assertEquals(3, run.get("tags").size(), "RunTask answers the task's tags");
        JsonNode stopped = sim.ok(ECS, "StopTask", "{\"cluster\": \"prod-batch\", \"task\": \"" + run.get("taskArn").asText() + "\"}").get("task");
        assertEquals(3, stopped.get("tags").size(), "StopTask answers the task's tags");
        sim.call(ECS, "RunTask", "{\"cluster\": \"prod-batch\", \"taskDefinition\": \"prop\", \"propagateTags\": \"SERVICE\"}")
                .assertRefused(400, "InvalidParameterException", "SERVICE");
        sim.call(ECS, "CreateService", "{\"cluster\": \"prod-batch\", \"serviceName\": \"prop2\", \"taskDefinition\": \"prop\","
                + " \"propagateTags\": \"EVERYTHING\"}").assertRefused(400, "InvalidParameterException", "enum value set");
        JsonNode plain = sim.ok(ECS, "DescribeServices", "{\"cluster\": \"prod-web\", \"services\": [\"web\"]}").get("services").get(0);
        assertEquals("NONE", plain.get("propagateTags").asText(), "ECS's default");
        assertFalse(plain.get("enableECSManagedTags").asBoolean());
    }

    @Test
    void theSdkClientTagsListsUntagsAndReadsTagsFromDescribeTasks() {
        EcsClient ecs = SdkClients.against(sim.endpoint(), EcsClient.builder());
        String task = firstTask("prod-web");
        ecs.tagResource(b -> b.resourceArn(task).tags(t -> t.key("env").value("prod"), t -> t.key("team").value("web")));
        assertEquals(List.of("env", "team"), ecs.listTagsForResource(b -> b.resourceArn(task)).tags().stream()
                .map(software.amazon.awssdk.services.ecs.model.Tag::key).toList());
        ecs.untagResource(b -> b.resourceArn(task).tagKeys("team"));
        Task described = ecs.describeTasks(b -> b.cluster("prod-web").tasks(task).include(TaskField.TAGS)).tasks().get(0);
        assertEquals("prod", described.tags().get(0).value());
        assertFalse(ecs.describeTasks(b -> b.cluster("prod-web").tasks(task)).tasks().get(0).hasTags(), "no tags unless asked");

        Task run = ecs.runTask(b -> b.cluster("prod-batch").taskDefinition("cron-scheduler").enableECSManagedTags(true)
                .propagateTags(PropagateTags.TASK_DEFINITION)).tasks().get(0);
        assertEquals("prod-batch", ecs.listTagsForResource(b -> b.resourceArn(run.taskArn())).tags().get(0).value());
        assertEquals(PropagateTags.NONE, ecs.describeServices(b -> b.cluster("prod-web").services("web")).services().get(0).propagateTags());

        assertThrows(InvalidParameterException.class, () -> ecs.tagResource(b -> b.resourceArn("nope").tags(t -> t.key("a").value("b"))));
        String gone = task.substring(0, task.lastIndexOf('/') + 1) + "0123456789abcdef0123456789abcdef";
        assertThrows(ResourceNotFoundException.class, () -> ecs.untagResource(b -> b.resourceArn(gone).tagKeys("a")));
        ecs.close();
    }

    @Test
    void tagsAndServiceTagSettingsSurviveTheStateFile(@TempDir Path dir) {
        List<String> arns = everyKind();
        arns.forEach(arn -> sim.ok(ECS, "TagResource", "{\"resourceArn\": \"" + arn + "\", \"tags\": [{\"key\": \"saved\", \"value\": \"yes\"}]}"));
        sim.ok(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\", \"propagateTags\": \"SERVICE\"}");
        SimStateStore store = new SimStateStore(dir.resolve("state.json"), "demo");
        store.save(sim.engine);
        SimEngine restored = store.load(sim.clock);
        for (String arn : arns) {
            assertEquals(List.of(new Tag("saved", "yes")), restored.tags().listTagsForResource(arn), arn);
        }
        assertEquals("SERVICE", restored.tags().propagation(arns.get(1)).propagateTags());
    }
}
