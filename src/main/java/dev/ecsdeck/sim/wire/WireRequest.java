package dev.ecsdeck.sim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body whose top-level members have passed their {@link RequestShape}: typed access,
 * null for an absent (or JSON null) member. Structures are bound to model records here, where a
 * mistyped member inside them becomes a SerializationException naming its path. In a Query request
 * every value inside a structure is text ("10", "true"): the readers here take it for the number or
 * boolean it names, so an operation is written once for both protocols.
 */
public final class WireRequest {
    private final ObjectNode body;
    private final boolean textualScalars;

    WireRequest(ObjectNode body) {
        this(body, false);
    }

    /** {@code textualScalars}: numbers and booleans inside structures may come as text (Query). */
    WireRequest(ObjectNode body, boolean textualScalars) {
        this.body = body;
        this.textualScalars = textualScalars;
    }

    public ObjectNode body() {
        return body;
    }

    public JsonNode node(String member) {
        JsonNode v = body.get(member);
        return v == null || v.isNull() ? null : v;
    }

    public boolean has(String member) {
        return node(member) != null;
    }

    public String string(String member) {
        JsonNode v = node(member);
        return v == null ? null : v.asText();
    }

    public Integer integer(String member) {
        return integer(node(member), member);
    }

    public Long longValue(String member) {
        return longValue(node(member), member);
    }

    public boolean flag(String member) {
        Boolean b = bool(node(member), member);
        return b != null && b;
    }

    /** A boolean member: null when absent (where absent and false differ). */
    public Boolean bool(String member) {
        return bool(node(member), member);
    }

    /**
     * A value read by hand from inside a structure ({@code path} names it in the error): an integer,
     * or in a Query request its text; null when absent; a SerializationException when it is neither.
     */
    public Integer integer(JsonNode value, String path) {
        Long n = longValue(value, path);
        if (n != null && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
            throw mistyped(value, path, "an integer");
        }
        return n == null ? null : n.intValue();
    }

    /** As {@link #integer(JsonNode, String)}, for a long. */
    public Long longValue(JsonNode value, String path) {
        if (absent(value)) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (textualScalars && value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                throw mistyped(value, path, "an integer");
            }
        }
        throw mistyped(value, path, "an integer");
    }

    /** As {@link #integer(JsonNode, String)}, for a boolean ("true" or "false" in Query). */
    public Boolean bool(JsonNode value, String path) {
        if (absent(value)) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (textualScalars && value.isTextual()) {
            String text = value.asText().trim();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
        }
        throw mistyped(value, path, "a boolean");
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    private static RuntimeException mistyped(JsonNode value, String path, String expected) {
        String found = value.isTextual() ? "'" + value.asText() + "'" : WireJson.kind(value);
        return WireJson.serialization("Expected " + expected + " for '" + path + "', found " + found + ".");
    }

    public List<String> strings(String member) {
        JsonNode v = node(member);
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        v.forEach(e -> out.add(e.asText()));
        return out;
    }

    public <T> T bind(String member, Class<T> type) {
        JsonNode v = node(member);
        return v == null ? null : WireJson.bind(v, member, type, textualScalars);
    }

    public <T> List<T> bindList(String member, Class<T> elementType) {
        JsonNode v = node(member);
        return v == null ? null : WireJson.bindList(v, member, elementType, textualScalars);
    }
}
