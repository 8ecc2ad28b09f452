package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.sim.logs.LogLines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** CloudWatch Logs as tools read it, through the SDK v2 client: GetLogEvents' newest page, logGroupNamePattern, JSON patterns. */
class LogsAsToolsExpectWireTest {
    private static final String GROUP = "/ecs/tools";
    private static final String STREAM = "ecs/app/0123456789abcdef";
    private WireFixture sim;
    private CloudWatchLogsClient logs;
    private long startMs;

    @BeforeEach
    void start() throws Exception {
        sim = WireFixture.empty();
        logs = SdkClients.against(sim.endpoint(), CloudWatchLogsClient.builder());
        startMs = sim.engine.now().toEpochMilli();
        synchronized (sim.engine) {
            // One line a second from now on, and a stream of JSON lines written on purpose.
            sim.engine.logStore().open(GROUP, STREAM, new LogLines(LogLines.Kind.SEQ, 5, "app"), startMs, 1000);
            sim.engine.logStore().open(GROUP, "json", new LogLines(LogLines.Kind.SEQ, 6, "json"), startMs, 0);
            sim.engine.logStore().open("/Other/DataLogs", "s", new LogLines(LogLines.Kind.SEQ, 7, "x"), startMs, 0);
            for (String m : List.of("{\"level\":\"ERROR\",\"latency\":250,\"user\":{\"id\":\"u-42\"},\"tags\":[\"a\",\"b\"],\"ok\":false}",
                    "{\"level\":\"INFO\",\"latency\":20,\"user\":{\"id\":\"u-7\"},\"tags\":[\"b\"],\"code\":null,\"ok\":true}",
                    "{\"level\":\"WARN\",\"latency\":100.5}",
                    "plain ERROR text, not JSON")) {
                sim.engine.logStore().write(GROUP, "json", startMs + 1, m);
            }
        }
        sim.clock.advance(Duration.ofSeconds(300));
    }

    @AfterEach
    void stop() {
        logs.close();
        sim.close();
    }

    private List<Long> seqs(GetLogEventsResponse r) {
        return r.events().stream().map(e -> Long.parseLong(e.message().replaceAll("seq=(\\d+).*", "$1"))).toList();
    }

    @Test
    void getLogEventsWithoutStartFromHeadReturnsTheNewestPageAndPagesBackward() {
        List<Long> all = new ArrayList<>();
        String token = null;
        while (true) { // the whole stream, forward from the head
            String t = token;
            GetLogEventsResponse page = logs.getLogEvents(r -> r.logGroupName(GROUP).logStreamName(STREAM).startFromHead(true).limit(100)
                    .nextToken(t));
            if (page.events().isEmpty()) {
                assertEquals(t, page.nextForwardToken(), "at the end the forward token repeats");
                break;
            }
            all.addAll(seqs(page));
            token = page.nextForwardToken();
        }
        assertTrue(all.size() > 250, "five minutes of one line a second: " + all.size());

        GetLogEventsResponse newest = logs.getLogEvents(r -> r.logGroupName(GROUP).logStreamName(STREAM).limit(100));
        assertEquals(all.subList(all.size() - 100, all.size()), seqs(newest), "the newest 100, oldest first");
        GetLogEventsResponse head = logs.getLogEvents(r -> r.logGroupName(GROUP).logStreamName(STREAM).startFromHead(true).limit(100));
        assertEquals(all.subList(0, 100), seqs(head));

        // Backward from the newest page to the head, each page the 100 before.
        List<Long> backward = new ArrayList<>(seqs(newest));
        String back = newest.nextBackwardToken();
        while (true) {
            String b = back;
            GetLogEventsResponse page = logs.getLogEvents(r -> r.logGroupName(GROUP).logStreamName(STREAM).limit(100).nextToken(b));
            if (page.events().isEmpty()) {
                assertEquals(b, page.nextBackwardToken(), "at the head the backward token repeats");
                break;
            }
            backward.addAll(0, seqs(page));
            back = page.nextBackwardToken();
        }
        assertEquals(all, backward);

        // The newest page's forward token polls for what comes later (as `aws logs get-log-events` paginates).
        GetLogEventsResponse nothingNew = logs.getLogEvents(r -> r.logGroupName(GROUP).logStreamName(STREAM)
                .nextToken(newest.nextForwardToken()));
        assertTrue(nothingNew.events().isEmpty());
        assertEquals(newest.nextForwardToken(), nothingNew.nextForwardToken());
        sim.clock.advance(Duration.ofSeconds(10));
        GetLogEventsResponse later = logs.getLogEvents(r -> r.logGroupName(GROUP).logStreamName(STREAM).startFromHead(true)
                .nextToken(newest.nextForwardToken()));
        assertFalse(later.events().isEmpty());
        assertEquals(all.get(all.size() - 1) + 1, seqs(later).get(0), "on from just after the newest page");
    }

