package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.EcsOpsWire.CLUSTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.NamespaceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceConnectClientAlias;
import software.amazon.awssdk.services.ecs.model.ServiceConnectService;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * Service Connect configurations on CreateService, UpdateService and DescribeServices, and
 * ListServicesByNamespace; and DeleteTaskDefinitions. Raw and through the SDK v2 EcsClient.
 */
class ServiceConnectWireTest {
    private static final String CONNECT = ", \"serviceConnectConfiguration\": {\"enabled\": true, \"namespace\": \"internal\","
            + " \"services\": [{\"portName\": \"http\", \"discoveryName\": \"api\", \"clientAliases\": [{\"port\": 80, \"dnsName\": \"api\"}]}]}";

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
    void servicesAreListedByTheNamespaceTheirConfigurationNames() {
        JsonNode created = ops.createService("api", 0, CONNECT);
        assertEquals("internal", created.path("deployments").get(0).path("serviceConnectConfiguration").path("namespace").asText(),
                created.toString());
        ops.createService("plain", 0, "");
        ops.createService("client", 0, ", \"serviceConnectConfiguration\": {\"enabled\": true, \"namespace\": \"internal\"}");

        JsonNode described = ops.ok("DescribeServices", "{\"cluster\": \"ops\", \"services\": [\"api\", \"plain\"]}").path("services");
        assertEquals("http", described.get(0).path("deployments").get(0).path("serviceConnectConfiguration").path("services").get(0)
                .path("portName").asText());
        assertTrue(described.get(1).path("deployments").get(0).path("serviceConnectConfiguration").isMissingNode());

        JsonNode listed = ops.ok("ListServicesByNamespace", "{\"namespace\": \"internal\"}");
        assertEquals(List.of(created.path("serviceArn").asText(), created.path("serviceArn").asText().replace("/api", "/client")),
                strings(listed.path("serviceArns")));

        // UpdateService moves "plain" into the namespace; paging one at a time sees all three, once each.
        JsonNode updated = ops.ok("UpdateService", "{\"cluster\": \"ops\", \"service\": \"plain\", \"serviceConnectConfiguration\":"
                + " {\"enabled\": true, \"namespace\": \"internal\"}}").path("service");
        assertEquals(2, updated.path("deployments").size(), "a new configuration is a new deployment: " + updated);
        assertTrue(updated.path("deployments").get(0).path("serviceConnectConfiguration").path("enabled").asBoolean());
        assertTrue(updated.path("deployments").get(1).path("serviceConnectConfiguration").isMissingNode(), "the old one had none");
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = ops.ok("ListServicesByNamespace", "{\"namespace\": \"internal\", \"maxResults\": 1"
                    + (token == null ? "" : ", \"nextToken\": \"" + token + "\"") + "}");
            seen.addAll(strings(page.path("serviceArns")));
            token = page.path("nextToken").asText(null);
        } while (token != null);
        assertEquals(3, seen.size());
        assertEquals(3, seen.stream().distinct().count());

        // An UpdateService without the member keeps the configuration.
        ops.ok("UpdateService", "{\"cluster\": \"ops\", \"service\": \"api\", \"desiredCount\": 1}");
        ops.ok("UpdateService", "{\"cluster\": \"ops\", \"service\": \"api\", \"forceNewDeployment\": true}");
        JsonNode api = ops.ok("DescribeServices", "{\"cluster\": \"ops\", \"services\": [\"api\"]}").path("services").get(0);
        api.path("deployments").forEach(d -> assertEquals("internal", d.path("serviceConnectConfiguration").path("namespace").asText(), api.toString()));

