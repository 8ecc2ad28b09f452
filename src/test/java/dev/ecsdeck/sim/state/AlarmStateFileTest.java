package dev.ecsdeck.sim.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.cloudwatch.AlarmDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CloudWatch's alarms survive the state file: definitions, states, reasons and history, and they go on being evaluated. */
class AlarmStateFileTest {
    @TempDir
    Path dir;

    private static String describe(SimEngine engine) {
        return engine.alarms().describe(null, null, null, null) + "\n" + engine.alarms().history(null, null, null, null, false);
    }

    @Test
    void alarmsAndTheirHistoryLoadAndGoOnAsTheyWould() {
        ManualClock clock = DemoSim.startClock();
        SimEngine a = DemoSim.demoEngine(clock);
        a.alarms().put(new AlarmDefinition("errors", "too many errors", true, List.of(), List.of(), List.of(), "Shop", "Errors",
                Map.of("ServiceName", "web"), "Sum", null, 60, "Count", 1, 1, 5, "GreaterThanThreshold", "notBreaching"), true, Map.of("team", "shop"));
        a.metrics().put("Shop", "Errors", Map.of("ServiceName", "web"), Instant.ofEpochSecond(clock.now().getEpochSecond() / 60 * 60), 9);
        clock.advance(Duration.ofSeconds(61));
        String before = describe(a);
        assertTrue(before.contains("stateValue=ALARM"), before);
        assertTrue(before.contains("TargetTracking-service/prod-web/orders-api-AlarmHigh-"), before);

        Path file = dir.resolve("sim.json");
        new SimStateStore(file, "demo").save(a);
        ManualClock twinClock = new ManualClock(clock.now());
        SimEngine b = new SimStateStore(file, "demo").load(twinClock);
        assertEquals(before, describe(b));

        clock.advance(Duration.ofMinutes(2));
        twinClock.advance(Duration.ofMinutes(2));
        String after = describe(a);
        assertTrue(after.contains("Alarm updated from ALARM to OK"), after);
        assertEquals(after, describe(b), "the loaded alarms go on as the saved ones");
    }
}
