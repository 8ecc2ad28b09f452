package dev.ecsdeck.app;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.sim.wire.SdkClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/** serve-sim for test suites and teams: --account-id in every ARN, one endpoint for several regions, the reset endpoint. */
class ServeSimRegionsTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<ServeSimCommand.Serving> running = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();
    /** The wall clock serve-sim follows: it moves only when a test moves it. */
    private final MovableClock wall = new MovableClock(Instant.parse("2026-12-06T10:00:00Z"));

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : clients) {
            c.close();
        }
        running.forEach(ServeSimCommand.Serving::close);
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private URI serve(String... args) throws IOException {
        CommandLine.ParseResult parsed = new CommandLine(new AppOptions()).parseArgs(args);
        ServeSimCommand command = (ServeSimCommand) parsed.subcommand().commandSpec().userObject();
        command.wall = wall;
        ServeSimCommand.Serving serving = command.start(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        running.add(serving);
        return URI.create("http://127.0.0.1:" + serving.port() + "/");
    }

    private EcsClient ecs(URI endpoint, Region region) {
        EcsClient c = SdkClients.against(endpoint, EcsClient.builder(), region);
        clients.add(c);
        return c;
    }

    private HttpResponse<String> post(URI endpoint, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(endpoint.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyArnNamesTheAccountAndRegionGiven() throws Exception {
        URI endpoint = serve("serve-sim", "--port", "0", "--account-id", "123456789012", "--region", "eu-central-1");
        EcsClient ecs = ecs(endpoint, Region.EU_CENTRAL_1);
        List<String> clusters = ecs.listClusters().clusterArns();
        assertFalse(clusters.isEmpty());
        clusters.forEach(arn -> assertTrue(arn.startsWith("arn:aws:ecs:eu-central-1:123456789012:cluster/"), arn));
        String cluster = clusters.get(0);
        String serviceArn = ecs.listServices(r -> r.cluster(cluster)).serviceArns().get(0);
        var service = ecs.describeServices(r -> r.cluster(cluster).services(serviceArn)).services().get(0);
        assertThat(service.serviceArn(), containsString(":eu-central-1:123456789012:service/"));
        assertEquals("arn:aws:iam::123456789012:user/ecs-deck-sim", service.createdBy());
        var td = ecs.describeTaskDefinition(r -> r.taskDefinition(service.taskDefinition())).taskDefinition();
        assertThat(td.taskDefinitionArn(), containsString(":eu-central-1:123456789012:task-definition/"));
        // The scenario's own role ARNs name the account too.
        assertEquals("arn:aws:iam::123456789012:role/ecsTaskExecutionRole", td.executionRoleArn());
        String taskArn = ecs.listTasks(r -> r.cluster(cluster)).taskArns().get(0);
        assertThat(taskArn, containsString(":eu-central-1:123456789012:task/"));

        CloudWatchLogsClient logs = SdkClients.against(endpoint, CloudWatchLogsClient.builder(), Region.EU_CENTRAL_1);
        clients.add(logs);
        logs.describeLogGroups().logGroups().forEach(g -> assertThat(g.arn(), containsString(":eu-central-1:123456789012:log-group:")));
        ElasticLoadBalancingV2Client elb = SdkClients.against(endpoint, ElasticLoadBalancingV2Client.builder(), Region.EU_CENTRAL_1);
        clients.add(elb);
        var balancers = elb.describeLoadBalancers().loadBalancers();
        assertFalse(balancers.isEmpty());
        balancers.forEach(b -> assertThat(b.loadBalancerArn(), containsString(":eu-central-1:123456789012:loadbalancer/")));
        ApplicationAutoScalingClient scaling = SdkClients.against(endpoint, ApplicationAutoScalingClient.builder(), Region.EU_CENTRAL_1);
        clients.add(scaling);
        var policies = scaling.describeScalingPolicies(r -> r.serviceNamespace("ecs")).scalingPolicies();
        assertFalse(policies.isEmpty());
        policies.forEach(p -> assertThat(p.policyARN(), containsString(":eu-central-1:123456789012:scalingPolicy:")));
    }

    @Test
    void refusesAnAccountIdThatIsNotTwelveDigits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> serve("serve-sim", "--port", "0", "--account-id", "12345"));
        assertThat(e.getMessage(), containsString("--account-id must be 12 digits"));
    }

    @Test
    void twoRegionsHoldDifferentClustersThroughOneEndpoint() throws Exception {
        URI endpoint = serve("serve-sim", "--port", "0");
        EcsClient home = ecs(endpoint, Region.US_EAST_1);
        EcsClient ireland = ecs(endpoint, Region.EU_WEST_1);
        List<String> demo = home.listClusters().clusterArns();
        assertFalse(demo.isEmpty());
        // A region the scenario is not in starts empty, as a new AWS region does.
        assertEquals(List.of(), ireland.listClusters().clusterArns());
        Cluster made = ireland.createCluster(r -> r.clusterName("dublin")).cluster();
        assertEquals("arn:aws:ecs:eu-west-1:000000000000:cluster/dublin", made.clusterArn());
        assertEquals(List.of(made.clusterArn()), ireland.listClusters().clusterArns());
        assertEquals(demo, home.listClusters().clusterArns(), "the default region does not see eu-west-1's cluster");
        assertTrue(home.describeClusters(r -> r.clusters("dublin")).clusters().isEmpty());
        // Logs route by region too: eu-west-1 has no log group of the demo's.
        CloudWatchLogsClient irishLogs = SdkClients.against(endpoint, CloudWatchLogsClient.builder(), Region.EU_WEST_1);
        clients.add(irishLogs);
        assertEquals(List.of(), irishLogs.describeLogGroups().logGroups());
        CloudWatchLogsClient homeLogs = SdkClients.against(endpoint, CloudWatchLogsClient.builder(), Region.US_EAST_1);
        clients.add(homeLogs);
        assertFalse(homeLogs.describeLogGroups().logGroups().isEmpty(), "the demo's log groups are in us-east-1");
        ElasticLoadBalancingV2Client irishElb = SdkClients.against(endpoint, ElasticLoadBalancingV2Client.builder(), Region.EU_WEST_1);
        clients.add(irishElb);
        assertEquals(List.of(), irishElb.describeLoadBalancers().loadBalancers());
    }

    @Test
    void resetReturnsTheSimulationToTheScenarioStart() throws Exception {
        URI endpoint = serve("serve-sim", "--port", "0", "--sim-state", dir.resolve("state.json").toString());
        EcsClient home = ecs(endpoint, Region.US_EAST_1);
        EcsClient ireland = ecs(endpoint, Region.EU_WEST_1);
        List<String> demo = home.listClusters().clusterArns();
        String cluster = demo.get(0);
        List<String> tasksAtStart = home.listTasks(r -> r.cluster(cluster)).taskArns();
        Instant startedAt = running.get(0).engine().now();
        home.createCluster(r -> r.clusterName("scratch"));
        ireland.createCluster(r -> r.clusterName("dublin"));
        wall.advance(Duration.ofMinutes(30));
        home.listClusters(); // the simulation runs the half hour

        HttpResponse<String> reset = post(endpoint, "/_ecsdeck/reset");
        assertEquals(200, reset.statusCode(), reset.body());
        JsonNode answer = new ObjectMapper().readTree(reset.body());
        assertTrue(answer.path("reset").asBoolean());
        assertEquals(startedAt.toString(), answer.path("simulatedTime").asText(), "the clock restarts at the scenario's start");

        assertEquals(demo, home.listClusters().clusterArns(), "the scenario's clusters, without the one made since");
        assertEquals(tasksAtStart, home.listTasks(r -> r.cluster(cluster)).taskArns(), "same seed: the same tasks");
        assertEquals(List.of(), ireland.listClusters().clusterArns(), "other regions are emptied");
        assertEquals(startedAt, running.get(0).engine().now());
        String saved = Files.readString(dir.resolve("state.json"));
        assertFalse(saved.contains("scratch"), "the state file holds the reset simulation");
    }

    @Test
    void resetIsAPostOnly() throws Exception {
        URI endpoint = serve("serve-sim", "--port", "0");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(endpoint.resolve("/_ecsdeck/reset")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void helpTellsOfTheAccountRegionsAndReset() {
        String help = new CommandLine(new AppOptions()).getSubcommands().get("serve-sim").getUsageMessage();
        assertThat(help, containsString("--account-id"));
        assertThat(help, containsString("--region"));
        assertThat(help, containsString("POST /_ecsdeck/reset"));
        assertThat(help, containsString("credential scope"));
    }
}
