package dev.ecsdeck.sim.wire.autoscaling;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.BOOLEAN;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.MAP;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.ScalableTarget;
import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.StepScalingConfig;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.autoscaling.ScalingApi;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.json.WireJson;
import dev.ecsdeck.sim.wire.WireRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The Application Auto Scaling operations (AnyScaleFrontendService) for ECS services: namespace
 * "ecs", dimension "ecs:service:DesiredCount", resource id "service/cluster/name". Members are
 * PascalCase, as that service's model has them.
 */
public final class ScalingOperations {
    public static final String TARGET_PREFIX = "AnyScaleFrontendService";
    static final String NAMESPACE = "ecs";
    static final String DIMENSION = "ecs:service:DesiredCount";
    private static final Set<String> METRICS = Set.of(TargetTrackingConfig.CPU, TargetTrackingConfig.MEMORY,
            TargetTrackingConfig.ALB_REQUESTS);

    private final SimEngine engine;

    private ScalingOperations(SimEngine engine) {
        this.engine = engine;
    }

    public static WireApi api(SimEngine engine) {
        ScalingOperations s = new ScalingOperations(engine);
        return new WireApi(TARGET_PREFIX, "Application Auto Scaling", "ValidationException", "InternalServiceException")
                .add("RegisterScalableTarget", of().required("ServiceNamespace", STRING).required("ResourceId", STRING)
                        .required("ScalableDimension", STRING).member("MinCapacity", INTEGER).member("MaxCapacity", INTEGER)
                        .member("RoleARN", STRING).member("SuspendedState", STRUCTURE).member("Tags", MAP), true,
                        s::registerScalableTarget)
                .add("DescribeScalableTargets", of().required("ServiceNamespace", STRING).member("ResourceIds", STRING_LIST)
                        .member("ScalableDimension", STRING).member("MaxResults", INTEGER).member("NextToken", STRING), false,
                        s::describeScalableTargets)
                .add("PutScalingPolicy", of().required("PolicyName", STRING).required("ServiceNamespace", STRING)
                        .required("ResourceId", STRING).required("ScalableDimension", STRING).member("PolicyType", STRING)
                        .member("StepScalingPolicyConfiguration", STRUCTURE)
                        .member("TargetTrackingScalingPolicyConfiguration", STRUCTURE), true, s::putScalingPolicy)
                .add("DescribeScalingPolicies", of().member("PolicyNames", STRING_LIST).required("ServiceNamespace", STRING)
                        .member("ResourceId", STRING).member("ScalableDimension", STRING).member("MaxResults", INTEGER)
                        .member("NextToken", STRING), false, s::describeScalingPolicies)
                .add("DeleteScalingPolicy", of().required("PolicyName", STRING).required("ServiceNamespace", STRING)
                        .required("ResourceId", STRING).required("ScalableDimension", STRING), true, s::deleteScalingPolicy)
                .add("DescribeScalingActivities", of().required("ServiceNamespace", STRING).member("ResourceId", STRING)
                        .member("ScalableDimension", STRING).member("MaxResults", INTEGER).member("NextToken", STRING)
                        .member("IncludeNotScaledActivities", BOOLEAN), false, s::describeScalingActivities)
                .add("DescribeScheduledActions", of().member("ScheduledActionNames", STRING_LIST).required("ServiceNamespace", STRING)
                        .member("ResourceId", STRING).member("ScalableDimension", STRING).member("MaxResults", INTEGER)
                        .member("NextToken", STRING), false, s::describeScheduledActions);
    }

    private JsonNode registerScalableTarget(WireRequest r) {
        checkEcsService(r);
        ScalableTarget t = engine.scaling().registerScalableTarget(r.string("ResourceId"), r.integer("MinCapacity"),
                r.integer("MaxCapacity"));
        ObjectNode out = WireJson.object();
        out.put("ScalableTargetARN", targetArn(t));
        return out;
    }

