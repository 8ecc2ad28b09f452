package dev.ecsdeck.taskdef;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.taskdef.RequestSchema.Kind;
import dev.ecsdeck.taskdef.RequestSchema.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The schema the validator reads from the AWS SDK is the ECS API model's: same members, JSON
 * types, enum values and required members, for every shape under RegisterTaskDefinitionRequest.
 */
class RequestSchemaTest {
    static final Path MODEL = Path.of("../shared/reference/aws-api-models/ecs/service-2.json");
    private static final Map<String, Kind> KINDS = Map.of("structure", Kind.STRUCTURE, "list", Kind.LIST, "map", Kind.MAP,
            "string", Kind.STRING, "integer", Kind.INTEGER, "long", Kind.LONG, "boolean", Kind.BOOLEAN, "double", Kind.NUMBER,
            "float", Kind.NUMBER, "timestamp", Kind.TIMESTAMP);

    /**
     * What the SDK in the build knows and the ECS model beside the project does not yet: features ECS
     * added after that model was taken. Listed one by one, so anything else that differs still fails.
     */
    private static final Map<String, Set<String>> NEWER_IN_SDK = Map.of(
            " members", Set.of("trustedExecutionConfiguration"),
            "containerDefinitions[].resourceRequirements[] members", Set.of("sharingStrategy"),
            "containerDefinitions[].resourceRequirements[].type enum", Set.of("NeuronDevice"));

    private JsonNode shapes;
    private final List<String> mismatches = new ArrayList<>();
    private final Set<String> structuresSeen = new HashSet<>();

    @Test
    void theSdkSchemaIsTheApiModel() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(MODEL), () -> "skipped: the ECS API model is not beside the project ("
                + MODEL.toAbsolutePath().normalize() + ")");
        shapes = new ObjectMapper().readTree(Files.readString(MODEL)).get("shapes");
        compare("", "RegisterTaskDefinitionRequest", RequestSchema.request());
        assertThat(mismatches.toString(), mismatches, empty());
        assertThat("structures compared", structuresSeen.size(), greaterThan(35));
    }

    @Test
    void everyRequiredListNamesAShapeOfTheRequest() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(MODEL), () -> "skipped: the ECS API model is not beside the project ("
                + MODEL.toAbsolutePath().normalize() + ")");
        shapes = new ObjectMapper().readTree(Files.readString(MODEL)).get("shapes");
        compare("", "RegisterTaskDefinitionRequest", RequestSchema.request());
        Set<String> unused = new TreeSet<>(RequestSchema.REQUIRED.keySet());
        unused.removeAll(structuresSeen);
        assertThat(unused, empty());
    }

    private void compare(String path, String shapeName, Shape shape) {
        JsonNode model = shapes.get(shapeName);
        String type = model.get("type").asText();
        if (KINDS.get(type) != shape.kind()) {
            mismatches.add(path + ": model " + type + ", SDK " + shape.kind());
            return;
        }
        switch (shape.kind()) {
            case STRUCTURE:
                structuresSeen.add(shapeName);
                if (!shapeName.equals(shape.name())) {
                    mismatches.add(path + ": model shape " + shapeName + ", SDK class " + shape.name());
                }
                Set<String> members = new TreeSet<>();
                model.get("members").fieldNames().forEachRemaining(members::add);
                same(path + " members", members, shape.members().keySet());
                Set<String> required = new TreeSet<>();
                model.path("required").forEach(r -> required.add(r.asText()));
                same(path + " required", required, shape.required());
                model.get("members").fields().forEachRemaining(e -> {
                    Shape member = shape.members().get(e.getKey());
                    if (member != null) {
                        compare(LocatedJson.member(path, e.getKey()), e.getValue().get("shape").asText(), member);
                    }
                });
                break;
            case LIST:
                compare(path + "[]", model.get("member").get("shape").asText(), shape.element());
                break;
            case MAP:
                compare(path + "{}", model.get("value").get("shape").asText(), shape.element());
                break;
            default:
                Set<String> values = new TreeSet<>();
                model.path("enum").forEach(v -> values.add(v.asText()));
                same(path + " enum", values, shape.enumValues());
        }
    }

    private void same(String what, Set<String> model, Set<String> sdk) {
        Set<String> known = new TreeSet<>(sdk);
        known.removeAll(NEWER_IN_SDK.getOrDefault(what, Set.of()));
        if (!model.equals(known)) {
            mismatches.add(what + ": model " + model + ", SDK " + new TreeSet<>(sdk));
        }
    }
}
