package dev.ecsdeck.taskdef;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document read into a tree that remembers where each value starts, by path
 * ({@code containerDefinitions[0].image}), so that problems found in the tree point into the text.
 * Jackson's tree model forgets token locations, hence this small builder on its streaming parser.
 */
final class LocatedJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** A member given twice in one object: JSON parsers keep the last one, silently. */
    record Duplicate(String path, int line, int column) {}

    private final JsonNode root;
    private final Map<String, int[]> positions;
    private final List<Duplicate> duplicates;

    private LocatedJson(JsonNode root, Map<String, int[]> positions, List<Duplicate> duplicates) {
        this.root = root;
        this.positions = positions;
        this.duplicates = duplicates;
    }

    /** Parses the whole text; trailing content after the document is an error too. */
    static LocatedJson parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidJsonException("The document is empty: a task definition is a JSON object.", 1, 1);
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            Builder builder = new Builder(parser);
            if (parser.nextToken() == null) {
                throw new InvalidJsonException("The document is empty: a task definition is a JSON object.", 1, 1);
            }
            JsonNode root = builder.value("");
            if (parser.nextToken() != null) {
                JsonLocation loc = parser.currentTokenLocation();
                throw InvalidJsonException.syntax("more text follows the end of the document (its last closing brace)",
                        loc.getLineNr(), loc.getColumnNr());
            }
            return new LocatedJson(root, builder.positions, builder.duplicates);
        } catch (JsonProcessingException e) {
            throw Json.invalid(e);
        } catch (IOException e) {
            throw InvalidJsonException.syntax(JsonSyntaxMessage.plain(e.getMessage()), 0, 0);
        }
    }

    JsonNode root() {
        return root;
    }

    List<Duplicate> duplicates() {
        return duplicates;
    }

    /** 1-based line of the value at this path, 0 when the path has no value. */
    int line(String path) {
        int[] p = positions.get(path);
        return p == null ? 0 : p[0];
    }

    int column(String path) {
        int[] p = positions.get(path);
        return p == null ? 0 : p[1];
    }

    static String member(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    private static final class Builder {
        private final JsonParser parser;
        final Map<String, int[]> positions = new HashMap<>();
        final List<Duplicate> duplicates = new ArrayList<>();

        Builder(JsonParser parser) {
            this.parser = parser;
        }

        /** The value whose first token is the current one; Jackson's nesting limit bounds the recursion. */
        JsonNode value(String path) throws IOException {
            JsonLocation loc = parser.currentTokenLocation();
            positions.put(path, new int[] {loc.getLineNr(), loc.getColumnNr()});
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT:
                    ObjectNode object = NODES.objectNode();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        String child = member(path, name);
                        parser.nextToken();
                        if (object.has(name)) {
                            JsonLocation at = parser.currentTokenLocation();
                            duplicates.add(new Duplicate(child, at.getLineNr(), at.getColumnNr()));
                        }
                        object.set(name, value(child));
                    }
                    return object;
                case START_ARRAY:
                    ArrayNode array = NODES.arrayNode();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(value(index(path, array.size())));
                    }
                    return array;
                case VALUE_STRING:
                    return NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT:
                    switch (parser.getNumberType()) {
                        case INT:
                            return NODES.numberNode(parser.getIntValue());
                        case LONG:
                            return NODES.numberNode(parser.getLongValue());
                        default:
                            return NODES.numberNode(parser.getBigIntegerValue());
                    }
                case VALUE_NUMBER_FLOAT:
                    return NODES.numberNode(parser.getDecimalValue());
                case VALUE_TRUE:
                    return NODES.booleanNode(true);
                case VALUE_FALSE:
                    return NODES.booleanNode(false);
                case VALUE_NULL:
                    return NODES.nullNode();
                default:
                    throw InvalidJsonException.syntax("a value was expected here", loc.getLineNr(), loc.getColumnNr());
            }
        }
    }
}
