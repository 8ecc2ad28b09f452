package dev.ecsdeck.sim.ecs;

import static org.hamcrest.MatcherAssert.assertThat;
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
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.taskdef.Fixtures;
import dev.ecsdeck.taskdef.RefusedDefinitions;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Registers each fixture in a fresh simulator: the project's own, and the real task definitions
 * from the AWS sample repositories when they lie beside the project. Every one must register,
 * unless real ECS itself refuses it: those are in {@link RefusedDefinitions#FILES} with ECS's error
 * and why.
 */
class TaskDefinitionFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static SimEngine freshEngine() {
        return DemoSim.emptyEngine(DemoSim.startClock(), 1);
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureRegistersOrIsRefusedAsEcsRefusesIt() throws IOException {
        return Fixtures.all().stream().map(f -> dynamicTest(f.name(), () -> {
            try {
                registerOrRefuse(f);
            } catch (AssertionError | SimApiException e) {
                // surefire's report numbers dynamic tests: name the fixture in the failure itself
                throw new AssertionError(f.name() + ": " + e.getMessage(), e);
            }
        }));
    }

    @Test
    void everyOwnRefusalNamesAnOwnFixture() {
        List<String> names = Fixtures.own().stream().map(Fixtures.Fixture::name).toList();
        List<String> unknown = new ArrayList<>(RefusedDefinitions.FILES.keySet().stream().filter(n -> n.startsWith(Fixtures.OWN))
                .toList());
        unknown.removeAll(names);
        assertThat("refusals naming no fixture", unknown, empty());
    }

    @Test
    void everyCorpusRefusalNamesACorpusFixture() {
        List<String> names = Fixtures.corpus().stream().map(Fixtures.Fixture::name).toList();
        assertThat(names, hasSize(62));
        List<String> unknown = new ArrayList<>(RefusedDefinitions.FILES.keySet().stream().filter(n -> !n.startsWith(Fixtures.OWN))
                .toList());
        unknown.removeAll(names);
        assertThat("refusals naming no fixture", unknown, empty());
    }

    private static void registerOrRefuse(Fixtures.Fixture fixture) throws IOException {
        String text = fixture.json();
        SimEngine engine = freshEngine();
        RefusedDefinitions.Answer refusal = RefusedDefinitions.FILES.get(fixture.name());
        if (refusal != null) {
            SimApiException e = assertThrows(SimApiException.class, () -> engine.taskDefinitions().register(text));
            assertThat(e.errorCode(), equalTo(refusal.errorCode()));
            assertThat(e.getMessage(), equalTo(refusal.ecsMessage()));
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
