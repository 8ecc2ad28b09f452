package dev.ecsdeck.app;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The launcher's command line, run in this JVM: what it prints, its exit code, and whether it opens the window. */
class MainTest {
    private static final Pattern URL = Pattern.compile("https?://[^\\s`'\")]+");
    private static final Map<String, String> DESKTOP = Map.of("DISPLAY", ":0");

    @TempDir
    Path config;

    /** What one run printed, its exit code, and the arguments the window got (null: it was not opened). */
    private record Outcome(int code, String out, String err, String[] window) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Properties linux(String... keyValues) {
        Properties p = new Properties();
        p.setProperty("os.name", "Linux");
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private Outcome run(Map<String, String> env, Properties props, Consumer<String[]> window, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[][] launched = new String[1][];
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env, props,
                a -> {
                    launched[0] = a;
                    window.accept(a);
                });
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), launched[0]);
    }

    private Outcome run(String... args) {
        return run(DESKTOP, linux(), a -> { }, args);
    }

    /** Every URL written in the command's option and command descriptions, with its subcommands'. */
    private static List<String> urlsInDescriptions(CommandLine cli) {
        List<String> urls = new ArrayList<>();
        Stream<String> texts = Stream.concat(Stream.of(cli.getCommandSpec().usageMessage().description()),
                cli.getCommandSpec().options().stream().flatMap(o -> Stream.of(o.description())));
        texts.map(t -> t.replace("%n", " ")).forEach(t -> {
            Matcher m = URL.matcher(t);
            while (m.find()) {
                urls.add(m.group());
            }
        });
        cli.getSubcommands().values().forEach(sub -> urls.addAll(urlsInDescriptions(sub)));
        return urls;
    }

    private static void assertEveryUrlWhole(String help, List<String> urls) {
        Matcher m = URL.matcher(help);
        List<String> printed = new ArrayList<>();
        while (m.find()) {
            printed.add(m.group());
        }
        for (String url : printed) {
            assertTrue(urls.contains(url), "a URL broken in two in the help: '" + url + "' is not one of " + urls + "\n" + help);
        }
    }

    @Test
    void helpListsTheScenariosAndPrintsEveryUrlWhole() {
        Outcome help = run("--help");
        assertEquals(0, help.code(), help.err());
        assertNull(help.window(), "--help opens no window");
        String scenarioHelp = help.out().substring(help.out().lastIndexOf("--scenario=NAME|FILE"), help.out().lastIndexOf("--sim-state"));
        assertThat(scenarioHelp, containsString("demo"));
        assertThat(scenarioHelp, containsString("large"));
        assertThat(scenarioHelp, containsString("large:clusters=N,services=N,tasks=N,seed=N"));

        List<String> urls = urlsInDescriptions(new CommandLine(new AppOptions()));
        assertThat(urls, hasItem("http://127.0.0.1:4566"));
        assertThat(urls, hasItem("http://127.0.0.1:PORT"));
        assertEveryUrlWhole(help.out(), urls);
        assertThat(help.out(), containsString("http://127.0.0.1:4566"));

        Outcome serveSimHelp = run("serve-sim", "--help");
        assertEquals(0, serveSimHelp.code());
        assertEveryUrlWhole(serveSimHelp.out(), urls);
        assertThat(serveSimHelp.out(), containsString("http://127.0.0.1:PORT"));
        assertThat(serveSimHelp.out(), containsString("large:clusters=N,services=N,tasks=N,seed=N"));
    }

    @Test
    void everyScenarioTheHelpNamesIsAccepted() {
        for (String scenario : List.of("demo", "large", "large:clusters=1,services=2,tasks=3,seed=4")) {
            AppOptions options = new AppOptions();
            new CommandLine(options).parseArgs("--scenario", scenario);
            assertNull(options.problem(), scenario);
        }
    }

    @Test
    void anUnknownScenarioIsOneLineNamingTheOptionAndExitTwoBeforeAnyWindow() {
        Outcome bad = run("--config-dir", config.toString(), "--scenario", "nope");
        assertEquals(2, bad.code());
        assertNull(bad.window(), "no window, no dialog");
        assertEquals(1, bad.errLines().size(), bad.err());
        assertThat(bad.err(), startsWith("ecsdeck: --scenario nope: No scenario named 'nope'"));
        assertEquals("", bad.out());
    }

    @Test
    void everyBadOptionIsOneLineAndExitTwo() {
        List<List<String>> cases = List.of(List.of("--bogus"), List.of("--backend", "azure"), List.of("--refresh-seconds", "ten"),
                List.of("--theme", "blue"), List.of("--refresh-seconds", "-1"), List.of("--backend", "aws", "--endpoint-url", "localhost:4566"),
                List.of("--scenario", "large:planets=3"), List.of("stray"), List.of("serve-sim", "--port", "x"));
        for (List<String> args : cases) {
            Outcome bad = run(args.toArray(String[]::new));
            assertEquals(2, bad.code(), args + ": " + bad.err());
            assertNull(bad.window(), args.toString());
            assertEquals(1, bad.errLines().size(), args + " printed:\n" + bad.err());
            assertThat(args.toString(), bad.err(), startsWith(args.get(0).equals("serve-sim") ? "ecsdeck serve-sim: " : "ecsdeck: "));
            args.stream().filter(a -> a.startsWith("--")).reduce((first, last) -> last)
                    .ifPresent(option -> assertThat(args + " names the option", bad.err(), containsString(option)));
            assertThat(bad.err(), containsString("--help"));
        }
    }

    @Test
    void withoutADisplayItSaysSoInOneLineAndExitsOneWithoutStartingTheToolkit() {
        Outcome none = run(Map.of(), linux(), a -> { }, "--config-dir", config.toString());
        assertEquals(1, none.code());
        assertNull(none.window(), "JavaFX is not started");
        assertEquals(List.of("ecsdeck: no display: DISPLAY is not set. Run ECS Deck in a desktop session, or under xvfb-run; "
                + "serve-sim needs no display."), none.errLines());

        assertEquals(0, run(Map.of("WAYLAND_DISPLAY", "wayland-0"), linux(), a -> { }, "--config-dir", config.toString()).code());
        assertEquals(0, run(Map.of(), linux("glass.platform", "Monocle"), a -> { }, "--config-dir", config.toString()).code(),
                "the headless platform needs no display");
        Properties windows = new Properties();
        windows.setProperty("os.name", "Windows 11");
        assertEquals(0, run(Map.of(), windows, a -> { }, "--config-dir", config.toString()).code());
    }

    @Test
    void aToolkitThatCannotOpenTheDisplayIsOneLineAndExitOne() {
        Outcome broken = run(Map.of("DISPLAY", ":99"), linux(), a -> {
            throw new UnsupportedOperationException("Unable to open DISPLAY");
        }, "--config-dir", config.toString());
        assertEquals(1, broken.code());
        assertEquals(List.of("ecsdeck: no display: Unable to open DISPLAY :99"), broken.errLines());

        Outcome failed = run(DESKTOP, linux(), a -> {
            throw new RuntimeException("Exception in Application start method", new IllegalStateException("boom"));
        }, "--config-dir", config.toString());
        assertEquals(1, failed.code());
        assertEquals(1, failed.errLines().size(), failed.err());
        assertThat(failed.err(), startsWith("ecsdeck: cannot start: boom (details in "));
        assertFalse(failed.err().contains("Exception"), failed.err());
    }

    @Test
    void goodOptionsOpenTheWindowWithTheSameArguments() {
        Outcome ok = run("--config-dir", config.toString(), "--scenario", "demo", "--read-only");
        assertEquals(0, ok.code(), ok.err());
        assertEquals(List.of("--config-dir", config.toString(), "--scenario", "demo", "--read-only"), List.of(ok.window()));
        assertThat(ok.errLines(), empty());
    }
}
