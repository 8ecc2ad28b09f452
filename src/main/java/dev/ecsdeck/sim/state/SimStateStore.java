package dev.ecsdeck.sim.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ecsdeck.sim.SimClock;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.storage.AtomicFileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The simulator's state file: the whole simulation as JSON, written atomically (temp file, fsync,
 * rename), so a kill at any moment leaves the last saved state whole. Loading resumes the
 * simulation where it was saved, catching up at most an hour of missed time.
 */
public final class SimStateStore {
    static final Duration MAX_CATCH_UP = Duration.ofHours(1);

    private final Path file;
    private final String scenario;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
    private long saves;

    public SimStateStore(Path file, String scenario) {
        this.file = file;
        this.scenario = scenario;
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** Writes the engine's state now: a consistent snapshot taken under the engine's lock, written outside it. */
    public void save(SimEngine engine) {
        SimSnapshot snapshot;
        synchronized (engine) {
            engine.advance();
            snapshot = SimSnapshots.capture(engine, scenario);
        }
        try {
            byte[] bytes = json.writeValueAsBytes(snapshot);
            synchronized (this) {
                AtomicFileWriter.write(file, bytes);
                saves++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the simulator state to " + file, e);
        }
    }

    public synchronized long saves() {
        return saves;
    }

    /** The saved simulation on {@code clock}; a clear error when the file is unreadable or holds another scenario. */
    public SimEngine load(SimClock clock) {
        SimSnapshot snapshot;
        try {
            snapshot = json.readValue(file.toFile(), SimSnapshot.class);
        } catch (IOException e) {
            throw new IllegalStateException("The simulator state " + file + " is unreadable (" + e.getMessage()
                    + "). Move it away or start with --reset-sim.", e);
        }
        if (snapshot == null || snapshot.scenario() == null) {
            throw new IllegalStateException("The simulator state " + file + " is empty. Move it away or start with --reset-sim.");
        }
        if (!snapshot.scenario().equals(scenario)) {
            throw new IllegalStateException("The simulator state " + file + " holds scenario '" + snapshot.scenario()
                    + "', not '" + scenario + "'. Use another --sim-state file, or start with --reset-sim.");
        }
        return SimSnapshots.restore(snapshot, clock, MAX_CATCH_UP);
    }
}
