package dev.ecsdeck.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import javafx.application.Application;
import picocli.CommandLine;

/**
 * The launcher: parses the options and starts the JavaFX application, or runs the
 * {@code serve-sim} subcommand instead. It does not extend
 * {@link Application}, so the fat jar runs with plain {@code java -jar} on the classpath.
 *
 * <p>Whatever goes wrong before the window opens is one line on stderr and an exit code: 2 for a
 * bad option (the option named), 1 when there is no display to open a window on.
 */
public final class Main {
    private static final System.Logger LOG = System.getLogger(Main.class.getName());
    static final int BAD_OPTION = 2;
    static final int CANNOT_START = 1;

    private Main() {}

    public static void main(String[] args) {
        StartupTrace.mark("main");
        int code = run(args, System.out, System.err, System.getenv(), System.getProperties(),
                window -> Application.launch(EcsDeckApp.class, window));
        // After a window the JVM ends by itself (the smoke run sets its own code); otherwise the code is the outcome.
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the command line and returns the exit code. {@code env} and {@code props} are the
     * process's environment and system properties; {@code window} starts the JavaFX application on
     * the arguments and returns when it has closed.
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Properties props, Consumer<String[]> window) {
        AppOptions options = new AppOptions();
        CommandLine cli = new CommandLine(options);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        CommandLine.ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            String name = e.getCommandLine().getCommandSpec().qualifiedName();
            err.println(name + ": " + oneLine(e.getMessage()) + " (see " + name + " --help)");
            return BAD_OPTION;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return 0;
        }
        if (parsed.hasSubcommand()) {
            // serve-sim is the only subcommand: it serves until killed, without a window.
            return runSubcommand(parsed.subcommand());
        }
        String problem = options.problem();
        if (problem != null) {
            err.println("ecsdeck: " + oneLine(problem) + " (see ecsdeck --help)");
            return BAD_OPTION;
        }
        String noDisplay = displayProblem(env, props);
        if (noDisplay != null) {
            err.println("ecsdeck: no display: " + noDisplay);
            return CANNOT_START;
        }
        AppLogging.configure(options.configDir());
        StartupTrace.mark("options-parsed");
        try {
            window.accept(args);
            return 0;
        } catch (RuntimeException e) {
            // The toolkit could not start (or the application failed to): the detail goes to the log file.
            LOG.log(System.Logger.Level.ERROR, "The window could not open", e);
            Throwable cause = rootCause(e);
            if (cause instanceof UnsupportedOperationException && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("display")) {
                String display = env.get("DISPLAY");
                err.println("ecsdeck: no display: " + oneLine(cause.getMessage())
                        + (display == null || display.isBlank() ? "" : " " + display));
            } else {
                err.println("ecsdeck: cannot start: " + oneLine(cause.getMessage() == null ? cause.toString() : cause.getMessage())
                        + " (details in " + options.configDir().resolve("logs") + ")");
            }
            return CANNOT_START;
        }
    }

    /**
     * Why no window can open here, or null: on Linux and other X11 systems JavaFX needs a display,
     * unless it runs on its headless Monocle platform ({@code -Dglass.platform=Monocle}).
     */
    static String displayProblem(Map<String, String> env, Properties props) {
        String os = props.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return null;
        }
        if ("monocle".equalsIgnoreCase(props.getProperty("glass.platform", ""))) {
            return null;
        }
        if (isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"))) {
            return "DISPLAY is not set. Run ECS Deck in a desktop session, or under xvfb-run; serve-sim needs no display.";
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static int runSubcommand(CommandLine.ParseResult sub) {
        Object command = sub.commandSpec().userObject();
        if (!(command instanceof ServeSimCommand)) {
            throw new IllegalStateException("Unknown subcommand " + sub.commandSpec().name());
        }
        try {
            return ((ServeSimCommand) command).call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
