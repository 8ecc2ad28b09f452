package dev.ecsdeck.ui.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Finding the tools and a terminal on a fake PATH; launching records the process instead of starting it. */
class TerminalLauncherTest {
    private static final List<String> ARGV = new ShellCommand("c", "t", "web", "dev team", "eu-west-1", null).argv();
    private final List<List<String>> started = new ArrayList<>();

    private TerminalLauncher on(String os, String path, String... files) {
        Set<Path> present = new java.util.HashSet<>();
        for (String f : files) {
            present.add(Path.of(f));
        }
        return new TerminalLauncher(path, os, present::contains, started::add);
    }

    @Test
    void namesWhichToolIsMissing() {
        assertEquals(List.of("aws", "session-manager-plugin"), on("Linux", "/usr/bin:/usr/local/bin").missingTools());
        assertEquals(List.of("session-manager-plugin"), on("Linux", "/usr/bin:/usr/local/bin", "/usr/local/bin/aws").missingTools());
        assertEquals(List.of("aws"), on("Linux", "/usr/bin:/opt/ssm", "/opt/ssm/session-manager-plugin").missingTools());
        assertEquals(List.of(), on("Linux", "/usr/bin::/opt/ssm", "/usr/bin/aws", "/opt/ssm/session-manager-plugin").missingTools());
        assertEquals(Optional.of(Path.of("/usr/bin/aws")), on("Linux", "/usr/bin:/bin", "/usr/bin/aws", "/bin/aws").find("aws"),
                "the first on the PATH");
    }

    @Test
    void findsWindowsToolsByTheirExtensionOnASemicolonPath() {
        TerminalLauncher w = on("Windows 11", "C:\\AWS;C:\\SSM", Path.of("C:\\AWS", "aws.exe").toString(),
                Path.of("C:\\SSM", "session-manager-plugin.exe").toString());
        assertEquals(List.of(), w.missingTools());
        assertEquals(List.of("cmd", "/c", "start", "\"ECS shell\"", "cmd", "/k", "aws", "ecs", "execute-command", "--cluster", "c", "--task",
                "t", "--container", "web", "--interactive", "--command", "/bin/sh", "--profile", "\"dev team\"", "--region", "eu-west-1"),
                w.terminalFor(ARGV).orElseThrow());
    }

    @Test
    void picksTheFirstLinuxTerminalThereIsAndKeepsItsWindowOpen() throws IOException {
        String line = ShellCommand.line(ARGV);
        List<String> xterm = on("Linux", "/usr/bin", "/usr/bin/xterm", "/usr/bin/konsole").terminalFor(ARGV).orElseThrow();
        assertEquals(List.of("konsole", "-e", "sh", "-c"), xterm.subList(0, 4));
        assertTrue(xterm.get(4).startsWith(line + "; "), xterm.get(4));
        assertEquals(List.of("gnome-terminal", "--", "sh", "-c"),
                on("Linux", "/usr/bin", "/usr/bin/xterm", "/usr/bin/gnome-terminal").terminalFor(ARGV).orElseThrow().subList(0, 4));
        assertEquals("x-terminal-emulator", on("Linux", "/usr/bin", "/usr/bin/x-terminal-emulator", "/usr/bin/xterm")
                .terminalFor(ARGV).orElseThrow().get(0));

        TerminalLauncher none = on("Linux", "/usr/bin");
        assertEquals(Optional.empty(), none.terminalFor(ARGV));
        assertFalse(none.launch(ARGV));
        assertEquals(List.of(), started);

        assertTrue(on("Linux", "/usr/bin", "/usr/bin/xterm").launch(ARGV));
        assertEquals("xterm", started.get(0).get(0));
    }

    @Test
    void opensMacTerminalThroughOsascript() {
        List<String> mac = on("Mac OS X", "/usr/bin").terminalFor(List.of("aws", "it's \"quoted\"")).orElseThrow();
        assertEquals("osascript", mac.get(0));
        assertEquals("tell application \"Terminal\" to do script \"aws 'it'\\\\''s \\\"quoted\\\"'\"", mac.get(2));
    }
}
