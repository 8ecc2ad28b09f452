package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.EcsOpsWire.CLUSTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.GetTaskProtectionResponse;
import software.amazon.awssdk.services.ecs.model.ProtectedTask;
import software.amazon.awssdk.services.ecs.model.UpdateTaskProtectionResponse;

/**
 * Get/UpdateTaskProtection on the wire, and what protection does on the simulator's clock: a scale-in
 * leaves protected tasks running until their protection expires; a deployment starts the new tasks
 * and leaves a protected old one until its protection is removed, and only then completes.
 */
class TaskProtectionWireTest {
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

    @Test
    void scaleInLeavesProtectedTasksUntilTheirProtectionExpires() {
        ops.createService("workers", 3, "");
        ops.advance(Duration.ofMinutes(2));
        List<String> tasks = ops.runningTasks("workers");
        assertEquals(3, tasks.size());
        List<String> kept = tasks.subList(0, 2);

        UpdateTaskProtectionResponse updated = ecs.updateTaskProtection(b -> b.cluster(CLUSTER).tasks(kept).protectionEnabled(true)
                .expiresInMinutes(30));
        assertEquals(List.of(), updated.failures());
        assertEquals(2, updated.protectedTasks().size());
        for (ProtectedTask p : updated.protectedTasks()) {
            assertTrue(p.protectionEnabled());
            assertEquals(ops.sim.engine.now().plus(Duration.ofMinutes(30)), p.expirationDate(), "30 minutes of the simulator's clock");
        }

        ops.ok("UpdateService", "{\"cluster\": \"ops\", \"service\": \"workers\", \"desiredCount\": 1}");
        ops.advance(Duration.ofMinutes(2));
        assertEquals(Set.copyOf(kept), Set.copyOf(ops.runningTasks("workers")), "only the unprotected task was stopped");

        ops.advance(Duration.ofMinutes(29));
        List<String> left = ops.runningTasks("workers");
        assertEquals(1, left.size(), "protection expired: the scale-in finishes");
        assertTrue(kept.contains(left.get(0)));
        GetTaskProtectionResponse after = ecs.getTaskProtection(b -> b.cluster(CLUSTER).tasks(left));
        assertFalse(after.protectedTasks().get(0).protectionEnabled());
        assertNull(after.protectedTasks().get(0).expirationDate());
    }

    @Test
    void aDeploymentWaitsForAProtectedOldTask() {
        ops.createService("api", 2, "");
        ops.advance(Duration.ofMinutes(2));
        List<String> old = ops.runningTasks("api");
        String protectedTask = old.get(0);
        JsonNode raw = ops.ok("UpdateTaskProtection", "{\"cluster\": \"ops\", \"tasks\": [\"" + protectedTask + "\"], \"protectionEnabled\": true}");
        assertEquals(ops.sim.engine.now().plus(Duration.ofMinutes(120)).getEpochSecond(),
                raw.path("protectedTasks").get(0).path("expirationDate").asLong(), "120 minutes when not given");

        ops.ok("UpdateService", "{\"cluster\": \"ops\", \"service\": \"api\", \"forceNewDeployment\": true}");
        ops.advance(Duration.ofMinutes(5));
        List<String> running = ops.runningTasks("api");
        assertEquals(3, running.size(), "two new tasks and the protected old one: " + running);
        assertTrue(running.contains(protectedTask));
        assertFalse(running.contains(old.get(1)), "the unprotected old task was replaced");
        JsonNode service = ops.ok("DescribeServices", "{\"cluster\": \"ops\", \"services\": [\"api\"]}").path("services").get(0);
        assertEquals("IN_PROGRESS", service.path("deployments").get(0).path("rolloutState").asText());

        ops.ok("UpdateTaskProtection", "{\"cluster\": \"ops\", \"tasks\": [\"" + protectedTask + "\"], \"protectionEnabled\": false}");
        ops.advance(Duration.ofMinutes(2));
        running = ops.runningTasks("api");
        assertEquals(2, running.size());
        assertFalse(running.contains(protectedTask));
        service = ops.ok("DescribeServices", "{\"cluster\": \"ops\", \"services\": [\"api\"]}").path("services").get(0);
        assertEquals("COMPLETED", service.path("deployments").get(0).path("rolloutState").asText(), service.toString());
    }

    @Test
    void protectionFailsForTasksThatAreNotAServicesAndRefusesBadInput() {
        ops.createService("api", 1, "");
        String standalone = ops.ok("RunTask", "{\"cluster\": \"ops\", \"taskDefinition\": \"app\"}").path("tasks").get(0).path("taskArn").asText();
        ops.advance(Duration.ofMinutes(1));
        String serviceTask = ops.runningTasks("api").get(0);
        String missing = standalone.replaceAll("/[^/]+$", "/0123456789abcdef0123456789abcdef");

        JsonNode answer = ops.ok("UpdateTaskProtection", "{\"cluster\": \"ops\", \"tasks\": [\"" + serviceTask + "\", \"" + standalone + "\", \""
                + missing + "\"], \"protectionEnabled\": true, \"expiresInMinutes\": 2880}");
        assertEquals(1, answer.path("protectedTasks").size());
        assertEquals(serviceTask, answer.path("protectedTasks").get(0).path("taskArn").asText());
        assertEquals(standalone, answer.path("failures").get(0).path("arn").asText());
        assertEquals("TASK_NOT_VALID", answer.path("failures").get(0).path("reason").asText());
        assertEquals(missing, answer.path("failures").get(1).path("arn").asText());
        assertEquals("MISSING", answer.path("failures").get(1).path("reason").asText());

        JsonNode got = ops.ok("GetTaskProtection", "{\"cluster\": \"ops\", \"tasks\": [\"" + serviceTask + "\", \"" + missing + "\"]}");
        assertTrue(got.path("protectedTasks").get(0).path("protectionEnabled").asBoolean());
        assertEquals("MISSING", got.path("failures").get(0).path("reason").asText());

        ops.call("UpdateTaskProtection", "{\"cluster\": \"ops\", \"tasks\": [\"" + serviceTask + "\"], \"protectionEnabled\": true,"
                + " \"expiresInMinutes\": 2881}").assertRefused(400, "InvalidParameterException", "expiresInMinutes");
        ops.call("UpdateTaskProtection", "{\"cluster\": \"ops\", \"tasks\": [\"" + serviceTask + "\"], \"protectionEnabled\": true,"
                + " \"expiresInMinutes\": 0}").assertRefused(400, "InvalidParameterException", "expiresInMinutes");
        ops.call("UpdateTaskProtection", "{\"cluster\": \"ops\", \"tasks\": [\"" + serviceTask + "\"]}")
                .assertRefused(400, "InvalidParameterException", "Value null at 'protectionEnabled'");
        ops.call("UpdateTaskProtection", "{\"cluster\": \"ops\", \"tasks\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\","
                + " \"k\"], \"protectionEnabled\": true}").assertRefused(400, "InvalidParameterException", "at most 10");
        ops.call("UpdateTaskProtection", "{\"cluster\": \"nope\", \"tasks\": [\"a\"], \"protectionEnabled\": true}")
                .assertRefused(400, "ClusterNotFoundException", "");
        ops.call("GetTaskProtection", "{\"tasks\": [\"a\"]}").assertRefused(400, "InvalidParameterException", "Value null at 'cluster'");
        ops.call("UpdateTaskProtection", "{\"cluster\": \"ops\", \"tasks\": [\"a\"], \"protectionEnabled\": \"yes\"}")
                .assertRefused(400, "SerializationException", "protectionEnabled");
    }
}
