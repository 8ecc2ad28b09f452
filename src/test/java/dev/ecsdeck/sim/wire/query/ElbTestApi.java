package dev.ecsdeck.sim.wire.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.wire.RequestShape;
import dev.ecsdeck.sim.wire.RequestShape.Kind;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test-only Query service under Elastic Load Balancing v2's version and namespace, with a few
 * fake operations that echo what they were sent, so the real SDK client can be called against it:
 * what it sends is decoded as the operations will read it, what they answer is what it parses.
 */
final class ElbTestApi {
    static final String VERSION = "2015-12-01";
    static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The last request's tree, as the operation saw it. */
    final AtomicReference<JsonNode> lastRequest = new AtomicReference<>();

    /** A target as the operations bind it: the port comes as text in Query and is read as the integer it names. */
    record TargetRef(@JsonProperty("Id") String id, @JsonProperty("Port") Integer port,
            @JsonProperty("AvailabilityZone") String availabilityZone) {}

    WireApi api() {
        return new WireApi(VERSION, "Elastic Load Balancing v2 (test)", "ValidationError", "InternalFailure", NAMESPACE)
                .add("DescribeTargetHealth", RequestShape.of().required("TargetGroupArn", Kind.STRING).member("Targets", Kind.STRUCTURE_LIST)
                        .member("Include", Kind.STRING_LIST), false, this::describeTargetHealth)
                .add("DescribeTags", RequestShape.of().required("ResourceArns", Kind.STRING_LIST), false, this::describeTags)
                .add("ModifyTargetGroup", RequestShape.of().required("TargetGroupArn", Kind.STRING).member("HealthCheckEnabled", Kind.BOOLEAN)
                        .member("HealthCheckIntervalSeconds", Kind.INTEGER).member("Matcher", Kind.STRUCTURE), true, this::modifyTargetGroup)
                .add("CreateListener", RequestShape.of().required("LoadBalancerArn", Kind.STRING).member("Port", Kind.INTEGER)
                        .member("DefaultActions", Kind.STRUCTURE_LIST), true, this::createListener)
                .add("DeleteListener", RequestShape.of().required("ListenerArn", Kind.STRING), true, this::deleteListener);
    }

    private JsonNode describeTargetHealth(WireRequest r) {
        lastRequest.set(r.body().deepCopy());
        String arn = r.string("TargetGroupArn");
        if (arn.contains("missing")) {
            throw new SimApiException("TargetGroupNotFound", "One or more target groups not found: '" + arn + "'.");
        }
        if (arn.contains("broken")) {
            throw new IllegalStateException("an operation that fails");
        }
        ArrayNode out = NODES.arrayNode();
        List<TargetRef> targets = r.has("Targets") ? r.bindList("Targets", TargetRef.class) : List.of();
        for (TargetRef t : targets) {
            ObjectNode d = out.addObject();
            ObjectNode target = d.putObject("Target").put("Id", t.id());
            if (t.port() != null) {
                target.put("Port", t.port());
            }
            d.put("HealthCheckPort", t.port() == null ? "traffic-port" : String.valueOf(t.port()));
            d.putObject("TargetHealth").put("State", "unhealthy").put("Reason", "Target.ResponseCodeMismatch")
                    .put("Description", "Health checks failed with these codes: [502]");
            if (r.has("Include") && r.strings("Include").contains("AnomalyDetection")) {
                d.putObject("AnomalyDetection").put("Result", "anomalous").put("MitigationInEffect", "no");
            }
        }
        ObjectNode result = NODES.objectNode();
        result.set("TargetHealthDescriptions", out);
        return result;
    }

    private JsonNode describeTags(WireRequest r) {
        lastRequest.set(r.body().deepCopy());
        ObjectNode result = NODES.objectNode();
        ArrayNode descriptions = result.putArray("TagDescriptions");
        for (String arn : r.strings("ResourceArns")) {
            ObjectNode d = descriptions.addObject().put("ResourceArn", arn);
            ArrayNode tags = d.putArray("Tags");
            if (!arn.contains("untagged")) {
                tags.addObject().put("Key", "team").put("Value", "web & <edge> \"ops\"");
                tags.addObject().put("Key", "cost-centre").put("Value", "42");
            }
        }
        return result;
    }

    private JsonNode modifyTargetGroup(WireRequest r) {
        lastRequest.set(r.body().deepCopy());
        ObjectNode group = NODES.objectNode().put("TargetGroupArn", r.string("TargetGroupArn"));
        if (r.has("HealthCheckEnabled")) {
            group.put("HealthCheckEnabled", r.flag("HealthCheckEnabled"));
        }
        if (r.has("HealthCheckIntervalSeconds")) {
            group.put("HealthCheckIntervalSeconds", r.integer("HealthCheckIntervalSeconds"));
        }
        if (r.has("Matcher")) {
            group.putObject("Matcher").put("HttpCode", r.node("Matcher").path("HttpCode").asText());
        }
        ObjectNode result = NODES.objectNode();
        result.putArray("TargetGroups").add(group);
        return result;
    }

    /** Reads the nested weights by hand, as an operation that does not bind a record does. */
    private JsonNode createListener(WireRequest r) {
        lastRequest.set(r.body().deepCopy());
        ObjectNode listener = NODES.objectNode().put("ListenerArn", r.string("LoadBalancerArn").replace(":loadbalancer/", ":listener/") + "/1")
                .put("Port", r.integer("Port"));
        ArrayNode actions = listener.putArray("DefaultActions");
        JsonNode asked = r.node("DefaultActions");
        for (int i = 0; asked != null && i < asked.size(); i++) {
            JsonNode action = asked.get(i);
            ObjectNode out = actions.addObject().put("Type", action.path("Type").asText());
            JsonNode groups = action.path("ForwardConfig").path("TargetGroups");
            ArrayNode outGroups = out.putObject("ForwardConfig").putArray("TargetGroups");
            for (int g = 0; g < groups.size(); g++) {
                String path = "DefaultActions[" + i + "].ForwardConfig.TargetGroups[" + g + "].Weight";
                outGroups.addObject().put("TargetGroupArn", groups.get(g).path("TargetGroupArn").asText())
                        .put("Weight", r.integer(groups.get(g).get("Weight"), path));
            }
        }
        ObjectNode result = NODES.objectNode();
        result.putArray("Listeners").add(listener);
        return result;
    }

    private JsonNode deleteListener(WireRequest r) {
        lastRequest.set(r.body().deepCopy());
        return NODES.objectNode();
    }
}
