package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Values outside a member's enum are refused before anything happens, in the validation wording of AWS's JSON services. */
class RequestEnumsWireTest {
    private WireFixture sim;

    @BeforeEach
    void start() throws IOException {
        sim = new WireFixture();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void topLevelEnumsAreChecked() {
        sim.call(ECS, "ListServices", "{\"cluster\": \"prod-web\", \"launchType\": \"fargate\"}").assertRefused(400, "InvalidParameterException",
                "1 validation error detected: Value 'fargate' at 'launchType' failed to satisfy constraint:"
                        + " Member must satisfy enum value set: [EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES]");
        sim.call(ECS, "ListTasks", "{\"cluster\": \"prod-web\", \"desiredStatus\": \"DONE\"}").assertRefused(400, "InvalidParameterException",
                "Value 'DONE' at 'desiredStatus' failed to satisfy constraint: Member must satisfy enum value set: [RUNNING, PENDING, STOPPED]");
        sim.call(ECS, "ListTaskDefinitions", "{\"sort\": \"UP\"}").assertRefused(400, "InvalidParameterException",
                "Member must satisfy enum value set: [ASC, DESC]");
        sim.call(ECS, "ListContainerInstances", "{\"cluster\": \"prod-batch\", \"status\": \"GONE\"}").assertRefused(400,
                "InvalidParameterException", "at 'status'");
        sim.call(ECS, "DescribeServices", "{\"cluster\": \"prod-web\", \"services\": [\"web\"], \"include\": [\"TAGS\", \"EVENTS\"]}")
                .assertRefused(400, "InvalidParameterException", "Value 'EVENTS' at 'include' failed to satisfy constraint");
        sim.call(ECS, "CreateService", "{\"cluster\": \"staging\", \"serviceName\": \"x\", \"taskDefinition\": \"web:1\","
                + " \"propagateTags\": \"ALL\"}").assertRefused(400, "InvalidParameterException",
                "Member must satisfy enum value set: [TASK_DEFINITION, SERVICE, NONE]");
        sim.call(ECS, "CreateService", "{\"cluster\": \"staging\", \"serviceName\": \"x\", \"taskDefinition\": \"web:1\","
                + " \"schedulingStrategy\": \"replica\"}").assertRefused(400, "InvalidParameterException", "at 'schedulingStrategy'");
        assertEquals("MISSING", sim.ok(ECS, "DescribeServices", "{\"cluster\": \"staging\", \"services\": [\"x\"]}")
                .get("failures").get(0).get("reason").asText(), "nothing was created");
    }

    @Test
    void theOperationsOfIssue17CheckTheirEnumsToo() {
        sim.call(ECS, "PutAccountSetting", "{\"name\": \"longArns\", \"value\": \"enabled\"}").assertRefused(400,
                "InvalidParameterException", "Value 'longArns' at 'name' failed to satisfy constraint");
        sim.call(ECS, "CreateCapacityProvider", "{\"name\": \"cp\", \"autoScalingGroupProvider\": {\"autoScalingGroupArn\": \"arn:aws:"
                + "autoscaling:us-east-1:000000000000:autoScalingGroup:1:autoScalingGroupName/g\", \"managedTerminationProtection\": \"ON\"}}")
                .assertRefused(400, "InvalidParameterException", "Value 'ON' at 'autoScalingGroupProvider.managedTerminationProtection'");
        sim.call(ECS, "ListServiceDeployments", "{\"cluster\": \"prod-web\", \"service\": \"checkout\", \"status\": [\"DONE\"]}")
                .assertRefused(400, "InvalidParameterException", "Value 'DONE' at 'status'");
        sim.call(ECS, "ListAttributes", "{\"cluster\": \"prod-batch\", \"targetType\": \"instance\"}").assertRefused(400,
                "InvalidParameterException", "enum value set: [container-instance]");
        assertEquals(2, sim.ok(ECS, "DescribeCapacityProviders", "{}").get("capacityProviders").size(),
                "nothing was created (FARGATE and FARGATE_SPOT only)");
    }

    @Test
    void enumsInsideStructuresAndListsAreChecked() {
        int tasks = sim.ok(ECS, "ListTasks", "{\"cluster\": \"staging\"}").get("taskArns").size();
        sim.call(ECS, "RunTask", "{\"cluster\": \"staging\", \"taskDefinition\": \"web:1\", \"launchType\": \"FARGATE\","
                + " \"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-0aa\"], \"assignPublicIp\": \"YES\"}}}")
                .assertRefused(400, "InvalidParameterException",
                        "Value 'YES' at 'networkConfiguration.awsvpcConfiguration.assignPublicIp' failed to satisfy constraint:"
                                + " Member must satisfy enum value set: [ENABLED, DISABLED]");
        sim.call(ECS, "RunTask", "{\"cluster\": \"prod-batch\", \"taskDefinition\": \"reports-worker:1\","
                + " \"placementStrategy\": [{\"type\": \"spread\", \"field\": \"instanceId\"}, {\"type\": \"pack\"}]}")
                .assertRefused(400, "InvalidParameterException", "Value 'pack' at 'placementStrategy.type'");
        sim.call(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\","
                + " \"placementConstraints\": [{\"type\": \"sameZone\"}]}")
                .assertRefused(400, "InvalidParameterException", "enum value set: [distinctInstance, memberOf]");
        sim.call(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\","
                + " \"deploymentConfiguration\": {\"strategy\": \"RECREATE\"}}")
                .assertRefused(400, "InvalidParameterException", "at 'deploymentConfiguration.strategy'");
        sim.call(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\", \"availabilityZoneRebalancing\": \"ON\"}")
                .assertRefused(400, "InvalidParameterException", "enum value set: [ENABLED, DISABLED]");
        assertEquals(tasks, sim.ok(ECS, "ListTasks", "{\"cluster\": \"staging\"}").get("taskArns").size(), "no task started");
    }

    @Test
    void valuesOfTheEnumPass() {
        sim.ok(ECS, "ListServices", "{\"cluster\": \"prod-web\", \"launchType\": \"FARGATE\", \"schedulingStrategy\": \"REPLICA\"}");
        sim.ok(ECS, "ListTasks", "{\"cluster\": \"prod-web\", \"desiredStatus\": \"STOPPED\"}");
        sim.ok(ECS, "ListTaskDefinitions", "{\"sort\": \"DESC\", \"status\": \"ACTIVE\"}");
        sim.ok(ECS, "DescribeServices", "{\"cluster\": \"prod-web\", \"services\": [\"web\"], \"include\": [\"TAGS\"]}");
    }
}
