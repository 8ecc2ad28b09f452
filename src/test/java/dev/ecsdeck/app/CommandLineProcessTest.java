package dev.ecsdeck.app;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console as a process, started from this build's classes in a child JVM: without a display it
 * says so in one line, and SIGTERM or SIGINT closes it as the window's close button does.
 */
class CommandLineProcessTest {
    @TempDir
    Path dir;

    private Path config() {
        return dir.resolve("ecsdeck");
    }

    /** A child JVM running {@link Main} with the given JVM options and arguments, output to files. */
    private ProcessBuilder console(Map<String, String> env, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "--config-dir", config().toString(),
                "--refresh-seconds", "0"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().putAll(env);
        return pb;
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    }

    private int ended(Process p) throws InterruptedException {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the console did not end within 60 s");
        }
        return p.exitValue();
    }

    private void assertOneLineNoStackTrace(String err) {
        assertEquals(1, err.lines().count(), "one line on stderr, not:\n" + err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(err.lines().anyMatch(l -> l.strip().startsWith("at ")), err);
    }

    @Test
    void withoutADisplayItPrintsOneLineAndExitsOne() throws Exception {
        Process p = console(Map.of(), List.of()).start();
        assertEquals(1, ended(p));
        String err = stderr();
        assertOneLineNoStackTrace(err);
        assertThat(err, startsWith("ecsdeck: no display: DISPLAY is not set"));
        assertEquals("", Files.readString(dir.resolve("out.txt")));
    }

    @Test
    void aDisplayNoServerAnswersIsOneLineAndExitOne() throws Exception {
        Process p = console(Map.of("DISPLAY", "127.0.0.1:5999"), List.of()).start();
        assertEquals(1, ended(p));
        String err = stderr();
        assertOneLineNoStackTrace(err);
        assertThat(err, startsWith("ecsdeck: "));
    }

    @Test
    void sigtermSavesTheSettingsAsTheCloseButtonDoes() throws Exception {
        closeBySignal(Process::destroy, 143);
    }

    @Test
    void sigintSavesTheSettingsAsTheCloseButtonDoes() throws Exception {
        // A build started in the background (`mvn verify &`) runs with SIGINT ignored; every child inherits that, and a JVM
        // cannot handle a signal it was started ignoring. Then there is nothing to test: say so instead of failing.
        Assumptions.assumeFalse(sigintIgnoredHere(), "skipped: this build runs with SIGINT ignored (started in the background), "
                + "which the console's JVM would inherit");
        closeBySignal(p -> {
            try {
                assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        }, 130);
    }

    /** Whether this process ignores SIGINT (Linux: bit 2 of SigIgn in /proc/self/status); false where that cannot be read. */
    private static boolean sigintIgnoredHere() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & (1L << 1)) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    /** Opens the window on the headless platform, waits for it, sends the signal, and checks the settings the close wrote. */
    private void closeBySignal(java.util.function.Consumer<Process> signal, int exitCode) throws Exception {
        Process p = console(Map.of(), List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw")).start();
        try {
            Path log = config().resolve("logs").resolve("ecsdeck-0.log");
            try {
                WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS,
                        () -> !p.isAlive() || Files.isRegularFile(log) && Files.readString(log).contains("Window open"));
            } catch (TimeoutException e) {
                throw new AssertionError("the window did not open; stderr:\n" + stderr(), e);
            }
            assertTrue(p.isAlive(), "the console ended by itself; stderr:\n" + stderr());
            assertFalse(Files.exists(config().resolve("settings.json")), "nothing saved before the close");
            signal.accept(p);
            assertEquals(exitCode, ended(p), stderr());
        } finally {
            p.destroyForcibly();
        }
        Settings saved = new SettingsStore(config()).load();
        assertTrue(Files.isRegularFile(config().resolve("settings.json")), "settings.json written on the signal");
        assertNotNull(saved.window(), "the window's bounds, as the close button saves them");
        assertEquals(1280, saved.window().width(), 0.5);
        assertEquals("light", saved.theme());
        assertEquals("", stderr(), "nothing on the terminal");
    }
}
