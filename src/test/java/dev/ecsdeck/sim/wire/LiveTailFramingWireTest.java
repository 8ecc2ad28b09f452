package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.LOGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.sim.SeqLogService;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;

/**
 * StartLiveTail on the wire, read with the SDK's own event-stream decoder (which checks the prelude and message
 * CRC32s): the HTTP answer, the initial response, sessionStart, one sessionUpdate per simulated second with the
 * lines ingested in it (stream and pattern filters applied), the session timeout, the session limit, the request's
 * checks, and sessions ending when the server closes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LiveTailFramingWireTest {
    private WireFixture sim;
    private InputStream body;

    @AfterEach
    void close() throws IOException {
        if (body != null) {
            body.close();
        }
        sim.close();
    }

    /** A session's HTTP answer and its messages, decoded as they arrive. */
    private final class Session {
        final HttpResponse<InputStream> response;
        final Deque<Message> decoded = new ArrayDeque<>();
        final MessageDecoder decoder = new MessageDecoder(decoded::add);

        Session(String request) throws IOException, InterruptedException {
            response = sim.http.send(HttpRequest.newBuilder(sim.endpoint()).header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", LOGS + ".StartLiveTail").POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            body = response.body();
        }

        /** The next message; null at the end of the stream. */
        Message next() throws IOException {
            byte[] buffer = new byte[8192];
            while (decoded.isEmpty()) {
                int n = body.read(buffer);
                if (n < 0) {
                    return null;
                }
                decoder.feed(java.util.Arrays.copyOf(buffer, n));
            }
            return decoded.poll();
        }

        JsonNode event(String type) throws IOException {
            Message m = next();
            assertEquals("event", header(m, ":message-type"));
            assertEquals(type, header(m, ":event-type"));
            assertEquals("application/json", header(m, ":content-type"));
            return WireFixture.JSON.readTree(new String(m.getPayload(), StandardCharsets.UTF_8));
        }
    }

    private static String header(Message m, String name) {
        return m.getHeaders().get(name).getString();
    }

    private String groupArn() {
        return "arn:aws:logs:us-east-1:" + sim.engine.account() + ":log-group:" + SeqLogService.GROUP;
    }

    /** The numbered-lines service, run until each task writes to its stream; the streams' names. */
    private List<String> seqService(int tasks) {
        SeqLogService.create(sim.engine, tasks);
        for (int s = 0; s < 300 && SeqLogService.streams(sim.engine).size() < tasks; s++) {
            tick(1);
        }
        List<String> names = SeqLogService.streams(sim.engine).stream().map(r -> r.logStreamName()).toList();
        assertEquals(tasks, names.size());
        return names;
    }

    private void tick(int seconds) {
        sim.clock.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void aSessionStartsThenSendsAnUpdateEachSimulatedSecondUntilItTimesOut() throws Exception {
        sim = WireFixture.empty();
        String stream = seqService(2).get(0);
        sim.server.liveTail().sessionTimeout(Duration.ofSeconds(6));
        Session session = new Session("{\"logGroupIdentifiers\": [\"" + groupArn() + "\"], \"logStreamNames\": [\"" + stream + "\"],"
                + " \"logEventFilterPattern\": \"seq\"}");
        assertEquals(200, session.response.statusCode());
        assertEquals("application/vnd.amazon.eventstream", session.response.headers().firstValue("Content-Type").orElse(null));

        assertEquals("{}", session.event("initial-response").toString(), "the AWS JSON protocol's first event");
        JsonNode start = session.event("sessionStart");
        assertEquals(groupArn(), start.path("logGroupIdentifiers").path(0).asText());
        assertEquals(stream, start.path("logStreamNames").path(0).asText());
        assertEquals("seq", start.path("logEventFilterPattern").asText());
        assertEquals(session.response.headers().firstValue("x-amzn-RequestId").orElse(""), start.path("requestId").asText());
        assertFalse(start.path("sessionId").asText().isEmpty());

        List<Long> seqs = new ArrayList<>();
        for (int second = 0; second < 4; second++) {
            tick(1);
            JsonNode update = session.event("sessionUpdate");
            assertFalse(update.path("sessionMetadata").path("sampled").asBoolean(true));
            for (JsonNode e : update.path("sessionResults")) {
                assertEquals(stream, e.path("logStreamName").asText(), "only the named stream");
                assertEquals(groupArn(), e.path("logGroupIdentifier").asText(), "the group as the request named it");
                assertTrue(e.path("ingestionTime").asLong() >= e.path("timestamp").asLong());
                seqs.add(SeqLogService.seq(e.path("message").asText()));
            }
        }
        assertEquals(2, seqs.size(), "one line every two seconds: " + seqs);
        assertEquals(seqs.get(0) + 1, seqs.get(1));

        tick(5); // past the 6-s timeout: the two seconds left, then the exception, then the end
        session.event("sessionUpdate");
        session.event("sessionUpdate");
        Message end = session.next();
        assertEquals("exception", header(end, ":message-type"));
        assertEquals("SessionTimeoutException", header(end, ":exception-type"));
        assertTrue(new String(end.getPayload(), StandardCharsets.UTF_8).contains("Session timed out after 6 seconds."));
        assertNull(session.next(), "the stream ends");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sim.server.liveTail().openSessions() == 0);
    }

    @Test
    void moreThan500LinesInASecondAreSampledTo500() throws Exception {
        sim = WireFixture.empty();
        String stream = seqService(1).get(0);
        Session session = new Session("{\"logGroupIdentifiers\": [\"" + SeqLogService.GROUP + "\"], \"logEventFilterPattern\": \"burst\"}");
        session.event("initial-response");
        session.event("sessionStart");
        long at = sim.clock.now().toEpochMilli() + 100;
        synchronized (sim.engine) {
            for (int i = 0; i < 700; i++) {
                sim.engine.logStore().write(SeqLogService.GROUP, stream, at, "burst " + i);
            }
        }
        tick(1);
        JsonNode update = session.event("sessionUpdate");
        assertTrue(update.path("sessionMetadata").path("sampled").asBoolean());
        assertEquals(500, update.path("sessionResults").size());
        tick(1);
        JsonNode next = session.event("sessionUpdate");
        assertFalse(next.path("sessionMetadata").path("sampled").asBoolean(true));
        assertEquals(0, next.path("sessionResults").size(), "the filter pattern keeps the numbered lines out");
    }

    @Test
    void theRequestIsCheckedAsCloudWatchLogsChecksIt() throws IOException {
        sim = WireFixture.empty();
        seqService(1);
        String group = "\"" + SeqLogService.GROUP + "\"";
        sim.call(LOGS, "StartLiveTail", "{}").assertRefused(400, "InvalidParameterException", "logGroupIdentifiers");
        sim.call(LOGS, "StartLiveTail", "{\"logGroupIdentifiers\": []}").assertRefused(400, "InvalidParameterException",
                "logGroupIdentifiers");
        sim.call(LOGS, "StartLiveTail", "{\"logGroupIdentifiers\": [" + String.join(",", java.util.Collections.nCopies(11, group)) + "]}")
                .assertRefused(400, "InvalidParameterException", "less than or equal to 10");
        sim.call(LOGS, "StartLiveTail", "{\"logGroupIdentifiers\": [\"" + groupArn() + ":*\"]}")
                .assertRefused(400, "InvalidParameterException", "regular expression pattern"); // no "*": an ARN can't end with one
        sim.call(LOGS, "StartLiveTail", "{\"logGroupIdentifiers\": [" + group + "], \"logStreamNames\": [\"a\"], "
                + "\"logStreamNamePrefixes\": [\"b\"]}").assertRefused(400, "InvalidParameterException", "mutually exclusive");
        sim.call(LOGS, "StartLiveTail", "{\"logGroupIdentifiers\": [" + group + ", \"/ecs/other\"], \"logStreamNamePrefixes\": [\"b\"]}")
                .assertRefused(400, "InvalidParameterException", "only with one log group");
        sim.call(LOGS, "StartLiveTail", "{\"logGroupIdentifiers\": [" + group + "], \"logEventFilterPattern\": \"[a, b]\"}")
                .assertRefused(400, "InvalidParameterException", "space-delimited");
        sim.call(LOGS, "StartLiveTail", "{\"logGroupIdentifiers\": [\"/ecs/none\"]}")
                .assertRefused(400, "ResourceNotFoundException", "/ecs/none");
        sim.server.liveTail().maxSessions(0);
        sim.call(LOGS, "StartLiveTail", "{\"logGroupIdentifiers\": [" + group + "]}")
                .assertRefused(400, "LimitExceededException", "maximum number of concurrent Live Tail sessions");
        assertEquals(0, sim.server.liveTail().openSessions());
    }

    @Test
    void closingTheServerEndsItsSessions() throws Exception {
        sim = WireFixture.empty();
        seqService(1);
        Session session = new Session("{\"logGroupIdentifiers\": [\"" + SeqLogService.GROUP + "\"]}");
        session.event("initial-response");
        session.event("sessionStart");
        assertEquals(1, sim.server.liveTail().openSessions());
        sim.server.close();
        try {
            assertNull(session.next(), "the stream ends");
        } catch (IOException cut) {
            // also an end: the server stopped its connections
        }
    }

    @Test
    void aClientThatGoesAwayFreesItsSession() throws Exception {
        sim = WireFixture.empty();
        seqService(1);
        Session session = new Session("{\"logGroupIdentifiers\": [\"" + SeqLogService.GROUP + "\"]}");
        session.event("initial-response");
        session.event("sessionStart");
        body.close();
        body = null;
        // Each advance makes the session write its next update; a write to the closed connection ends it.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            tick(1);
            return sim.server.liveTail().openSessions() == 0;
        });
    }
}
