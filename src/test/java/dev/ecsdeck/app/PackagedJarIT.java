package dev.ecsdeck.app;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar itself: --help, the smoke run through the real window, serve-sim. */
class PackagedJarIT {
    @TempDir
    Path config;

    @Test
    void helpPrintsTheOptions() throws Exception {
        PackagedJar.Run run = PackagedJar.run(false, 60, "--help");
        assertEquals(0, run.exitCode(), run.stderr());
        for (String option : new String[] {"--backend", "--profile", "--region", "--endpoint-url", "--scenario", "--read-only", "--smoke"}) {
            assertThat(run.stdout(), containsString(option));
        }
    }

    @Test
    void smokeRunOpensTheWindowTailsLogsAndExitsZero() throws Exception {
        PackagedJar.Run run = PackagedJar.run(true, 150, "--smoke", "--config-dir", config.toString());
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        String smokeLine = run.stdout().lines().filter(l -> l.startsWith("SMOKE ")).findFirst().orElse("");
        assertThat(smokeLine, matchesPattern("SMOKE ok ready_ms=\\d+ total_ms=\\d+"));
    }

    @Test
    void smokeRunFailsWithTheReasonWhenTheBackendCannotOpen() throws Exception {
        Path state = config.resolve("broken-state.json");
        java.nio.file.Files.writeString(state, "{ not json");
        PackagedJar.Run run = PackagedJar.run(true, 150, "--smoke", "--config-dir", config.toString(), "--sim-state", state.toString());
        assertEquals(1, run.exitCode());
        assertThat(run.stdout(), containsString("SMOKE fail reason=backend: The simulator state " + state));
    }

    @Test
    void aBadScenarioIsOneLineOnStderrAndExitTwoBeforeAnyWindow() throws Exception {
        PackagedJar.Run run = PackagedJar.run(false, 60, "--config-dir", config.toString(), "--scenario", "no-such-scenario");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertThat(run.stderr(), containsString("ecsdeck: --scenario no-such-scenario: No scenario named 'no-such-scenario'"));
    }

    /** Starts {@code serve-sim --port 0} from the jar and returns it with the port it printed. */
    private static Process serveSim(String[] port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-jar", PackagedJar.JAR.toString(), "serve-sim", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(line, matchesPattern("serve-sim listening on http://127\\.0\\.0\\.1:\\d+ \\(scenario demo, speed 1\\)"));
        port[0] = line.replaceAll(".*:(\\d+) .*", "$1");
        return p;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    @Test
    void serveSimPrintsItsPortAndAnswersTheAwsProtocol() throws Exception {
        String[] port = new String[1];
        Process p = serveSim(port);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port[0] + "/"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertThat(r.body(), containsString("cluster/prod-web"));
        } finally {
            stop(p);
        }
    }

    @Test
    void theAppOnTheAwsBackendWorksAgainstServeSim() throws Exception {
        String[] port = new String[1];
        Process server = serveSim(port);
        try {
            PackagedJar.Run run = PackagedJar.run(true, 150, "--smoke", "--config-dir", config.toString(), "--backend", "aws",
                    "--endpoint-url", "http://127.0.0.1:" + port[0], "--region", "us-east-1");
            assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
            assertThat(run.stdout(), matchesPattern("(?s).*SMOKE ok ready_ms=\\d+ total_ms=\\d+.*"));
        } finally {
            stop(server);
        }
    }
}
