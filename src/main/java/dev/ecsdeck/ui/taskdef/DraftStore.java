package dev.ecsdeck.ui.taskdef;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ecsdeck.storage.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Editor drafts on disk, one file per family in the config folder's {@code drafts/}, written
 * atomically as the user types, so a crash or a failed register loses nothing; removed once the
 * revision is registered. Drafts hold only the task definition the user typed.
 */
public final class DraftStore {
    private static final System.Logger LOG = System.getLogger(DraftStore.class.getName());
    private final Path dir;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public DraftStore(Path dir) {
        this.dir = dir;
    }

    private Path fileOf(String family) {
        String safe = family == null || family.isBlank() ? "_unnamed" : family.replaceAll("[^A-Za-z0-9_-]", "_");
        return dir.resolve(safe + ".json");
    }

    public void save(Draft draft) {
        try {
            AtomicFileWriter.write(fileOf(draft.family()), json.writeValueAsBytes(draft));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not save the draft of " + draft.family() + ": " + e.getMessage());
        }
    }

    public void delete(String family) {
        try {
            Files.deleteIfExists(fileOf(family));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete the draft of " + family + ": " + e.getMessage());
        }
    }

    /** The saved drafts, newest first; unreadable files are skipped (and kept for the user). */
    public List<Draft> all() {
        List<Draft> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    out.add(json.readValue(f.toFile(), Draft.class));
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "Skipping unreadable draft " + f + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot list drafts in " + dir + ": " + e.getMessage());
        }
        out.sort(Comparator.comparing(Draft::savedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }
}
