package dev.ecsdeck.sim.wire.cloudwatch;

import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.WireApi;

/**
 * CloudWatch (service GraniteServiceVersion20100801, API version 2010-08-01) as the server routes to it:
 * metric operations ({@link MetricOperations}) and alarm operations ({@link AlarmOperations}), the same
 * on each protocol CloudWatch speaks (Smithy RPC v2 CBOR, AWS JSON 1.0, AWS Query).
 */
public final class CloudWatchOperations {
    public static final String TARGET_PREFIX = "GraniteServiceVersion20100801";
    public static final String API_VERSION = "2010-08-01";
    public static final String XML_NAMESPACE = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    private CloudWatchOperations() {}

    public static WireApi api(SimEngine engine) {
        WireApi api = new WireApi(TARGET_PREFIX, "CloudWatch", "MissingParameter", "InternalServiceFault", XML_NAMESPACE);
        api.queryVersion(API_VERSION).awsQueryCompatible(CloudWatchShapes.ERROR_CODES).timestampMembers(CloudWatchShapes.TIMESTAMP_MEMBERS);
        MetricOperations.addTo(api, engine);
        AlarmOperations.addTo(api, engine);
        return api;
    }
}
