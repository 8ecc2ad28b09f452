package dev.ecsdeck.taskdef;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Task definitions for the tests of the editor and the simulator: the project's own (written for
 * this project, under src/test/resources, so a fresh clone tests every rule) and, where it lies
 * beside the project, the public corpus of real ones from the AWS sample repositories.
 */
public final class Fixtures {
    static final Path FOLDER = Path.of("../shared/fixtures/task-definitions");
    /** Names of the project's own fixtures start with this; the corpus's are their paths in its folder. */
    public static final String OWN = "ecsdeck/";
    private static final String RESOURCES = "/dev/ecsdeck/taskdef/definitions/";
    /** The project's own: each feature of a task definition in at least one, and one of each kind ECS refuses. */
    private static final List<String> OWN_NAMES = List.of("fargate-firelens.json", "ec2-bridge-firelens.json",
            "ec2-awsvpc-awslogs.json", "host-mode-metrics.json", "bridge-dynamic-ports.json", "fargate-efs-secrets.json",
            "appmesh-proxy.json", "fargate-init-ranges.json", "refused/describe-wrapper.json",
            "refused/port-mappings-object.json", "refused/secret-options-object.json", "refused/awsvpc-host-port.json",
            "refused/fargate-awslogs-no-role.json", "refused/not-json.json");
    /** As published, this one is not valid JSON (a missing comma). */
    static final String INVALID_JSON = "amazon-ecs-firelens-examples/fluent-bit/dynatrace/task-definition.json";

    private Fixtures() {}

    public record Fixture(String name, String json) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The project's own fixtures, then the corpus when it is beside the project. Never skips. */
    public static List<Fixture> all() {
        List<Fixture> all = new ArrayList<>(own());
        if (Files.isDirectory(FOLDER)) {
            all.addAll(corpus());
        }
        return all;
    }

    /** The project's own fixtures, always there. */
    public static List<Fixture> own() {
        return OWN_NAMES.stream().map(n -> new Fixture(OWN + n, resource(n))).toList();
    }

    /** One of the project's own fixtures, by its name without {@link #OWN}. */
    public static String own(String name) {
        return resource(name);
    }

    /** The public corpus: the test is skipped, with why, when it is not beside the project (a user's clone). */
    public static List<Fixture> corpus() {
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

    /** A fixture by name, own or (when present) from the corpus. */
    static Fixture named(String name) {
        return all().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no fixture " + name));
    }

    private static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new AssertionError("no own fixture " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Fixture read(Path p) {
        try {
            return new Fixture(FOLDER.relativize(p).toString().replace('\\', '/'), Files.readString(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SimEngine freshSimulator() {
        return DemoSim.emptyEngine(DemoSim.startClock(), 1);
    }
}
