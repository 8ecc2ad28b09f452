package dev.ecsdeck.sim.wire.ecs;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.ServiceConnectApi;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;

/**
 * ListServicesByNamespace, and the serviceConnectConfiguration member of CreateService and
 * UpdateService, which ECS shows on the deployments of the services they and DescribeServices
 * answer (kept by {@link ServiceConnectApi}, added to the answers' JSON here rather than to the
 * console's model). A new configuration starts a new deployment, as in ECS.
 */
final class ServiceConnectOperations {
    static final String MEMBER = "serviceConnectConfiguration";

    private ServiceConnectOperations() {}

    static WireApi addTo(WireApi api, SimEngine engine) {
        ServiceConnectApi connect = new ServiceConnectApi(engine);
        return api.add("ListServicesByNamespace", of().required("namespace", STRING).member("nextToken", STRING)
                .member("maxResults", INTEGER), false, r -> list(connect, r));
    }

    private static JsonNode list(ServiceConnectApi connect, WireRequest r) {
        Page<String> page = connect.listServicesByNamespace(r.string("namespace"), r.string("nextToken"), r.integer("maxResults"));
        ObjectNode out = WireJson.object();
        out.set("serviceArns", WireJson.strings(page.items()));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    /** Before CreateService or UpdateService changes anything: the request's configuration, if any, is valid. */
    static void check(SimEngine engine, WireRequest r, String serviceMember) {
        JsonNode config = r.node(MEMBER);
        if (config != null) {
            new ServiceConnectApi(engine).check(r.string("cluster"), r.string(serviceMember), r.string("taskDefinition"), config);
        }
    }

    /**
     * After the call: keeps the configuration (CreateService: the given one or none; UpdateService: a given
     * one replaces it) and shows it on the answer's {@code service}.
     */
    static JsonNode stored(SimEngine engine, WireRequest r, ObjectNode answer, boolean created) {
        JsonNode service = answer.get("service");
        String arn = service.path("serviceArn").asText();
        ServiceConnectApi connect = new ServiceConnectApi(engine);
        if (created || r.node(MEMBER) != null) {
            connect.set(arn, r.node(MEMBER));
        }
        show(connect, service);
        return answer;
    }

    /** Adds each described service's configuration to a DescribeServices answer. */
    static JsonNode described(SimEngine engine, ObjectNode answer) {
        ServiceConnectApi connect = new ServiceConnectApi(engine);
        answer.path("services").forEach(s -> show(connect, s));
        return answer;
    }

    private static void show(ServiceConnectApi connect, JsonNode service) {
        String arn = service.path("serviceArn").asText();
        for (JsonNode d : service.path("deployments")) {
            ObjectNode config = connect.ofDeployment(arn, d.path("id").asText(), "PRIMARY".equals(d.path("status").asText()));
            if (config != null && d instanceof ObjectNode node) {
                node.set(MEMBER, config);
            }
        }
    }

    /** Whether UpdateService must start a new deployment for the request's configuration. */
    static boolean redeploys(WireRequest r) {
        return r.node(MEMBER) != null;
    }
}
