package dev.ecsdeck.ui.taskdef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftStoreTest {
    @TempDir
    Path dir;

    @Test
    void keepsOneDraftPerFamilyNewestFirstAndForgetsDeletedOnes() {
        DraftStore store = new DraftStore(dir.resolve("drafts"));
        assertEquals(List.of(), store.all(), "no folder yet: no drafts");
        store.save(new Draft("web", "arn:aws:ecs:us-east-1:1:task-definition/web:1", "{\"family\":\"web\"}", Instant.parse("2026-11-22T09:00:00Z")));
        store.save(new Draft("api", null, "{\"family\":\"api\"}", Instant.parse("2026-11-22T09:05:00Z")));
        store.save(new Draft("web", "arn:aws:ecs:us-east-1:1:task-definition/web:1", "{\"family\":\"web\",\"cpu\":\"256\"}",
                Instant.parse("2026-11-22T09:01:00Z")));

        List<Draft> all = store.all();
        assertEquals(List.of("api", "web"), all.stream().map(Draft::family).toList());
        assertEquals("{\"family\":\"web\",\"cpu\":\"256\"}", all.get(1).json(), "the later save replaces the earlier one");

        store.delete("web");
        assertEquals(List.of("api"), store.all().stream().map(Draft::family).toList());
    }

    @Test
    void skipsUnreadableFilesWithoutDeletingThem() throws Exception {
        Path drafts = Files.createDirectories(dir.resolve("drafts"));
        Path broken = Files.writeString(drafts.resolve("broken.json"), "{ not json");
        DraftStore store = new DraftStore(drafts);
        store.save(new Draft("web", null, "{}", Instant.parse("2026-11-22T09:00:00Z")));
        assertEquals(List.of("web"), store.all().stream().map(Draft::family).toList());
        assertTrue(Files.exists(broken));
    }

    @Test
    void familyNamesBecomeSafeFileNames() {
        DraftStore store = new DraftStore(dir);
        store.save(new Draft("../../etc/passwd", null, "{}", Instant.parse("2026-11-22T09:00:00Z")));
        assertEquals(1, store.all().size());
        assertTrue(Files.exists(dir.resolve("______etc_passwd.json")));
    }
}