        // A deleted service leaves its namespace.
        ops.ok("DeleteService", "{\"cluster\": \"ops\", \"service\": \"client\"}");
        ops.advance(Duration.ofMinutes(1));
        assertEquals(2, ops.ok("ListServicesByNamespace", "{\"namespace\": \"internal\"}").path("serviceArns").size());
    }

    @Test
    void serviceConnectRefusesWhatEcsRefuses() {
        ops.call("ListServicesByNamespace", "{\"namespace\": \"nobody\"}").assertRefused(400, "NamespaceNotFoundException", "nobody");
        ops.call("ListServicesByNamespace", "{}").assertRefused(400, "InvalidParameterException", "Value null at 'namespace'");
        ops.createService("api", 0, CONNECT);
        ops.call("ListServicesByNamespace", "{\"namespace\": \"internal\", \"maxResults\": 101}")
                .assertRefused(400, "InvalidParameterException", "maxResults");
        ops.call("CreateService", "{\"cluster\": \"ops\", \"serviceName\": \"bad\", \"taskDefinition\": \"app\", \"desiredCount\": 0,"
                + " \"serviceConnectConfiguration\": {\"enabled\": true, \"namespace\": \"internal\", \"services\": [{\"portName\": \"grpc\"}]}}")
                .assertRefused(400, "InvalidParameterException", "grpc");
        ops.call("CreateService", "{\"cluster\": \"ops\", \"serviceName\": \"bad\", \"taskDefinition\": \"app\", \"desiredCount\": 0,"
                + " \"serviceConnectConfiguration\": {\"namespace\": \"internal\"}}").assertRefused(400, "InvalidParameterException", "enabled");
        ops.call("CreateService", "{\"cluster\": \"ops\", \"serviceName\": \"bad\", \"taskDefinition\": \"app\", \"desiredCount\": 0,"
                + " \"serviceConnectConfiguration\": {\"enabled\": true}}").assertRefused(400, "InvalidParameterException", "namespace");
        ops.call("UpdateService", "{\"cluster\": \"ops\", \"service\": \"api\", \"serviceConnectConfiguration\": {\"enabled\": true,"
                + " \"namespace\": \"internal\", \"services\": [{\"portName\": \"http\", \"clientAliases\": [{\"port\": 0}]}]}}")
                .assertRefused(400, "InvalidParameterException", "port");
        ops.call("UpdateService", "{\"cluster\": \"ops\", \"service\": \"api\", \"serviceConnectConfiguration\": \"on\"}")
                .assertRefused(400, "SerializationException", "serviceConnectConfiguration");
        assertEquals(1, ops.ok("ListServices", "{\"cluster\": \"ops\"}").path("serviceArns").size(), "no refused service was created");
    }

    @Test
    void theSdkCreatesAServiceInANamespaceAndListsIt() {
        Service created = ecs.createService(b -> b.cluster(CLUSTER).serviceName("sdk").taskDefinition("app").desiredCount(0)
                .serviceConnectConfiguration(c -> c.enabled(true).namespace("arn:aws:servicediscovery:us-east-1:000000000000:namespace/ns-1")
                        .services(ServiceConnectService.builder().portName("http")
                                .clientAliases(ServiceConnectClientAlias.builder().port(8080).build()).build()))).service();
        assertEquals(8080, created.deployments().get(0).serviceConnectConfiguration().services().get(0).clientAliases().get(0).port());
        assertEquals(List.of(created.serviceArn()), ecs.listServicesByNamespace(b -> b
                .namespace("arn:aws:servicediscovery:us-east-1:000000000000:namespace/ns-1")).serviceArns());
        assertEquals(List.of(created.serviceArn()), ecs.listServicesByNamespacePaginator(b -> b
                .namespace("arn:aws:servicediscovery:us-east-1:000000000000:namespace/ns-1")).serviceArns().stream().toList());
        assertThrows(NamespaceNotFoundException.class, () -> ecs.listServicesByNamespace(b -> b.namespace("elsewhere")));
    }

    @Test
    void deleteTaskDefinitionsDeletesInactiveRevisionsOnceNothingUsesThem() {
        String app2 = EcsOpsWire.APP.replace("\"app\", \"network", "\"app2\", \"network");
        ops.ok("RegisterTaskDefinition", app2);
        ops.ok("RegisterTaskDefinition", app2);
        JsonNode active = ops.ok("DeleteTaskDefinitions", "{\"taskDefinitions\": [\"app2:1\", \"app2:9\"]}");
        assertEquals(0, active.path("taskDefinitions").size());
        assertEquals("app2:1", active.path("failures").get(0).path("arn").asText().replaceAll(".*/", ""));
        assertEquals("TASK_DEFINITION_NOT_INACTIVE", active.path("failures").get(0).path("reason").asText());
        assertEquals("TASK_DEFINITION_NOT_FOUND", active.path("failures").get(1).path("reason").asText());

        // Revision 2 runs a task: deregistered and deleted, it stays DELETE_IN_PROGRESS while the task is kept.
        String task = ops.ok("RunTask", "{\"cluster\": \"ops\", \"taskDefinition\": \"app2:2\"}").path("tasks").get(0).path("taskArn").asText();
        ops.ok("DeregisterTaskDefinition", "{\"taskDefinition\": \"app2:1\"}");
        ops.ok("DeregisterTaskDefinition", "{\"taskDefinition\": \"app2:2\"}");
        JsonNode deleted = ops.ok("DeleteTaskDefinitions", "{\"taskDefinitions\": [\"app2:1\", \"app2:2\"]}");
        assertEquals(2, deleted.path("taskDefinitions").size(), deleted.toString());
        deleted.path("taskDefinitions").forEach(td -> {
            assertEquals("DELETE_IN_PROGRESS", td.path("status").asText());
            assertTrue(td.path("deleteRequestedAt").isNumber());
        });
        ops.advance(Duration.ofMinutes(2));
        ops.call("DescribeTaskDefinition", "{\"taskDefinition\": \"app2:1\"}").assertRefused(400, "ClientException", "Unable to describe");
        assertEquals("DELETE_IN_PROGRESS", ops.ok("DescribeTaskDefinition", "{\"taskDefinition\": \"app2:2\"}").path("taskDefinition")
                .path("status").asText());
        ops.call("StartTask", "{\"cluster\": \"ops\", \"taskDefinition\": \"app2:2\", \"containerInstances\": [\"" + ops.instances.get(0) + "\"]}")
                .assertRefused(400, "ClientException", "DELETE_IN_PROGRESS");
        ops.call("RunTask", "{\"cluster\": \"ops\", \"taskDefinition\": \"app2:2\"}").assertRefused(400, "ClientException", "DELETE_IN_PROGRESS");
        ops.call("CreateService", "{\"cluster\": \"ops\", \"serviceName\": \"late\", \"taskDefinition\": \"app2:2\", \"desiredCount\": 1}")
                .assertRefused(400, "ClientException", "inactive");
        assertEquals(1, ops.ok("ListTaskDefinitions", "{\"familyPrefix\": \"app2\", \"status\": \"DELETE_IN_PROGRESS\"}")
                .path("taskDefinitionArns").size());

        // The task stops and is pruned an hour later: then revision 2 is gone too, and the family goes on at 3.
        ops.ok("StopTask", "{\"cluster\": \"ops\", \"task\": \"" + task + "\"}");
        ops.advance(Duration.ofMinutes(62));
        ops.call("DescribeTaskDefinition", "{\"taskDefinition\": \"app2:2\"}").assertRefused(400, "ClientException", "Unable to describe");
        assertEquals(List.of(), strings(ops.ok("ListTaskDefinitionFamilies", "{\"familyPrefix\": \"app2\", \"status\": \"ALL\"}").path("families")));
        assertEquals(3, ops.ok("RegisterTaskDefinition", app2).path("taskDefinition").path("revision").asInt());

        ops.call("DeleteTaskDefinitions", "{\"taskDefinitions\": [\"app2\"]}").assertRefused(400, "InvalidParameterException", "revision");
        ops.call("DeleteTaskDefinitions", "{\"taskDefinitions\": []}").assertRefused(400, "InvalidParameterException", "empty");
        ops.call("DeleteTaskDefinitions", "{}").assertRefused(400, "InvalidParameterException", "Value null at 'taskDefinitions'");

        ecs.deregisterTaskDefinition(b -> b.taskDefinition("app2:3"));
        DeleteTaskDefinitionsResponse viaSdk = ecs.deleteTaskDefinitions(b -> b.taskDefinitions("app2:3"));
        assertEquals(TaskDefinitionStatus.DELETE_IN_PROGRESS, viaSdk.taskDefinitions().get(0).status());
        ops.advance(Duration.ofMinutes(1));
        assertThrows(ClientException.class, () -> ecs.describeTaskDefinition(b -> b.taskDefinition("app2:3")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
