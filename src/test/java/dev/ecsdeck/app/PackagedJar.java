package dev.ecsdeck.app;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code target/ecsdeck.jar} in its own JVM, as a user would. The window goes to
 * Xvfb when {@code xvfb-run} is installed (a real X window), and to JavaFX's headless Monocle
 * platform otherwise, so the run needs no display either way.
 */
public final class PackagedJar {
    public static final Path JAR = Path.of("target", "ecsdeck.jar");

    /** What a run printed and how it ended. */
    public record Run(int exitCode, String stdout, String stderr) {}

    private PackagedJar() {}

    public static Run run(boolean needsWindow, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        return run(List.of(), needsWindow, timeoutSeconds, args);
    }

    /** As above, the JVM started with {@code jvmOptions} (the launcher's options, an AppCDS archive…). */
    public static Run run(List<String> jvmOptions, boolean needsWindow, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run mvn package first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        if (needsWindow && xvfbRun() != null) {
            command.addAll(List.of(xvfbRun(), "-a", "-s", "-screen 0 1400x900x24", java));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", JAR.toString()));
        } else if (needsWindow) {
            command.add(java);
            command.addAll(jvmOptions);
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-cp", JAR + File.pathSeparator + monocleJar(), Main.class.getName()));
        } else {
            command.add(java);
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", JAR.toString()));
        }
        command.addAll(List.of(args));
        Path out = Files.createTempFile("ecsdeck-out", ".txt");
        Path err = Files.createTempFile("ecsdeck-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("the jar did not end within " + timeoutSeconds + " s: " + command);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Where the xvfb-run command is, or null. */
    public static String xvfbRun() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "xvfb-run");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static String monocleJar() {
        try {
            return Path.of(Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory").getProtectionDomain().getCodeSource()
                    .getLocation().toURI()).toString();
        } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
            throw new IllegalStateException("openjfx-monocle is not on the test classpath", e);
        }
    }
}
