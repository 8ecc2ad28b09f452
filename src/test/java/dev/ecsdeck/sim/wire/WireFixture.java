package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.autoscaling.ScalingOperations;
import dev.ecsdeck.sim.wire.ecs.EcsOperations;
import dev.ecsdeck.sim.wire.logs.LogsOperations;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo scenario on a {@link ManualClock}, served by a {@link WireServer} on a free port, and an
 * HTTP client that calls it as the SDKs do. Faults run on a nanosecond counter that only tests move.
 */
final class WireFixture implements AutoCloseable {
    static final String ECS = EcsOperations.TARGET_PREFIX;
    static final String LOGS = LogsOperations.TARGET_PREFIX;
    static final String SCALING = ScalingOperations.TARGET_PREFIX;
    static final ObjectMapper JSON = new ObjectMapper();

    final ManualClock clock = DemoSim.startClock();
    final SimEngine engine;
    final AtomicLong nanos = new AtomicLong();
    final ApiFaults faults = new ApiFaults(nanos::get, 1);
    final WireServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    /** A response: status, body as JSON (empty for XML), the raw body and the headers that matter. */
    record Reply(int status, JsonNode body, String raw, String contentType, String contentLength) {
        String errorType() {
            return body.path("__type").asText(null);
        }

        /** The reply is the service's error: this status, this error type, a message that says {@code messagePart}. */
        void assertRefused(int expectedStatus, String expectedType, String messagePart) {
            assertEquals(expectedStatus, status, raw);
            assertEquals(expectedType, errorType(), raw);
            assertTrue(message() != null && message().contains(messagePart), "message \"" + message() + "\" should contain \"" + messagePart + "\"");
        }

        String message() {
            return body.path("message").asText("");
        }
    }

    /** The demo, served. */
    WireFixture() throws IOException {
        this((Runnable) null);
    }

    WireFixture(Runnable afterChange) throws IOException {
        engine = DemoSim.demoEngine(clock);
        server = new WireServer(engine, faults, 0, afterChange);
    }

    /** The three JSON services and one more (a test's own), on the demo. */
    WireFixture(WireApi extra) throws IOException {
        engine = DemoSim.demoEngine(clock);
        server = new WireServer(engine, faults, 0, null, List.of(EcsOperations.api(engine), LogsOperations.api(engine),
                ScalingOperations.api(engine), extra));
    }

    private WireFixture(long emptySeed) throws IOException {
        engine = DemoSim.emptyEngine(clock, emptySeed);
        server = new WireServer(engine, faults, 0, null);
    }

    /** An empty account (no cluster, no load balancer), served: for tests that build everything they look at. */
    static WireFixture empty() throws IOException {
        return new WireFixture(7L);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    Reply call(String prefix, String operation, String body) {
        return send(HttpRequest.newBuilder(endpoint()).header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", prefix + "." + operation).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A call that must succeed; its body. */
    JsonNode ok(String prefix, String operation, String body) {
        Reply r = call(prefix, operation, body);
        if (r.status() != 200) {
            throw new AssertionError(prefix + "." + operation + " answered " + r.status() + ": " + r.raw());
        }
        return r.body();
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            // An XML answer (AWS Query) is read from raw; its body here is empty.
            JsonNode body = raw.isEmpty() || contentType.startsWith("text/xml") ? JSON.createObjectNode() : JSON.readTree(raw);
            return new Reply(response.statusCode(), body, raw, response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Content-Length").orElse(null));
        } catch (IOException e) {
            throw new AssertionError("The call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every service ARN of every cluster, to show a refused request changed nothing. */
    List<String> allServices() {
        return List.of("prod-web", "prod-batch", "staging").stream()
                .flatMap(c -> engine.services().listServices(c, null, null, null, 100).items().stream()).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