    private JsonNode describeScalableTargets(WireRequest r) {
        List<ScalableTarget> matching = new ArrayList<>();
        if (isEcs(r)) {
            List<String> ids = r.strings("ResourceIds");
            for (ScalableTarget t : engine.scaling().scalableTargets()) {
                if (ids == null || ids.isEmpty() || ids.contains(t.resourceId())) {
                    matching.add(t);
                }
            }
        }
        ObjectNode out = WireJson.object();
        ArrayNode list = out.putArray("ScalableTargets");
        List<ScalableTarget> page = page(matching, r, 50, out);
        for (ScalableTarget t : page) {
            ObjectNode n = list.addObject();
            n.put("ServiceNamespace", NAMESPACE).put("ResourceId", t.resourceId()).put("ScalableDimension", DIMENSION)
                    .put("MinCapacity", t.minCapacity()).put("MaxCapacity", t.maxCapacity()).put("RoleARN", t.roleArn());
            n.set("CreationTime", WireJson.tree(t.creationTime()));
            n.putObject("SuspendedState").put("DynamicScalingInSuspended", t.dynamicScalingInSuspended())
                    .put("DynamicScalingOutSuspended", t.dynamicScalingOutSuspended())
                    .put("ScheduledScalingSuspended", t.scheduledScalingSuspended());
            n.put("ScalableTargetARN", targetArn(t));
        }
        return out;
    }

    private JsonNode putScalingPolicy(WireRequest r) {
        checkEcsService(r);
        String type = r.string("PolicyType");
        JsonNode config = r.node("TargetTrackingScalingPolicyConfiguration");
        if (type == null) {
            type = config != null ? "TargetTrackingScaling" : "StepScaling"; // StepScaling is the API's default
        }
        if ("StepScaling".equals(type)) {
            JsonNode steps = r.node("StepScalingPolicyConfiguration");
            if (steps == null) {
                throw validation("StepScalingPolicyConfiguration is required for a StepScaling policy.");
            }
            ScalingPolicy p = engine.scaling().putStepScalingPolicy(r.string("ResourceId"), r.string("PolicyName"),
                    StepScalingJson.read(steps));
            ObjectNode out = WireJson.object();
            out.put("PolicyARN", p.policyArn());
            return out;
        }
        if (!"TargetTrackingScaling".equals(type)) {
            throw validation("The simulator supports PolicyType TargetTrackingScaling and StepScaling only, not " + type + ".");
        }
        if (config == null) {
            throw validation("TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling policy.");
        }
        ScalingPolicy p = engine.scaling().putTargetTrackingPolicy(r.string("ResourceId"), r.string("PolicyName"), targetTracking(config));
        ObjectNode out = WireJson.object();
        out.put("PolicyARN", p.policyArn());
        out.set("Alarms", alarms(p));
        return out;
    }

    /** TargetTrackingScalingPolicyConfiguration with a PredefinedMetricSpecification, checked member by member. */
    private static TargetTrackingConfig targetTracking(JsonNode c) {
        String at = "TargetTrackingScalingPolicyConfiguration.";
        if (c.hasNonNull("CustomizedMetricSpecification")) {
            throw validation("The simulator supports PredefinedMetricSpecification only, not CustomizedMetricSpecification.");
        }
        JsonNode target = member(c, at + "TargetValue", JsonNode::isNumber, "a number");
        JsonNode spec = member(c, at + "PredefinedMetricSpecification", JsonNode::isObject, "a structure");
        if (target == null) {
            throw validation("1 validation error detected: Value null at '" + at + "TargetValue' failed to satisfy constraint: Member must not be null");
        }
        if (spec == null) {
            throw validation("PredefinedMetricSpecification is required: the simulator supports predefined metrics only.");
        }
        String specAt = at + "PredefinedMetricSpecification.";
        JsonNode metric = member(spec, specAt + "PredefinedMetricType", JsonNode::isTextual, "a string");
        JsonNode label = member(spec, specAt + "ResourceLabel", JsonNode::isTextual, "a string");
        if (metric == null || !METRICS.contains(metric.asText())) {
            throw validation("PredefinedMetricType for ECS must be one of " + new java.util.TreeSet<>(METRICS) + ".");
        }
        if (TargetTrackingConfig.ALB_REQUESTS.equals(metric.asText()) && label == null) {
            throw validation("ResourceLabel is required for ALBRequestCountPerTarget.");
        }
        JsonNode out = member(c, at + "ScaleOutCooldown", n -> n.isIntegralNumber() && n.canConvertToInt(), "an integer");
        JsonNode in = member(c, at + "ScaleInCooldown", n -> n.isIntegralNumber() && n.canConvertToInt(), "an integer");
        JsonNode disable = member(c, at + "DisableScaleIn", JsonNode::isBoolean, "a boolean");
        return new TargetTrackingConfig(metric.asText(), label == null ? null : label.asText(), target.asDouble(),
                out == null ? null : out.intValue(), in == null ? null : in.intValue(), disable != null && disable.booleanValue());
    }

