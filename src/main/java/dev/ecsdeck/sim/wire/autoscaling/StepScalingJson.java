package dev.ecsdeck.sim.wire.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.ScheduledAction;
import dev.ecsdeck.model.StepScalingConfig;
import dev.ecsdeck.sim.autoscaling.ScalingApi;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * StepScalingPolicyConfiguration and ScheduledAction as Application Auto Scaling's JSON has them
 * (PascalCase), read from a request member by member and written into a response.
 */
final class StepScalingJson {
    private static final String AT = "StepScalingPolicyConfiguration.";

    private StepScalingJson() {}

    /** The request's configuration; mistyped members are SerializationExceptions naming their path. */
    static StepScalingConfig read(JsonNode c) {
        JsonNode type = member(c, AT + "AdjustmentType", JsonNode::isTextual, "a string");
        JsonNode cooldown = member(c, AT + "Cooldown", StepScalingJson::isInt, "an integer");
        JsonNode aggregation = member(c, AT + "MetricAggregationType", JsonNode::isTextual, "a string");
        JsonNode magnitude = member(c, AT + "MinAdjustmentMagnitude", StepScalingJson::isInt, "an integer");
        JsonNode steps = member(c, AT + "StepAdjustments", JsonNode::isArray, "a list");
        List<StepScalingConfig.Step> out = new ArrayList<>();
        if (steps != null) {
            for (int i = 0; i < steps.size(); i++) {
                String at = AT + "StepAdjustments." + (i + 1) + ".";
                JsonNode step = steps.get(i);
                if (!step.isObject()) {
                    throw WireJson.serialization("Expected a structure for '" + AT + "StepAdjustments." + (i + 1) + "', found "
                            + WireJson.kind(step) + ".");
                }
                JsonNode lower = member(step, at + "MetricIntervalLowerBound", JsonNode::isNumber, "a number");
                JsonNode upper = member(step, at + "MetricIntervalUpperBound", JsonNode::isNumber, "a number");
                JsonNode adjustment = member(step, at + "ScalingAdjustment", StepScalingJson::isInt, "an integer");
                if (adjustment == null) {
                    throw new dev.ecsdeck.sim.SimApiException("ValidationException", "1 validation error detected: Value null at '"
                            + at + "ScalingAdjustment' failed to satisfy constraint: Member must not be null");
                }
                out.add(new StepScalingConfig.Step(lower == null ? null : lower.asDouble(), upper == null ? null : upper.asDouble(),
                        adjustment.intValue()));
            }
        }
        return new StepScalingConfig(type == null ? null : type.asText(), out, cooldown == null ? null : cooldown.intValue(),
                aggregation == null ? null : aggregation.asText(), magnitude == null ? null : magnitude.intValue());
    }

    static void write(StepScalingConfig c, ObjectNode into) {
        ObjectNode n = into.putObject("StepScalingPolicyConfiguration");
        n.put("AdjustmentType", c.adjustmentType());
        ArrayNode steps = n.putArray("StepAdjustments");
        for (StepScalingConfig.Step s : c.stepAdjustments()) {
            ObjectNode step = steps.addObject();
            if (s.lowerBound() != null) {
                step.put("MetricIntervalLowerBound", s.lowerBound());
            }
            if (s.upperBound() != null) {
                step.put("MetricIntervalUpperBound", s.upperBound());
            }
            step.put("ScalingAdjustment", s.scalingAdjustment());
        }
        if (c.minAdjustmentMagnitude() != null) {
            n.put("MinAdjustmentMagnitude", c.minAdjustmentMagnitude());
        }
        if (c.cooldown() != null) {
            n.put("Cooldown", c.cooldown());
        }
        if (c.metricAggregationType() != null) {
            n.put("MetricAggregationType", c.metricAggregationType());
        }
    }

    /** One ScheduledAction of a DescribeScheduledActions response. */
    static void write(ScalingApi.Scheduled s, String namespace, String dimension, ObjectNode n) {
        ScheduledAction a = s.action();
        n.put("ScheduledActionName", a.scheduledActionName()).put("ScheduledActionARN", a.scheduledActionArn())
                .put("ServiceNamespace", namespace).put("Schedule", a.schedule());
        if (a.timezone() != null) {
            n.put("Timezone", a.timezone());
        }
        n.put("ResourceId", a.resourceId()).put("ScalableDimension", dimension);
        if (a.startTime() != null) {
            n.set("StartTime", WireJson.tree(a.startTime()));
        }
        if (a.endTime() != null) {
            n.set("EndTime", WireJson.tree(a.endTime()));
        }
        ObjectNode action = n.putObject("ScalableTargetAction");
        if (a.minCapacity() != null) {
            action.put("MinCapacity", a.minCapacity());
        }
        if (a.maxCapacity() != null) {
            action.put("MaxCapacity", a.maxCapacity());
        }
        n.set("CreationTime", WireJson.tree(s.creationTime()));
    }

    private static boolean isInt(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt();
    }

    /** A nested member, null when absent; a SerializationException naming its path when mistyped. */
    private static JsonNode member(JsonNode parent, String path, Predicate<JsonNode> fits, String expected) {
        JsonNode v = parent.get(path.substring(path.lastIndexOf('.') + 1));
        if (v == null || v.isNull()) {
            return null;
        }
        if (!fits.test(v)) {
            throw WireJson.serialization("Expected " + expected + " for '" + path + "', found " + WireJson.kind(v) + ".");
        }
        return v;
    }
}
