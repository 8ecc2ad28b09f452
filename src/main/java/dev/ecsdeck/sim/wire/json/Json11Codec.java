package dev.ecsdeck.sim.wire.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.wire.RequestShape;
import dev.ecsdeck.sim.wire.WireCodec;
import java.util.Locale;

/** AWS JSON 1.1 (ECS, CloudWatch Logs, Application Auto Scaling): POST / with the operation in X-Amz-Target. */
public final class Json11Codec implements WireCodec {
    @Override
    public String protocol() {
        return "AWS JSON 1.1";
    }

    @Override
    public String contentType() {
        return WireJson.CONTENT_TYPE;
    }

    @Override
    public boolean accepts(Headers headers) {
        String header = headers.getFirst("Content-Type");
        if (header == null || header.isBlank()) {
            return true; // the protocol does not need it; curl users often leave it out
        }
        String type = header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals(WireJson.CONTENT_TYPE) || type.equals("application/x-amz-json-1.0") || type.equals("application/json");
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
