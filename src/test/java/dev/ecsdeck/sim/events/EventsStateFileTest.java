package dev.ecsdeck.sim.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.TaskApi;
import dev.ecsdeck.sim.scheduler.SchedulerApi;
import dev.ecsdeck.sim.state.SimStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules, their targets and schedules survive the state file, and go on firing as they would have. */
class EventsStateFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static int startedBy(SimEngine engine, String startedBy) {
        return engine.tasks().listTasks("staging", new TaskApi.Filter(null, null, null, startedBy, null, null), null, 100).items().size();
    }

    @Test
    void rulesAndSchedulesSurviveARestoreAndKeepFiring() throws Exception {
        ManualClock clockA = DemoSim.startClock();
        SimEngine original = DemoSim.demoEngine(clockA);
        String cluster = original.ids().clusterArn("staging");
        String target = "{\"Id\": \"t\", \"Arn\": \"" + cluster + "\", \"RoleArn\": \"arn:aws:iam::000000000000:role/r\", \"EcsParameters\": "
                + "{\"TaskDefinitionArn\": \"web\", \"LaunchType\": \"FARGATE\", \"NetworkConfiguration\": {\"awsvpcConfiguration\": "
                + "{\"Subnets\": [\"subnet-0aa\"]}}}}";
        original.events().putRule("every-5", null, "rate(5 minutes)", null, null, "d", null, Map.of("team", "data"));
        original.events().putTargets("every-5", null, List.of(json(target)));
        original.schedules().create(new SchedulerApi.ScheduleSpec("every-10", null, "rate(10 minutes)", null, null, null,
                json("{\"Mode\": \"OFF\"}"), null, null, null, null, json(target.replace("\"Id\": \"t\", ", ""))));
        clockA.advance(Duration.ofMinutes(2));
        SimStateStore store = new SimStateStore(dir.resolve("sim-demo.json"), "demo");
        store.save(original);

        ManualClock clockB = new ManualClock(clockA.now());
        SimEngine restored = store.load(clockB);
        assertEquals(original.events().describeRule("every-5", null), restored.events().describeRule("every-5", null));
        assertEquals(original.events().listTargetsByRule("every-5", null, null, null), restored.events().listTargetsByRule("every-5", null, null, null));
        assertEquals(original.events().nextFire("every-5"), restored.events().nextFire("every-5"));
        assertEquals(original.schedules().get("every-10", null), restored.schedules().get("every-10", null));
        assertEquals(original.schedules().nextFire("every-10"), restored.schedules().nextFire("every-10"));

        clockA.advance(Duration.ofMinutes(10));
        clockB.advance(Duration.ofMinutes(10));
        assertEquals(2, startedBy(original, "events-rule/every-5"));
        assertEquals(2, startedBy(restored, "events-rule/every-5"));
        assertEquals(1, startedBy(original, SchedulerApi.STARTED_BY_PREFIX + "every-10"));
        assertEquals(1, startedBy(restored, SchedulerApi.STARTED_BY_PREFIX + "every-10"));
    }
}
