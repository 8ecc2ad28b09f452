package dev.ecsdeck.sim.wire.cbor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.ecsdeck.sim.SimApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** CBOR bodies to and from the member trees the operations read and write. */
final class CborTree {
    /** CBOR tag 1: epoch-based date/time, how RPC v2 CBOR sends timestamps. */
    private static final int EPOCH_SECONDS_TAG = 1;
    private static final CBORMapper MAPPER = CBORMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CborTree() {}

    /** A request body: none means {}; anything but one CBOR map is a SerializationException. */
    static ObjectNode read(byte[] body) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new SimApiException("SerializationException", "The request body is not valid CBOR: " + firstLine(e.getMessage()));
        }
        if (node == null || node.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new SimApiException("SerializationException", "The request body must be a CBOR map, found " + node.getNodeType() + ".");
        }
        return (ObjectNode) node;
    }

    /** {@code tree} as CBOR: floats as doubles (not tagged decimals), members named in {@code timestamps} with tag 1. */
    static byte[] write(JsonNode tree, Set<String> timestamps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = (CBORGenerator) MAPPER.getFactory().createGenerator(out)) {
            write(g, tree, timestamps, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator g, JsonNode node, Set<String> timestamps, boolean timestamp) throws IOException {
        if (node.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                g.writeFieldName(f.getKey());
                write(g, f.getValue(), timestamps, timestamps.contains(f.getKey()));
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode e : node) {
                write(g, e, timestamps, timestamp);
            }
            g.writeEndArray();
        } else if (node.isNumber()) {
            if (timestamp) {
                g.writeTag(EPOCH_SECONDS_TAG);
            }
            number(g, node);
        } else if (timestamp && node.isTextual() && iso(node.asText()) != null) {
            g.writeTag(EPOCH_SECONDS_TAG); // an ISO-8601 text, as a Query service's operations may write it
            number(g, JsonNodeFactory.instance.numberNode(BigDecimal.valueOf(iso(node.asText()).toEpochMilli()).movePointLeft(3)));
        } else if (node.isTextual()) {
            g.writeString(node.asText());
        } else if (node.isBoolean()) {
            g.writeBoolean(node.booleanValue());
        } else if (node.isBinary()) {
            g.writeBinary(node.binaryValue());
        } else {
            g.writeNull();
        }
    }

    private static void number(CBORGenerator g, JsonNode n) throws IOException {
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            g.writeNumber(n.longValue());
        } else if (n.isBigDecimal() && n.decimalValue().stripTrailingZeros().scale() <= 0 && n.canConvertToLong()) {
            g.writeNumber(n.decimalValue().longValueExact());
        } else {
            g.writeNumber(n.doubleValue());
        }
    }

    private static java.time.Instant iso(String text) {
        try {
            return java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
