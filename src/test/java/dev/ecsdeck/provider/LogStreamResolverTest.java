package dev.ecsdeck.provider;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.LogStreamRef;
import dev.ecsdeck.model.RunTaskRequest;
import dev.ecsdeck.provider.sim.SimProvider;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.taskdef.LogRoute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Where containers' logs are, over real task definitions: the rule of each log driver on its own,
 * then end to end on the simulator (which writes FireLens-routed logs where Fluent Bit would).
 */
class LogStreamResolverTest {
    private static final Path FIXTURES = Path.of("..", "shared", "fixtures", "task-definitions");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LogRoute.TaskContext TASK = new LogRoute.TaskContext("0123456789abcdef0123456789abcdef",
            "arn:aws:ecs:us-east-1:123456789012:task/prod-batch/0123456789abcdef0123456789abcdef", "prod-batch");

    private final DemoSim sim = new DemoSim();
    private final ManualClock clock = sim.clock;
    private final SimProvider provider = sim.provider;

    @AfterEach
    void close() {
        provider.close();
    }

    private static JsonNode fixture(String path) throws IOException {
        // The public sample corpus lies beside the project in CI, not in a user's clone: skipped, with why, without it.
        Assumptions.assumeTrue(Files.isRegularFile(FIXTURES.resolve(path)), () -> "skipped: the sample task definitions are not beside the project");
        return JSON.readTree(Files.readString(FIXTURES.resolve(path)));
    }

    private static LogRoute route(String path, String container) throws IOException {
        for (JsonNode c : fixture(path).path("containerDefinitions")) {
            if (container.equals(c.path("name").asText())) {
                return LogRoute.of(c, TASK);
            }
        }
        throw new AssertionError("no container " + container + " in " + path);
    }

    @Test
    void awslogsWithAPrefixIsPrefixContainerTask() throws IOException {
        LogRoute r = route("aws-containers-task-definitions/nginx/nginx_ec2.json", "nginx");
        JsonNode options = fixture("aws-containers-task-definitions/nginx/nginx_ec2.json").path("containerDefinitions").get(0)
                .path("logConfiguration").path("options");
        assertEquals(new LogRoute.Stream(options.path("awslogs-group").asText(),
                options.path("awslogs-stream-prefix").asText() + "/nginx/" + TASK.taskId()), r);
    }

    @Test
    void awslogsWithoutAPrefixSaysTheStreamIsNamedByContainerIdAndOffersTheGroup() throws IOException {
        LogRoute.NotInCloudWatch r = assertInstanceOf(LogRoute.NotInCloudWatch.class,
                route("aws-containers-task-definitions/kibana/kibana_ec2.json", "kibana"));
        assertThat(r.reason(), containsString("without awslogs-stream-prefix"));
        assertThat(r.reason(), containsString("Docker container id"));
        assertThat(r.reason(), containsString("choose the stream by hand"));
        assertEquals(fixture("aws-containers-task-definitions/kibana/kibana_ec2.json").path("containerDefinitions").get(0)
                .path("logConfiguration").path("options").path("awslogs-group").asText(), r.group());
    }

    @Test
    void fireLensToTheCloudwatchGoPluginExpandsItsTemplates() throws IOException {
        assertEquals(new LogRoute.Stream("/aws/ecs/containerinsights/prod-batch/application", TASK.taskId()),
                route("amazon-ecs-firelens-examples/fluent-bit/cloudwatchlogs/task-definition-cloudwatch.json", "app"));
        // The log router itself logs through awslogs.
        assertEquals(new LogRoute.Stream("firelens-container", "firelens/log_router/" + TASK.taskId()),
                route("amazon-ecs-firelens-examples/fluent-bit/cloudwatchlogs/task-definition-cloudwatch.json", "log_router"));
    }

    @Test
    void fireLensToCloudwatchLogsWithAFixedStreamName() throws IOException {
        assertEquals(new LogRoute.Stream("/aws/ecs/containerinsights/application", "stdout-stderr-"),
                route("amazon-ecs-firelens-examples/fluent-bit/cloudwatchlogs/task-definition-cloudwatch_logs.json", "app"));
    }

    @Test
    void fireLensWithAStreamPrefixAppendsTheFireLensTag() throws IOException {
        assertEquals(new LogRoute.Stream("multiline-test/application", "multiline-app-firelens-" + TASK.taskId()),
                route("amazon-ecs-firelens-examples/fluent-bit/filter-multiline/task-definition.json", "app"));
    }

    @Test
    void fireLensWithTheInitProcessVariables() throws IOException {
        assertEquals(new LogRoute.Stream("prod-batch/application", TASK.taskId()),
                route("amazon-ecs-firelens-examples/fluent-bit/init-metadata/task-definition.json", "app"));
    }

    @Test
    void fluentdToCloudwatchLogs() throws IOException {
        assertEquals(new LogRoute.Stream("my-log-group", "my-log-stream"),
                route("amazon-ecs-firelens-examples/fluentd/multiline-logs/task-definition.json", "app"));
    }

    @Test
    void fireLensToOtherOutputsIsNotInCloudWatch() throws IOException {
        for (String[] c : new String[][] {{"fluent-bit/datadog/task-definition.json", "app", "datadog"},
            {"fluent-bit/kinesis-firehose/task-definition.json", "app", "firehose"},
            {"fluent-bit/s3/task-definition.json", "app", "s3"},
            {"fluent-bit/newrelic/example-task-definition.json", "webserver", "newrelic"}}) {
            LogRoute.NotInCloudWatch r = assertInstanceOf(LogRoute.NotInCloudWatch.class,
                    route("amazon-ecs-firelens-examples/" + c[0], c[1]), c[0]);
            assertThat(r.reason(), containsString("routed by FireLens to '" + c[2] + "', not to CloudWatch Logs"));
            assertNull(r.group());
        }
        LogRoute.NotInCloudWatch file = assertInstanceOf(LogRoute.NotInCloudWatch.class,
                route("amazon-ecs-firelens-examples/splitting-log-streams/fluent-bit/task_definition.json", "app"));
        assertThat(file.reason(), containsString("configuration file"));
    }

