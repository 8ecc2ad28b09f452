package dev.ecsdeck.provider.sim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body whose top-level members have passed their {@link RequestShape}: typed access,
 * null for an absent (or JSON null) member. Structures are bound to model records here, where a
 * mistyped member inside them becomes a SerializationException naming its path.
 */
final class WireRequest {
    private final ObjectNode body;

    WireRequest(ObjectNode body) {
        this.body = body;
    }

    ObjectNode body() {
        return body;
    }

    JsonNode node(String member) {
        JsonNode v = body.get(member);
        return v == null || v.isNull() ? null : v;
    }

    boolean has(String member) {
        return node(member) != null;
    }

    String string(String member) {
        JsonNode v = node(member);
        return v == null ? null : v.asText();
    }

    Integer integer(String member) {
        JsonNode v = node(member);
        return v == null ? null : v.intValue();
    }

    Long longValue(String member) {
        JsonNode v = node(member);
        return v == null ? null : v.longValue();
    }

    boolean flag(String member) {
        JsonNode v = node(member);
        return v != null && v.booleanValue();
    }

    Boolean bool(String member) {
        JsonNode v = node(member);
        return v == null ? null : v.booleanValue();
    }

    List<String> strings(String member) {
        JsonNode v = node(member);
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        v.forEach(e -> out.add(e.asText()));
        return out;
    }

    <T> T bind(String member, Class<T> type) {
        JsonNode v = node(member);
        return v == null ? null : WireJson.bind(v, member, type);
    }

    <T> List<T> bindList(String member, Class<T> elementType) {
        JsonNode v = node(member);
        return v == null ? null : WireJson.bindList(v, member, elementType);
    }
}
