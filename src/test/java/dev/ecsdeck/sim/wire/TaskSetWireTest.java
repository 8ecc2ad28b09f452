package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.StabilityStatus;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskSet;
import software.amazon.awssdk.services.ecs.model.TaskSetField;
import software.amazon.awssdk.services.ecs.model.TaskSetNotFoundException;

/**
 * Task sets of a service with the EXTERNAL deployment controller, driven by the real SDK v2 ECS client
 * (and raw HTTP for the errors) against a served empty simulator on its manual clock.
 */
class TaskSetWireTest {
    private static final String CLUSTER = "ext";
    private static final String VPC = "\"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-0aa\"]}}";

    private WireFixture sim;
    private EcsClient ecs;

    @BeforeEach
    void start() throws IOException {
        sim = WireFixture.empty();
        ecs = SdkClients.against(sim.endpoint(), EcsClient.builder());
        ecs.createCluster(r -> r.clusterName(CLUSTER));
    }

    @AfterEach
    void close() {
        ecs.close();
        sim.close();
    }

    private String register(int version) {
        return ecs.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("web").image("acme/web:" + version).essential(true)
                        .portMappings(p -> p.containerPort(80)))).taskDefinition().taskDefinitionArn();
    }

    private Service externalService(int desired) {
        return ecs.createService(r -> r.cluster(CLUSTER).serviceName("web").desiredCount(desired)
                .deploymentController(d -> d.type(DeploymentControllerType.EXTERNAL))).service();
    }

    private TaskSet createTaskSet(String taskDefinition, double percent) {
        return ecs.createTaskSet(r -> r.cluster(CLUSTER).service("web").taskDefinition(taskDefinition).launchType(LaunchType.FARGATE)
                .externalId("deploy-" + (int) percent).scale(s -> s.value(percent).unit(ScaleUnit.PERCENT))
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0aa")))
                .tags(t -> t.key("team").value("web"))).taskSet();
    }

    private TaskSet describe(String id) {
        return ecs.describeTaskSets(r -> r.cluster(CLUSTER).service("web").taskSets(id)).taskSets().get(0);
    }

    private List<Task> tasksStartedBy(String taskSetId, DesiredStatus status) {
        List<String> arns = ecs.listTasks(r -> r.cluster(CLUSTER).startedBy(taskSetId).desiredStatus(status)).taskArns();
        return arns.isEmpty() ? List.of() : ecs.describeTasks(r -> r.cluster(CLUSTER).tasks(arns)).tasks();
    }

    @Test
    void aTaskSetRunsItsShareOfTheDesiredCountAndFollowsItsScaleThePrimaryAndItsDeletion() {
        Service created = externalService(4);
        assertEquals(DeploymentControllerType.EXTERNAL, created.deploymentController().type());
        assertNull(created.taskDefinition(), "an EXTERNAL service has no task definition of its own");
        assertEquals(List.of(), created.taskSets());
        String blueTd = register(1);
        TaskSet blue = createTaskSet(blueTd, 50);
        assertTrue(blue.id().matches("ecs-svc/\\d{19}"), blue.id());
        assertEquals("arn:aws:ecs:us-east-1:000000000000:task-set/ext/web/" + blue.id(), blue.taskSetArn());
        assertEquals("ACTIVE", blue.status());
        assertEquals(2, blue.computedDesiredCount(), "50% of 4");
        assertEquals(50.0, blue.scale().value());
        assertEquals(ScaleUnit.PERCENT, blue.scale().unit());
        assertEquals(StabilityStatus.STABILIZING, blue.stabilityStatus());
        assertEquals(blueTd, blue.taskDefinition());
        assertEquals(LaunchType.FARGATE, blue.launchType());
        assertEquals("deploy-50", blue.externalId());
        assertEquals(created.serviceArn(), blue.serviceArn());
        assertEquals(List.of(), blue.tags(), "tags only when asked for");

        advanceUntil("blue's two tasks run", () -> describe(blue.id()).stabilityStatus() == StabilityStatus.STEADY_STATE);
        TaskSet steady = describe(blue.id());
        assertEquals(2, steady.runningCount());
        assertEquals(0, steady.pendingCount());
        assertTrue(steady.stabilityStatusAt().isAfter(blue.createdAt()));
        List<Task> blueTasks = tasksStartedBy(blue.id(), DesiredStatus.RUNNING);
        assertEquals(2, blueTasks.size());
        assertEquals(List.of("service:web", "service:web"), blueTasks.stream().map(Task::group).toList());
        assertEquals(List.of(blueTd, blueTd), blueTasks.stream().map(Task::taskDefinitionArn).toList());
        Service service = ecs.describeServices(r -> r.cluster(CLUSTER).services("web")).services().get(0);
        assertEquals(2, service.runningCount());
        assertEquals(List.of(blue.id()), service.taskSets().stream().map(TaskSet::id).toList());
        assertEquals(List.of(), service.deployments(), "an EXTERNAL service has task sets, not deployments");

        TaskSet scaled = ecs.updateTaskSet(r -> r.cluster(CLUSTER).service("web").taskSet(blue.taskSetArn())
                .scale(s -> s.value(100.0).unit(ScaleUnit.PERCENT))).taskSet();
        assertEquals(4, scaled.computedDesiredCount());
        advanceUntil("blue runs four tasks", () -> describe(blue.id()).runningCount() == 4
                && describe(blue.id()).stabilityStatus() == StabilityStatus.STEADY_STATE);

        String greenTd = register(2);
        TaskSet green = createTaskSet(greenTd, 25);
        assertEquals(1, green.computedDesiredCount(), "25% of 4");
        TaskSet primary = ecs.updateServicePrimaryTaskSet(r -> r.cluster(CLUSTER).service("web").primaryTaskSet(blue.id())).taskSet();
        assertEquals("PRIMARY", primary.status());
        assertEquals(blueTd, ecs.describeServices(r -> r.cluster(CLUSTER).services("web")).services().get(0).taskDefinition(),
                "the service takes on its primary task set's task definition");
        ecs.updateServicePrimaryTaskSet(r -> r.cluster(CLUSTER).service("web").primaryTaskSet(green.taskSetArn()));
        Map<String, String> statuses = ecs.describeTaskSets(r -> r.cluster(CLUSTER).service("web")).taskSets().stream()
                .collect(Collectors.toMap(TaskSet::id, TaskSet::status));
        assertEquals(Map.of(blue.id(), "ACTIVE", green.id(), "PRIMARY"), statuses, "PRIMARY moved to green");
        assertEquals(greenTd, ecs.describeServices(r -> r.cluster(CLUSTER).services("web")).services().get(0).taskDefinition());
        advanceUntil("green runs its one task", () -> describe(green.id()).runningCount() == 1);

        EcsException scaledUp = assertThrows(EcsException.class, () -> ecs.deleteTaskSet(r -> r.cluster(CLUSTER).service("web")
                .taskSet(blue.id())));
        assertEquals("InvalidParameterException", scaledUp.awsErrorDetails().errorCode());
        assertEquals(4, tasksStartedBy(blue.id(), DesiredStatus.RUNNING).size(), "a refused delete stops nothing");
        TaskSet deleted = ecs.deleteTaskSet(r -> r.cluster(CLUSTER).service("web").taskSet(blue.id()).force(true)).taskSet();
        assertEquals("DRAINING", deleted.status());
        assertEquals(0, deleted.computedDesiredCount());
        advanceUntil("blue's tasks have stopped and blue is gone", () -> tasksStartedBy(blue.id(), DesiredStatus.RUNNING).isEmpty()
                && ecs.describeTaskSets(r -> r.cluster(CLUSTER).service("web")).taskSets().size() == 1);
        assertEquals(4, tasksStartedBy(blue.id(), DesiredStatus.STOPPED).size());
        assertEquals(1, tasksStartedBy(green.id(), DesiredStatus.RUNNING).size(), "green untouched");

        ecs.updateService(r -> r.cluster(CLUSTER).service("web").desiredCount(8));
        assertEquals(2, describe(green.id()).computedDesiredCount(), "the service's desired count rescales its task sets: 25% of 8");
        advanceUntil("green runs two tasks", () -> describe(green.id()).runningCount() == 2);
    }

    @Test
    void describeTaskSetsGivesTagsWhenAskedAndFailuresForUnknownOnes() {
        externalService(2);
        TaskSet ts = createTaskSet(register(1), 100);
        var answer = ecs.describeTaskSets(r -> r.cluster(CLUSTER).service("web").taskSets(ts.id(), "ecs-svc/1234567890123456789")
                .include(TaskSetField.TAGS));
        assertEquals("web", answer.taskSets().get(0).tags().get(0).value());
        assertEquals("web", ecs.listTagsForResource(r -> r.resourceArn(ts.taskSetArn())).tags().get(0).value(), "ListTagsForResource");
        ecs.tagResource(r -> r.resourceArn(ts.taskSetArn()).tags(t -> t.key("team").value("edge")));
        assertEquals("edge", ecs.describeTaskSets(r -> r.cluster(CLUSTER).service("web").taskSets(ts.id()).include(TaskSetField.TAGS))
                .taskSets().get(0).tags().get(0).value());
        assertThrows(software.amazon.awssdk.services.ecs.model.InvalidParameterException.class, () -> ecs.listTagsForResource(
                r -> r.resourceArn("arn:aws:ecs:us-east-1:000000000000:task-set/ext/web/ecs-svc/1234567890123456789")));
        assertEquals(1, answer.failures().size());
        assertEquals("MISSING", answer.failures().get(0).reason());
        assertEquals("arn:aws:ecs:us-east-1:000000000000:task-set/ext/web/ecs-svc/1234567890123456789", answer.failures().get(0).arn());
        assertThrows(TaskSetNotFoundException.class, () -> ecs.updateTaskSet(r -> r.cluster(CLUSTER).service("web")
                .taskSet("ecs-svc/1234567890123456789").scale(s -> s.value(10.0).unit(ScaleUnit.PERCENT))));
        TaskSet again = ecs.createTaskSet(r -> r.cluster(CLUSTER).service("web").taskDefinition("web").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0aa"))).clientToken("token-1")).taskSet();
        TaskSet same = ecs.createTaskSet(r -> r.cluster(CLUSTER).service("web").taskDefinition("web").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0aa"))).clientToken("token-1")).taskSet();
        assertEquals(again.id(), same.id(), "the same clientToken makes one task set");
        assertEquals(100.0, again.scale().value(), "without a scale, 100 percent");
    }

    @Test
    void theOperationsAnswerEcsErrorsForBadRequests() {
        sim.ok(ECS, "RegisterTaskDefinition", "{\"family\": \"web\", \"networkMode\": \"awsvpc\", \"requiresCompatibilities\": [\"FARGATE\"],"
                + " \"cpu\": \"256\", \"memory\": \"512\", \"containerDefinitions\": [{\"name\": \"web\", \"image\": \"acme/web:1\"}]}");
        sim.ok(ECS, "CreateService", "{\"cluster\": \"ext\", \"serviceName\": \"rolling\", \"taskDefinition\": \"web\", \"desiredCount\": 0,"
                + " \"launchType\": \"FARGATE\", " + VPC + "}");
        JsonNode blueGreen = sim.ok(ECS, "CreateService", "{\"cluster\": \"ext\", \"serviceName\": \"cd\", \"taskDefinition\": \"web\","
                + " \"desiredCount\": 0, \"launchType\": \"FARGATE\", " + VPC + ", \"deploymentController\": {\"type\": \"CODE_DEPLOY\"}}");
        assertEquals("CODE_DEPLOY", blueGreen.at("/service/deploymentController/type").asText());
        JsonNode described = sim.ok(ECS, "DescribeServices", "{\"cluster\": \"ext\", \"services\": [\"rolling\", \"cd\"]}");
        assertEquals("ECS", described.at("/services/0/deploymentController/type").asText(), "ECS is the default");
        assertEquals("CODE_DEPLOY", described.at("/services/1/deploymentController/type").asText());
        String taskSetOf = "{\"cluster\": \"ext\", \"service\": \"%s\", \"taskDefinition\": \"web\", \"launchType\": \"FARGATE\", " + VPC + "%s}";
        for (String service : List.of("rolling", "cd")) {
            sim.call(ECS, "CreateTaskSet", taskSetOf.formatted(service, "")).assertRefused(400, "InvalidParameterException",
                    "Amazon ECS only supports task set management on services configured to use external deployment controllers.");
        }
        sim.call(ECS, "CreateService", "{\"cluster\": \"ext\", \"serviceName\": \"x\", \"deploymentController\": {\"type\": \"BLUE\"}}")
                .assertRefused(400, "InvalidParameterException", "ECS, CODE_DEPLOY, EXTERNAL");
        sim.call(ECS, "CreateService", "{\"cluster\": \"ext\", \"serviceName\": \"x\", \"taskDefinition\": \"web\","
                + " \"deploymentController\": {\"type\": \"EXTERNAL\"}}").assertRefused(400, "InvalidParameterException", "taskDefinition");
        JsonNode external = sim.ok(ECS, "CreateService", "{\"cluster\": \"ext\", \"serviceName\": \"web\", \"desiredCount\": 2,"
                + " \"deploymentController\": {\"type\": \"EXTERNAL\"}}");
        assertEquals("EXTERNAL", external.at("/service/deploymentController/type").asText());
        assertEquals(0, external.at("/service/taskSets").size());
        sim.call(ECS, "UpdateService", "{\"cluster\": \"ext\", \"service\": \"web\", \"taskDefinition\": \"web\"}")
                .assertRefused(400, "InvalidParameterException", "EXTERNAL deployment controller");

        sim.call(ECS, "CreateTaskSet", "{\"cluster\": \"ext\", \"service\": \"web\"}")
                .assertRefused(400, "InvalidParameterException", "taskDefinition");
        sim.call(ECS, "CreateTaskSet", taskSetOf.formatted("web", "").replace("\"ext\"", "\"nope\""))
                .assertRefused(400, "ClusterNotFoundException", "Cluster not found");
        sim.call(ECS, "CreateTaskSet", taskSetOf.formatted("nope", "")).assertRefused(400, "ServiceNotFoundException", "Service not found");
        sim.call(ECS, "CreateTaskSet", taskSetOf.formatted("web", "").replace("\"web\", \"launch", "\"web:9\", \"launch"))
                .assertRefused(400, "ClientException", "TaskDefinition not found");
        sim.call(ECS, "CreateTaskSet", taskSetOf.formatted("web", ", \"scale\": {\"value\": 150, \"unit\": \"PERCENT\"}"))
                .assertRefused(400, "InvalidParameterException", "between 0 and 100");
        sim.call(ECS, "CreateTaskSet", taskSetOf.formatted("web", ", \"scale\": {\"value\": 50, \"unit\": \"COUNT\"}"))
                .assertRefused(400, "InvalidParameterException", "PERCENT");
        sim.call(ECS, "CreateTaskSet", taskSetOf.formatted("web", ", \"capacityProviderStrategy\": [{\"capacityProvider\": \"FARGATE\"}]"))
                .assertRefused(400, "InvalidParameterException", "launch type and capacity provider strategy");
        sim.call(ECS, "CreateTaskSet", "{\"cluster\": \"ext\", \"service\": \"web\", \"taskDefinition\": \"web\", \"launchType\": \"FARGATE\"}")
                .assertRefused(400, "InvalidParameterException", "Network Configuration must be provided");
        String id = null;
        for (int i = 0; i < 5; i++) {
            id = sim.ok(ECS, "CreateTaskSet", taskSetOf.formatted("web", ", \"scale\": {\"value\": 0, \"unit\": \"PERCENT\"}"))
                    .at("/taskSet/id").asText();
        }
        sim.call(ECS, "CreateTaskSet", taskSetOf.formatted("web", "")).assertRefused(400, "InvalidParameterException",
                "5 deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.");

        String ref = "{\"cluster\": \"ext\", \"service\": \"web\", \"taskSet\": \"%s\"%s}";
        sim.call(ECS, "UpdateTaskSet", ref.formatted(id, "")).assertRefused(400, "InvalidParameterException", "scale");
        sim.call(ECS, "UpdateTaskSet", ref.formatted("ecs-svc/1111111111111111111", ", \"scale\": {\"value\": 10, \"unit\": \"PERCENT\"}"))
                .assertRefused(400, "TaskSetNotFoundException", "task set");
        sim.call(ECS, "UpdateTaskSet", ref.formatted("abc", ", \"scale\": {\"value\": 10, \"unit\": \"PERCENT\"}"))
                .assertRefused(400, "InvalidParameterException", "Task Set Identifier is invalid");
        sim.call(ECS, "UpdateTaskSet", ref.formatted(id, ", \"scale\": {\"value\": -1, \"unit\": \"PERCENT\"}"))
                .assertRefused(400, "InvalidParameterException", "between 0 and 100");
        sim.call(ECS, "DescribeTaskSets", "{\"cluster\": \"ext\", \"service\": \"web\", \"include\": [\"STUFF\"]}")
                .assertRefused(400, "InvalidParameterException", "TAGS");
        sim.call(ECS, "DescribeTaskSets", "{\"cluster\": \"ext\", \"service\": \"rolling\"}")
                .assertRefused(400, "InvalidParameterException", "external deployment controllers");
        sim.call(ECS, "UpdateServicePrimaryTaskSet", "{\"cluster\": \"ext\", \"service\": \"web\", \"primaryTaskSet\": \"ecs-svc/1\"}")
                .assertRefused(400, "TaskSetNotFoundException", "task set");
        sim.call(ECS, "UpdateServicePrimaryTaskSet", "{\"cluster\": \"ext\", \"service\": \"web\"}")
                .assertRefused(400, "InvalidParameterException", "primaryTaskSet");
        assertEquals("DRAINING", sim.ok(ECS, "DeleteTaskSet", ref.formatted(id, "")).at("/taskSet/status").asText(),
                "a task set scaled to 0 is deleted without force");
        sim.call(ECS, "UpdateServicePrimaryTaskSet", "{\"cluster\": \"ext\", \"service\": \"web\", \"primaryTaskSet\": \"" + id + "\"}")
                .assertRefused(400, "InvalidParameterException", "being deleted");
        assertNotEquals(0, sim.ok(ECS, "DescribeTaskSets", "{\"cluster\": \"ext\", \"service\": \"web\"}").get("taskSets").size());
    }

    private void advanceUntil(String what, Supplier<Boolean> condition) {
        for (int step = 0; step < 360; step++) {
            if (condition.get()) {
                return;
            }
            sim.clock.advance(Duration.ofSeconds(5));
        }
        throw new AssertionError("After 30 simulated minutes: not yet " + what);
    }
}
