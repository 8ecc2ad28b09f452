package dev.ecsdeck.sim.wire;

import com.fasterxml.jackson.databind.JsonNode;

/** One operation of a service on the wire: its request shape, whether it changes state, and what it does. */
record WireOperation(String name, RequestShape shape, boolean mutating, Handler handler) {

    /** Turns a checked request into the response body, calling the engine. */
    @FunctionalInterface
    public interface Handler {
        JsonNode handle(WireRequest request);
    }
}
