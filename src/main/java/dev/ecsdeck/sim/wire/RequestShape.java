package dev.ecsdeck.sim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top-level members of an operation's request that the simulator reads, with their JSON types
 * and which are required, as the service's API model declares them (a test holds the two to each
 * other). Checked before the engine is called: a mistyped member is a SerializationException, as
 * the services' deserializers answer; a missing required one is the service's validation error.
 * Members inside structures are checked when they are bound to model records.
 */
public final class RequestShape {
    /** The JSON type of a member, in the API model's terms. */
    public enum Kind {
        STRING, INTEGER, LONG, DOUBLE, BOOLEAN, STRING_LIST, STRUCTURE_LIST, STRUCTURE, MAP,
        /** A timestamp: epoch seconds (a number), as the JSON protocols send it, or an ISO-8601 text. */
        TIMESTAMP
    }

    private final Map<String, Kind> members = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();
    /** Members (at any depth) whose value is one of the model's enum values, by path. */
    private final Map<String, List<String>> enums = new LinkedHashMap<>();

    public static RequestShape of() {
        return new RequestShape();
    }

    public RequestShape member(String name, Kind kind) {
        members.put(name, kind);
        return this;
    }

    public RequestShape required(String name, Kind kind) {
        members.put(name, kind);
        required.add(name);
        return this;
    }

    /**
     * A string member whose value must be one of the model's enum values. The path names it from
     * the request's top: dots step into structures, {@code []} into each element of a list, e.g.
     * {@code networkConfiguration.awsvpcConfiguration.assignPublicIp} or {@code placementStrategy[].type}.
     */
    public RequestShape oneOf(String path, String... values) {
        enums.put(path, List.of(values));
        return this;
    }

    /** The enum members by path, for the test that holds them to the model. */
    public Map<String, List<String>> enumMembers() {
        return Collections.unmodifiableMap(enums);
    }

    public Map<String, Kind> members() {
        return Collections.unmodifiableMap(members);
    }

    public List<String> requiredMembers() {
        return Collections.unmodifiableList(required);
    }

    /**
     * Checks the body: members in the order they come, so that of several mistakes the first is
     * reported, every time; then the required ones. Unknown members are ignored, as the services do.
     */
    void check(ObjectNode body, String missingMemberError) {
        body.fields().forEachRemaining(e -> {
            Kind kind = members.get(e.getKey());
            if (kind != null && !e.getValue().isNull() && !fits(e.getValue(), kind)) {
                throw WireJson.serialization("Expected " + describe(kind) + " for '" + e.getKey() + "', found "
                        + WireJson.kind(e.getValue()) + ".");
            }
        });
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            JsonNode v = body.get(name);
            if (v == null || v.isNull()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            // Coral's validation wording, which SDK users know: "1 validation error detected: Value null at 'x' ..."
            StringBuilder m = new StringBuilder().append(missing.size()).append(missing.size() == 1 ? " validation error" : " validation errors")
                    .append(" detected: ");
            for (int i = 0; i < missing.size(); i++) {
                m.append(i == 0 ? "" : "; ").append("Value null at '").append(missing.get(i))
                        .append("' failed to satisfy constraint: Member must not be null");
            }
            throw new SimApiException(missingMemberError, m.toString());
        }
        enums.forEach((path, values) -> checkEnum(body, path, path.split("\\."), 0, values, missingMemberError));
    }

    /** Coral's wording for a value outside the enum: "1 validation error detected: Value 'X' at 'launchType' failed to satisfy ...". */
    private static void checkEnum(JsonNode node, String path, String[] steps, int at, List<String> values, String error) {
        boolean list = steps[at].endsWith("[]");
        JsonNode v = node.get(list ? steps[at].substring(0, steps[at].length() - 2) : steps[at]);
        if (v == null || v.isNull()) {
            return;
        }
        List<JsonNode> items = new ArrayList<>();
        if (list && v.isArray()) {
            v.forEach(items::add);
        } else if (!list) {
            items.add(v);
        }
        for (JsonNode item : items) {
            if (at < steps.length - 1) {
                checkEnum(item, path, steps, at + 1, values, error);
            } else if (item.isTextual() && !values.contains(item.asText())) {
                throw new SimApiException(error, "1 validation error detected: Value '" + item.asText() + "' at '" + path.replace("[]", "")
                        + "' failed to satisfy constraint: Member must satisfy enum value set: [" + String.join(", ", values) + "]");
            }
        }
    }

    private static boolean fits(JsonNode v, Kind kind) {
        return switch (kind) {
            case STRING -> v.isTextual();
            case INTEGER -> v.isIntegralNumber() && v.canConvertToInt();
            case LONG -> v.isIntegralNumber() && v.canConvertToLong();
            case DOUBLE -> v.isNumber();
            case BOOLEAN -> v.isBoolean();
            case STRING_LIST -> v.isArray() && allElements(v, JsonNode::isTextual);
            case STRUCTURE_LIST -> v.isArray() && allElements(v, JsonNode::isObject);
            case STRUCTURE, MAP -> v.isObject();
            case TIMESTAMP -> v.isNumber() || v.isTextual();
        };
    }

    private static boolean allElements(JsonNode list, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode element : list) {
            if (!test.test(element)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case INTEGER, LONG -> "an integer";
            case DOUBLE -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING_LIST -> "a list of strings";
            case STRUCTURE_LIST -> "a list of structures";
            case STRUCTURE -> "a structure";
            case MAP -> "a map";
            case TIMESTAMP -> "a timestamp";
        };
    }
}
