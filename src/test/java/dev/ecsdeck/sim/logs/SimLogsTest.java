package dev.ecsdeck.sim.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulator's CloudWatch Logs: streams named from awslogs options, ingestion, paging, ids. */
class SimLogsTest {
    private final SimFixture sim = new SimFixture();

    private EcsTask runningTask() {
        sim.createFargateService("api", sim.fargateTaskDefinition("api", "acme/api:1"), 1, null);
        sim.advanceUntil("running", Duration.ofMinutes(3), () -> sim.service("api").runningCount() == 1);
        sim.advance(Duration.ofMinutes(10));
        return sim.running("api").get(0);
    }

    private List<LogEvent> all(String group, List<String> streams, Integer limit) {
        List<LogEvent> out = new ArrayList<>();
        String token = null;
        do {
            Page<LogEvent> page = sim.engine.logs().filterLogEvents(group, streams, 0L, null, token, limit);
            out.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    @Test
    void aRunningContainerWritesToPrefixContainerTaskId() {
        EcsTask task = runningTask();
        String stream = "ecs/app/" + task.taskId();
        var streams = sim.engine.logs().describeLogStreams("/ecs/api", null, false, false, null, null).items();
        assertEquals(List.of(stream), streams.stream().map(LogApi.LogStreamInfo::logStreamName).toList());
        List<LogEvent> events = all("/ecs/api", List.of(stream), null);
        assertTrue(events.size() >= 250 && events.size() <= 320, "about one line every two seconds for ten minutes: " + events.size());
        long now = sim.engine.now().toEpochMilli();
        for (int i = 0; i < events.size(); i++) {
            LogEvent e = events.get(i);
            assertTrue(e.timestamp() >= task.startedAt().toEpochMilli());
            assertTrue(e.ingestionTime() >= e.timestamp() && e.ingestionTime() <= now, "only what was ingested by now");
            assertEquals(56, e.eventId().length());
            if (i > 0) {
                assertTrue(events.get(i - 1).timestamp() <= e.timestamp(), "in time order");
            }
        }
    }

    @Test
    void pagesWithTokensAndLimitsWithoutGapsOrRepeats() {
        EcsTask task = runningTask();
        List<String> streams = List.of("ecs/app/" + task.taskId());
        List<LogEvent> onePage = all("/ecs/api", streams, 10_000);
        List<LogEvent> smallPages = all("/ecs/api", streams, 7);
        assertEquals(onePage, smallPages);
        Set<String> ids = new HashSet<>();
        smallPages.forEach(e -> assertTrue(ids.add(e.eventId()), "no event twice"));
        Page<LogEvent> first = sim.engine.logs().filterLogEvents("/ecs/api", streams, 0L, null, null, 7);
        assertEquals(7, first.items().size());
        assertNotNull(first.nextToken());
        assertThrows(SimApiException.class, () -> sim.engine.logs().filterLogEvents("/ecs/api", streams, 0L, null, "garbage", 7));
        assertThrows(SimApiException.class, () -> sim.engine.logs().filterLogEvents("/ecs/api", streams, 0L, null, null, 10_001));
        SimApiException missing = assertThrows(SimApiException.class,
                () -> sim.engine.logs().filterLogEvents("/ecs/nope", List.of(), 0L, null, null, null));
        assertEquals("ResourceNotFoundException", missing.errorCode());
    }

    @Test
    void theSameSeedWritesTheSameLines() {
        EcsTask task = runningTask();
        SimFixture again = new SimFixture();
        again.createFargateService("api", again.fargateTaskDefinition("api", "acme/api:1"), 1, null);
        again.advanceUntil("running", Duration.ofMinutes(3), () -> again.service("api").runningCount() == 1);
        again.advance(Duration.ofMinutes(10));
        List<String> streams = List.of("ecs/app/" + task.taskId());
        assertEquals(sim.engine.logs().filterLogEvents("/ecs/api", streams, 0L, null, null, null).items(),
                again.engine.logs().filterLogEvents("/ecs/api", streams, 0L, null, null, null).items());
    }

    @Test
    void aCrashLeavesItsLastWordsAndTheStreamEnds() {
        sim.engine.crashLoopImage("acme/crash:1", Duration.ofSeconds(5), 1);
        sim.createFargateService("crash", sim.fargateTaskDefinition("crash", "acme/crash:1"), 1, null);
        sim.advanceUntil("a crash", Duration.ofMinutes(5), () -> !sim.tasks("crash", "STOPPED").isEmpty());
        sim.advance(Duration.ofMinutes(1));
        EcsTask crashed = sim.tasks("crash", "STOPPED").get(0);
        List<LogEvent> lines = all("/ecs/crash", List.of("ecs/app/" + crashed.taskId()), null);
        assertEquals("Process exited with code 1", lines.get(lines.size() - 1).message());
        assertTrue(lines.stream().anyMatch(e -> e.message().startsWith("ERROR ")));
        assertTrue(lines.get(lines.size() - 1).timestamp() <= crashed.stoppedAt().toEpochMilli());
        var getEvents = sim.engine.logs().getLogEvents("/ecs/crash", "ecs/app/" + crashed.taskId(), null, null, null, null);
        assertEquals(lines, getEvents.items());
        assertNull(getEvents.nextToken());
    }
}
