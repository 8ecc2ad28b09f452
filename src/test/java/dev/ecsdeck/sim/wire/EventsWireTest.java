package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.sim.wire.events.EventsOperations;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.AssignPublicIp;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EcsParameters;
import software.amazon.awssdk.services.eventbridge.model.LaunchType;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * EventBridge rules with ECS targets through the real SDK v2 EventBridgeClient, and raw HTTP for
 * EventBridge's errors; a scheduled rule runs its ECS target's tasks on the simulator's clock, seen
 * through ECS's ListTasks by {@code startedBy: events-rule/<rule name>}.
 */
class EventsWireTest {
    private static final String EVENTS = EventsOperations.TARGET_PREFIX;
    private static final String ROLE = "arn:aws:iam::000000000000:role/ecsEventsRole";

    private WireFixture sim;
    private EventBridgeClient events;
    private EcsClient ecs;
    private String stagingArn;

    @BeforeEach
    void start() throws IOException {
        sim = new WireFixture();
        events = SdkClients.against(sim.endpoint(), EventBridgeClient.builder());
        ecs = SdkClients.against(sim.endpoint(), EcsClient.builder());
        stagingArn = ecs.describeClusters(b -> b.clusters("staging")).clusters().get(0).clusterArn();
    }

    @AfterEach
    void close() {
        events.close();
        ecs.close();
        sim.close();
    }

