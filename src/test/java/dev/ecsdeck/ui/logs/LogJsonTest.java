package dev.ecsdeck.ui.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogJsonTest {
    @Test
    void prettyPrintsAJsonObject() {
        String pretty = LogJson.pretty("  {\"level\":\"WARN\",\"msg\":\"slow\",\"n\":[1,2]}").orElseThrow();
        assertEquals("{\n  \"level\" : \"WARN\",\n  \"msg\" : \"slow\",\n  \"n\" : [ 1, 2 ]\n}", pretty.replace("\r\n", "\n"));
    }

    @Test
    void leavesOtherLinesAlone() {
        assertEquals(Optional.empty(), LogJson.pretty("INFO started"));
        assertEquals(Optional.empty(), LogJson.pretty("{not json"));
        assertEquals(Optional.empty(), LogJson.pretty(""));
        assertEquals(Optional.empty(), LogJson.pretty(null));
    }

    @Test
    void levelsAreFoundInPlainAndJsonLines() {
        assertEquals("error", LogLevels.of("{\"time\":\"x\",\"level\":\"ERROR\",\"msg\":\"timeout\"}"));
        assertEquals("warn", LogLevels.of("2026-11-22 09:00:00.000 WARN  [worker-1] slow"));
        assertEquals("info", LogLevels.of("INFO started"));
        assertEquals("debug", LogLevels.of("{\"severity\":\"debug\"}"));
        assertEquals("error", LogLevels.of("10.0.0.2 - - [x] \"GET / HTTP/1.1\" 502 120 \"-\""));
        assertTrue(LogLevels.of("nothing here") == null);
    }
}
