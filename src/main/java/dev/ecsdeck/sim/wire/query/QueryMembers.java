package dev.ecsdeck.sim.wire.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.List;
import java.util.Map;

/**
 * A Query service's members as the simulator's records hold them: the service names a member
 * {@code TargetGroupArn} where the record has {@code targetGroupArn} (and a few irregularly, such as
 * ELB's {@code DNSName} for {@code dnsName}). Binds request structures to records and writes records
 * as answer trees, with timestamps as ISO-8601, for {@link QueryCodec} to write as XML.
 */
public final class QueryMembers {
    private final ObjectMapper mapper;

    /** {@code irregular}: record component name → member name, where the member is not simply the name capitalised. */
    public QueryMembers(Map<String, String> irregular) {
        Map<String, String> names = Map.copyOf(irregular);
        this.mapper = WireJson.queryMapper(new PropertyNamingStrategies.NamingBase() {
            @Override
            public String translate(String name) {
                String given = names.get(name);
                return given != null ? given : name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
            }
        });
    }

    /** A record (or list of records) as the service's answer members. */
    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    /** An answer of one member: {@code {member: value}}. */
    public ObjectNode answer(String member, Object value) {
        ObjectNode out = WireJson.object();
        out.set(member, tree(value));
        return out;
    }

    /** A request member's structure as a record; null when absent. A mistyped value inside is a ValidationError naming its path. */
    public <T> T bind(WireRequest r, String member, Class<T> type) {
        JsonNode v = r.node(member);
        return v == null ? null : WireJson.bind(mapper, v, member, type);
    }

    /** A request member's list of structures as records; null when absent. */
    public <T> List<T> bindList(WireRequest r, String member, Class<T> elementType) {
        JsonNode v = r.node(member);
        return v == null ? null : WireJson.bindList(mapper, v, member, elementType);
    }
}
