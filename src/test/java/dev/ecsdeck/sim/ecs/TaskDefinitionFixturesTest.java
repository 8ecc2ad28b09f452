package dev.ecsdeck.sim.ecs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.sim.ManualClock;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Registers each of the real task definitions from the AWS sample repositories in a fresh
 * simulator. Every one must register, unless real ECS itself refuses it: those are listed in
 * {@link #REFUSED} with ECS's error and why.
 */
class TaskDefinitionFixturesTest {
    static final Path FIXTURES = Path.of("../shared/fixtures/task-definitions");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FARGATE_AWSLOGS_WITHOUT_ROLE =
            "Fargate requires task definition to have execution role ARN to support log driver awslogs.";
    private static final String AWSVPC_PORTS = "When networkMode=awsvpc, the host ports and container ports in port mappings must match.";

    /** An expected refusal: ECS's error code and fragments of its message. */
    record Refusal(String errorCode, String... fragments) {}

    /** The fixtures ECS refuses, by path under the fixtures folder, with ECS's error. */
    static final Map<String, Refusal> REFUSED = Map.ofEntries(
            // Not valid JSON as published (a missing comma): the request cannot be read at all.
            Map.entry("amazon-ecs-firelens-examples/fluent-bit/dynatrace/task-definition.json",
                    new Refusal("SerializationException", "line 34", "column")),
            // A DescribeTaskDefinition answer ({"taskDefinition": {...}}), not a request: ECS ignores
            // the unknown member and finds no family.
            Map.entry("amazon-ecs-firelens-examples/fluent-bit/efs/task-definition.json",
                    new Refusal("ClientException", "Family can not be blank.")),
            // "portMappings" is an object, where the API has a list: the JSON protocol rejects it.
            Map.entry("amazon-ecs-firelens-examples/fluent-bit/logstash/task-definition.json",
                    new Refusal("SerializationException", "Start of structure or map found where not expected.")),
            // "secretOptions" inside logConfiguration is an object, where the API has a list.
            Map.entry("amazon-ecs-firelens-examples/fluent-bit/signalfx/task-definition.json",
                    new Refusal("SerializationException", "Start of structure or map found where not expected.")),
            // awsvpc with hostPort 80 for containerPort 5601 / 8080: awsvpc has no port translation.
            Map.entry("aws-containers-task-definitions/kibana/kibana_ec2.json", new Refusal("ClientException", AWSVPC_PORTS)),
            Map.entry("aws-containers-task-definitions/tomcat/tomcat_ec2.json", new Refusal("ClientException", AWSVPC_PORTS)),
            // FARGATE with the awslogs driver but no executionRoleArn: on Fargate only the task
            // execution role can write the logs. (The samples predate that requirement.)
            Map.entry("aws-containers-task-definitions/gunicorn/gunicorn_fargate.json",
                    new Refusal("ClientException", FARGATE_AWSLOGS_WITHOUT_ROLE)),
            Map.entry("aws-containers-task-definitions/jetty/jetty_fargate.json",
                    new Refusal("ClientException", FARGATE_AWSLOGS_WITHOUT_ROLE)),
            Map.entry("aws-containers-task-definitions/kibana/kibana_fargate.json",
                    new Refusal("ClientException", FARGATE_AWSLOGS_WITHOUT_ROLE)),
            Map.entry("aws-containers-task-definitions/nginx/nginx_fargate.json",
                    new Refusal("ClientException", FARGATE_AWSLOGS_WITHOUT_ROLE)),
            Map.entry("aws-containers-task-definitions/tomcat/tomcat_fargate.json",
                    new Refusal("ClientException", FARGATE_AWSLOGS_WITHOUT_ROLE)),
            Map.entry("aws-containers-task-definitions/wildfly/wildfly_fargate.json",
                    new Refusal("ClientException", FARGATE_AWSLOGS_WITHOUT_ROLE)));

    static List<Path> fixtures() throws IOException {
        // The public sample corpus lies beside the project in CI, not in a user's clone: skipped, with why, without it.
        Assumptions.assumeTrue(Files.isDirectory(FIXTURES), () -> "skipped: the sample task definitions are not beside the project ("
                + FIXTURES.toAbsolutePath().normalize() + ")");
        try (Stream<Path> walk = Files.walk(FIXTURES)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    static String name(Path fixture) {
        return FIXTURES.relativize(fixture).toString().replace('\\', '/');
    }

    static SimEngine freshEngine() {
        return new SimEngine(new ManualClock(Instant.parse("2026-11-22T09:00:00Z")), 1, "us-east-1");
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureRegistersOrIsRefusedAsEcsRefusesIt() throws IOException {
        return fixtures().stream().map(f -> dynamicTest(name(f), () -> {
            try {
                registerOrRefuse(f);
            } catch (AssertionError | SimApiException e) {
                // surefire's report numbers dynamic tests: name the fixture in the failure itself
                throw new AssertionError(name(f) + ": " + e.getMessage(), e);
            }
        }));
    }

    @Test
    void everyListedRefusalNamesAFixture() throws IOException {
        List<String> names = fixtures().stream().map(TaskDefinitionFixturesTest::name).toList();
        assertThat(names, hasSize(62));
        List<String> unknown = new ArrayList<>(REFUSED.keySet());
        unknown.removeAll(names);
        assertThat("refusals naming no fixture", unknown, empty());
    }

    private static void registerOrRefuse(Path fixture) throws IOException {
        String text = Files.readString(fixture);
        SimEngine engine = freshEngine();
        Refusal refusal = REFUSED.get(name(fixture));
        if (refusal != null) {
            SimApiException e = assertThrows(SimApiException.class, () -> engine.taskDefinitions().register(text));
            assertThat(e.errorCode(), equalTo(refusal.errorCode()));
            for (String fragment : refusal.fragments()) {
                assertThat(e.getMessage(), containsString(fragment));
            }
            return;
        }
        JsonNode file = JSON.readTree(text);
        TaskDefinition td = engine.taskDefinitions().register(text);
        JsonNode doc = JSON.readTree(td.json());

        assertThat(td.revision(), equalTo(1));
        assertThat(td.status(), equalTo("ACTIVE"));
        assertThat(td.family(), equalTo(file.get("family").asText()));
        assertThat(doc.get("family").asText(), equalTo(file.get("family").asText()));
        assertThat(doc.get("revision").asInt(), equalTo(1));
        assertThat(doc.get("status").asText(), equalTo("ACTIVE"));
        assertThat(doc.get("containerDefinitions").size(), equalTo(file.get("containerDefinitions").size()));
        assertThat(td.containerNames(), hasSize(file.get("containerDefinitions").size()));

        List<String> compatibilities = new ArrayList<>();
        doc.get("compatibilities").forEach(n -> compatibilities.add(n.asText()));
        assertThat(compatibilities, hasItem("EC2"));
        List<String> required = new ArrayList<>();
        file.path("requiresCompatibilities").forEach(n -> required.add(n.asText()));
        if (required.contains("FARGATE")) {
            assertThat(compatibilities, hasItem("FARGATE"));
        }
        assertSize(file, doc, "cpu", "vcpu");
        assertSize(file, doc, "memory", "gb");
    }

    /** Task cpu and memory come back as whole units in a string, as ECS converts "1 vCPU" and "2 GB". */
    private static void assertSize(JsonNode file, JsonNode doc, String field, String scaledUnit) {
        if (!file.hasNonNull(field)) {
            assertThat(field + " in the describe document", doc.has(field), equalTo(false));
            return;
        }
        String given = file.get(field).asText().trim().toLowerCase(Locale.ROOT);
        String number = given.replaceAll("[^0-9.]", "");
        boolean scaled = given.endsWith(scaledUnit);
        String expected = new BigDecimal(number).multiply(BigDecimal.valueOf(scaled ? 1024 : 1)).stripTrailingZeros().toPlainString();
        assertThat(doc.get(field).asText(), matchesPattern("\\d+"));
        assertThat(field + " " + given, doc.get(field).asText(), equalTo(expected));
    }
}
