package dev.ecsdeck.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reading members of a document whose JSON types may be wrong (a wrong type reads as absent), and
 * writing members where null means "remove it". Setting a member that exists keeps its place.
 */
final class JsonMembers {
    private JsonMembers() {}

    /** A string member, else null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** A scalar member as text (a number reads as its digits), else null: for a form, which shows what is there. */
    static String scalarText(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    /** A whole number that fits an int, else null; never converts a huge decimal (1e999999 would take ages). */
    static Integer integer(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : null;
    }

    static boolean present(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && !v.isNull();
    }

    /** The string elements of a list (others skipped); empty when it is not a list. */
    static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(e -> {
                if (e.isTextual()) {
                    out.add(e.asText());
                }
            });
        }
        return Collections.unmodifiableList(out);
    }

    /** The object elements of a list member (others skipped). */
    static List<ObjectNode> objects(JsonNode parent, String field) {
        List<ObjectNode> out = new ArrayList<>();
        JsonNode list = parent == null ? null : parent.get(field);
        if (list != null && list.isArray()) {
            list.forEach(e -> {
                if (e.isObject()) {
                    out.add((ObjectNode) e);
                }
            });
        }
        return out;
    }

    static void putText(ObjectNode node, String field, String v) {
        if (v == null) {
            node.remove(field);
        } else {
            node.put(field, v);
        }
    }

    static void putInt(ObjectNode node, String field, Integer v) {
        if (v == null) {
            node.remove(field);
        } else {
            node.put(field, v.intValue());
        }
    }

    static void putStrings(ObjectNode node, String field, List<String> v) {
        if (v == null) {
            node.remove(field);
            return;
        }
        ArrayNode list = node.putArray(field);
        v.forEach(list::add);
    }
}
