package dev.ecsdeck.sim.wire;

import java.util.Map;

/** What goes back: the status, a body in the codec's protocol and any headers it adds; {@code errorCode} is null on success. */
record WireReply(int status, byte[] body, String errorCode, WireCodec codec, String requestId, Map<String, String> headers) {
    WireReply(int status, byte[] body, String errorCode, WireCodec codec, String requestId) {
        this(status, body, errorCode, codec, requestId, Map.of());
    }

    static WireReply error(WireCodec codec, WireCodec.Call call, int status, String code, String message) {
        String named = codec.errorCode(code, call);
        return new WireReply(status, codec.writeError(status, named, message, call), named, codec, call.requestId(),
                codec.responseHeaders(named, status, call));
    }
}
