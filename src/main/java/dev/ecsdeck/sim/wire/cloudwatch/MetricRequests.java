package dev.ecsdeck.sim.wire.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.cloudwatch.MetricKey;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reading CloudWatch's request members from the protocol-independent tree (in a Query request every
 * value is text, so numbers are read from text too) and writing its answer members; CloudWatch's
 * errors (the model's codes) with its wording, members named by their Query paths
 * ({@code MetricData.member.1.Value}), as CloudWatch's messages name them.
 */
final class MetricRequests {
    static final int MAX_DIMENSIONS = 30;

    private MetricRequests() {}

    static SimApiException invalid(String message) {
        return new SimApiException("InvalidParameterValue", message);
    }

    static SimApiException missing(String member) {
        return new SimApiException("MissingParameter", "The parameter " + member + " is required.");
    }

    static SimApiException combination(String message) {
        return new SimApiException("InvalidParameterCombination", message);
    }

    static boolean absent(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    /** A text member: null when absent; an empty or non-text value is refused. */
    static String text(JsonNode v, String path) {
        if (absent(v)) {
            return null;
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw invalid("The parameter " + path + " must be a non-empty string.");
        }
        return v.asText();
    }

    static String requiredText(JsonNode v, String path) {
        String s = text(v, path);
        if (s == null) {
            throw missing(path);
        }
        return s;
    }

    /** A number, or in a Query request its text; null when absent. */
    static Double number(JsonNode v, String path) {
        if (absent(v)) {
            return null;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw invalid("The value " + v.asText() + " for parameter " + path + " is not a number.");
    }

    static Integer integer(JsonNode v, String path) {
        Double d = number(v, path);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw invalid("The value " + v.asText() + " for parameter " + path + " is not an integer.");
        }
        return d.intValue();
    }

    /** A timestamp: epoch seconds (JSON 1.0 and CBOR), or ISO-8601 text (Query); null when absent. */
    static Instant timestamp(JsonNode v, String path) {
        if (absent(v)) {
            return null;
        }
        if (v.isNumber()) {
            return Instant.ofEpochMilli(v.decimalValue().movePointRight(3).longValue());
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw invalid("The value " + v.asText() + " for parameter " + path + " is not a valid timestamp.");
        }
    }

    /** A timestamp as the JSON protocols write it: epoch seconds, a number with milliseconds. */
    static JsonNode epochSeconds(Instant t) {
        return DecimalNode.valueOf(BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3));
    }

    /** A list of {Name, Value} (all required), at most {@link #MAX_DIMENSIONS}, each name once; empty when absent. */
    static Map<String, String> dimensions(JsonNode list, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (absent(list)) {
            return out;
        }
        if (!list.isArray()) {
            throw invalid("The parameter " + path + " must be a list.");
        }
        if (list.size() > MAX_DIMENSIONS) {
            throw invalid("The collection " + path + " must not have a size greater than " + MAX_DIMENSIONS + ".");
        }
        int i = 1;
        for (JsonNode d : list) {
            String at = path + ".member." + i++;
            String name = requiredText(d.get("Name"), at + ".Name");
            String value = requiredText(d.get("Value"), at + ".Value");
            if (out.put(name, value) != null) {
                throw invalid("No metric dimension name may be specified more than once: " + name + " in " + path + ".");
            }
        }
        return out;
    }

    /** A Metric structure {Namespace, MetricName, Dimensions}. */
    static MetricKey metric(JsonNode m, String path) {
        if (absent(m)) {
            throw missing(path);
        }
        return new MetricKey(requiredText(m.get("Namespace"), path + ".Namespace"), requiredText(m.get("MetricName"), path + ".MetricName"),
                dimensions(m.get("Dimensions"), path + ".Dimensions"));
    }

    /** The metric as its answer member: {Namespace, MetricName, Dimensions [{Name, Value}] in name order}. */
    static ObjectNode metricNode(MetricKey key) {
        ObjectNode n = WireJson.object();
        n.put("Namespace", key.namespace());
        n.put("MetricName", key.metricName());
        ArrayNode dims = n.putArray("Dimensions");
        key.sortedDimensions().forEach((name, value) -> dims.addObject().put("Name", name).put("Value", value));
        return n;
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** A period in seconds: the simulator keeps one-minute aggregates, so a period is 60 or a multiple of it. */
    static int period(Integer period, String path) {
        if (period == null) {
            throw missing(path);
        }
        if (period < 60 || period % 60 != 0) {
            throw invalid("The parameter " + path + " must be a multiple of 60 (the simulator keeps one-minute aggregates; "
                    + "high-resolution periods of 1, 5, 10 and 30 seconds are not simulated).");
        }
        return period;
    }
}
