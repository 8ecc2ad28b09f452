package dev.ecsdeck.ui.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Runs a command in the user's terminal: finds the AWS CLI and the Session Manager plugin on the
 * PATH, and a terminal for the operating system (Linux: x-terminal-emulator, gnome-terminal,
 * konsole or xterm; macOS: Terminal through osascript; Windows: a new console through cmd's start).
 * The PATH, the OS name, the file check and the process start are given, so it is tested without
 * launching anything.
 */
public final class TerminalLauncher {
    public static final String AWS_CLI = "aws";
    public static final String SSM_PLUGIN = "session-manager-plugin";
    private static final List<String> LINUX_TERMINALS = List.of("x-terminal-emulator", "gnome-terminal", "konsole", "xterm");

    /** Starts a process; the real one is {@code new ProcessBuilder(argv).start()}. */
    public interface Processes {
        void start(List<String> argv) throws IOException;
    }

    private final String path;
    private final String osName;
    private final Predicate<Path> executable;
    private final Processes processes;

    public TerminalLauncher(String path, String osName, Predicate<Path> executable, Processes processes) {
        this.path = path == null ? "" : path;
        this.osName = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        this.executable = executable;
        this.processes = processes;
    }

    /** This machine's PATH and OS; processes really start. */
    public static TerminalLauncher system() {
        return new TerminalLauncher(System.getenv("PATH"), System.getProperty("os.name"),
                p -> Files.isRegularFile(p) && Files.isExecutable(p), argv -> new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    boolean windows() {
        return osName.startsWith("windows");
    }

    boolean mac() {
        return osName.startsWith("mac");
    }

    /** The program's file on the PATH, if there is one (on Windows with its .exe or .cmd). */
    public Optional<Path> find(String program) {
        String separator = windows() ? ";" : ":";
        List<String> names = windows() ? List.of(program + ".exe", program + ".cmd", program + ".bat") : List.of(program);
        for (String dir : path.split(separator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : names) {
                Path candidate = Path.of(dir, name);
                if (executable.test(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Which of the AWS CLI and the Session Manager plugin are not on the PATH, in that order. */
    public List<String> missingTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of(AWS_CLI, SSM_PLUGIN)) {
            if (find(tool).isEmpty()) {
                missing.add(tool);
            }
        }
        return missing;
    }

    /** The process that opens a terminal running {@code argv}; empty when no terminal is found (Linux without one). */
    public Optional<List<String>> terminalFor(List<String> argv) {
        String line = ShellCommand.line(argv);
        if (windows()) {
            List<String> out = new ArrayList<>(List.of("cmd", "/c", "start", "\"ECS shell\"", "cmd", "/k"));
            argv.forEach(w -> out.add(w.contains(" ") ? "\"" + w + "\"" : w));
            return Optional.of(out);
        }
        if (mac()) {
            String script = line.replace("\\", "\\\\").replace("\"", "\\\"");
            return Optional.of(List.of("osascript", "-e", "tell application \"Terminal\" to do script \"" + script + "\"", "-e",
                    "tell application \"Terminal\" to activate"));
        }
        // The window stays open after the session ends, so an error of the CLI can be read.
        String held = line + "; printf '\\nThe session ended. Press Enter to close this window. '; read _";
        for (String terminal : LINUX_TERMINALS) {
            if (find(terminal).isPresent()) {
                return Optional.of("gnome-terminal".equals(terminal) ? List.of(terminal, "--", "sh", "-c", held)
                        : List.of(terminal, "-e", "sh", "-c", held));
            }
        }
        return Optional.empty();
    }

    /** Opens the terminal running {@code argv}; false when there is no terminal to open. */
    public boolean launch(List<String> argv) throws IOException {
        Optional<List<String>> terminal = terminalFor(argv);
        if (terminal.isEmpty()) {
            return false;
        }
        processes.start(terminal.get());
        return true;
    }
}
