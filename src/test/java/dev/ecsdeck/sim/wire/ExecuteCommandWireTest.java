package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * ECS Exec on the wire: enableExecuteCommand on CreateService, UpdateService and RunTask, kept and
 * shown on services and tasks (with the containers' ExecuteCommandAgent), and ExecuteCommand, which
 * answers with a session when the task has it and refuses as ECS does otherwise.
 */
class ExecuteCommandWireTest {
    private static final String VPC = "\"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-0aa\"]}}";

    private WireFixture sim;

    @BeforeEach
    void start() throws IOException {
        sim = new WireFixture();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private String runningTaskOf(String service) {
        JsonNode arns = sim.ok(ECS, "ListTasks", "{\"cluster\": \"prod-web\", \"serviceName\": \"" + service + "\"}").get("taskArns");
        for (JsonNode arn : arns) {
            JsonNode task = sim.ok(ECS, "DescribeTasks", "{\"cluster\": \"prod-web\", \"tasks\": [\"" + arn.asText() + "\"]}").get("tasks").get(0);
            if ("RUNNING".equals(task.get("lastStatus").asText())) {
                return arn.asText();
            }
        }
        throw new AssertionError("no RUNNING task of " + service);
    }

    private String exec(String task, String container, String interactive) {
        return "{\"cluster\": \"prod-web\", \"task\": \"" + task + "\"" + (container == null ? "" : ", \"container\": \"" + container + "\"")
                + ", \"command\": \"/bin/sh\", \"interactive\": " + interactive + "}";
    }

    @Test
    void theDemoWebServiceAndItsTasksHaveExecWithTheAgentOnEachContainer() {
        JsonNode web = sim.ok(ECS, "DescribeServices", "{\"cluster\": \"prod-web\", \"services\": [\"web\", \"checkout\"]}").get("services");
        assertTrue(web.get(0).get("enableExecuteCommand").asBoolean());
        assertFalse(web.get(1).get("enableExecuteCommand").asBoolean());

        JsonNode task = sim.ok(ECS, "DescribeTasks", "{\"cluster\": \"prod-web\", \"tasks\": [\"" + runningTaskOf("web") + "\"]}")
                .get("tasks").get(0);
        assertTrue(task.get("enableExecuteCommand").asBoolean());
        assertEquals(2, task.get("containers").size());
        for (JsonNode c : task.get("containers")) {
            JsonNode agent = c.get("managedAgents").get(0);
            assertEquals("ExecuteCommandAgent", agent.get("name").asText());
            assertEquals("RUNNING", agent.get("lastStatus").asText());
            assertEquals(task.get("startedAt"), agent.get("lastStartedAt"));
        }
        JsonNode plain = sim.ok(ECS, "DescribeTasks", "{\"cluster\": \"prod-web\", \"tasks\": [\"" + runningTaskOf("checkout") + "\"]}")
                .get("tasks").get(0);
        assertFalse(plain.get("enableExecuteCommand").asBoolean());
        assertFalse(plain.get("containers").get(0).has("managedAgents"));
    }

    @Test
    void executeCommandAnswersWithASessionOnAnExecTask() {
        String task = runningTaskOf("web");
        JsonNode answer = sim.ok(ECS, "ExecuteCommand", exec(task, "log-forwarder", "true"));
        assertEquals("arn:aws:ecs:us-east-1:000000000000:cluster/prod-web", answer.get("clusterArn").asText());
        assertEquals(task, answer.get("taskArn").asText());
        assertEquals("log-forwarder", answer.get("containerName").asText());
        assertTrue(answer.get("containerArn").asText().startsWith("arn:aws:ecs:us-east-1:000000000000:container/prod-web/"));
        assertTrue(answer.get("interactive").asBoolean());
        JsonNode session = answer.get("session");
        String id = session.get("sessionId").asText();
        assertTrue(id.matches("ecs-execute-command-[0-9a-f]{17}"), id);
        assertTrue(session.get("streamUrl").asText().startsWith("wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/" + id + "?"));
        assertFalse(session.get("tokenValue").asText().isEmpty());
        assertNotEquals(id, sim.ok(ECS, "ExecuteCommand", exec(task, "web", "true")).get("session").get("sessionId").asText(),
                "each call is its own session");
    }

    @Test
    void executeCommandIsRefusedAsEcsRefusesIt() {
        String web = runningTaskOf("web");
        sim.call(ECS, "ExecuteCommand", exec(web, "web", "false"))
                .assertRefused(400, "InvalidParameterException", "Interactive is the only mode supported currently.");
        sim.call(ECS, "ExecuteCommand", exec(runningTaskOf("checkout"), null, "true"))
                .assertRefused(400, "InvalidParameterException", "execute command was not enabled when the task was run");
        sim.call(ECS, "ExecuteCommand", exec(web, null, "true")).assertRefused(400, "InvalidParameterException", "more than one container");
        sim.call(ECS, "ExecuteCommand", exec(web, "nope", "true")).assertRefused(400, "InvalidParameterException", "nope");
        sim.call(ECS, "ExecuteCommand", exec("0123456789abcdef0123456789abcdef", "web", "true"))
                .assertRefused(400, "InvalidParameterException", "task was not found");
        sim.call(ECS, "ExecuteCommand", exec(web, "web", "true").replace("prod-web", "nope"))
                .assertRefused(400, "ClusterNotFoundException", "Cluster not found");
        sim.call(ECS, "ExecuteCommand", "{\"cluster\": \"prod-web\", \"task\": \"" + web + "\", \"command\": \"/bin/sh\"}")
                .assertRefused(400, "InvalidParameterException", "interactive");

        sim.ok(ECS, "StopTask", "{\"cluster\": \"prod-web\", \"task\": \"" + web + "\"}");
        sim.clock.advance(Duration.ofMinutes(3));
        assertEquals("STOPPED", sim.ok(ECS, "DescribeTasks", "{\"cluster\": \"prod-web\", \"tasks\": [\"" + web + "\"]}")
                .get("tasks").get(0).get("lastStatus").asText());
        sim.call(ECS, "ExecuteCommand", exec(web, "web", "true"))
                .assertRefused(400, "InvalidParameterException", "the execute command agent isn't running");
    }

    @Test
    void updateServiceTurnsExecOnForTheTasksItStartsFromThen() {
        JsonNode on = sim.ok(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"payments\", \"enableExecuteCommand\": true}");
        assertTrue(on.get("service").get("enableExecuteCommand").asBoolean());
        String old = runningTaskOf("payments");
        JsonNode kept = sim.ok(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"payments\", \"desiredCount\": 3}");
        assertTrue(kept.get("service").get("enableExecuteCommand").asBoolean(), "a request without it leaves it as it is");
        sim.call(ECS, "ExecuteCommand", exec(old, null, "true"))
                .assertRefused(400, "InvalidParameterException", "execute command was not enabled when the task was run");

        sim.ok(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"payments\", \"forceNewDeployment\": true}");
        sim.clock.advance(Duration.ofMinutes(10));
        String fresh = runningTaskOf("payments");
        assertNotEquals(old, fresh);
        assertEquals("payments", sim.ok(ECS, "ExecuteCommand", exec(fresh, null, "true")).get("containerName").asText());

        JsonNode off = sim.ok(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\", \"enableExecuteCommand\": false}");
        assertFalse(off.get("service").get("enableExecuteCommand").asBoolean());
    }

    @Test
    void theSdkClientCreatesRunsAndExecutes() {
        try (EcsClient ecs = SdkClients.against(sim.endpoint(), EcsClient.builder())) {
            Service created = ecs.createService(r -> r.cluster("prod-web").serviceName("shell").taskDefinition("web:1").desiredCount(1)
                    .launchType(LaunchType.FARGATE).enableExecuteCommand(true)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0aa")))).service();
            assertTrue(created.enableExecuteCommand());
            assertTrue(ecs.describeServices(r -> r.cluster("prod-web").services("shell")).services().get(0).enableExecuteCommand());

            Task run = ecs.runTask(r -> r.cluster("prod-web").taskDefinition("orders-api:1").launchType(LaunchType.FARGATE)
                    .enableExecuteCommand(true).networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0aa")))).tasks().get(0);
            assertTrue(run.enableExecuteCommand());
            assertEquals("ExecuteCommandAgent", run.containers().get(0).managedAgents().get(0).nameAsString());
            assertEquals("PENDING", run.containers().get(0).managedAgents().get(0).lastStatus());
            InvalidParameterException early = assertThrows(InvalidParameterException.class, () -> ecs.executeCommand(r -> r.cluster("prod-web")
                    .task(run.taskArn()).command("/bin/sh").interactive(true)));
            assertTrue(early.awsErrorDetails().errorMessage().contains("agent isn't running"), early.getMessage());

            sim.clock.advance(Duration.ofMinutes(3));
            Task running = ecs.describeTasks(r -> r.cluster("prod-web").tasks(run.taskArn())).tasks().get(0);
            assertEquals("RUNNING", running.lastStatus());
            assertEquals("RUNNING", running.containers().get(0).managedAgents().get(0).lastStatus());
            ExecuteCommandResponse answer = ecs.executeCommand(r -> r.cluster("prod-web").task(running.taskArn()).command("/bin/sh")
                    .interactive(true));
            assertEquals("orders-api", answer.containerName());
            assertEquals(running.taskArn(), answer.taskArn());
            assertTrue(answer.interactive());
            assertTrue(answer.session().sessionId().startsWith("ecs-execute-command-"));
            assertTrue(answer.session().streamUrl().startsWith("wss://ssmmessages.us-east-1.amazonaws.com/"));

            Task plain = ecs.runTask(r -> r.cluster("prod-web").taskDefinition("orders-api:1").launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0aa")))).tasks().get(0);
            assertFalse(plain.enableExecuteCommand());
        }
    }
}
