package dev.ecsdeck.app;

import javafx.application.Application;
import picocli.CommandLine;

/**
 * The launcher: parses the options and starts the JavaFX application. It does not extend
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
        Application.launch(EcsDeckApp.class, args);
    }
}
