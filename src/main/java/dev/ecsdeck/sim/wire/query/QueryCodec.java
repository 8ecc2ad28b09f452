package dev.ecsdeck.sim.wire.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.wire.RequestShape;
import dev.ecsdeck.sim.wire.WireCodec;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * AWS Query (Elastic Load Balancing, CloudWatch): POST / with a form body that names the operation
 * in {@code Action} and the service by its API version in {@code Version} (so a Query service's
 * {@link dev.ecsdeck.sim.wire.WireApi} has its version as its target prefix); answers and errors are
 * XML. Values come as text: the top-level ones are typed here by the operation's {@link RequestShape},
 * those inside structures by their readers ({@link #textualScalars()}).
 */
public final class QueryCodec implements WireCodec {
    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    @Override
    public String protocol() {
        return "AWS Query";
    }

    @Override
    public String contentType() {
        return QueryXml.CONTENT_TYPE;
    }

    @Override
    public boolean accepts(Headers headers) {
        String header = headers.getFirst("Content-Type");
        return header != null && header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals(CONTENT_TYPE);
    }

    @Override
    public Target target(Headers headers, byte[] body) {
        Map<String, String> parameters = QueryForm.parameters(body);
        String action = parameters.get("Action");
        if (action == null || action.isBlank()) {
            throw new SimApiException("MissingAction", "The request must contain the parameter Action.");
        }
        String version = parameters.get("Version");
        if (version == null || version.isBlank()) {
            throw new SimApiException("MissingParameter", "The request must contain the parameter Version.");
        }
        return new Target(version, action);
    }

    @Override
    public ObjectNode readRequest(byte[] body, RequestShape shape) {
        ObjectNode tree = QueryForm.tree(QueryForm.parameters(body));
        shape.members().forEach((name, kind) -> {
            JsonNode value = tree.get(name);
            if (value != null && value.isTextual()) {
                tree.set(name, typed(name, value.asText(), kind));
            }
        });
        return tree;
    }

    /** A top-level text as the member's kind: "10" an integer, "true" a boolean, "" an empty list (as botocore sends one). */
    private static JsonNode typed(String name, String text, RequestShape.Kind kind) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        try {
            return switch (kind) {
                case INTEGER -> nodes.numberNode(Integer.parseInt(text.trim()));
                case LONG -> nodes.numberNode(Long.parseLong(text.trim()));
                case DOUBLE -> nodes.numberNode(new BigDecimal(text.trim()));
                case BOOLEAN -> bool(name, text);
                case STRING_LIST, STRUCTURE_LIST -> text.isEmpty() ? nodes.arrayNode() : nodes.textNode(text);
                default -> nodes.textNode(text);
            };
        } catch (NumberFormatException e) {
            throw mistyped(name, text, kind == RequestShape.Kind.DOUBLE ? "a number" : "an integer");
        }
    }

    private static JsonNode bool(String name, String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(t));
        }
        throw mistyped(name, text, "a boolean");
    }

    private static SimApiException mistyped(String name, String text, String expected) {
        return WireJson.serialization("Expected " + expected + " for '" + name + "', found '" + text + "'.");
    }

    @Override
    public boolean textualScalars() {
        return true;
    }

    @Override
    public byte[] writeResult(JsonNode result, Call call) {
        JsonNode typed = call.api() == null ? result : QueryTimestamps.iso(result, call.api().timestampMembers());
        return QueryXml.result(call.operation(), namespace(call), typed, call.requestId());
    }

    @Override
    public byte[] writeError(int status, String code, String message, Call call) {
        return QueryXml.error(namespace(call), status >= 500 ? "Receiver" : "Sender", code, message, call.requestId());
    }

    private static String namespace(Call call) {
        return call.api() == null ? null : call.api().xmlNamespace();
    }

    /**
     * The codes Query services give: they have no SerializationException (a malformed parameter is a
     * ValidationError there), and they answer a call over the rate with Throttling.
     */
    @Override
    public String errorCode(String code, Call call) {
        return errorCode(call.api() != null && call.api().queryCompatible() ? call.api().queryErrorCode(code) : code);
    }

    @Override
    public String errorCode(String code) {
        return switch (code) {
            case "SerializationException" -> "ValidationError";
            case "ThrottlingException" -> "Throttling";
            default -> code;
        };
    }

    /** As the Query services answer an Action they do not have. */
    @Override
    public String unknownOperationError() {
        return "InvalidAction";
    }
}
