package dev.ecsdeck.sim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body whose top-level members have passed their {@link RequestShape}: typed access,
 * null for an absent (or JSON null) member. Structures are bound to model records here, where a
 * mistyped member inside them becomes a SerializationException naming its path.
 */
public final class WireRequest {
    private final ObjectNode body;

    WireRequest(ObjectNode body) {
        this.body = body;
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
        JsonNode v = node(member);
        return v == null ? null : v.intValue();
    }

    public Long longValue(String member) {
        JsonNode v = node(member);
        return v == null ? null : v.longValue();
    }

    public boolean flag(String member) {
        JsonNode v = node(member);
        return v != null && v.booleanValue();
    }

    Boolean bool(String member) {
        JsonNode v = node(member);
        return v == null ? null : v.booleanValue();
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
        return v == null ? null : WireJson.bind(v, member, type);
    }

    public <T> List<T> bindList(String member, Class<T> elementType) {
        JsonNode v = node(member);
        return v == null ? null : WireJson.bindList(v, member, elementType);
    }
}
