package dev.ecsdeck.sim.wire;

import com.sun.net.httpserver.HttpExchange;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /_ecsdeck/reset}: the simulation back to its scenario's start (a fresh engine from the same scenario,
 * seed and start time, the clock from the scenario's start; other regions emptied). Only from the loopback address.
 */
final class WireReset {
    private static final Logger LOG = Logger.getLogger(WireReset.class.getName());

    private final WireRegions regions;
    private final Runnable afterChange;

    WireReset(WireRegions regions, Runnable afterChange) {
        this.regions = regions;
        this.afterChange = afterChange;
    }

    /** The answer to a request on the reset path, in {@code json}'s protocol. */
    WireReply answer(HttpExchange ex, WireCodec json, WireCodec.Call call, String requestId) {
        try {
            RequestBodies.drain(ex.getRequestBody());
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not read a reset request's body");
        }
        if (!ex.getRemoteAddress().getAddress().isLoopbackAddress()) {
            return WireReply.error(json, call, 403, "AccessDeniedException", "The reset endpoint answers the loopback address only.");
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Allow", "POST");
            return WireReply.error(json, call, 405, "MethodNotAllowedException", "Reset with POST " + WireServer.RESET_PATH + ".");
        }
        if (!regions.canReset()) {
            return WireReply.error(json, call, 409, "ResetNotAvailableException", "This server was not started from a scenario; "
                    + "only serve-sim can reset.");
        }
        SimEngine engine = regions.reset();
        LOG.fine("POST " + WireServer.RESET_PATH + " 200");
        if (afterChange != null) {
            try {
                afterChange.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not save the simulator state after a reset: " + e.getMessage());
            }
        }
        byte[] body = WireJson.object().put("reset", true).put("region", engine.region())
                .put("simulatedTime", engine.now().toString()).toString().getBytes(StandardCharsets.UTF_8);
        return new WireReply(200, body, null, json, requestId);
    }
}