    /** A nested member, null when absent; a SerializationException naming its path when mistyped. */
    private static JsonNode member(JsonNode parent, String path, java.util.function.Predicate<JsonNode> fits, String expected) {
        JsonNode v = parent.get(path.substring(path.lastIndexOf('.') + 1));
        if (v == null || v.isNull()) {
            return null;
        }
        if (!fits.test(v)) {
            throw WireJson.serialization("Expected " + expected + " for '" + path + "', found " + WireJson.kind(v) + ".");
        }
        return v;
    }

    private JsonNode describeScalingPolicies(WireRequest r) {
        List<ScalingPolicy> matching = new ArrayList<>();
        if (isEcs(r)) {
            String resourceId = r.string("ResourceId");
            List<String> names = r.strings("PolicyNames");
            for (ScalableTarget t : engine.scaling().scalableTargets()) {
                if (resourceId != null && !resourceId.equals(t.resourceId())) {
                    continue;
                }
                for (ScalingPolicy p : engine.scaling().describe(t.resourceId()).policies()) {
                    if (names == null || names.isEmpty() || names.contains(p.policyName())) {
                        matching.add(p);
                    }
                }
            }
        }
        ObjectNode out = WireJson.object();
        ArrayNode list = out.putArray("ScalingPolicies");
        for (ScalingPolicy p : page(matching, r, 10, out)) {
            ObjectNode n = list.addObject();
            n.put("PolicyARN", p.policyArn()).put("PolicyName", p.policyName()).put("ServiceNamespace", NAMESPACE)
                    .put("ResourceId", p.resourceId()).put("ScalableDimension", DIMENSION).put("PolicyType", p.policyType());
            TargetTrackingConfig c = p.targetTracking();
            if (c != null) {
                ObjectNode cn = n.putObject("TargetTrackingScalingPolicyConfiguration");
                cn.put("TargetValue", c.targetValue());
                ObjectNode spec = cn.putObject("PredefinedMetricSpecification").put("PredefinedMetricType", c.predefinedMetricType());
                if (c.resourceLabel() != null) {
                    spec.put("ResourceLabel", c.resourceLabel());
                }
                if (c.scaleOutCooldown() != null) {
                    cn.put("ScaleOutCooldown", c.scaleOutCooldown());
                }
                if (c.scaleInCooldown() != null) {
                    cn.put("ScaleInCooldown", c.scaleInCooldown());
                }
                cn.put("DisableScaleIn", c.disableScaleIn());
                n.set("Alarms", alarms(p));
            }
            StepScalingConfig steps = engine.scaling().stepScaling(p.policyArn());
            if (steps != null) {
                StepScalingJson.write(steps, n); // no Alarms: a step policy's alarms are the user's, and the simulator has none
            }
            n.set("CreationTime", WireJson.tree(p.creationTime()));
        }
        return out;
    }

    private JsonNode deleteScalingPolicy(WireRequest r) {
        checkNamespaceAndDimension(r);
        engine.scaling().deleteScalingPolicy(r.string("ResourceId"), r.string("PolicyName"));
        return WireJson.object();
    }

    private JsonNode describeScalingActivities(WireRequest r) {
        List<ScalingActivity> matching = new ArrayList<>();
        if (isEcs(r)) {
            String resourceId = r.string("ResourceId");
            for (ScalableTarget t : engine.scaling().scalableTargets()) {
                if (resourceId == null || resourceId.equals(t.resourceId())) {
                    matching.addAll(engine.scaling().activities(t.resourceId()));
                }
            }
            matching.sort(Comparator.comparing(ScalingActivity::startTime).reversed()); // newest first, across targets
        }
        ObjectNode out = WireJson.object();
        ArrayNode list = out.putArray("ScalingActivities");
        for (ScalingActivity a : page(matching, r, 50, out)) {
            ObjectNode n = list.addObject();
            n.put("ActivityId", a.activityId()).put("ServiceNamespace", NAMESPACE).put("ResourceId", a.resourceId())
                    .put("ScalableDimension", DIMENSION).put("Description", a.description()).put("Cause", a.cause());
            n.set("StartTime", WireJson.tree(a.startTime()));
            if (a.endTime() != null) {
                n.set("EndTime", WireJson.tree(a.endTime()));
            }
            n.put("StatusCode", a.statusCode());
            if (a.statusMessage() != null) {
                n.put("StatusMessage", a.statusMessage());
            }
        }
        return out;
    }

