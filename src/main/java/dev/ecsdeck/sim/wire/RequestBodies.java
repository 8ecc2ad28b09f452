package dev.ecsdeck.sim.wire;

import com.sun.net.httpserver.HttpExchange;
import dev.ecsdeck.sim.SimApiException;
import java.io.IOException;
import java.io.InputStream;

/** Request bodies as the server takes them: at most {@link WireServer#MAX_BODY_BYTES}, the rest of an oversized one read and dropped. */
final class RequestBodies {
    /** How much of an oversized body is read and dropped so the client sees the 413 instead of a reset connection. */
    private static final long MAX_DRAIN_BYTES = 64L << 20;

    private RequestBodies() {
    }

    /** The body, or null when it is over the limit (what was sent is read and dropped, up to a bound). */
    static byte[] read(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > WireServer.MAX_BODY_BYTES) {
                    drain(in);
                    return null;
                }
            } catch (NumberFormatException e) {
                throw new SimApiException("SerializationException", "Invalid Content-Length.");
            }
        }
        byte[] body;
        try {
            body = in.readNBytes(WireServer.MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            // The client stopped sending before the length it declared, or took too long and was cut off.
            throw new SimApiException("SerializationException", "The request body ended before its Content-Length ("
                    + declared + " bytes).");
        }
        if (body.length > WireServer.MAX_BODY_BYTES) {
            drain(in);
            return null;
        }
        return body;
    }

    static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < MAX_DRAIN_BYTES && (n = in.read(buffer)) > 0) {
            total += n;
        }
    }
}
