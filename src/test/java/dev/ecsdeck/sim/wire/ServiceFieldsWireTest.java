package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AvailabilityZoneRebalancing;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * CreateService's members come back from DescribeServices, and UpdateService applies every member the
 * simulator serves: those the model documents as starting a new deployment (network configuration,
 * platform version, service registries, volume configurations) start one, with a new service
 * revision; placement and Availability Zone rebalancing apply without one.
 */
class ServiceFieldsWireTest {
    private static final String VPC = "\"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-0aa\"],"
            + " \"securityGroups\": [\"sg-0cc\"], \"assignPublicIp\": \"DISABLED\"}}";
    private static final String REGISTRY = "arn:aws:servicediscovery:us-east-1:000000000000:service/srv-0abc";

    private WireFixture sim;

    @BeforeEach
    void start() throws IOException {
        sim = new WireFixture();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private JsonNode describe(String cluster, String service) {
        return sim.ok(ECS, "DescribeServices", "{\"cluster\": \"" + cluster + "\", \"services\": [\"" + service + "\"]}").get("services").get(0);
    }

    private JsonNode deployments(String cluster, String service) {
        return sim.ok(ECS, "ListServiceDeployments", "{\"cluster\": \"" + cluster + "\", \"service\": \"" + service + "\"}")
                .get("serviceDeployments");
    }

    @Test
    void createServiceKeepsEveryMemberItWasGiven() {
        JsonNode created = sim.ok(ECS, "CreateService", "{\"cluster\": \"staging\", \"serviceName\": \"kept\", \"taskDefinition\": \"web:1\","
                + " \"desiredCount\": 1, \"launchType\": \"FARGATE\", \"platformVersion\": \"1.4.0\", " + VPC + ","
                + " \"serviceRegistries\": [{\"registryArn\": \"" + REGISTRY + "\", \"containerName\": \"web\", \"containerPort\": 8080}],"
                + " \"availabilityZoneRebalancing\": \"DISABLED\","
                + " \"placementConstraints\": [], \"placementStrategy\": [],"
                + " \"volumeConfigurations\": [{\"name\": \"data\", \"managedEBSVolume\": {\"roleArn\": \"arn:aws:iam::000000000000:role/ebs\","
                + " \"sizeInGiB\": 30, \"filesystemType\": \"xfs\"}}]}").get("service");
        assertEquals("1.4.0", created.get("platformVersion").asText());
        JsonNode s = describe("staging", "kept");
        assertEquals("1.4.0", s.get("platformVersion").asText());
        assertEquals("Linux", s.get("platformFamily").asText());
        assertEquals(REGISTRY, s.get("serviceRegistries").get(0).get("registryArn").asText());
        assertEquals(8080, s.get("serviceRegistries").get(0).get("containerPort").asInt());
        assertEquals("DISABLED", s.get("availabilityZoneRebalancing").asText());
        assertTrue(s.get("roleArn").asText().endsWith(":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS"),
                "service discovery uses ECS's service-linked role: " + s.get("roleArn"));
        assertTrue(s.get("createdBy").asText().startsWith("arn:aws:iam::"), s.toString());
        JsonNode primary = s.get("deployments").get(0);
        assertEquals("1.4.0", primary.get("platformVersion").asText());
        assertEquals("Linux", primary.get("platformFamily").asText());
        assertEquals(30, primary.get("volumeConfigurations").get(0).get("managedEBSVolume").get("sizeInGiB").asInt());

        JsonNode ec2 = sim.ok(ECS, "CreateService", "{\"cluster\": \"prod-batch\", \"serviceName\": \"plain\","
                + " \"taskDefinition\": \"reports-worker:1\", \"desiredCount\": 0, \"role\": \"ecsServiceRole\"}").get("service");
        assertFalse(ec2.has("platformVersion"), "EC2 services have no platform version");
        assertEquals("ENABLED", ec2.get("availabilityZoneRebalancing").asText(), "CreateService's default, as the model documents");
        assertEquals("arn:aws:iam::000000000000:role/ecsServiceRole", ec2.get("roleArn").asText());
        assertEquals(0, ec2.get("serviceRegistries").size());
    }

    @Test
    void createServiceRefusesWhatEcsRefuses() {
        sim.call(ECS, "CreateService", "{\"cluster\": \"prod-batch\", \"serviceName\": \"x\", \"taskDefinition\": \"reports-worker:1\","
                + " \"launchType\": \"EC2\", \"platformVersion\": \"LATEST\"}")
                .assertRefused(400, "InvalidParameterException", "The platform version must be null when specifying an EC2 launch type.");
        sim.call(ECS, "CreateService", "{\"cluster\": \"staging\", \"serviceName\": \"x\", \"taskDefinition\": \"web:1\","
                + " \"launchType\": \"FARGATE\", " + VPC + ", \"role\": \"ecsServiceRole\"}")
                .assertRefused(400, "InvalidParameterException", "You cannot specify an IAM role for services that require a service linked role.");
        sim.call(ECS, "CreateService", "{\"cluster\": \"prod-batch\", \"serviceName\": \"x\", \"taskDefinition\": \"log-router:1\","
                + " \"schedulingStrategy\": \"DAEMON\", \"volumeConfigurations\": [{\"name\": \"data\"}]}")
                .assertRefused(400, "InvalidParameterException", "REPLICA");
        assertEquals("MISSING", sim.ok(ECS, "DescribeServices", "{\"cluster\": \"staging\", \"services\": [\"x\"]}")
                .get("failures").get(0).get("reason").asText(), "nothing was created");
    }

    @Test
    void updatingTheNetworkStartsADeploymentOfANewRevision() {
        JsonNode before = describe("prod-web", "web");
        String revisionBefore = deployments("prod-web", "web").get(0).get("targetServiceRevisionArn").asText();
        JsonNode updated = sim.ok(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\","
                + " \"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-0ee\"], \"securityGroups\": [\"sg-0ff\"]}}}")
                .get("service");
        assertEquals("subnet-0ee", updated.get("networkConfiguration").get("awsvpcConfiguration").get("subnets").get(0).asText());
        assertNotEquals(before.get("deployments").get(0).get("id").asText(), updated.get("deployments").get(0).get("id").asText(),
                "a new PRIMARY deployment");
        JsonNode sd = deployments("prod-web", "web").get(0);
        assertNotEquals(revisionBefore, sd.get("targetServiceRevisionArn").asText(), "a new service revision");
        JsonNode revision = sim.ok(ECS, "DescribeServiceRevisions", "{\"serviceRevisionArns\": [\"" + sd.get("targetServiceRevisionArn").asText()
                + "\"]}").get("serviceRevisions").get(0);
        assertEquals("subnet-0ee", revision.get("networkConfiguration").get("awsvpcConfiguration").get("subnets").get(0).asText());

        sim.clock.advance(Duration.ofMinutes(10));
        String task = sim.ok(ECS, "ListTasks", "{\"cluster\": \"prod-web\", \"serviceName\": \"web\"}").get("taskArns").get(0).asText();
        JsonNode eni = sim.ok(ECS, "DescribeTasks", "{\"cluster\": \"prod-web\", \"tasks\": [\"" + task + "\"]}").get("tasks").get(0)
                .get("attachments").get(0);
        assertEquals("subnet-0ee", eni.get("details").get(0).get("value").asText(), "new tasks run in the new subnet");
    }

    @Test
    void updatingPlatformVersionOrServiceRegistriesStartsADeploymentAndPlacementDoesNot() {
        int start = deployments("prod-web", "web").size();
        JsonNode placed = sim.ok(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\","
                + " \"placementStrategy\": [{\"type\": \"spread\", \"field\": \"attribute:ecs.availability-zone\"}],"
                + " \"placementConstraints\": [{\"type\": \"distinctInstance\"}], \"availabilityZoneRebalancing\": \"DISABLED\"}").get("service");
        assertEquals("spread", placed.get("placementStrategy").get(0).get("type").asText());
        assertEquals("distinctInstance", placed.get("placementConstraints").get(0).get("type").asText());
        assertEquals("DISABLED", placed.get("availabilityZoneRebalancing").asText());
        assertEquals(start, deployments("prod-web", "web").size(), "placement starts no deployment");

        JsonNode platform = sim.ok(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\", \"platformVersion\": \"1.3.0\"}")
                .get("service");
        assertEquals("1.3.0", platform.get("platformVersion").asText());
        assertEquals("1.3.0", platform.get("deployments").get(0).get("platformVersion").asText());
        assertEquals("1.4.0", platform.get("deployments").get(1).get("platformVersion").asText(), "the old deployment keeps its platform");
        assertEquals(start + 1, deployments("prod-web", "web").size());
        String platformRevision = deployments("prod-web", "web").get(0).get("targetServiceRevisionArn").asText();
        assertEquals("1.3.0", sim.ok(ECS, "DescribeServiceRevisions", "{\"serviceRevisionArns\": [\"" + platformRevision + "\"]}")
                .get("serviceRevisions").get(0).get("platformVersion").asText());

        JsonNode registries = sim.ok(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\","
                + " \"serviceRegistries\": [{\"registryArn\": \"" + REGISTRY + "\"}]}").get("service");
        assertEquals(REGISTRY, registries.get("serviceRegistries").get(0).get("registryArn").asText());
        assertEquals(start + 2, deployments("prod-web", "web").size());
        assertNotEquals(platformRevision, deployments("prod-web", "web").get(0).get("targetServiceRevisionArn").asText());

        sim.ok(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\", \"serviceRegistries\": [{\"registryArn\": \"" + REGISTRY
                + "\"}], \"platformVersion\": \"1.3.0\"}");
        assertEquals(start + 2, deployments("prod-web", "web").size(), "the same values again start nothing");
    }

    @Test
    void aRefusedUpdateChangesNothing() {
        JsonNode before = describe("prod-web", "web");
        sim.call(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\", \"platformVersion\": \"1.3.0\","
                + " \"placementStrategy\": [{\"type\": \"binpack\", \"field\": \"memory\"}], \"taskDefinition\": \"nope:9\"}")
                .assertRefused(400, "ClientException", "TaskDefinition not found");
        sim.call(ECS, "UpdateService", "{\"cluster\": \"prod-batch\", \"service\": \"reports-worker\", \"platformVersion\": \"1.4.0\"}")
                .assertRefused(400, "InvalidParameterException", "The platform version must be null when specifying an EC2 launch type.");
        JsonNode after = describe("prod-web", "web");
        assertEquals(before.get("platformVersion"), after.get("platformVersion"));
        assertEquals(before.get("placementStrategy"), after.get("placementStrategy"));
        assertEquals(before.get("deployments").size(), after.get("deployments").size());
    }

    @Test
    void theSdkUpdatesPlacementAndReadsTheServicesMembers() {
        try (EcsClient ecs = SdkClients.against(sim.endpoint(), EcsClient.builder())) {
            Service s = ecs.updateService(b -> b.cluster("prod-web").service("orders-api")
                    .placementStrategy(p -> p.type(PlacementStrategyType.BINPACK).field("memory"))
                    .availabilityZoneRebalancing(AvailabilityZoneRebalancing.DISABLED)
                    .serviceRegistries(r -> r.registryArn(REGISTRY))).service();
            assertEquals(PlacementStrategyType.BINPACK, s.placementStrategy().get(0).type());
            assertEquals(AvailabilityZoneRebalancing.DISABLED, s.availabilityZoneRebalancing());
            Service described = ecs.describeServices(b -> b.cluster("prod-web").services("orders-api")).services().get(0);
            assertEquals(REGISTRY, described.serviceRegistries().get(0).registryArn());
            assertEquals("LATEST", described.platformVersion());
            assertEquals("Linux", described.platformFamily());
            assertEquals("1.4.0", described.deployments().get(0).platformVersion());
        }
    }
}