    @Test
    void describeLogGroupsByNamePattern() {
        List<String> found = logs.describeLogGroups(r -> r.logGroupNamePattern("DataLogs")).logGroups().stream()
                .map(LogGroup::logGroupName).toList();
        assertEquals(List.of("/Other/DataLogs"), found);
        LogGroup g = logs.describeLogGroups(r -> r.logGroupNamePattern("DataLogs")).logGroups().get(0);
        assertTrue(g.arn().endsWith(":log-group:/Other/DataLogs:*"));
        assertNull(g.storedBytes(), "with a pattern, the name, creation time and ARN only");
        assertTrue(logs.describeLogGroups(r -> r.logGroupNamePattern("datalogs")).logGroups().isEmpty(), "case-sensitive, as documented");
        assertEquals(List.of(GROUP), logs.describeLogGroups(r -> r.logGroupNamePattern("tool")).logGroups().stream()
                .map(LogGroup::logGroupName).toList());
        InvalidParameterException both = assertThrows(InvalidParameterException.class,
                () -> logs.describeLogGroups(r -> r.logGroupNamePattern("Data").logGroupNamePrefix("/Other")));
        assertTrue(both.getMessage().contains("mutually exclusive"), both.getMessage());
        assertThrows(InvalidParameterException.class, () -> logs.describeLogGroups(r -> r.logGroupNamePattern("a b")));
    }

    private List<String> levels(String pattern) {
        return logs.filterLogEvents(r -> r.logGroupName(GROUP).logStreamNames("json").filterPattern(pattern)).events().stream()
                .map(e -> e.message().startsWith("{") ? e.message().replaceAll(".*\"level\":\"(\\w+)\".*", "$1") : "plain").toList();
    }

    @Test
    void filterLogEventsTakesJsonPatterns() {
        assertEquals(List.of("ERROR"), levels("{ $.level = \"ERROR\" }"));
        assertEquals(List.of("ERROR", "WARN"), levels("{ $.latency > 100 }"));
        assertEquals(List.of("ERROR", "WARN"), levels("{ $.latency >= 100.5 }"));
        assertEquals(List.of("INFO"), levels("{ $.latency < 100 && $.level != \"ERROR\" }"));
        assertEquals(List.of("ERROR", "INFO"), levels("{ $.level = ERROR || $.level = INFO }"));
        assertEquals(List.of("ERROR", "INFO"), levels("{ ($.level = \"ERROR\" || $.level = \"INFO\") && $.latency > 1 }"));
        assertEquals(List.of("ERROR"), levels("{ $.user.id = \"u-4*\" }"));
        assertEquals(List.of("ERROR", "INFO"), levels("{ $.user.id = \"*\" }"));
        assertEquals(List.of("ERROR"), levels("{ $.tags[0] = \"a\" }"));
        assertEquals(List.of("ERROR", "INFO"), levels("{ $.tags[0] = \"*\" }"), "b is tags[0] of the second");
        assertEquals(List.of("INFO"), levels("{ $.code IS NULL }"));
        assertEquals(List.of("ERROR", "WARN"), levels("{ $.code NOT EXISTS }"));
        assertEquals(List.of("INFO"), levels("{ $.ok IS TRUE }"));
        assertEquals(List.of("ERROR"), levels("{ $.ok IS FALSE }"));
        assertEquals(List.of("ERROR", "plain"), levels("ERROR"), "term patterns still match any line");
        for (String bad : List.of("{ $.level = }", "{ $.level = \"ERROR\" ", "{ level = \"ERROR\" }", "{ $.latency ~ 3 }",
                "{ $.level IS MAYBE }", "{ $.a = 1 && }", "{ ($.a = 1 }", "{ $.level > \"x\" }")) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> levels(bad), bad);
            assertTrue(e.getMessage().contains("Invalid filter pattern"), e.getMessage());
        }
    }

    @Test
    void theConsolesTailStillReadsForwardFromTheHead() {
        // What the console's log view and `aws logs tail` use: FilterLogEvents from a start time, oldest first.
        List<OutputLogEvent> head = logs.getLogEvents(r -> r.logGroupName(GROUP).logStreamName(STREAM).startFromHead(true).limit(5))
                .events();
        var filtered = logs.filterLogEvents(r -> r.logGroupName(GROUP).logStreamNames(STREAM).startTime(startMs).limit(5)).events();
        assertEquals(head.stream().map(OutputLogEvent::message).toList(), filtered.stream().map(e -> e.message()).toList());
    }
}
