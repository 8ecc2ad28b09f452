package dev.ecsdeck.sim.wire.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.ecsdeck.sim.SimApiException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The AWS JSON 1.1 codec: model records out as the services' response shapes (nulls omitted,
 * timestamps as epoch seconds, no {@code isXxx()} helpers), request members in without Jackson's
 * lenient coercions, since the services refuse "5" for an integer.
 */
public final class WireJson {
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("wire-time").addSerializer(Instant.class, new EpochSeconds()))
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /**
     * For Query requests, where every value is text: "10" and "true" are read as the number and the
     * boolean they name, and an empty text as an empty list (how a Query client sends one).
     */
    static final ObjectMapper TEXT_MAPPER = ((JsonMapper) MAPPER).rebuild()
            .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Collection, c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsEmpty))
            .build();

    private WireJson() {}

    /**
     * A mapper for a Query service's members: values as text read as the numbers and booleans they
     * name (as {@link #TEXT_MAPPER}), record components named on the wire by {@code names}
     * ({@code loadBalancerArn} as {@code LoadBalancerArn}), and timestamps written as ISO-8601 with
     * milliseconds in UTC ({@code 2025-05-01T12:00:00.000Z}), as Query services send them.
     */
    public static ObjectMapper queryMapper(PropertyNamingStrategy names) {
        return ((JsonMapper) TEXT_MAPPER).rebuild()
                .propertyNamingStrategy(names)
                .addModule(new SimpleModule("query-time").addSerializer(Instant.class, new IsoInstant()))
                .build();
    }

    private static final class IsoInstant extends StdSerializer<Instant> {
        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(FORMAT.format(value));
        }
    }

    /** Epoch seconds with millisecond precision, as a JSON number (1795337100.123), as the AWS JSON protocols send timestamps. */
    static BigDecimal epochSeconds(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3);
    }

    private static final class EpochSeconds extends StdSerializer<Instant> {
        EpochSeconds() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(epochSeconds(value));
        }
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A record (or list of them) as its wire shape. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static ArrayNode strings(List<String> values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        values.forEach(a::add);
        return a;
    }

    /** A JSON document held as a string (a task definition), as the object it is. */
    public static JsonNode parseDocument(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON document does not parse: " + e.getOriginalMessage(), e);
        }
    }

    /** A request body: empty means {}; anything but one JSON object is a SerializationException. */
    static ObjectNode parseRequest(byte[] body) {
        if (body.length == 0) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
            throw serialization("The request body is not valid JSON: " + firstLine(detail));
        }
        if (node == null || node.isMissingNode()) {
            return object();
        }
        if (!node.isObject()) {
            throw serialization("The request body must be a JSON object, found " + kind(node) + ".");
        }
        return (ObjectNode) node;
    }

    /** Binds a member's structure (or list of structures) to a record; a mistyped member inside is named by its path. */
    public static <T> T bind(JsonNode value, String member, Class<T> type) {
        return bind(value, member, type, false);
    }

    /** As above; {@code textualScalars}: numbers and booleans may come as text (a Query request). */
    public static <T> T bind(JsonNode value, String member, Class<T> type, boolean textualScalars) {
        return bind(textualScalars ? TEXT_MAPPER : MAPPER, value, member, type);
    }

    /** As above, with a mapper of a protocol's own (a Query service's member names: {@link #queryMapper}). */
    public static <T> T bind(ObjectMapper mapper, JsonNode value, String member, Class<T> type) {
        try {
            return mapper.treeToValue(value, type);
        } catch (JsonMappingException e) {
            throw serialization("Cannot read '" + member + path(e) + "': " + describe(e) + ".");
        } catch (JsonProcessingException e) {
            throw serialization("Cannot read '" + member + "': " + firstLine(e.getOriginalMessage()) + ".");
        }
    }

    public static <T> List<T> bindList(JsonNode value, String member, Class<T> elementType) {
        return bindList(value, member, elementType, false);
    }

    /** As above; {@code textualScalars}: numbers and booleans may come as text (a Query request). */
    public static <T> List<T> bindList(JsonNode value, String member, Class<T> elementType, boolean textualScalars) {
        return bindList(textualScalars ? TEXT_MAPPER : MAPPER, value, member, elementType);
    }

    /** As above, with a mapper of a protocol's own (a Query service's member names: {@link #queryMapper}). */
    public static <T> List<T> bindList(ObjectMapper mapper, JsonNode value, String member, Class<T> elementType) {
        try {
            return mapper.readerForListOf(elementType).readValue(value);
        } catch (JsonMappingException e) {
            throw serialization("Cannot read '" + member + path(e) + "': " + describe(e) + ".");
        } catch (IOException e) {
            throw serialization("Cannot read '" + member + "': " + firstLine(e.getMessage()) + ".");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : "")
                .collect(Collectors.joining());
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException) {
            Class<?> target = ((com.fasterxml.jackson.databind.exc.MismatchedInputException) e).getTargetType();
            if (target != null) {
                return "expected " + expected(target);
            }
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String expected(Class<?> target) {
        if (target == String.class) {
            return "a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "an integer";
        }
        if (target == Double.class || target == double.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "a boolean";
        }
        if (List.class.isAssignableFrom(target)) {
            return "a list";
        }
        return "a structure";
    }

    public static String kind(JsonNode node) {
        if (node.isObject()) {
            return "a structure";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public static SimApiException serialization(String message) {
        return new SimApiException("SerializationException", message);
    }

    /** The body of an error response: {"__type": code, "message": ...}. */
    static byte[] errorBody(String code, String message) {
        ObjectNode e = object();
        e.put("__type", code);
        e.put("message", message == null ? "" : message);
        return bytes(e);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON response", e);
        }
    }
}
