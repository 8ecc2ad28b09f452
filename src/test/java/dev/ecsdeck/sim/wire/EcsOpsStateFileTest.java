package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.EcsOpsWire.CLUSTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.InstanceAttributes;
import dev.ecsdeck.sim.ecs.ServiceConnectApi;
import dev.ecsdeck.sim.ecs.TaskProtectionApi;
import dev.ecsdeck.sim.state.SimStateStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom attributes, task protection and Service Connect configurations survive the state file
 * (serve-sim --state): a loaded engine lists the same, and still leaves the protected task at a scale-in.
 */
class EcsOpsStateFileTest {
    @TempDir
    Path dir;

    @Test
    void attributesProtectionAndServiceConnectSurviveTheStateFile() throws IOException {
        Path file = dir.resolve("sim.json");
        String protectedTask;
        String serviceArn;
        ManualClock twinClock;
        try (EcsOpsWire ops = new EcsOpsWire()) {
            ops.ok("PutAttributes", "{\"cluster\": \"ops\", \"attributes\": [{\"name\": \"stack\", \"value\": \"blue\", \"targetId\": \""
                    + ops.instances.get(0) + "\"}]}");
            JsonNode service = ops.createService("api", 2, ", \"serviceConnectConfiguration\": {\"enabled\": true, \"namespace\": \"internal\"}");
            serviceArn = service.path("serviceArn").asText();
            ops.advance(Duration.ofMinutes(2));
            protectedTask = ops.runningTasks("api").get(0);
            ops.ok("UpdateTaskProtection", "{\"cluster\": \"ops\", \"tasks\": [\"" + protectedTask + "\"], \"protectionEnabled\": true,"
                    + " \"expiresInMinutes\": 60}");
            new SimStateStore(file, "empty").save(ops.sim.engine);
            twinClock = new ManualClock(ops.sim.clock.now());
        }
        SimEngine loaded = new SimStateStore(file, "empty").load(twinClock);

        List<InstanceAttributes.Entry> stack = new InstanceAttributes(loaded).list(CLUSTER, "container-instance", "stack", null, null, null).items();
        assertEquals(1, stack.size());
        assertEquals("blue", stack.get(0).value());
        TaskProtectionApi.Answer protection = new TaskProtectionApi(loaded).get(CLUSTER, List.of(protectedTask));
        assertTrue(protection.protectedTasks().get(0).protectionEnabled());
        assertEquals(twinClock.now().plus(Duration.ofMinutes(60)), protection.protectedTasks().get(0).expirationDate());
        assertEquals(List.of(serviceArn), new ServiceConnectApi(loaded).listServicesByNamespace("internal", null, null).items());

        // Served again, the loaded engine scales in around the protected task, and shows the configuration on the deployment.
        try (WireServer server = new WireServer(loaded, new dev.ecsdeck.sim.ApiFaults(() -> 0L, 1), 0, null)) {
            WireFixture.Reply r = call(server, "UpdateService", "{\"cluster\": \"ops\", \"service\": \"api\", \"desiredCount\": 0}");
            assertEquals(200, r.status(), r.raw());
            assertEquals("internal", r.body().path("service").path("deployments").get(0).path("serviceConnectConfiguration")
                    .path("namespace").asText(), r.raw());
            twinClock.advance(Duration.ofMinutes(2));
            JsonNode left = call(server, "ListTasks", "{\"cluster\": \"ops\", \"serviceName\": \"api\"}").body().path("taskArns");
            assertEquals(1, left.size());
            assertEquals(protectedTask, left.get(0).asText());
        }
    }

    private static WireFixture.Reply call(WireServer server, String operation, String body) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/"))
                    .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", WireFixture.ECS + "." + operation)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new WireFixture.Reply(response.statusCode(), WireFixture.JSON.readTree(response.body()), response.body(), null, null);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
