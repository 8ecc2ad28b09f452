package dev.ecsdeck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.app.PackagedJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * startup.ready_ms: from JVM start to the first frame that shows the demo's clusters, median of five
 * smoke runs of the packaged jar (in Xvfb when installed, else headless Monocle).
 */
class StartupBench {
    private static final Pattern SMOKE = Pattern.compile("SMOKE ok ready_ms=(\\d+) total_ms=(\\d+)");

    @Test
    void startupReadyMs() throws Exception {
        List<Long> ready = new ArrayList<>();
        List<Long> total = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Path config = Files.createTempDirectory("ecsdeck-bench");
            PackagedJar.Run run = PackagedJar.run(true, 150, "--smoke", "--config-dir", config.toString());
            assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
            Matcher m = SMOKE.matcher(run.stdout());
            if (!m.find()) {
                throw new AssertionError("no SMOKE line: " + run.stdout());
            }
            ready.add(Long.parseLong(m.group(1)));
            total.add(Long.parseLong(m.group(2)));
        }
        Bench.print("startup.ready_ms", Bench.median(ready), "ms");
        Bench.print("startup.smoke_total_ms", Bench.median(total), "ms");
    }
}
