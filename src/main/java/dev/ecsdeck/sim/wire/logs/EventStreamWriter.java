package dev.ecsdeck.sim.wire.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * Writes AWS event-stream messages (the binary framing with prelude and CRC32s, by the SDK's own encoder) of the
 * AWS JSON protocol: events with {@code :message-type event} and {@code :event-type}, exceptions with
 * {@code :message-type exception} and {@code :exception-type}, each with a JSON payload, one chunk each.
 */
final class EventStreamWriter {
    static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";

    private final OutputStream out;

    EventStreamWriter(OutputStream out) {
        this.out = out;
    }

    /** The AWS JSON protocol's first event: the operation's non-stream output members (none here), which clients wait for. */
    void initialResponse() throws IOException {
        event("initial-response", "{}");
    }

    void event(String type, JsonNode payload) throws IOException {
        event(type, payload.toString());
    }

    void exception(String type, String message) throws IOException {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("exception"));
        headers.put(":exception-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        String json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("message", message).toString();
        write(new Message(headers, json.getBytes(StandardCharsets.UTF_8)));
    }

    private void event(String type, String json) throws IOException {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        write(new Message(headers, json.getBytes(StandardCharsets.UTF_8)));
    }

    private void write(Message m) throws IOException {
        java.nio.ByteBuffer bytes = m.toByteBuffer(); // not encode(out): it wraps a write's IOException (a client gone) in a RuntimeException
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        out.flush(); // one chunk per message: the client decodes it as soon as it arrives
    }
}
