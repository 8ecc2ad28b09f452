package dev.ecsdeck.sim.wire.cloudwatch;

import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.WireApi;

/** CloudWatch operations (skeleton). */
final class MetricOperations {
    private MetricOperations() {}

    static void addTo(WireApi api, SimEngine engine) {}
}
