package dev.ecsdeck.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the app's log (java.util.logging, which the AWS SDK's SLF4J output and JavaFX's own
 * warnings also reach) to rotating files in the config folder, and only there: the terminal gets
 * the launcher's one-line messages, not log records. Nothing the console logs contains credentials.
 */
final class AppLogging {
    private AppLogging() {}

    /** Idempotent: the launcher configures it before the toolkit starts, the application again (runs without the launcher). */
    static Path configure(Path configDir) {
        Path dir = configDir.resolve("logs");
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof LogFile f) {
                if (f.dir.equals(dir)) {
                    return dir;
                }
                root.removeHandler(f); // another config folder (tests start the app on several): its log ends here
                f.close();
            }
        }
        try {
            Files.createDirectories(dir);
            LogFile file = new LogFile(dir);
            file.setFormatter(new SimpleFormatter());
            file.setLevel(Level.INFO);
            for (Handler h : root.getHandlers()) {
                if (h instanceof ConsoleHandler) {
                    root.removeHandler(h);
                }
            }
            root.addHandler(file);
            Logger.getLogger("software.amazon.awssdk").setLevel(Level.WARNING);
        } catch (IOException e) {
            System.err.println("ecsdeck: cannot write logs to " + dir + ": " + e.getMessage());
        }
        return dir;
    }

    /** The rotating log files of one config folder. */
    private static final class LogFile extends FileHandler {
        final Path dir;

        LogFile(Path dir) throws IOException {
            super(dir.resolve("ecsdeck-%g.log").toString(), 2_000_000, 3, true);
            this.dir = dir;
        }
    }
}
