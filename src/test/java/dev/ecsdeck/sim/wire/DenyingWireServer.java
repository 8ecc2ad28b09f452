package dev.ecsdeck.sim.wire;

import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.autoscaling.ScalingOperations;
import dev.ecsdeck.sim.wire.ecs.EcsOperations;
import dev.ecsdeck.sim.wire.logs.LogsOperations;
import java.io.IOException;
import java.util.List;

/**
 * For credential tests: the simulator served as usual, except that one ECS operation on one
 * cluster is answered with an AWS error (e.g. AccessDeniedException on DescribeServices of
 * prod-web), as IAM does for a policy scoped to some clusters. Every other call is served.
 */
public final class DenyingWireServer {
    private DenyingWireServer() {}

    public static WireServer serve(SimEngine engine, ApiFaults faults, String operation, String cluster, String errorCode,
            String message, int status) throws IOException {
        return serve(engine, faults, operation, cluster, errorCode, message, status, null);
    }

    /** As above; {@code afterChange} runs after each change (to save the simulator's state). */
    public static WireServer serve(SimEngine engine, ApiFaults faults, String operation, String cluster, String errorCode,
            String message, int status, Runnable afterChange) throws IOException {
        WireApi ecs = EcsOperations.api(engine);
        WireApi denying = new WireApi(ecs.targetPrefix(), ecs.serviceName(), ecs.missingMemberError(), ecs.serverError());
        for (String name : ecs.shapes().keySet()) {
            WireOperation op = ecs.operation(name);
            WireOperation.Handler handler = !name.equals(operation) ? op.handler() : request -> {
                String asked = request.string("cluster");
                if (asked != null && (asked.equals(cluster) || asked.endsWith("/" + cluster))) {
                    throw new SimApiException(errorCode, message, status);
                }
                return op.handler().handle(request);
            };
            denying.add(name, op.shape(), op.mutating(), handler);
        }
        return new WireServer(engine, faults, 0, afterChange, List.of(denying, LogsOperations.api(engine), ScalingOperations.api(engine)));
    }
}
