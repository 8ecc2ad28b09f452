package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Connectivity;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The members of a task that tools read beyond its status: an awsvpc task's network interface
 * attachment and each container's networkInterfaces (what `aws ecs describe-tasks --query` reads a
 * task's private IP from), platformVersion and platformFamily, connectivity, overrides, attributes,
 * ephemeralStorage and availabilityZone; RunTask's overrides and platformVersion, checked.
 */
class TaskFieldsWireTest {
    private static final String VPC = "\"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-0aa\", \"subnet-0bb\"],"
            + " \"securityGroups\": [\"sg-0cc\"], \"assignPublicIp\": \"DISABLED\"}}";
    private static final String OVERRIDES = "\"overrides\": {\"containerOverrides\": [{\"name\": \"web\", \"command\": [\"./serve\", \"--debug\"],"
            + " \"environment\": [{\"name\": \"MODE\", \"value\": \"replay\"}]}], \"taskRoleArn\": \"arn:aws:iam::000000000000:role/replay\"}";

    private WireFixture sim;

    @BeforeEach
    void start() throws IOException {
        sim = new WireFixture();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    /** A Fargate task started by RunTask with overrides, described once it runs. */
    private JsonNode runningFargateTask() {
        JsonNode run = sim.ok(ECS, "RunTask", "{\"cluster\": \"staging\", \"taskDefinition\": \"web:1\", \"launchType\": \"FARGATE\","
                + " \"platformVersion\": \"LATEST\", " + VPC + ", " + OVERRIDES + "}");
        assertEquals(1, run.get("tasks").size(), run.toString());
        String arn = run.get("tasks").get(0).get("taskArn").asText();
        sim.clock.advance(Duration.ofMinutes(2));
        JsonNode task = sim.ok(ECS, "DescribeTasks", "{\"cluster\": \"staging\", \"tasks\": [\"" + arn + "\"]}").get("tasks").get(0);
        assertEquals("RUNNING", task.get("lastStatus").asText(), task.toString());
        return task;
    }

    @Test
    void anAwsvpcTaskShowsItsInterfaceAttachmentAndEachContainerItsAddress() {
        JsonNode task = runningFargateTask();
        JsonNode eni = task.get("attachments").get(0);
        assertEquals("ElasticNetworkInterface", eni.get("type").asText());
        assertEquals("ATTACHED", eni.get("status").asText());
        String address = detail(eni, "privateIPv4Address");
        assertTrue(address.matches("10\\.0\\.\\d+\\.\\d+"), address);
        assertTrue(detail(eni, "subnetId").matches("subnet-0(aa|bb)"), eni.toString());
        assertTrue(detail(eni, "networkInterfaceId").startsWith("eni-"), eni.toString());
        assertTrue(detail(eni, "macAddress").matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"), eni.toString());
        assertEquals("ip-" + address.replace('.', '-') + ".ec2.internal", detail(eni, "privateDnsName"));
        assertEquals(2, task.get("containers").size());
        for (JsonNode c : task.get("containers")) {
            JsonNode ni = c.get("networkInterfaces").get(0);
            assertEquals(eni.get("id").asText(), ni.get("attachmentId").asText());
            assertEquals(address, ni.get("privateIpv4Address").asText());
        }
    }

    @Test
    void aFargateTaskShowsItsPlatformConnectivityOverridesAttributesAndStorage() {
        JsonNode task = runningFargateTask();
        assertEquals("1.4.0", task.get("platformVersion").asText(), "LATEST resolved");
        assertEquals("Linux", task.get("platformFamily").asText());
        assertEquals("CONNECTED", task.get("connectivity").asText());
        assertTrue(task.get("connectivityAt").isNumber());
        assertTrue(task.get("connectivityAt").asDouble() >= task.get("createdAt").asDouble());
        assertTrue(task.get("availabilityZone").asText().startsWith("us-east-1"), task.toString());
        assertEquals(20, task.get("ephemeralStorage").get("sizeInGiB").asInt());
        assertEquals("ecs.cpu-architecture", task.get("attributes").get(0).get("name").asText());
        assertEquals("x86_64", task.get("attributes").get(0).get("value").asText());
        JsonNode overrides = task.get("overrides");
        assertEquals("arn:aws:iam::000000000000:role/replay", overrides.get("taskRoleArn").asText());
        JsonNode web = overrides.get("containerOverrides").get(0);
        assertEquals("web", web.get("name").asText());
        assertEquals("--debug", web.get("command").get(1).asText());
        assertEquals("replay", web.get("environment").get(0).get("value").asText());
        assertEquals("log-forwarder", overrides.get("containerOverrides").get(1).get("name").asText(), "every container has its entry");
        assertEquals(0, overrides.get("inferenceAcceleratorOverrides").size());
    }

    @Test
    void aServiceTaskOnEc2HasNoPlatformButItsInstancesArchitecture() {
        String arn = sim.ok(ECS, "ListTasks", "{\"cluster\": \"prod-batch\", \"serviceName\": \"reports-worker\"}").get("taskArns").get(0).asText();
        JsonNode task = sim.ok(ECS, "DescribeTasks", "{\"cluster\": \"prod-batch\", \"tasks\": [\"" + arn + "\"]}").get("tasks").get(0);
        assertFalse(task.has("platformVersion"), "only Fargate tasks have a platform version");
        assertFalse(task.has("platformFamily"));
        assertFalse(task.has("ephemeralStorage"));
        assertEquals("CONNECTED", task.get("connectivity").asText());
        assertEquals("x86_64", task.get("attributes").get(0).get("value").asText());
        assertEquals("reports-worker", task.get("overrides").get("containerOverrides").get(0).get("name").asText());
    }

    @Test
    void aServiceTaskOnFargateRunsOnItsServicesPlatform() {
        String arn = sim.ok(ECS, "ListTasks", "{\"cluster\": \"prod-web\", \"serviceName\": \"web\"}").get("taskArns").get(0).asText();
        JsonNode task = sim.ok(ECS, "DescribeTasks", "{\"cluster\": \"prod-web\", \"tasks\": [\"" + arn + "\"]}").get("tasks").get(0);
        assertEquals("1.4.0", task.get("platformVersion").asText());
        assertEquals(address(task), task.get("containers").get(0).get("networkInterfaces").get(0).get("privateIpv4Address").asText());
    }

    @Test
    void runTaskRefusesAPlatformVersionOffFargateAndAnOverrideOfNoContainer() {
        int before = sim.ok(ECS, "ListTasks", "{\"cluster\": \"staging\"}").get("taskArns").size();
        sim.call(ECS, "RunTask", "{\"cluster\": \"prod-batch\", \"taskDefinition\": \"reports-worker:1\", \"launchType\": \"EC2\","
                + " \"platformVersion\": \"1.4.0\"}")
                .assertRefused(400, "InvalidParameterException", "The platform version must be null when specifying an EC2 launch type.");
        sim.call(ECS, "RunTask", "{\"cluster\": \"staging\", \"taskDefinition\": \"web:1\", \"launchType\": \"FARGATE\", " + VPC
                + ", \"platformVersion\": \"9.9.9\"}").assertRefused(400, "InvalidParameterException", "9.9.9");
        sim.call(ECS, "RunTask", "{\"cluster\": \"staging\", \"taskDefinition\": \"web:1\", \"launchType\": \"FARGATE\", " + VPC
                + ", \"overrides\": {\"containerOverrides\": [{\"name\": \"nginx\"}]}}")
                .assertRefused(400, "InvalidParameterException", "Override for container named nginx is not a container in the TaskDefinition.");
        sim.call(ECS, "RunTask", "{\"cluster\": \"staging\", \"taskDefinition\": \"web:1\", \"overrides\": []}")
                .assertRefused(400, "SerializationException", "overrides");
        assertEquals(before, sim.ok(ECS, "ListTasks", "{\"cluster\": \"staging\"}").get("taskArns").size(), "no task started");
    }

    /** What a script reads with the SDK: the private IP of each container, the platform, connectivity and the overrides. */
    @Test
    void theSdkReadsTheTasksAddressPlatformAndOverrides() {
        try (EcsClient ecs = SdkClients.against(sim.endpoint(), EcsClient.builder())) {
            Task started = ecs.runTask(b -> b.cluster("staging").taskDefinition("web:1").launchType("FARGATE")
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0aa").assignPublicIp("ENABLED")))
                    .overrides(o -> o.containerOverrides(c -> c.name("web").environment(KeyValuePair.builder().name("MODE").value("sdk").build()))))
                    .tasks().get(0);
            sim.clock.advance(Duration.ofMinutes(2));
            Task task = ecs.describeTasks(b -> b.cluster("staging").tasks(started.taskArn())).tasks().get(0);
            String address = task.attachments().get(0).details().stream().filter(d -> d.name().equals("privateIPv4Address")).findFirst()
                    .orElseThrow().value();
            for (Container c : task.containers()) {
                assertEquals(address, c.networkInterfaces().get(0).privateIpv4Address());
            }
            assertEquals("1.4.0", task.platformVersion());
            assertEquals(Connectivity.CONNECTED, task.connectivity());
            assertNotNull(task.connectivityAt());
            assertEquals("sdk", task.overrides().containerOverrides().get(0).environment().get(0).value());
            assertEquals(20, task.ephemeralStorage().sizeInGiB());
            assertEquals("ecs.cpu-architecture", task.attributes().get(0).name());

            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> ecs.runTask(b -> b.cluster("staging").taskDefinition("web:1").launchType("SPOT")));
            assertTrue(e.awsErrorDetails().errorMessage().contains("Member must satisfy enum value set: [EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES]"),
                    e.getMessage());
        }
    }

    private static String address(JsonNode task) {
        return detail(task.get("attachments").get(0), "privateIPv4Address");
    }

    private static String detail(JsonNode attachment, String name) {
        for (JsonNode d : attachment.get("details")) {
            if (name.equals(d.get("name").asText())) {
                return d.get("value").asText();
            }
        }
        throw new AssertionError("no detail " + name + " in " + attachment);
    }
}
