package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.Resource;

/**
 * RegisterContainerInstance with the body the ECS agent sends when an EC2 instance joins a cluster
 * (and again when the agent restarts): the instance identity document, totalResources with ports,
 * versionInfo, attributes.
 */
class AgentRegistrationWireTest {
    private static final String IDENTITY = "{\\\"accountId\\\": \\\"000000000000\\\", \\\"architecture\\\": \\\"x86_64\\\","
            + " \\\"availabilityZone\\\": \\\"us-east-1b\\\", \\\"imageId\\\": \\\"ami-0abc\\\", \\\"instanceId\\\": \\\"i-0123456789abcdef0\\\","
            + " \\\"instanceType\\\": \\\"c5.xlarge\\\", \\\"privateIp\\\": \\\"10.0.3.17\\\", \\\"region\\\": \\\"us-east-1\\\"}";

    private WireFixture sim;

    @BeforeEach
    void start() throws IOException {
        sim = new WireFixture();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private static String body(String extra, int memory) {
        return "{\"cluster\": \"prod-batch\", \"instanceIdentityDocument\": \"" + IDENTITY + "\","
                + " \"instanceIdentityDocumentSignature\": \"c2lnbmF0dXJl\","
                + " \"totalResources\": [{\"name\": \"CPU\", \"type\": \"INTEGER\", \"integerValue\": 4096},"
                + " {\"name\": \"MEMORY\", \"type\": \"INTEGER\", \"integerValue\": " + memory + "},"
                + " {\"name\": \"PORTS\", \"type\": \"STRINGSET\", \"stringSetValue\": [\"22\", \"2375\", \"2376\", \"51678\", \"51679\", \"8443\"]},"
                + " {\"name\": \"PORTS_UDP\", \"type\": \"STRINGSET\", \"stringSetValue\": [\"161\"]}],"
                + " \"versionInfo\": {\"agentVersion\": \"1.86.3\", \"agentHash\": \"a1b2c3d4\", \"dockerVersion\": \"DockerVersion: 20.10.25\"},"
                + " \"attributes\": [{\"name\": \"ecs.capability.docker-plugin.local\"}, {\"name\": \"ecs.os-family\", \"value\": \"LINUX\"}],"
                + " \"platformDevices\": [], \"tags\": [{\"key\": \"team\", \"value\": \"batch\"}]" + extra + "}";
    }

    @Test
    void theAgentsRegistrationNamesTheInstanceItsZoneTypeResourcesAndVersions() {
        JsonNode registered = sim.ok(ECS, "RegisterContainerInstance", body("", 7680)).get("containerInstance");
        String arn = registered.get("containerInstanceArn").asText();
        JsonNode described = sim.ok(ECS, "DescribeContainerInstances", "{\"cluster\": \"prod-batch\", \"containerInstances\": [\"" + arn + "\"]}")
                .get("containerInstances").get(0);
        assertEquals("i-0123456789abcdef0", described.get("ec2InstanceId").asText());
        Map<String, String> attributes = new HashMap<>();
        described.get("attributes").forEach(a -> attributes.put(a.get("name").asText(), a.path("value").asText(null)));
        assertEquals("us-east-1b", attributes.get("ecs.availability-zone"));
        assertEquals("c5.xlarge", attributes.get("ecs.instance-type"));
        assertEquals("LINUX", attributes.get("ecs.os-family"));
        assertTrue(attributes.containsKey("ecs.capability.docker-plugin.local"));
        assertEquals("1.86.3", described.get("versionInfo").get("agentVersion").asText());
        assertEquals("DockerVersion: 20.10.25", described.get("versionInfo").get("dockerVersion").asText());
        Map<String, JsonNode> resources = new HashMap<>();
        described.get("registeredResources").forEach(r -> resources.put(r.get("name").asText(), r));
        assertEquals(4096, resources.get("CPU").get("integerValue").asInt());
        assertEquals(7680, resources.get("MEMORY").get("integerValue").asInt());
        assertTrue(resources.get("PORTS").get("stringSetValue").toString().contains("\"8443\""), resources.get("PORTS").toString());
        assertEquals("161", resources.get("PORTS_UDP").get("stringSetValue").get(0).asText());

        JsonNode again = sim.ok(ECS, "RegisterContainerInstance", body(", \"containerInstanceArn\": \"" + arn + "\"", 7168)).get("containerInstance");
        assertEquals(arn, again.get("containerInstanceArn").asText(), "the agent registers the same instance again");
        assertEquals(7168, again.get("registeredResources").get(1).get("integerValue").asInt());
        int before = sim.ok(ECS, "ListContainerInstances", "{\"cluster\": \"prod-batch\"}").get("containerInstanceArns").size();
        assertTrue(sim.ok(ECS, "ListContainerInstances", "{\"cluster\": \"prod-batch\"}").get("containerInstanceArns").toString().contains(arn));
        assertEquals(before, sim.ok(ECS, "ListContainerInstances", "{\"cluster\": \"prod-batch\"}").get("containerInstanceArns").size());
    }

    @Test
    void aBrokenIdentityDocumentOrAnUnknownInstanceIsRefused() {
        sim.call(ECS, "RegisterContainerInstance", "{\"cluster\": \"prod-batch\", \"instanceIdentityDocument\": \"{not json\","
                + " \"totalResources\": [{\"name\": \"CPU\", \"type\": \"INTEGER\", \"integerValue\": 1024},"
                + " {\"name\": \"MEMORY\", \"type\": \"INTEGER\", \"integerValue\": 2048}]}")
                .assertRefused(400, "InvalidParameterException", "instanceIdentityDocument");
        sim.call(ECS, "RegisterContainerInstance", body(", \"containerInstanceArn\":"
                + " \"arn:aws:ecs:us-east-1:000000000000:container-instance/prod-batch/0000\"", 2048))
                .assertRefused(400, "InvalidParameterException", "was not found");
    }

    @Test
    void theSdkRegistersAnInstanceAsTheAgentDoes() {
        try (EcsClient ecs = SdkClients.against(sim.endpoint(), EcsClient.builder())) {
            ContainerInstance i = ecs.registerContainerInstance(b -> b.cluster("prod-batch")
                    .instanceIdentityDocument(IDENTITY.replace("\\\"", "\""))
                    .totalResources(Resource.builder().name("CPU").type("INTEGER").integerValue(2048).build(),
                            Resource.builder().name("MEMORY").type("INTEGER").integerValue(3840).build(),
                            Resource.builder().name("PORTS").type("STRINGSET").stringSetValue(List.of("22", "2375")).build())
                    .versionInfo(v -> v.agentVersion("1.86.3"))).containerInstance();
            assertEquals("i-0123456789abcdef0", i.ec2InstanceId());
            assertEquals("1.86.3", i.versionInfo().agentVersion());
            assertEquals(List.of("22", "2375"), i.registeredResources().get(2).stringSetValue());
            assertTrue(i.attributes().stream().anyMatch(a -> a.name().equals("ecs.availability-zone") && a.value().equals("us-east-1b")));
        }
    }
}
