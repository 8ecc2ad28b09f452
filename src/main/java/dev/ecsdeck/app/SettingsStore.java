package dev.ecsdeck.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ecsdeck.storage.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@link Settings} as JSON in the config folder; writes are atomic. */
public final class SettingsStore {
    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());
    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public SettingsStore(Path configDir) {
        this.file = configDir.resolve("settings.json");
    }

    public Path file() {
        return file;
    }

    /** The saved settings; defaults when there are none, or when the file is unreadable (kept aside as settings.json.bad). */
    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        try {
            return json.readValue(file.toFile(), Settings.class);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Settings file " + file + " is unreadable (" + e.getMessage() + "); using defaults");
            try {
                Files.copy(file, file.resolveSibling("settings.json.bad"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // the defaults still apply
            }
            return Settings.defaults();
        }
    }

    public void save(Settings settings) {
        try {
            AtomicFileWriter.write(file, json.writeValueAsBytes(settings));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not save settings to " + file + ": " + e.getMessage());
        }
    }
}
