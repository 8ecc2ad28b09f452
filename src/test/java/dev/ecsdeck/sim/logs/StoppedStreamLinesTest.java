package dev.ecsdeck.sim.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.EcsTask;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.SimFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A line once read stays written: a stopping awsvpc task's streams end when its containers exit,
 * not seconds later when it is deprovisioned (the soak bench found a tail holding a line the
 * simulator no longer had).
 */
class StoppedStreamLinesTest {
    private final SimFixture sim = new SimFixture();

    private Set<String> ids() {
        Set<String> out = new TreeSet<>();
        String token = null;
        do {
            Page<LogEvent> page = sim.engine.logs().filterLogEvents("/ecs/api", List.of(), 0L, null, token, null);
            page.items().forEach(e -> out.add(e.eventId()));
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    @Test
    void everyLineReadWhileTasksStopStaysWritten() {
        sim.createFargateService("api", sim.fargateTaskDefinition("api", "acme/api:1"), 6, null);
        sim.advanceUntil("running", Duration.ofMinutes(3), () -> sim.service("api").runningCount() == 6);
        sim.advance(Duration.ofMinutes(2));
        List<EcsTask> tasks = sim.running("api");
        tasks.forEach(t -> sim.engine.tasks().stopTask(sim.cluster, t.taskArn(), "soak"));
        Set<String> seen = new TreeSet<>();
        for (int s = 0; s < 60; s++) { // the old tasks stop and are deprovisioned, read every second as a tail would
            sim.advance(Duration.ofSeconds(1));
            seen.addAll(ids());
        }
        assertTrue(tasks.stream().allMatch(t -> sim.tasks("api", "STOPPED").stream().anyMatch(x -> x.taskArn().equals(t.taskArn()))),
                "the tasks stopped");
        Set<String> now = ids();
        List<String> gone = new ArrayList<>(seen);
        gone.removeAll(now);
        assertEquals(List.of(), gone, "no line read earlier is gone");
    }
}
