package dev.ecsdeck.taskdef;

import static dev.ecsdeck.taskdef.TaskDefinitionValidatorTest.VALID;
import static dev.ecsdeck.taskdef.TaskDefinitionValidatorTest.container;
import static dev.ecsdeck.taskdef.TaskDefinitionValidatorTest.variant;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.taskdef.DiffEntry.Change;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RevisionDiffTest {

    /** A request and the describe document ECS answers for it are the same task definition. */
    @TestFactory
    Stream<DynamicTest> eachRegisteredFixtureEqualsItsDescribeDocument() {
        return Fixtures.all().stream().filter(f -> !RefusedDefinitions.FILES.containsKey(f.name())).map(f -> dynamicTest(f.name(), () -> {
                    String described = Fixtures.freshSimulator().taskDefinitions().register(f.json()).json();
                    RevisionDiff diff = RevisionDiff.compare(f.json(), described);
                    assertThat(f.name() + "\n" + diff.asText(true), diff.identical(), equalTo(true));
                    assertThat(diff.entries().size(), greaterThan(5));
                }));
    }

    @Test
    void twoDifferentFixturesAreNotIdentical() {
        List<Fixtures.Fixture> all = Fixtures.all();
        RevisionDiff diff = RevisionDiff.compare(all.get(0).json(), all.get(1).json());
        assertThat(diff.identical(), equalTo(false));
        assertThat(diff.changes(), not(empty()));
    }

    @Test
    void anImageChangeIsOneChangedEntryAtTheContainersImage() {
        RevisionDiff diff = RevisionDiff.compare(VALID, variant(d -> container(d, 0).put("image", "nginx:1.28")));
        assertThat(diff.changes(), equalTo(List.of(
                new DiffEntry("containerDefinitions[web].image", Change.CHANGED, "\"nginx:1.27\"", "\"nginx:1.28\""))));
        assertThat(diff.identical(), equalTo(false));
        assertThat(diff.asText(true), equalTo("~ containerDefinitions[web].image: \"nginx:1.27\" \u2192 \"nginx:1.28\""));
    }

    @Test
    void environmentVariablesCompareByNameWhateverTheirOrder() {
        String left = variant(d -> env(d).removeAll().add(pair("A", "1")).add(pair("B", "2")).add(pair("C", "3")));
        String right = variant(d -> env(d).removeAll().add(pair("D", "4")).add(pair("C", "3")).add(pair("B", "20")));
        RevisionDiff diff = RevisionDiff.compare(left, right);
        assertThat(diff.changes(), containsInAnyOrder(
                new DiffEntry("containerDefinitions[web].environment[A]", Change.REMOVED, "{\"name\":\"A\",\"value\":\"1\"}", null),
                new DiffEntry("containerDefinitions[web].environment[B].value", Change.CHANGED, "\"2\"", "\"20\""),
                new DiffEntry("containerDefinitions[web].environment[D]", Change.ADDED, null, "{\"name\":\"D\",\"value\":\"4\"}")));
        String reordered = variant(d -> env(d).removeAll().add(pair("C", "3")).add(pair("A", "1")).add(pair("B", "2")));
        assertThat(RevisionDiff.compare(left, reordered).identical(), equalTo(true));
    }

    @Test
    void reorderedContainersAreIdentical() {
        String reordered = variant(d -> {
            ArrayNode defs = (ArrayNode) d.get("containerDefinitions");
            defs.insert(0, defs.remove(1));
        });
        RevisionDiff diff = RevisionDiff.compare(VALID, reordered);
        assertThat(diff.asText(true), diff.identical(), equalTo(true));
        assertThat(diff.entries().stream().anyMatch(e -> e.path().equals("containerDefinitions[sidecar].image")), equalTo(true));
    }

    @Test
    void asTextShowsEverythingOrOnlyTheChanges() {
        RevisionDiff diff = RevisionDiff.compare(VALID, variant(d -> {
            d.put("family", "web-app-2");
            container(d, 1).remove("logConfiguration");
            container(d, 0).put("stopTimeout", 30);
        }));
        String changes = diff.asText(true);
        assertThat(changes.lines().toList(), equalTo(List.of(
                "~ family: \"web-app\" \u2192 \"web-app-2\"",
                "+ containerDefinitions[web].stopTimeout: 30",
                "- containerDefinitions[sidecar].logConfiguration: {\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":"
                        + "\"/ecs/web\",\"awslogs-region\":\"us-east-1\",\"awslogs-stream-prefix\":\"sidecar\"}}")));
        String all = diff.asText(false);
        assertThat(all, containsString("  containerDefinitions[web].image: \"nginx:1.27\""));
        assertThat(all.lines().count(), equalTo((long) diff.entries().size()));
        assertThat(RevisionDiff.compare(VALID, VALID).asText(true), equalTo(""));
    }

    @Test
    void ecsDefaultsAndSpellingsCompareEqual() {
        String explicit = variant(d -> {
            d.put("cpu", "0.25 vCPU").put("memory", "0.5 GB");
            d.putNull("taskRoleArn");
            d.putArray("volumes");
            d.putArray("placementConstraints");
            container(d, 0).put("cpu", 0).putArray("mountPoints");
            container(d, 0).putArray("volumesFrom");
            container(d, 0).putNull("user");
            ((ObjectNode) container(d, 0).get("portMappings").get(0)).remove(List.of("hostPort", "protocol"));
            d.put("status", "ACTIVE").put("revision", 7).putArray("compatibilities").add("EC2");
        });
        RevisionDiff diff = RevisionDiff.compare(VALID, explicit);
        assertThat(diff.asText(true), diff.identical(), equalTo(true));

        String bridge = "{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"a\",\"image\":\"i\",\"memory\":64,"
                + "\"portMappings\":[{\"containerPort\":80}]}]}";
        String bridgeExplicit = "{\"family\":\"f\",\"networkMode\":\"bridge\",\"requiresCompatibilities\":[],\"containerDefinitions\":"
                + "[{\"name\":\"a\",\"image\":\"i\",\"memory\":64,\"essential\":true,\"portMappings\":[{\"containerPort\":80,"
                + "\"hostPort\":0,\"protocol\":\"tcp\"}],\"environment\":[]}]}";
        assertThat(RevisionDiff.compare(bridge, bridgeExplicit).identical(), equalTo(true));
    }

    @Test
    void changingADefaultShowsTheDefaultValue() {
        RevisionDiff diff = RevisionDiff.compare(variant(d -> container(d, 0).remove("essential")),
                variant(d -> {
                    container(d, 0).put("essential", false);
                    container(d, 1).put("essential", true);
                }));
        assertThat(diff.changes(), containsInAnyOrder(
                new DiffEntry("containerDefinitions[web].essential", Change.CHANGED, "true", "false"),
                new DiffEntry("containerDefinitions[sidecar].essential", Change.CHANGED, "false", "true")));
    }

    @Test
    void portMappingsCompareByPortAndProtocolAndOtherListsByIndex() {
        RevisionDiff diff = RevisionDiff.compare(VALID, variant(d -> {
            ArrayNode ports = (ArrayNode) container(d, 0).get("portMappings");
            ports.insertObject(0).put("containerPort", 443);
            ((ArrayNode) container(d, 0).get("healthCheck").get("command")).set(1, "true");
        }));
        assertThat(diff.changes(), containsInAnyOrder(
                new DiffEntry("containerDefinitions[web].portMappings[443/tcp]", Change.ADDED, null,
                        "{\"containerPort\":443,\"protocol\":\"tcp\",\"hostPort\":443}"),
                new DiffEntry("containerDefinitions[web].healthCheck.command[1]", Change.CHANGED,
                        "\"curl -f http://localhost/ || exit 1\"", "\"true\"")));
    }

    @Test
    void aContainerAddedOrRemovedIsOneEntry() {
        RevisionDiff diff = RevisionDiff.compare(VALID, variant(d -> ((ArrayNode) d.get("containerDefinitions")).remove(1)));
        assertThat(diff.changes(), hasSize(1));
        assertThat(diff.changes().get(0).path(), equalTo("containerDefinitions[sidecar]"));
        assertThat(diff.changes().get(0).change(), equalTo(Change.REMOVED));
        assertThat(diff.changes().get(0).right(), equalTo(null));
    }

    @Test
    void invalidJsonIsAnIllegalArgumentWithItsPlace() {
        InvalidJsonException e = assertThrows(InvalidJsonException.class, () -> RevisionDiff.compare(VALID, "{\n  \"a\": ,\n}"));
        assertThat(e.line(), equalTo(2));
        assertThat(e.getMessage(), containsString("line 2"));
        assertThrows(IllegalArgumentException.class, () -> RevisionDiff.compare("[]", VALID));
        assertThrows(IllegalArgumentException.class, () -> RevisionDiff.compare(null, VALID));
    }

    private static ArrayNode env(ObjectNode d) {
        return (ArrayNode) container(d, 0).get("environment");
    }

    private static ObjectNode pair(String name, String value) {
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("name", name).put("value", value);
    }
}
