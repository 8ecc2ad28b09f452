package dev.ecsdeck.app;

import javafx.application.Application;
import picocli.CommandLine;

/**
 * The launcher: parses the options and starts the JavaFX application, or runs the
 * {@code serve-sim} subcommand instead. It does not extend
 * {@link Application}, so the fat jar runs with plain {@code java -jar} on the classpath.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new AppOptions());
        CommandLine.ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            e.getCommandLine().usage(System.err);
            System.exit(2);
            return;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return;
        }
        if (parsed.hasSubcommand()) {
            // serve-sim is the only subcommand: it serves until killed, without a window.
            System.exit(runSubcommand(parsed.subcommand()));
            return;
        }
        Application.launch(EcsDeckApp.class, args);
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
