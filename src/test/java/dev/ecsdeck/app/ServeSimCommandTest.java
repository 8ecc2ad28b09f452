package dev.ecsdeck.app;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** serve-sim in process on a free port: the one printed line, serving, the state file, fault options. */
class ServeSimCommandTest {
    private static final Pattern LISTENING = Pattern.compile(
            "serve-sim listening on http://127\\.0\\.0\\.1:(\\d+) \\(scenario (\\S+), speed (\\S+)\\)\\R?");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<ServeSimCommand.Serving> running = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        running.forEach(ServeSimCommand.Serving::close);
    }

    /** The command as the launcher parses it, started; the printed line. */
    private String serve(String... args) throws IOException {
        CommandLine.ParseResult parsed = new CommandLine(new AppOptions()).parseArgs(args);
        assertTrue(parsed.hasSubcommand());
        ServeSimCommand command = (ServeSimCommand) parsed.subcommand().commandSpec().userObject();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        running.add(command.start(new PrintStream(out, true, StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int port(String line) {
        Matcher m = LISTENING.matcher(line);
        assertTrue(m.matches(), "one line: " + line);
        return Integer.parseInt(m.group(1));
    }

    private HttpResponse<String> call(int port, String target, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void helpListsServeSimAndItsOptions() {
        assertThat(new CommandLine(new AppOptions()).getUsageMessage(), containsString("serve-sim"));
        String help = new CommandLine(new AppOptions()).getSubcommands().get("serve-sim").getUsageMessage();
        for (String option : List.of("--port", "--scenario", "--sim-state", "--speed", "--throttle-rate", "--latency-ms")) {
            assertThat(help, containsString(option));
        }
    }

    @Test
    void servesOnAFreePortAndSavesEveryChange() throws Exception {
        Path state = dir.resolve("state.json");
        String line = serve("serve-sim", "--port", "0", "--sim-state", state.toString(), "--speed", "2.5");
        int port = port(line);
        assertThat(line, containsString("(scenario demo, speed 2.5)"));

        HttpResponse<String> clusters = call(port, "AmazonEC2ContainerServiceV20141113.ListClusters", "{}");
        assertEquals(200, clusters.statusCode());
        assertEquals(3, json(clusters).get("clusterArns").size());
        HttpResponse<String> created = call(port, "AmazonEC2ContainerServiceV20141113.CreateCluster", "{\"clusterName\": \"kept\"}");
        assertEquals(200, created.statusCode());
        assertThat(Files.readString(state), containsString("kept"));
        running.remove(0).close();

        int again = port(serve("serve-sim", "--port", "0", "--sim-state", state.toString()));
        assertEquals(4, json(call(again, "AmazonEC2ContainerServiceV20141113.ListClusters", "{}")).get("clusterArns").size(),
                "the saved simulation resumes");
        running.remove(0).close();

        int fresh = port(serve("serve-sim", "--port", "0", "--sim-state", state.toString(), "--reset-sim"));
        assertEquals(3, json(call(fresh, "AmazonEC2ContainerServiceV20141113.ListClusters", "{}")).get("clusterArns").size());
    }

    @Test
    void throttleRateAnswersRateExceeded() throws Exception {
        int port = port(serve("serve-sim", "--port", "0", "--throttle-rate", "0.001"));
        assertEquals(200, call(port, "Logs_20140328.DescribeLogGroups", "{}").statusCode(), "a burst of one");
        HttpResponse<String> throttled = call(port, "Logs_20140328.DescribeLogGroups", "{}");
        assertEquals(400, throttled.statusCode());
        assertEquals("ThrottlingException", json(throttled).get("__type").asText());
        assertEquals("Rate exceeded", json(throttled).get("message").asText());
    }

    @Test
    void refusesASpeedThatIsNotPositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> serve("serve-sim", "--port", "0", "--speed", "0"));
        assertThat(e.getMessage(), containsString("--speed"));
    }
}
