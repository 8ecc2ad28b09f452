package dev.ecsdeck.provider.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts between SDK model objects and JSON with the members named as on the wire, using the
 * SDK's own field metadata ({@link SdkPojo#sdkFields()}). The console's model records use the same
 * names, so an SDK object becomes a record through this JSON, and a task definition document
 * becomes an SDK request without a hand-written mapping per field.
 */
final class SdkJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private SdkJson() {}

    /** The object as JSON: member names as on the wire, timestamps as epoch seconds, absent members left out. */
    static ObjectNode toJson(SdkPojo pojo) {
        ObjectNode out = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            JsonNode node = value == null ? null : toNode(field, value);
            if (node != null) {
                out.set(field.locationName(), node);
            }
        }
        return out;
    }

    private static JsonNode toNode(SdkField<?> field, Object value) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return toJson((SdkPojo) value);
        }
        if (type == MarshallingType.LIST) {
            List<?> list = (List<?>) value;
            if (list instanceof software.amazon.awssdk.core.util.SdkAutoConstructList) {
                return null; // never set
            }
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            ArrayNode array = NODES.arrayNode();
            for (Object item : list) {
                array.add(item == null ? NODES.nullNode() : toNode(member, item));
            }
            return array;
        }
        if (type == MarshallingType.MAP) {
            Map<?, ?> map = (Map<?, ?>) value;
            if (map instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap) {
                return null;
            }
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), v == null ? NODES.nullNode() : toNode(member, v)));
            return object;
        }
        if (value instanceof Instant t) {
            return NODES.numberNode(BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3));
        }
        if (value instanceof SdkBytes b) {
            return NODES.textNode(java.util.Base64.getEncoder().encodeToString(b.asByteArray()));
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Float f) {
            return NODES.numberNode(f);
        }
        if (value instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        return NODES.textNode(String.valueOf(value));
    }

    /**
     * Fills an SDK builder from JSON with wire member names; members the SDK does not know are left
     * out, as the service itself ignores them. A value of the wrong JSON type fails naming its path.
     */
    static void fill(SdkPojo builder, JsonNode json, String path) {
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        for (SdkField<?> f : builder.sdkFields()) {
            fields.put(f.locationName(), f);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            SdkField<?> field = fields.get(e.getKey());
            if (field != null && !e.getValue().isNull()) {
                field.set(builder, fromNode(field, e.getValue(), path + (path.isEmpty() ? "" : ".") + e.getKey()));
            }
        }
    }

    private static Object fromNode(SdkField<?> field, JsonNode node, String path) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            expect(node.isObject(), path, "an object");
            SdkPojo nested = field.constructor().get();
            fill(nested, node, path);
            return ((SdkBuilder<?, ?>) nested).build();
        }
        if (type == MarshallingType.LIST) {
            expect(node.isArray(), path, "a list");
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                list.add(fromNode(member, node.get(i), path + "[" + i + "]"));
            }
            return list;
        }
        if (type == MarshallingType.MAP) {
            expect(node.isObject(), path, "an object");
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), fromNode(member, e.getValue(), path + "." + e.getKey())));
            return map;
        }
        if (type == MarshallingType.STRING) {
            expect(node.isValueNode(), path, "a string");
            return node.asText();
        }
        if (type == MarshallingType.INTEGER) {
            expect(node.canConvertToInt() || node.isTextual() && node.asText().matches("-?\\d+"), path, "a whole number");
            return node.isTextual() ? Integer.parseInt(node.asText()) : node.intValue();
        }
        if (type == MarshallingType.LONG) {
            expect(node.isIntegralNumber(), path, "a whole number");
            return node.longValue();
        }
        if (type == MarshallingType.BOOLEAN) {
            expect(node.isBoolean(), path, "true or false");
            return node.booleanValue();
        }
        if (type == MarshallingType.DOUBLE) {
            expect(node.isNumber(), path, "a number");
            return node.doubleValue();
        }
        if (type == MarshallingType.FLOAT) {
            expect(node.isNumber(), path, "a number");
            return node.floatValue();
        }
        if (type == MarshallingType.INSTANT) {
            expect(node.isNumber(), path, "a time in epoch seconds");
            BigDecimal seconds = node.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        throw new IllegalArgumentException(path + ": unsupported member type " + type);
    }

    private static void expect(boolean ok, String path, String what) {
        if (!ok) {
            throw new IllegalArgumentException(path + " must be " + what);
        }
    }
}
