package dev.ecsdeck.sim.wire;

import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.SimEngine;
import java.io.IOException;
import java.util.List;

/** For tests of a protocol outside this package: a server of exactly the services given (test-only ones included). */
public final class CustomWireServer {
    private CustomWireServer() {}

    public static WireServer serve(SimEngine engine, ApiFaults faults, List<WireApi> apis) throws IOException {
        return new WireServer(engine, faults, 0, null, apis);
    }
}
