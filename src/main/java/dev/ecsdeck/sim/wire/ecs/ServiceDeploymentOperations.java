package dev.ecsdeck.sim.wire.ecs;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.ecs.ServiceDeploymentApi;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * ECS's service deployment operations (ListServiceDeployments, DescribeServiceDeployments,
 * DescribeServiceRevisions, StopServiceDeployment, ContinueServiceDeployment), added to the ECS
 * {@link WireApi} beside {@link EcsOperations}. Answers carry the model's member names, timestamps
 * as epoch seconds like the rest of ECS.
 */
final class ServiceDeploymentOperations {
    private final ServiceDeploymentApi deployments;

    private ServiceDeploymentOperations(ServiceDeploymentApi deployments) {
        this.deployments = deployments;
    }

    static WireApi addTo(WireApi api, SimEngine engine) {
        ServiceDeploymentOperations o = new ServiceDeploymentOperations(engine.serviceDeployments());
        return api
                .add("ListServiceDeployments", of().required("service", STRING).member("cluster", STRING).member("status", STRING_LIST)
                        .member("createdAt", STRUCTURE).member("nextToken", STRING).member("maxResults", INTEGER), false, o::list)
                .add("DescribeServiceDeployments", of().required("serviceDeploymentArns", STRING_LIST), false, o::describe)
                .add("DescribeServiceRevisions", of().required("serviceRevisionArns", STRING_LIST), false, o::describeRevisions)
                .add("StopServiceDeployment", of().required("serviceDeploymentArn", STRING).member("stopType", STRING), true, o::stop)
                .add("ContinueServiceDeployment", of().required("serviceDeploymentArn", STRING).required("hookId", STRING)
                        .member("action", STRING), true, o::resume);
    }

    private JsonNode list(WireRequest r) {
        JsonNode createdAt = r.node("createdAt");
        Page<ServiceDeploymentBrief> page = deployments.listServiceDeployments(r.string("cluster"), r.string("service"), r.strings("status"),
                timestamp(createdAt, "after"), timestamp(createdAt, "before"), r.string("nextToken"), r.integer("maxResults"));
        ObjectNode out = WireJson.object();
        out.set("serviceDeployments", WireJson.tree(page.items()));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private JsonNode describe(WireRequest r) {
        return EcsOperations.described("serviceDeployments", deployments.describeServiceDeployments(r.strings("serviceDeploymentArns")));
    }

    private JsonNode describeRevisions(WireRequest r) {
        return EcsOperations.described("serviceRevisions", deployments.describeServiceRevisions(r.strings("serviceRevisionArns")));
    }

    private JsonNode stop(WireRequest r) {
        return arn(deployments.stopServiceDeployment(r.string("serviceDeploymentArn"), r.string("stopType")));
    }

    private JsonNode resume(WireRequest r) {
        return arn(deployments.continueServiceDeployment(r.string("serviceDeploymentArn"), r.string("hookId"), r.string("action")));
    }

    /** A member of createdAt: a timestamp, which AWS JSON sends as epoch seconds (a number, fractions allowed); null when absent. */
    private static Instant timestamp(JsonNode createdAt, String member) {
        JsonNode v = createdAt == null ? null : createdAt.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw WireJson.serialization("Expected a timestamp (epoch seconds) for 'createdAt." + member + "', found " + WireJson.kind(v) + ".");
        }
        BigDecimal millis = v.decimalValue().movePointRight(3);
        return Instant.ofEpochMilli(millis.longValue());
    }

    private static ObjectNode arn(String serviceDeploymentArn) {
        ObjectNode out = WireJson.object();
        out.put("serviceDeploymentArn", serviceDeploymentArn);
        return out;
    }
}
