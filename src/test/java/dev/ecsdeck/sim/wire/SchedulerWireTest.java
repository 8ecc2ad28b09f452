package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.LaunchType;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.scheduler.model.ValidationException;

/**
 * EventBridge Scheduler on REST-JSON through the real SDK v2 SchedulerClient, and raw HTTP for its
 * errors (status, {@code x-amzn-ErrorType}, {@code Message}); schedules with ECS targets run tasks on
 * the simulator's clock, started by {@code chronos-schedule/<schedule name>}.
 */
class SchedulerWireTest {
    private static final String ROLE = "arn:aws:iam::000000000000:role/schedulerRole";

    private WireFixture sim;
    private SchedulerClient scheduler;
    private EcsClient ecs;
    private String stagingArn;

    @BeforeEach
    void start() throws IOException {
        sim = new WireFixture();
        scheduler = SdkClients.against(sim.endpoint(), SchedulerClient.builder());
        ecs = SdkClients.against(sim.endpoint(), EcsClient.builder());
        stagingArn = ecs.describeClusters(b -> b.clusters("staging")).clusters().get(0).clusterArn();
    }

    @AfterEach
    void close() {
        scheduler.close();
        ecs.close();
        sim.close();
    }

    private Target ecsTarget(String taskDefinition) {
        return Target.builder().arn(stagingArn).roleArn(ROLE).ecsParameters(p -> p.taskDefinitionArn(taskDefinition).taskCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0aa")
                        .securityGroups("sg-0cc")))).build();
    }

    private List<String> tasksStartedBy(String startedBy) {
        return ecs.listTasks(b -> b.cluster("staging").startedBy(startedBy)).taskArns();
    }

    @Test
    void schedulesRoundTripThroughTheSdk() {
        Instant start = sim.engine.now().plus(Duration.ofDays(1));
        String arn = scheduler.createSchedule(b -> b.name("nightly").scheduleExpression("cron(0 2 * * ? *)")
                .scheduleExpressionTimezone("Europe/Paris").startDate(start).description("Nightly export")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF)).target(ecsTarget("web"))).scheduleArn();
        assertEquals("arn:aws:scheduler:us-east-1:000000000000:schedule/default/nightly", arn);

        GetScheduleResponse got = scheduler.getSchedule(b -> b.name("nightly"));
        assertEquals(arn, got.arn());
        assertEquals("default", got.groupName());
        assertEquals("cron(0 2 * * ? *)", got.scheduleExpression());
        assertEquals("Europe/Paris", got.scheduleExpressionTimezone());
        assertEquals(start, got.startDate());
        assertEquals(ScheduleState.ENABLED, got.state());
        assertEquals(ActionAfterCompletion.NONE, got.actionAfterCompletion());
        assertEquals(FlexibleTimeWindowMode.OFF, got.flexibleTimeWindow().mode());
        assertEquals(stagingArn, got.target().arn());
        assertEquals(2, got.target().ecsParameters().taskCount());
        assertEquals(List.of("subnet-0aa"), got.target().ecsParameters().networkConfiguration().awsvpcConfiguration().subnets());
        assertEquals(sim.engine.now(), got.creationDate());

        scheduler.createSchedule(b -> b.name("hourly").scheduleExpression("rate(1 hour)").state(ScheduleState.DISABLED)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.FLEXIBLE).maximumWindowInMinutes(15)).target(ecsTarget("web")));
        List<ScheduleSummary> all = scheduler.listSchedules(b -> b.maxResults(10)).schedules();
        assertEquals(List.of("hourly", "nightly"), all.stream().map(ScheduleSummary::name).toList());
        assertEquals(stagingArn, all.get(0).target().arn());
        assertEquals(List.of("nightly"), scheduler.listSchedules(b -> b.state(ScheduleState.ENABLED)).schedules().stream()
                .map(ScheduleSummary::name).toList());
        assertEquals(List.of("hourly"), scheduler.listSchedules(b -> b.namePrefix("hou")).schedules().stream().map(ScheduleSummary::name).toList());
        var page = scheduler.listSchedules(b -> b.maxResults(1));
        assertEquals(List.of("hourly"), page.schedules().stream().map(ScheduleSummary::name).toList());
        assertEquals(List.of("nightly"), scheduler.listSchedules(b -> b.maxResults(1).nextToken(page.nextToken())).schedules().stream()
                .map(ScheduleSummary::name).toList());

        scheduler.updateSchedule(b -> b.name("nightly").scheduleExpression("rate(30 minutes)").state(ScheduleState.DISABLED)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF)).target(ecsTarget("web")));
        GetScheduleResponse updated = scheduler.getSchedule(b -> b.name("nightly").groupName("default"));
        assertEquals("rate(30 minutes)", updated.scheduleExpression());
        assertEquals(ScheduleState.DISABLED, updated.state());
        assertNull(updated.startDate(), "UpdateSchedule replaces what it is not sent");

        assertThrows(ConflictException.class, () -> scheduler.createSchedule(b -> b.name("hourly").scheduleExpression("rate(1 hour)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF)).target(ecsTarget("web"))));
        scheduler.deleteSchedule(b -> b.name("hourly"));
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class, () -> scheduler.getSchedule(b -> b.name("hourly")));
        assertEquals("Schedule hourly does not exist.", gone.awsErrorDetails().errorMessage());
        assertEquals(404, gone.statusCode());
        ValidationException bad = assertThrows(ValidationException.class, () -> scheduler.createSchedule(b -> b.name("bad")
                .scheduleExpression("rate(5 minute)").flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF)).target(ecsTarget("web"))));
        assertTrue(bad.awsErrorDetails().errorMessage().contains("Invalid Schedule Expression"), bad.awsErrorDetails().errorMessage());
    }

    @Test
    void aRateScheduleRunsItsEcsTargetOnTheClock() {
        scheduler.createSchedule(b -> b.name("every-10").scheduleExpression("rate(10 minutes)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF)).target(ecsTarget("web")));
        sim.clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertEquals(List.of(), tasksStartedBy("chronos-schedule/every-10"));
        sim.clock.advance(Duration.ofSeconds(1));
        assertEquals(2, tasksStartedBy("chronos-schedule/every-10").size(), "TaskCount 2");
        sim.clock.advance(Duration.ofMinutes(10));
        assertEquals(4, tasksStartedBy("chronos-schedule/every-10").size());
    }

    @Test
    void aOneTimeScheduleFiresOnceAndIsDeletedWhenAskedTo() {
        Instant now = sim.engine.now();
        String at = java.time.LocalDateTime.ofInstant(now.plus(Duration.ofMinutes(3)), java.time.ZoneOffset.UTC).withNano(0).toString();
        scheduler.createSchedule(b -> b.name("once").scheduleExpression("at(" + (at.length() == 16 ? at + ":00" : at) + ")")
                .actionAfterCompletion(ActionAfterCompletion.DELETE).flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(ecsTarget("web")));
        sim.clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of(), tasksStartedBy("chronos-schedule/once"));
        sim.clock.advance(Duration.ofMinutes(2));
        assertEquals(2, tasksStartedBy("chronos-schedule/once").size());
        assertThrows(ResourceNotFoundException.class, () -> scheduler.getSchedule(b -> b.name("once")));
        sim.clock.advance(Duration.ofHours(1));
        assertEquals(2, tasksStartedBy("chronos-schedule/once").size());
    }

    /** A REST-JSON answer: status, body, and the error type header (null on success). */
    private record RestReply(int status, JsonNode body, String raw, String contentType, String errorType) {}

    private RestReply rest(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.server.port() + path))
                .header("Content-Type", "application/json");
        HttpResponse<String> r = sim.http.send(body == null ? b.method(method, HttpRequest.BodyPublishers.noBody()).build()
                : b.method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new RestReply(r.statusCode(), WireFixture.JSON.readTree(r.body()), r.body(), r.headers().firstValue("Content-Type").orElse(null),
                r.headers().firstValue("x-amzn-ErrorType").orElse(null));
    }

    private static void assertError(RestReply r, int status, String type, String messagePart) {
        assertEquals(status, r.status(), r.raw());
        assertEquals(type, r.errorType(), r.raw());
        assertTrue(r.body().path("Message").asText().contains(messagePart), r.raw());
        assertEquals("application/json", r.contentType());
    }

    @Test
    void errorsAreSchedulersOnTheWire() throws Exception {
        String target = "\"Target\": {\"Arn\": \"" + stagingArn + "\", \"RoleArn\": \"" + ROLE + "\", \"EcsParameters\": "
                + "{\"TaskDefinitionArn\": \"web\"}}";
        String window = "\"FlexibleTimeWindow\": {\"Mode\": \"OFF\"}";
        assertError(rest("GET", "/schedules/nope", null), 404, "ResourceNotFoundException", "Schedule nope does not exist.");

        assertError(rest("POST", "/schedules/s", "{\"ScheduleExpression\": \"rate(5 minutes)\", " + target + "}"), 400,
                "ValidationException", "Value null at 'FlexibleTimeWindow'");
        assertError(rest("POST", "/schedules/s", "{\"ScheduleExpression\": \"cron(0 10 * * ? *)\", " + window
                + ", \"ScheduleExpressionTimezone\": \"Mars/Olympus\", " + target + "}"), 400, "ValidationException", "Invalid ScheduleExpressionTimezone");
        assertError(rest("POST", "/schedules/s", "{\"ScheduleExpression\": \"rate(5 minutes)\", "
                + "\"FlexibleTimeWindow\": {\"Mode\": \"FLEXIBLE\"}, " + target + "}"), 400, "ValidationException", "MaximumWindowInMinutes");
        assertError(rest("POST", "/schedules/s", "{\"ScheduleExpression\": \"rate(5 minutes)\", " + window + ", \"GroupName\": \"ops\", "
                + target + "}"), 404, "ResourceNotFoundException", "Schedule group ops does not exist.");
        assertError(rest("POST", "/schedules/s", "{\"ScheduleExpression\": \"rate(5 minutes)\", " + window + ", \"Target\": {\"Arn\": \""
                + stagingArn + "\", \"RoleArn\": \"" + ROLE + "\"}}"), 400, "ValidationException", "EcsParameters");

        RestReply created = rest("POST", "/schedules/s", "{\"ScheduleExpression\": \"rate(5 minutes)\", " + window + ", " + target + "}");
        assertEquals(200, created.status(), created.raw());
        assertEquals("arn:aws:scheduler:us-east-1:000000000000:schedule/default/s", created.body().get("ScheduleArn").asText());
        assertError(rest("POST", "/schedules/s", "{\"ScheduleExpression\": \"rate(5 minutes)\", " + window + ", " + target + "}"), 409,
                "ConflictException", "Schedule s already exists.");
        assertError(rest("GET", "/schedules?MaxResults=0", null), 400, "ValidationException", "MaxResults");
        assertEquals(1, rest("GET", "/schedules?ScheduleGroup=default&NamePrefix=s", null).body().get("Schedules").size());
        assertError(rest("GET", "/schedules?State=ON", null), 400, "ValidationException", "enum value set");
        assertEquals(200, rest("DELETE", "/schedules/s?groupName=default", null).status());
        RestReply malformed = rest("POST", "/schedules/m", "{not json");
        assertEquals(400, malformed.status(), malformed.raw());
        assertEquals("SerializationException", malformed.errorType());
        RestReply elsewhere = rest("PATCH", "/schedules/s", "{}");
        assertEquals(404, elsewhere.status(), "no operation has this method and path: " + elsewhere.raw());
        assertError(rest("DELETE", "/schedules/s", null), 404, "ResourceNotFoundException", "Schedule s does not exist.");
    }
}
