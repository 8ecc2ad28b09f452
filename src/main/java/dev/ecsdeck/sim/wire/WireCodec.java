package dev.ecsdeck.sim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;

/**
 * One AWS wire protocol: which requests it takes, which operation a request names, and how bodies
 * are read and written. Operations see only a tree of members ({@link WireRequest}) and answer
 * with one, so a service's operations are written once whatever protocol a client speaks (AWS JSON
 * 1.1 and AWS Query with XML answers today; Smithy RPC v2 CBOR maps to and from the same tree).
 */
public interface WireCodec {
    /** The protocol's name, for messages ("AWS JSON 1.1"). */
    String protocol();

    /** The Content-Type of what this codec writes. */
    String contentType();

    /** Whether a request with these headers is in this protocol. */
    boolean accepts(Headers headers);

    /** Whether a request to {@code path} with these headers is in this protocol (POST / protocols: by their headers). */
    default boolean accepts(String path, Headers headers) {
        return "/".equals(path) && accepts(headers);
    }

    /** The service (as the server routes to it) and operation a request names; a SimApiException when it names none. */
    Target target(Headers headers, byte[] body);

    /** As above, for protocols that name the operation in the path (RPC v2 CBOR). */
    default Target target(String path, Headers headers, byte[] body) {
        return target(headers, body);
    }

    /**
     * The request's members as a tree; a SimApiException (SerializationException) when the body is
     * malformed. {@code shape} is the operation's, for protocols whose bodies carry no types (Query
     * sends every value as text: its top-level numbers and booleans are typed by the shape here).
     */
    ObjectNode readRequest(byte[] body, RequestShape shape);

    /** Whether the values inside a request's structures may be text for numbers and booleans ("10", "true"), as in Query. */
    default boolean textualScalars() {
        return false;
    }

    /** A successful answer's body. */
    byte[] writeResult(JsonNode result, Call call);

    /** An error answer's body ({@code status} is the HTTP status it goes with). */
    byte[] writeError(int status, String code, String message, Call call);

    /** The error code this protocol's services give for one the server names (by default the same). */
    default String errorCode(String code) {
        return code;
    }

    /** The error code this protocol gives for {@code code} in an answer to {@code call} (its service may name its errors). */
    default String errorCode(String code, Call call) {
        return errorCode(code);
    }

    /** Headers of an answer besides Content-Type ({@code errorCode}: null on success, else as {@link #errorCode(String, Call)} named it). */
    default java.util.Map<String, String> responseHeaders(String errorCode, int status, Call call) {
        return java.util.Map.of();
    }

    /** The error code for a request that names an operation or service the simulator does not serve. */
    default String unknownOperationError() {
        return "UnknownOperationException";
    }

    /** The service prefix (JSON's X-Amz-Target prefix, Query's Version) and operation name of a request. */
    record Target(String servicePrefix, String operation) {}

    /** What an answer is to: its request id, and the service and operation once they are known (null before). */
    record Call(String requestId, WireApi api, String operation) {}
}
