package dev.ecsdeck.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsWindowDividersThemeAndReadOnlyChoices() {
        SettingsStore store = new SettingsStore(dir);
        Settings saved = Settings.defaults().withWindow(new Settings.WindowBounds(10, 20, 1300, 850, false))
                .withDividers(0.33, 0.6).withTheme("dark").withReadOnly("aws:prod", true);
        store.save(saved);
        assertEquals(saved, store.load());
    }

    @Test
    void missingFileGivesDefaults() {
        assertEquals(Settings.defaults(), new SettingsStore(dir).load());
    }

    @Test
    void unreadableFileGivesDefaultsAndIsKeptAside() throws IOException {
        Files.writeString(dir.resolve("settings.json"), "{ not json");
        assertEquals(Settings.defaults(), new SettingsStore(dir).load());
        assertTrue(Files.exists(dir.resolve("settings.json.bad")));
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws IOException {
        SettingsStore store = new SettingsStore(dir);
        for (int i = 0; i < 5; i++) {
            store.save(Settings.defaults().withDividers(0.1 * i, 0.5));
        }
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of("settings.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
