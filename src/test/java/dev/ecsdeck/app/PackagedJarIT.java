package dev.ecsdeck.app;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar itself: --help, and the smoke run through the real window. */
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
        PackagedJar.Run run = PackagedJar.run(true, 150, "--smoke", "--config-dir", config.toString(), "--scenario", "no-such-scenario");
        assertEquals(1, run.exitCode());
        assertThat(run.stdout(), containsString("SMOKE fail reason=backend: No scenario named 'no-such-scenario'"));
    }
}
