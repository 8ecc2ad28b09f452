package dev.ecsdeck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.app.PackagedJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * startup.ready_ms: from JVM start to the first frame that shows the demo's clusters, median of five
 * smoke runs of the packaged jar (in Xvfb when installed, else headless Monocle), started as the
 * installed launcher starts it: the pom's {@code app.java.options} (system property
 * {@code ecsdeck.appJavaOptions}) and the AppCDS archive {@code mvn package} made. startup.ready_ms_plain
 * is the same with plain {@code java -jar} (no options, no archive), to show what they bring.
 */
class StartupBench {
    private static final Pattern SMOKE = Pattern.compile("SMOKE ok ready_ms=(\\d+) total_ms=(\\d+)");
    private static final Path ARCHIVE = Path.of("target", "ecsdeck.jsa");
    private static final int RUNS = 5;

    @Test
    void startupReadyMs() throws Exception {
        assertTrue(Files.isRegularFile(ARCHIVE), ARCHIVE + " is missing: mvn package makes it (unless -Dcds.skip)");
        List<String> tuned = new ArrayList<>(launcherOptions());
        tuned.add("-XX:SharedArchiveFile=" + ARCHIVE);
        List<long[]> withArchive = new ArrayList<>();
        List<long[]> plain = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            // Alternated, so a burst of other work on the machine falls on both alike.
            withArchive.add(smoke(tuned));
            plain.add(smoke(List.of()));
        }
        Bench.print("startup.ready_ms", Bench.median(withArchive.stream().map(r -> r[0]).toList()), "ms");
        Bench.print("startup.smoke_total_ms", Bench.median(withArchive.stream().map(r -> r[1]).toList()), "ms");
        Bench.print("startup.ready_ms_plain", Bench.median(plain.stream().map(r -> r[0]).toList()), "ms");
    }

    /** The launcher's JVM options as the pom gives them (none when run outside Maven). */
    private static List<String> launcherOptions() {
        String options = System.getProperty("ecsdeck.appJavaOptions", "").strip();
        return options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
    }

    /** One smoke run: it opened the demo, a service and its logs, and used the archive when given one; {ready, total} ms. */
    private static long[] smoke(List<String> jvmOptions) throws Exception {
        Path config = Files.createTempDirectory("ecsdeck-bench");
        PackagedJar.Run run = PackagedJar.run(jvmOptions, true, 150, "--smoke", "--config-dir", config.toString());
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        // A stale or mismatched archive is ignored with a CDS warning: then the figure would not be the archive's.
        assertFalse(run.stderr().contains("[cds"), "the AppCDS archive was not used: " + run.stderr());
        Matcher m = SMOKE.matcher(run.stdout());
        if (!m.find()) {
            throw new AssertionError("no SMOKE line: " + run.stdout());
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }
}
