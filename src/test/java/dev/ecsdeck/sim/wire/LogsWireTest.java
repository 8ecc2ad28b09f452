package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.LOGS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.sim.logs.LogFilterPattern;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CloudWatch Logs operations over HTTP on the demo scenario's generated logs. */
class LogsWireTest {
    private WireFixture sim;

    @BeforeEach
    void start() throws IOException {
        sim = new WireFixture();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private String webStream() {
        return sim.ok(LOGS, "DescribeLogStreams", "{\"logGroupName\": \"/ecs/web\", \"logStreamNamePrefix\": \"ecs/web/\", \"limit\": 1}")
                .get("logStreams").get(0).get("logStreamName").asText();
    }

    @Test
    void describeLogGroupsByPrefixAndPage() {
        JsonNode first = sim.ok(LOGS, "DescribeLogGroups", "{\"logGroupNamePrefix\": \"/ecs/\", \"limit\": 2}");
        assertEquals(2, first.get("logGroups").size());
        JsonNode group = first.get("logGroups").get(0);
        assertThat(group.get("logGroupName").asText(), startsWith("/ecs/"));
        assertTrue(group.get("creationTime").isIntegralNumber(), "Logs times are epoch milliseconds");
        assertThat(group.get("arn").asText(), startsWith("arn:aws:logs:us-east-1:000000000000:log-group:/ecs/"));
        JsonNode second = sim.ok(LOGS, "DescribeLogGroups", "{\"logGroupNamePrefix\": \"/ecs/\", \"limit\": 2, \"nextToken\": \""
                + first.get("nextToken").asText() + "\"}");
        assertNotEquals(group.get("logGroupName"), second.get("logGroups").get(0).get("logGroupName"));
        assertEquals(0, sim.ok(LOGS, "DescribeLogGroups", "{\"logGroupNamePrefix\": \"/nothing\"}").get("logGroups").size());
    }

    @Test
    void describeLogStreamsByNameOrLastEventTime() {
        JsonNode byName = sim.ok(LOGS, "DescribeLogStreams", "{\"logGroupName\": \"/ecs/web\", \"logStreamNamePrefix\": \"ecs/web/\"}");
        List<String> names = new ArrayList<>();
        byName.get("logStreams").forEach(s -> names.add(s.get("logStreamName").asText()));
        assertTrue(names.size() >= 4);
        assertEquals(names.stream().sorted().toList(), names);
        JsonNode stream = byName.get("logStreams").get(0);
        assertTrue(stream.get("lastEventTimestamp").isIntegralNumber());
        assertTrue(stream.get("creationTime").isIntegralNumber());

        JsonNode newest = sim.ok(LOGS, "DescribeLogStreams", "{\"logGroupIdentifier\": \"arn:aws:logs:us-east-1:000000000000:log-group:/ecs/web:*\","
                + " \"orderBy\": \"LastEventTime\", \"descending\": true, \"limit\": 3}");
        JsonNode streams = newest.get("logStreams");
        assertEquals(3, streams.size());
        assertTrue(streams.get(0).get("lastEventTimestamp").asLong() >= streams.get(2).get("lastEventTimestamp").asLong());
        assertEquals("InvalidParameterException", sim.call(LOGS, "DescribeLogStreams", "{\"logGroupName\": \"/ecs/web\","
                + " \"orderBy\": \"LastEventTime\", \"logStreamNamePrefix\": \"ecs\"}").errorType());
        assertEquals("ResourceNotFoundException", sim.call(LOGS, "DescribeLogStreams", "{\"logGroupName\": \"/nope\"}").errorType());
        assertEquals("InvalidParameterException", sim.call(LOGS, "DescribeLogStreams", "{}").errorType(), "a group is needed");
    }

    @Test
    void getLogEventsRepeatsTheForwardTokenWhenNothingIsNew() {
        String stream = webStream();
        String request = "{\"logGroupName\": \"/ecs/web\", \"logStreamName\": \"" + stream + "\", \"startFromHead\": true, \"limit\": 100%s}";
        JsonNode first = sim.ok(LOGS, "GetLogEvents", String.format(request, ""));
        assertEquals(100, first.get("events").size());
        JsonNode event = first.get("events").get(0);
        assertTrue(event.get("timestamp").isIntegralNumber() && event.get("ingestionTime").isIntegralNumber());
        assertTrue(event.get("message").isTextual());
        assertTrue(first.get("nextBackwardToken").isTextual());

        Set<Long> seen = new HashSet<>();
        first.get("events").forEach(e -> seen.add(e.get("timestamp").asLong()));
        String token = first.get("nextForwardToken").asText();
        int pages = 1;
        while (true) {
            JsonNode page = sim.ok(LOGS, "GetLogEvents", String.format(request, ", \"nextToken\": \"" + token + "\""));
            String next = page.get("nextForwardToken").asText();
            if (page.get("events").isEmpty()) {
                assertEquals(token, next, "no new events: the same token comes back, so clients stop");
                break;
            }
            page.get("events").forEach(e -> assertTrue(seen.add(e.get("timestamp").asLong()), "no event twice"));
            assertNotEquals(token, next);
            token = next;
            assertTrue(++pages < 100, "paging ends");
        }
        assertTrue(seen.size() > 100);

        sim.clock.advance(Duration.ofSeconds(30));
        JsonNode later = sim.ok(LOGS, "GetLogEvents", String.format(request, ", \"nextToken\": \"" + token + "\""));
        assertFalse(later.get("events").isEmpty(), "polling with the token returns what was written since");
        later.get("events").forEach(e -> assertTrue(seen.add(e.get("timestamp").asLong())));

        JsonNode empty = sim.ok(LOGS, "GetLogEvents", "{\"logGroupName\": \"/ecs/web\", \"logStreamName\": \"" + stream + "\","
                + " \"startTime\": 4102444800000}");
        assertEquals(0, empty.get("events").size());
        String fromStart = empty.get("nextForwardToken").asText();
        assertEquals(fromStart, sim.ok(LOGS, "GetLogEvents", "{\"logGroupName\": \"/ecs/web\", \"logStreamName\": \"" + stream + "\","
                + " \"startTime\": 4102444800000, \"nextToken\": \"" + fromStart + "\"}").get("nextForwardToken").asText());
        assertEquals("ResourceNotFoundException", sim.call(LOGS, "GetLogEvents", "{\"logGroupName\": \"/ecs/web\", \"logStreamName\": \"nope\"}")
                .errorType());
    }

    @Test
    void filterLogEventsByStreamsTimePatternAndPages() {
        String stream = webStream();
        JsonNode one = sim.ok(LOGS, "FilterLogEvents", "{\"logGroupName\": \"/ecs/web\", \"logStreamNames\": [\"" + stream + "\"], \"limit\": 5}");
        assertEquals(5, one.get("events").size());
        JsonNode e = one.get("events").get(0);
        assertEquals(stream, e.get("logStreamName").asText());
        assertEquals(56, e.get("eventId").asText().length());
        assertTrue(e.get("timestamp").isIntegralNumber() && e.get("ingestionTime").isIntegralNumber());
        assertEquals(stream, one.get("searchedLogStreams").get(0).get("logStreamName").asText());
        assertTrue(one.get("nextToken").isTextual(), "more follow");

        JsonNode next = sim.ok(LOGS, "FilterLogEvents", "{\"logGroupName\": \"/ecs/web\", \"logStreamNames\": [\"" + stream + "\"], \"limit\": 5,"
                + " \"nextToken\": \"" + one.get("nextToken").asText() + "\"}");
        assertTrue(next.get("events").get(0).get("timestamp").asLong() >= one.get("events").get(4).get("timestamp").asLong());
        assertNotEquals(e.get("eventId"), next.get("events").get(0).get("eventId"));

        long from = e.get("timestamp").asLong() + 60_000;
        long to = from + 60_000;
        JsonNode window = sim.ok(LOGS, "FilterLogEvents", "{\"logGroupIdentifier\": \"/ecs/web\", \"logStreamNamePrefix\": \"ecs/web/\","
                + " \"startTime\": " + from + ", \"endTime\": " + to + "}");
        assertFalse(window.get("events").isEmpty());
        window.get("events").forEach(w -> {
            assertTrue(w.get("timestamp").asLong() >= from && w.get("timestamp").asLong() < to);
            assertThat(w.get("logStreamName").asText(), startsWith("ecs/web/"));
        });
        assertFalse(window.has("nextToken"), "a token only when more follow");
        window.get("searchedLogStreams").forEach(s -> assertThat(s.get("logStreamName").asText(), startsWith("ecs/web/")));

        JsonNode gets = sim.ok(LOGS, "FilterLogEvents", "{\"logGroupName\": \"/ecs/web\", \"filterPattern\": \"\\\"GET /\\\"\","
                + " \"startTime\": " + from + ", \"endTime\": " + to + "}");
        assertFalse(gets.get("events").isEmpty());
        assertTrue(gets.get("events").size() < sim.ok(LOGS, "FilterLogEvents", "{\"logGroupName\": \"/ecs/web\", \"startTime\": " + from
                + ", \"endTime\": " + to + "}").get("events").size(), "the pattern leaves lines out");
        gets.get("events").forEach(g -> assertThat(g.get("message").asText(), containsString("GET /")));

        assertEquals(0, sim.ok(LOGS, "FilterLogEvents", "{\"logGroupName\": \"/ecs/web\", \"logStreamNamePrefix\": \"nothing/\"}")
                .get("events").size(), "a prefix that matches no stream matches no event");
        assertEquals("InvalidParameterException", sim.call(LOGS, "FilterLogEvents", "{\"logGroupName\": \"/ecs/web\","
                + " \"logStreamNames\": [\"a\"], \"logStreamNamePrefix\": \"a\"}").errorType());
        assertEquals("ResourceNotFoundException", sim.call(LOGS, "FilterLogEvents", "{\"logGroupName\": \"/nope\"}").errorType());
    }

    @Test
    void filterPatternsMatchTermsAsCloudWatchDoes() {
        assertTrue(LogFilterPattern.parse(null).matches("anything"));
        assertTrue(LogFilterPattern.parse("ERROR timeout").matches("ERROR: upstream timeout"));
        assertFalse(LogFilterPattern.parse("ERROR timeout").matches("ERROR: refused"));
        assertTrue(LogFilterPattern.parse("\"GET /api\"").matches("\"GET /api/orders HTTP/1.1\""));
        assertFalse(LogFilterPattern.parse("\"GET /api\"").matches("GET /health"));
        assertTrue(LogFilterPattern.parse("?WARN ?ERROR").matches("WARN slow"));
        assertFalse(LogFilterPattern.parse("?WARN ?ERROR").matches("INFO ok"));
        assertFalse(LogFilterPattern.parse("GET -/health").matches("GET /health 200"));
        assertTrue(LogFilterPattern.parse("GET -/health").matches("GET /orders 200"));
        assertFalse(LogFilterPattern.parse("error").matches("ERROR"), "case-sensitive, as CloudWatch");
        assertEquals("InvalidParameterException", sim.call(LOGS, "FilterLogEvents", "{\"logGroupName\": \"/ecs/web\","
                + " \"filterPattern\": \"[ip, user, status = 5*]\"}").errorType(), "space-delimited patterns are not served");
    }
}