    /** Scheduled actions as stored (the simulator lists them but does not run them). */
    private JsonNode describeScheduledActions(WireRequest r) {
        List<ScalingApi.Scheduled> matching = new ArrayList<>();
        if (isEcs(r)) {
            String resourceId = r.string("ResourceId");
            List<String> names = r.strings("ScheduledActionNames");
            for (ScalableTarget t : engine.scaling().scalableTargets()) {
                if (resourceId != null && !resourceId.equals(t.resourceId())) {
                    continue;
                }
                for (ScalingApi.Scheduled a : engine.scaling().scheduledActions(t.resourceId())) {
                    if (names == null || names.isEmpty() || names.contains(a.action().scheduledActionName())) {
                        matching.add(a);
                    }
                }
            }
        }
        ObjectNode out = WireJson.object();
        ArrayNode list = out.putArray("ScheduledActions");
        for (ScalingApi.Scheduled a : page(matching, r, 50, out)) {
            StepScalingJson.write(a, NAMESPACE, DIMENSION, list.addObject());
        }
        return out;
    }

    private static boolean isEcs(WireRequest r) {
        return NAMESPACE.equals(r.string("ServiceNamespace"))
                && (r.string("ScalableDimension") == null || DIMENSION.equals(r.string("ScalableDimension")));
    }

    private static void checkNamespaceAndDimension(WireRequest r) {
        if (!NAMESPACE.equals(r.string("ServiceNamespace")) || !DIMENSION.equals(r.string("ScalableDimension"))) {
            throw validation("The simulator scales ECS services only: ServiceNamespace ecs, ScalableDimension " + DIMENSION + ".");
        }
    }

    private static void checkEcsService(WireRequest r) {
        checkNamespaceAndDimension(r);
        if (!r.string("ResourceId").startsWith("service/")) {
            throw validation("Unsupported resource ID: " + r.string("ResourceId") + ". Expected service/<cluster>/<service>.");
        }
    }

    /** Target tracking's two CloudWatch alarms, named as Application Auto Scaling names them. */
    private ArrayNode alarms(ScalingPolicy p) {
        ArrayNode out = WireJson.object().arrayNode();
        for (String name : dev.ecsdeck.sim.cloudwatch.AlarmTargetTracking.names(p)) {
            out.addObject().put("AlarmName", name).put("AlarmARN", "arn:aws:cloudwatch:" + engine.region() + ":" + account(p.policyArn())
                    + ":alarm:" + name);
        }
        return out;
    }

    private String targetArn(ScalableTarget t) {
        String id = UUID.nameUUIDFromBytes(t.resourceId().getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return "arn:aws:application-autoscaling:" + engine.region() + ":" + account(t.roleArn()) + ":scalable-target/" + id;
    }

    /** The account field of an ARN (arn:partition:service:region:account:...). */
    private static String account(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 4 ? parts[4] : "";
    }

    /** One page of {@code all}: MaxResults (1..max, default max) and an opaque NextToken, set on {@code out} when more follow. */
    private static <T> List<T> page(List<T> all, WireRequest r, int max, ObjectNode out) {
        Integer size = r.integer("MaxResults");
        if (size != null && (size < 1 || size > max)) {
            throw validation("MaxResults must be between 1 and " + max + ".");
        }
        int from = 0;
        String token = r.string("NextToken");
        if (token != null && !token.isEmpty()) {
            try {
                String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                from = Integer.parseInt(s.substring(s.indexOf(':') + 1));
                if (!s.startsWith("o:") || from < 0 || from > all.size()) {
                    throw new IllegalArgumentException(s);
                }
            } catch (IllegalArgumentException e) {
                throw new SimApiException("InvalidNextTokenException", "Invalid token");
            }
        }
        int to = Math.min(all.size(), from + (size == null ? max : size));
        if (to < all.size()) {
            out.put("NextToken", Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + to).getBytes(StandardCharsets.UTF_8)));
        }
        return all.subList(from, to);
    }

    private static SimApiException validation(String message) {
        return new SimApiException("ValidationException", message);
    }
}
