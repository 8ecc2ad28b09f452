package dev.ecsdeck.sim.wire.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.wire.RequestShape;
import dev.ecsdeck.sim.wire.WireCodec;
import java.util.Locale;

/**
 * AWS JSON 1.1 (ECS, CloudWatch Logs, Application Auto Scaling): POST / with the operation in X-Amz-Target;
 * and AWS JSON 1.0 ({@link #json10()}, CloudWatch as botocore speaks it), the same but for its Content-Type,
 * answered in kind. A service with the awsQueryCompatible trait names its errors by shape in {@code __type}
 * and by Query code in {@code x-amzn-query-error}.
 */
public final class Json11Codec implements WireCodec {
    public static final String JSON_10 = "application/x-amz-json-1.0";

    private final boolean json10;

    public Json11Codec() {
        this(false);
    }

    private Json11Codec(boolean json10) {
        this.json10 = json10;
    }

    /** AWS JSON 1.0: requests with its Content-Type, answered with it. */
    public static Json11Codec json10() {
        return new Json11Codec(true);
    }

    @Override
    public String protocol() {
        return json10 ? "AWS JSON 1.0" : "AWS JSON 1.1";
    }

    @Override
    public String contentType() {
        return json10 ? JSON_10 : WireJson.CONTENT_TYPE;
    }

    @Override
    public boolean accepts(Headers headers) {
        String header = headers.getFirst("Content-Type");
        if (header == null || header.isBlank()) {
            return !json10; // the protocol does not need it; curl users often leave it out
        }
        String type = header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return json10 ? type.equals(JSON_10) : type.equals(WireJson.CONTENT_TYPE) || type.equals("application/json");
    }

    @Override
    public String errorCode(String code, Call call) {
        return call.api() != null && call.api().queryCompatible() ? call.api().errorShape(code) : code;
    }

    @Override
    public java.util.Map<String, String> responseHeaders(String errorCode, int status, Call call) {
        return queryErrorHeader(errorCode, status, call);
    }

    /** The {@code x-amzn-query-error} header ("Code;Sender") of an error of an awsQueryCompatible service; none otherwise. */
    public static java.util.Map<String, String> queryErrorHeader(String errorCode, int status, Call call) {
        if (errorCode == null || call.api() == null || !call.api().queryCompatible()) {
            return java.util.Map.of();
        }
        return java.util.Map.of("x-amzn-query-error", call.api().queryErrorCode(errorCode) + ";" + (status >= 500 ? "Receiver" : "Sender"));
    }

    @Override
    public Target target(Headers headers, byte[] body) {
        String target = headers.getFirst("X-Amz-Target");
        int dot = target == null ? -1 : target.lastIndexOf('.');
        if (dot < 0) {
            throw new SimApiException("UnknownOperationException",
                    "Missing or malformed X-Amz-Target header: expected <service prefix>.<Operation>.");
        }
        return new Target(target.substring(0, dot), target.substring(dot + 1));
    }

    @Override
    public ObjectNode readRequest(byte[] body, RequestShape shape) {
        return WireJson.parseRequest(body);
    }

    @Override
    public byte[] writeResult(JsonNode result, Call call) {
        return WireJson.bytes(result);
    }

    @Override
    public byte[] writeError(int status, String code, String message, Call call) {
        return WireJson.errorBody(code, message);
    }
}
