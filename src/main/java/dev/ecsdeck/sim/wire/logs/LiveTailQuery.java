package dev.ecsdeck.sim.wire.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.logs.LogFilterPattern;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A StartLiveTail request, checked as CloudWatch Logs checks it (the model's limits: 1 to 10 log groups, by name or
 * ARN (the pattern has no "*", so no ":*" ending), each existing; stream names or name prefixes, 1 to 100, not both, only with one group; a
 * filter pattern of at most 1024 characters that parses). Travels from the operation to the stream as the
 * sessionStart event's JSON.
 */
record LiveTailQuery(List<String> identifiers, List<String> streamNames, List<String> prefixes, String filterPattern) {
    /** The model's LogGroupIdentifier pattern. */
    private static final Pattern IDENTIFIER = Pattern.compile("[\\w#+=/:,.@-]*");

    static LiveTailQuery of(WireRequest r, SimEngine engine) {
        List<String> ids = r.strings("logGroupIdentifiers");
        List<String> names = r.strings("logStreamNames");
        List<String> prefixes = r.strings("logStreamNamePrefixes");
        String pattern = r.string("logEventFilterPattern");
        size("logGroupIdentifiers", ids, 10);
        size("logStreamNames", names, 100);
        size("logStreamNamePrefixes", prefixes, 100);
        for (String id : ids) {
            if (id.isEmpty() || id.length() > 2048 || !IDENTIFIER.matcher(id).matches()) {
                throw invalid("1 validation error detected: Value '" + id + "' at 'logGroupIdentifiers' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: " + IDENTIFIER.pattern());
            }
        }
        if (names != null && prefixes != null) {
            throw invalid("logStreamNames and logStreamNamePrefixes are mutually exclusive parameters.");
        }
        if ((names != null || prefixes != null) && ids.size() > 1) {
            throw invalid("logStreamNames and logStreamNamePrefixes can be specified only with one log group.");
        }
        if (pattern != null && pattern.length() > 1024) {
            throw invalid("1 validation error detected: Value at 'logEventFilterPattern' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 1024");
        }
        LogFilterPattern.parse(pattern); // a malformed pattern fails here, before the stream opens
        for (String id : ids) {
            if (engine.logs().describeLogGroups(groupName(id), null, null).items().stream()
                    .noneMatch(g -> g.logGroupName().equals(groupName(id)))) {
                throw new SimApiException("ResourceNotFoundException", "The specified log group does not exist: " + id);
            }
        }
        return new LiveTailQuery(List.copyOf(ids), names == null ? null : List.copyOf(names),
                prefixes == null ? null : List.copyOf(prefixes), pattern);
    }

    /** The sessionStart event's members (without requestId and sessionId, which the stream adds). */
    ObjectNode toJson() {
        ObjectNode out = WireJson.object();
        ids(out, "logGroupIdentifiers", identifiers);
        ids(out, "logStreamNames", streamNames);
        ids(out, "logStreamNamePrefixes", prefixes);
        if (filterPattern != null) {
            out.put("logEventFilterPattern", filterPattern);
        }
        return out;
    }

    static LiveTailQuery fromJson(JsonNode n) {
        return new LiveTailQuery(strings(n.get("logGroupIdentifiers")), n.has("logStreamNames") ? strings(n.get("logStreamNames")) : null,
                n.has("logStreamNamePrefixes") ? strings(n.get("logStreamNamePrefixes")) : null,
                n.hasNonNull("logEventFilterPattern") ? n.get("logEventFilterPattern").asText() : null);
    }

    /** Whether a line of {@code stream} belongs to the session by its stream filters. */
    boolean includesStream(String stream) {
        if (streamNames != null) {
            return streamNames.contains(stream);
        }
        return prefixes == null || prefixes.stream().anyMatch(stream::startsWith);
    }

    /** A log group's name from its identifier: the name itself, or an ARN "arn:...:log-group:NAME" (":*" tolerated). */
    static String groupName(String identifier) {
        int at = identifier.indexOf(":log-group:");
        if (!identifier.startsWith("arn:") || at < 0) {
            return identifier;
        }
        String g = identifier.substring(at + ":log-group:".length());
        return g.endsWith(":*") ? g.substring(0, g.length() - 2) : g;
    }

    private static void size(String member, List<String> values, int max) {
        if (values != null && (values.isEmpty() || values.size() > max)) {
            throw invalid("1 validation error detected: Value at '" + member + "' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + max + " and greater than or equal to 1");
        }
    }

    private static void ids(ObjectNode out, String member, List<String> values) {
        if (values != null) {
            values.forEach(out.putArray(member)::add);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static SimApiException invalid(String message) {
        return new SimApiException("InvalidParameterException", message);
    }
}
