package dev.ecsdeck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ecsdeck.app.PackagedJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * dist.installed_ready_ms: startup.ready_ms of the jpackage launcher (its jlinked runtime and AppCDS archive)
 * rather than of java -jar, median of five smoke runs in Xvfb. It runs the installed .deb (/opt/ecs-deck) when
 * there is one, else the app image that mvn -Pdist package -Djpackage.type=app-image left under target/dist.
 * Every run has -Xshare:on, so a run that could not use the archive fails instead of timing something else.
 */
class InstalledStartupBench {
    private static final Pattern SMOKE = Pattern.compile("SMOKE ok ready_ms=(\\d+) total_ms=(\\d+)");
    private static final List<Path> LAUNCHERS = List.of(
            Path.of("/opt/ecs-deck/bin/ecs-deck"), Path.of("target", "dist", "image", "ecs-deck", "bin", "ecs-deck"));

    @Test
    void installedReadyMs() throws Exception {
        Path launcher = LAUNCHERS.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (launcher == null) {
            System.out.println("BENCH-SKIP dist.installed_ready_ms: no app image (mvn -Pdist package -Djpackage.type=app-image) nor /opt/ecs-deck");
            return;
        }
        if (PackagedJar.xvfbRun() == null) {
            System.out.println("BENCH-SKIP dist.installed_ready_ms: the app image's runtime opens a real window, and xvfb-run is not installed");
            return;
        }
        List<Long> ready = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String out = smoke(launcher);
            if (i == 0 && out.contains("shared archive")) {
                System.out.println("BENCH-SKIP dist.installed_ready_ms: " + launcher + " has no AppCDS archive it can use (a .deb build's image "
                        + "has only the class list, the .deb's postinst makes the archive; "
                        + "build with -Djpackage.type=app-image): " + out.strip().replace('\n', ' '));
                return;
            }
            Matcher m = SMOKE.matcher(out);
            if (!m.find()) {
                throw new AssertionError("no SMOKE line from " + launcher + ": " + out);
            }
            ready.add(Long.parseLong(m.group(1)));
        }
        assertEquals(5, ready.size());
        System.out.println("BENCH-NOTE dist.installed_ready_ms from " + launcher + ", runs " + ready);
        Bench.print("dist.installed_ready_ms", Bench.median(ready), "ms");
    }

    /** One smoke run of the launcher, stdout and stderr together. */
    private static String smoke(Path launcher) throws IOException, InterruptedException {
        Path config = Files.createTempDirectory("ecsdeck-bench");
        Path out = Files.createTempFile("ecsdeck-out", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(PackagedJar.xvfbRun(), "-a", "-s", "-screen 0 1400x900x24",
                    launcher.toAbsolutePath().toString(), "--smoke", "--config-dir", config.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put("JAVA_TOOL_OPTIONS", "-Xshare:on");
            Process p = pb.start();
            if (!p.waitFor(150, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(launcher + " did not end within 150 s");
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
