package dev.ecsdeck.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the app's log (java.util.logging, which the AWS SDK's SLF4J output also reaches) to
 * rotating files in the config folder. Nothing the console logs contains credentials.
 */
final class AppLogging {
    private AppLogging() {}

    static Path configure(Path configDir) {
        Path dir = configDir.resolve("logs");
        try {
            Files.createDirectories(dir);
            FileHandler file = new FileHandler(dir.resolve("ecsdeck-%g.log").toString(), 2_000_000, 3, true);
            file.setFormatter(new SimpleFormatter());
            file.setLevel(Level.INFO);
            Logger root = Logger.getLogger("");
            root.addHandler(file);
            Logger.getLogger("software.amazon.awssdk").setLevel(Level.WARNING);
        } catch (IOException e) {
            System.err.println("ECS Deck: cannot write logs to " + dir + ": " + e.getMessage());
        }
        return dir;
    }
}
