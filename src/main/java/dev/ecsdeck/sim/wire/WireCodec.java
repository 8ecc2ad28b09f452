package dev.ecsdeck.sim.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;

/**
 * One AWS wire protocol: which requests it takes, which operation a request names, and how bodies
 * are read and written. Operations see only a tree of members ({@link WireRequest}) and answer
 * with one, so a service's operations are written once whatever protocol a client speaks (AWS JSON
 * 1.1 today; AWS Query with XML answers and Smithy RPC v2 CBOR map to and from the same tree).
 */
public interface WireCodec {
    /** The protocol's name, for messages ("AWS JSON 1.1"). */
    String protocol();

    /** The Content-Type of what this codec writes. */
    String contentType();

    /** Whether a request with these headers is in this protocol. */
    boolean accepts(Headers headers);

    /** The service (as the server routes to it) and operation a request names; a SimApiException when it names none. */
    Target target(Headers headers, byte[] body);

    /** The request's members as a tree; a SimApiException (SerializationException) when the body is malformed. */
    ObjectNode readRequest(byte[] body);

    /** A successful answer's body. */
    byte[] writeResult(JsonNode result);

    /** An error answer's body. */
    byte[] writeError(String code, String message);

    /** The service prefix (JSON's X-Amz-Target prefix) and operation name of a request. */
    record Target(String servicePrefix, String operation) {}
}