    private Target ecsTarget(String id, String taskDefinition) {
        return Target.builder().id(id).arn(stagingArn).roleArn(ROLE).ecsParameters(EcsParameters.builder().taskDefinitionArn(taskDefinition)
                .taskCount(1).launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0aa")
                        .securityGroups("sg-0cc").assignPublicIp(AssignPublicIp.DISABLED))).group("nightly").build()).build();
    }

    private List<String> tasksStartedBy(String startedBy) {
        return ecs.listTasks(b -> b.cluster("staging").startedBy(startedBy)).taskArns();
    }

    @Test
    void rulesAndTargetsRoundTripThroughTheSdk() {
        String arn = events.putRule(b -> b.name("nightly-report").scheduleExpression("cron(0 2 * * ? *)").description("Nightly report")
                .roleArn(ROLE).tags(Tag.builder().key("team").value("data").build())).ruleArn();
        assertEquals("arn:aws:events:us-east-1:000000000000:rule/nightly-report", arn);
        events.putRule(b -> b.name("every-5").scheduleExpression("rate(5 minutes)").state(RuleState.DISABLED));
        events.putRule(b -> b.name("on-stop").eventPattern("{\"source\": [\"aws.ecs\"]}"));

        DescribeRuleResponse described = events.describeRule(b -> b.name("nightly-report"));
        assertEquals("cron(0 2 * * ? *)", described.scheduleExpression());
        assertEquals(RuleState.ENABLED, described.state());
        assertEquals("Nightly report", described.description());
        assertEquals(ROLE, described.roleArn());
        assertEquals("default", described.eventBusName());
        assertEquals(arn, described.arn());
        assertEquals("{\"source\": [\"aws.ecs\"]}", events.describeRule(b -> b.name("on-stop")).eventPattern());

        assertEquals(List.of("every-5", "nightly-report", "on-stop"),
                events.listRules(b -> b.limit(100)).rules().stream().map(Rule::name).collect(Collectors.toList()));
        assertEquals(List.of("nightly-report"), events.listRules(b -> b.namePrefix("night")).rules().stream().map(Rule::name).toList());
        var firstPage = events.listRules(b -> b.limit(2));
        assertEquals(2, firstPage.rules().size());
        var secondPage = events.listRules(b -> b.limit(2).nextToken(firstPage.nextToken()));
        assertEquals(List.of("on-stop"), secondPage.rules().stream().map(Rule::name).toList());
        assertEquals(null, secondPage.nextToken());

        PutTargetsResponse put = events.putTargets(b -> b.rule("nightly-report").targets(ecsTarget("report", "web")));
        assertEquals(0, put.failedEntryCount());
        Target listed = events.listTargetsByRule(b -> b.rule("nightly-report")).targets().get(0);
        assertEquals("report", listed.id());
        assertEquals(stagingArn, listed.arn());
        assertEquals(ROLE, listed.roleArn());
        assertEquals("web", listed.ecsParameters().taskDefinitionArn());
        assertEquals(LaunchType.FARGATE, listed.ecsParameters().launchType());
        assertEquals(List.of("subnet-0aa"), listed.ecsParameters().networkConfiguration().awsvpcConfiguration().subnets());
        assertEquals("nightly", listed.ecsParameters().group());

        events.disableRule(b -> b.name("nightly-report"));
        assertEquals(RuleState.DISABLED, events.describeRule(b -> b.name("nightly-report")).state());
        events.enableRule(b -> b.name("nightly-report"));
        assertEquals(RuleState.ENABLED, events.describeRule(b -> b.name("nightly-report")).state());

        assertEquals(0, events.removeTargets(b -> b.rule("nightly-report").ids("report")).failedEntryCount());
        assertTrue(events.listTargetsByRule(b -> b.rule("nightly-report")).targets().isEmpty());
        events.deleteRule(b -> b.name("nightly-report"));
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class, () -> events.describeRule(b -> b.name("nightly-report")));
        assertEquals("Rule nightly-report does not exist on EventBus default.", gone.awsErrorDetails().errorMessage());
    }

    @Test
    void aRateRuleWithAnEcsTargetStartsATaskEveryFiveMinutes() {
        events.putRule(b -> b.name("every-5").scheduleExpression("rate(5 minutes)"));
        events.putTargets(b -> b.rule("every-5").targets(ecsTarget("job", "web")));
        assertEquals(List.of(), tasksStartedBy("events-rule/every-5"));

        sim.clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertEquals(List.of(), tasksStartedBy("events-rule/every-5"), "nothing before the first five minutes are up");
        sim.clock.advance(Duration.ofSeconds(1));
        List<String> first = tasksStartedBy("events-rule/every-5");
        assertEquals(1, first.size());
        var task = ecs.describeTasks(b -> b.cluster("staging").tasks(first)).tasks().get(0);
        assertEquals("events-rule/every-5", task.startedBy());
        assertEquals("nightly", task.group());
        assertTrue(task.taskDefinitionArn().contains("task-definition/web:"), task.taskDefinitionArn());

        sim.clock.advance(Duration.ofMinutes(10));
        assertEquals(3, tasksStartedBy("events-rule/every-5").size(), "one more every five minutes");

        events.disableRule(b -> b.name("every-5"));
        sim.clock.advance(Duration.ofMinutes(15));
        assertEquals(3, tasksStartedBy("events-rule/every-5").size(), "a disabled rule does not fire");

        events.enableRule(b -> b.name("every-5"));
        sim.clock.advance(Duration.ofMinutes(5));
        assertEquals(4, tasksStartedBy("events-rule/every-5").size());
    }

    @Test
    void anEcsTargetsStrategyTagsAndExecReachItsTasks() {
        ecs.putClusterCapacityProviders(b -> b.cluster("staging").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(i -> i.capacityProvider("FARGATE").weight(1)));
        events.putRule(b -> b.name("spot-job").scheduleExpression("rate(1 minute)"));
        events.putTargets(b -> b.rule("spot-job").targets(Target.builder().id("job").arn(stagingArn).roleArn(ROLE)
                .ecsParameters(EcsParameters.builder().taskDefinitionArn("web").taskCount(1)
                        .capacityProviderStrategy(i -> i.capacityProvider("FARGATE_SPOT").weight(1))
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0aa")))
                        .tags(Tag.builder().key("job").value("spot").build()).enableECSManagedTags(true).enableExecuteCommand(true).build())
                .build()));
        sim.clock.advance(Duration.ofMinutes(1));
        List<String> started = tasksStartedBy("events-rule/spot-job");
        assertEquals(1, started.size());
        var task = ecs.describeTasks(b -> b.cluster("staging").tasks(started).include(software.amazon.awssdk.services.ecs.model.TaskField.TAGS))
                .tasks().get(0);
        assertEquals("FARGATE_SPOT", task.capacityProviderName(), "the target's strategy, not the cluster's default");
        assertEquals(List.of("job=spot", "aws:ecs:clusterName=staging"), task.tags().stream().map(t -> t.key() + "=" + t.value()).toList());
        assertTrue(task.enableExecuteCommand(), "ECS Exec as the target asks");
    }

    @Test
    void aFailingRunTaskDoesNotStopTheRule() {
        events.putRule(b -> b.name("broken").scheduleExpression("rate(1 minute)"));
        events.putTargets(b -> b.rule("broken").targets(ecsTarget("job", "no-such-family:1")));
        sim.clock.advance(Duration.ofMinutes(3));
        assertEquals(List.of(), tasksStartedBy("events-rule/broken"));

        events.putTargets(b -> b.rule("broken").targets(ecsTarget("job", "web"))); // the same id: replaced
        assertEquals(1, events.listTargetsByRule(b -> b.rule("broken")).targets().size());
        sim.clock.advance(Duration.ofMinutes(2));
        assertEquals(2, tasksStartedBy("events-rule/broken").size());
    }

    @Test
    void putTargetsReportsTargetsItCannotUseAsFailedEntries() {
        events.putRule(b -> b.name("r").scheduleExpression("rate(1 hour)"));
        PutTargetsResponse put = events.putTargets(b -> b.rule("r").targets(ecsTarget("good", "web"),
                Target.builder().id("no-params").arn(stagingArn).roleArn(ROLE).build(),
                Target.builder().id("no-role").arn(stagingArn).ecsParameters(p -> p.taskDefinitionArn("web")).build()));
        assertEquals(2, put.failedEntryCount());
        assertEquals(List.of("no-params", "no-role"), put.failedEntries().stream().map(e -> e.targetId()).toList());
        assertEquals("ValidationException", put.failedEntries().get(0).errorCode());
        assertTrue(put.failedEntries().get(0).errorMessage().contains("EcsParameters"), put.failedEntries().get(0).errorMessage());
        assertEquals(List.of("good"), events.listTargetsByRule(b -> b.rule("r")).targets().stream().map(Target::id).toList());
    }

    @Test
    void errorsAreEventBridgesOnTheWire() {
        sim.call(EVENTS, "DescribeRule", "{\"Name\": \"nope\"}").assertRefused(400, "ResourceNotFoundException",
                "Rule nope does not exist on EventBus default.");
        sim.call(EVENTS, "PutRule", "{\"ScheduleExpression\": \"rate(5 minutes)\"}").assertRefused(400, "ValidationException",
                "Value null at 'Name'");
        sim.call(EVENTS, "PutRule", "{\"Name\": \"r\", \"ScheduleExpression\": \"rate(1 minutes)\"}").assertRefused(400,
                "ValidationException", "Parameter ScheduleExpression is not valid.");
        sim.call(EVENTS, "PutRule", "{\"Name\": \"r\", \"ScheduleExpression\": \"cron(0 10 * * * *)\"}").assertRefused(400,
                "ValidationException", "Parameter ScheduleExpression is not valid.");
        sim.call(EVENTS, "PutRule", "{\"Name\": \"r\"}").assertRefused(400, "ValidationException",
                "EventPattern or ScheduleExpression must be specified");
        sim.call(EVENTS, "PutRule", "{\"Name\": \"r\", \"EventPattern\": \"not json\"}").assertRefused(400, "InvalidEventPatternException",
                "Event pattern is not valid.");
        sim.call(EVENTS, "PutRule", "{\"Name\": \"bad name!\", \"ScheduleExpression\": \"rate(5 minutes)\"}").assertRefused(400,
                "ValidationException", "regular expression pattern");
        sim.call(EVENTS, "PutRule", "{\"Name\": \"r\", \"ScheduleExpression\": \"rate(5 minutes)\", \"State\": \"ON\"}").assertRefused(400,
                "ValidationException", "enum value set");
        sim.call(EVENTS, "ListRules", "{\"EventBusName\": \"orders\"}").assertRefused(400, "ResourceNotFoundException",
                "Event bus orders does not exist.");
        sim.call(EVENTS, "ListRules", "{\"Limit\": \"5\"}").assertRefused(400, "SerializationException", "Limit");

        sim.ok(EVENTS, "PutRule", "{\"Name\": \"r\", \"ScheduleExpression\": \"rate(5 minutes)\"}");
        String target = "{\"Id\": \"t%d\", \"Arn\": \"" + stagingArn + "\", \"RoleArn\": \"" + ROLE + "\", \"EcsParameters\": "
                + "{\"TaskDefinitionArn\": \"web\"}}";
        sim.ok(EVENTS, "PutTargets", "{\"Rule\": \"r\", \"Targets\": [" + String.format(target, 1) + "]}");
        sim.call(EVENTS, "DeleteRule", "{\"Name\": \"r\"}").assertRefused(400, "ValidationException",
                "Rule can't be deleted since it has targets.");
        String five = String.join(",", List.of(2, 3, 4, 5, 6).stream().map(i -> String.format(target, i)).toList());
        sim.call(EVENTS, "PutTargets", "{\"Rule\": \"r\", \"Targets\": [" + five + "]}").assertRefused(400, "LimitExceededException",
                "exceeds the maximum number allowed");
        sim.call(EVENTS, "PutTargets", "{\"Rule\": \"nope\", \"Targets\": [" + String.format(target, 1) + "]}").assertRefused(400,
                "ResourceNotFoundException", "Rule nope does not exist");
        sim.call(EVENTS, "ListTargetsByRule", "{}").assertRefused(400, "ValidationException", "Value null at 'Rule'");

        sim.ok(EVENTS, "RemoveTargets", "{\"Rule\": \"r\", \"Ids\": [\"t1\"]}");
        JsonNode deleted = sim.ok(EVENTS, "DeleteRule", "{\"Name\": \"r\"}");
        assertEquals(0, deleted.size());
        assertEquals(0, sim.ok(EVENTS, "DeleteRule", "{\"Name\": \"r\"}").size(), "deleting a rule twice succeeds, as documented");
        assertFalse(sim.ok(EVENTS, "ListRules", "{}").get("Rules").elements().hasNext());
    }
}
