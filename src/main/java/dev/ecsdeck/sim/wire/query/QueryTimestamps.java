package dev.ecsdeck.sim.wire.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Timestamps of an answer as Query services write them (ISO-8601 with milliseconds, UTC), for services
 * whose operations write them as epoch seconds, as in AWS JSON (CloudWatch, served on both).
 */
final class QueryTimestamps {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private QueryTimestamps() {}

    /** {@code tree} with the numbers of members named in {@code members} (and in lists under them) as ISO texts. */
    static JsonNode iso(JsonNode tree, Set<String> members) {
        return members.isEmpty() ? tree : convert(tree, members, false);
    }

    private static JsonNode convert(JsonNode node, Set<String> members, boolean timestamp) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> out.set(f.getKey(), convert(f.getValue(), members, members.contains(f.getKey()))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(convert(e, members, timestamp)));
            return out;
        }
        if (timestamp && node.isNumber()) {
            Instant t = Instant.ofEpochMilli(node.decimalValue().movePointRight(3).longValue());
            return JsonNodeFactory.instance.textNode(FORMAT.format(t));
        }
        return node;
    }
}
