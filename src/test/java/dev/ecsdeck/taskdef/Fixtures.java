package dev.ecsdeck.taskdef;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The real task definitions from the AWS sample repositories, shared with the simulator's tests. */
public final class Fixtures {
    static final Path FOLDER = Path.of("../shared/fixtures/task-definitions");
    /** As published, this one is not valid JSON (a missing comma). */
    static final String INVALID_JSON = "amazon-ecs-firelens-examples/fluent-bit/dynatrace/task-definition.json";

    private Fixtures() {}

    public record Fixture(String name, String json) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Fixture> all() {
        // The public sample corpus lies beside the project in CI, not in a user's clone: skipped, with why, without it.
        Assumptions.assumeTrue(Files.isDirectory(FOLDER), () -> "skipped: the sample task definitions are not beside the project ("
                + FOLDER.toAbsolutePath().normalize() + ")");
        try (Stream<Path> walk = Files.walk(FOLDER)) {
            List<Fixture> fixtures = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
                    .sorted().map(Fixtures::read).toList();
            assertTrue(fixtures.size() >= 60, () -> "expected the 62 sample task definitions in " + FOLDER + ", found "
                    + fixtures.size());
            return fixtures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fixture named(String name) {
        return all().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no fixture " + name));
    }

    private static Fixture read(Path p) {
        try {
            return new Fixture(FOLDER.relativize(p).toString().replace('\\', '/'), Files.readString(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SimEngine freshSimulator() {
        return new SimEngine(new ManualClock(Instant.parse("2026-11-22T09:00:00Z")), 1, "us-east-1");
    }
}