    @Test
    void noLogDriverIsNotInCloudWatch() throws IOException {
        LogRoute.NotInCloudWatch r = assertInstanceOf(LogRoute.NotInCloudWatch.class,
                route("amazon-ecs-firelens-examples/fluent-bit/datadog/task-definition.json", "log_router"));
        assertThat(r.reason(), containsString("no log driver"));
    }

    @Test
    void aStreamNamedFromRecordFieldsFallsBackToItsLiteralStart() throws IOException {
        ObjectNode c = (ObjectNode) fixture("amazon-ecs-firelens-examples/fluent-bit/cloudwatchlogs/task-definition-cloudwatch.json")
                .path("containerDefinitions").get(1);
        ((ObjectNode) c.path("logConfiguration").path("options")).put("log_stream_name", "web-$(ecs_task_id)-$(container_id)");
        LogRoute.StreamPrefix r = assertInstanceOf(LogRoute.StreamPrefix.class, LogRoute.of(c, TASK));
        assertEquals("/aws/ecs/containerinsights/prod-batch/application", r.group());
        assertEquals("web-" + TASK.taskId() + "-", r.prefix());
    }

    // ---- end to end on the simulator ----

    /** Registers a fixture (optionally changed) and runs one task of it on the demo's EC2 cluster until it runs. */
    private EcsTask run(JsonNode request) {
        String family = provider.registerTaskDefinition(request.toString()).familyRevision();
        EcsTask task = provider.runTask(new RunTaskRequest("prod-batch", family, 1, "EC2", null, null, null, "test", null)).get(0);
        clock.advance(Duration.ofSeconds(60));
        EcsTask running = provider.describeTasks("prod-batch", List.of(task.taskArn())).get(0);
        assertEquals("RUNNING", running.lastStatus());
        return running;
    }

    private List<LogEvent> events(LogStreamRef ref) {
        return provider.filterLogEvents(new LogQuery(ref.logGroupName(), List.of(ref.logStreamName()), null, null, null, null)).events();
    }

    @Test
    void followsAFireLensContainerEndToEndOnTheSimulator() throws IOException {
        EcsTask task = run(fixture("amazon-ecs-firelens-examples/fluent-bit/cloudwatchlogs/task-definition-cloudwatch.json"));
        LogStreamResolver.Resolved r = new LogStreamResolver(provider).forTasks(List.of(task), null);
        assertEquals(List.of(new LogStreamRef("firelens-container", "firelens/log_router/" + task.taskId(), task.taskId(), "log_router"),
                new LogStreamRef("/aws/ecs/containerinsights/prod-batch/application", task.taskId(), task.taskId(), "app")), r.streams());
        assertTrue(r.notInCloudWatch().isEmpty(), r.notInCloudWatch().toString());
        for (LogStreamRef ref : r.streams()) {
            assertFalse(events(ref).isEmpty(), "the simulator wrote lines to " + ref);
        }
    }

    @Test
    void followsAStreamPrefixToTheNewestMatchingStreams() throws IOException {
        ObjectNode request = (ObjectNode) fixture("amazon-ecs-firelens-examples/fluent-bit/cloudwatchlogs/task-definition-cloudwatch.json");
        ((ObjectNode) request.path("containerDefinitions").get(1).path("logConfiguration").path("options"))
                .put("log_stream_name", "web-$(container_id)");
        EcsTask task = run(request);
        LogStreamResolver.Resolved r = new LogStreamResolver(provider).forTasks(List.of(task), "app");
        assertEquals(List.of(new LogStreamRef("/aws/ecs/containerinsights/prod-batch/application", "web-app-firelens-" + task.taskId(),
                task.taskId(), "app")), r.streams());
        assertEquals(1, r.byPrefix().size());
        assertThat(r.byPrefix().get(0), containsString("starting with 'web-'"));
        assertEquals(List.of("/aws/ecs/containerinsights/prod-batch/application"), r.handPickGroups());
        assertFalse(events(r.streams().get(0)).isEmpty());
    }

    @Test
    void saysWhyAContainerIsNotFollowed() throws IOException {
        EcsTask task = run(fixture("amazon-ecs-firelens-examples/fluent-bit/datadog/task-definition.json"));
        LogStreamResolver.Resolved r = new LogStreamResolver(provider).forTasks(List.of(task), null);
        assertTrue(r.streams().isEmpty());
        assertEquals(2, r.notInCloudWatch().size());
        assertThat(r.notInCloudWatch().get(0), containsString("log_router (task " + task.taskId().substring(0, 8) + ") has no log driver"));
        assertThat(r.notInCloudWatch().get(1), containsString("app (task " + task.taskId().substring(0, 8)
                + ") is routed by FireLens to 'datadog', not to CloudWatch Logs"));
    }

    @Test
    void aServiceGivesTheStreamsOfItsStartedTasks() {
        LogStreamResolver.Resolved r = new LogStreamResolver(provider).forService("prod-web", "web");
        assertEquals(8, r.streams().size(), "two containers of each of four tasks");
        assertEquals(4, r.streams().stream().map(LogStreamRef::taskId).distinct().count());
    }
}
