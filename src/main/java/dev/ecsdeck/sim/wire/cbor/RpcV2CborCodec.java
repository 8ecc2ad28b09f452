package dev.ecsdeck.sim.wire.cbor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.wire.RequestShape;
import dev.ecsdeck.sim.wire.WireCodec;
import dev.ecsdeck.sim.wire.json.Json11Codec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Smithy RPC v2 CBOR (CloudWatch, as the Java SDK speaks it): {@code POST /service/<ServiceName>/operation/<Operation>}
 * with header {@code smithy-protocol: rpc-v2-cbor} and a CBOR map body (none for an operation without input);
 * answers are CBOR with the same header. Errors carry the error shape's name in {@code __type}; an
 * awsQueryCompatible service adds the Query code in {@code x-amzn-query-error}, as for AWS JSON.
 * Members map to and from the same tree as AWS JSON: timestamps come in as CBOR tag 1 epoch seconds and
 * are read as the numbers AWS JSON sends; answers' timestamp members ({@code WireApi.timestampMembers})
 * go out tagged ({@link CborTree}).
 */
public final class RpcV2CborCodec implements WireCodec {
    public static final String CONTENT_TYPE = "application/cbor";
    public static final String PROTOCOL_HEADER = "smithy-protocol";
    public static final String PROTOCOL = "rpc-v2-cbor";
    private static final String SERVICE = "/service/";
    private static final String OPERATION = "/operation/";

    @Override
    public String protocol() {
        return "Smithy RPC v2 CBOR (POST /service/<Service>/operation/<Operation>)";
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /** Any request whose header names the protocol; by its path only ({@link #accepts(String, Headers)}) otherwise. */
    @Override
    public boolean accepts(Headers headers) {
        return PROTOCOL.equalsIgnoreCase(trimmed(headers.getFirst(PROTOCOL_HEADER)));
    }

    /** Requests to an RPC v2 path, so that one without the protocol header is told what it lacks. */
    @Override
    public boolean accepts(String path, Headers headers) {
        return path != null && path.startsWith(SERVICE) && path.indexOf(OPERATION) > SERVICE.length();
    }

    @Override
    public Target target(Headers headers, byte[] body) {
        throw new SimApiException("UnknownOperationException", "RPC v2 CBOR names the operation in the path.", 404);
    }

    @Override
    public Target target(String path, Headers headers, byte[] body) {
        if (!accepts(headers)) {
            throw new SimApiException("SerializationException", "An RPC v2 CBOR request needs the header "
                    + PROTOCOL_HEADER + ": " + PROTOCOL + ".");
        }
        String type = trimmed(headers.getFirst("Content-Type"));
        if (body.length > 0 && (type == null || !type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals(CONTENT_TYPE))) {
            throw new SimApiException("UnsupportedMediaTypeException", "An RPC v2 CBOR request body must be " + CONTENT_TYPE + ".", 415);
        }
        int operation = path.indexOf(OPERATION);
        String service = path.substring(SERVICE.length(), operation);
        String name = path.substring(operation + OPERATION.length());
        if (service.isEmpty() || name.isEmpty() || service.contains("/") || name.contains("/")) {
            throw new SimApiException("UnknownOperationException", "Expected POST /service/<Service>/operation/<Operation>, found " + path + ".", 404);
        }
        return new Target(service, name);
    }

    @Override
    public ObjectNode readRequest(byte[] body, RequestShape shape) {
        return CborTree.read(body);
    }

    @Override
    public byte[] writeResult(JsonNode result, Call call) {
        return CborTree.write(result, call.api() == null ? java.util.Set.of() : call.api().timestampMembers());
    }

    @Override
    public byte[] writeError(int status, String code, String message, Call call) {
        ObjectNode error = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        error.put("__type", code);
        if (message != null) {
            error.put("message", message);
        }
        return CborTree.write(error, java.util.Set.of());
    }

    /** Errors are named by shape ({@code __type}), as in AWS JSON. */
    @Override
    public String errorCode(String code, Call call) {
        return call.api() != null && call.api().queryCompatible() ? call.api().errorShape(code) : code;
    }

    @Override
    public Map<String, String> responseHeaders(String errorCode, int status, Call call) {
        Map<String, String> headers = new LinkedHashMap<>(Json11Codec.queryErrorHeader(errorCode, status, call));
        headers.put(PROTOCOL_HEADER, PROTOCOL);
        return headers;
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }
}
