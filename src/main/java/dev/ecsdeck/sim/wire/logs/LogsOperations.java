package dev.ecsdeck.sim.wire.logs;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.BOOLEAN;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.LONG;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.LogEvent;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.logs.LogApi;
import dev.ecsdeck.sim.logs.LogFilterPattern;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.json.WireJson;
import dev.ecsdeck.sim.wire.WireRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The CloudWatch Logs operations (Logs_20140328) on the simulator's logs. */
public final class LogsOperations {
    public static final String TARGET_PREFIX = "Logs_20140328";
    /** FilterLogEvents takes at most this many stream names; a prefix matching more is filtered here instead. */
    private static final int MAX_STREAM_NAMES = 100;
    /** GetLogEvents' tokens: "f/" + the engine's position (empty: the start), "b/" for the backward one. */
    private static final String FORWARD = "f/";
    private static final String BACKWARD = "b/";
    /** The model's LogGroupNamePattern. */
    private static final Pattern LOG_GROUP_NAME_PATTERN = Pattern.compile("[\\.\\-_/#A-Za-z0-9]*");

    private final SimEngine engine;

    private LogsOperations(SimEngine engine) {
        this.engine = engine;
    }

    public static WireApi api(SimEngine engine) {
        LogsOperations logs = new LogsOperations(engine);
        return new WireApi(TARGET_PREFIX, "CloudWatch Logs", "InvalidParameterException", "ServiceUnavailableException")
                .add("DescribeLogGroups", of().member("logGroupNamePrefix", STRING).member("logGroupNamePattern", STRING)
                        .member("nextToken", STRING).member("limit", INTEGER), false, logs::describeLogGroups)
                .add("DescribeLogStreams", of().member("logGroupName", STRING).member("logGroupIdentifier", STRING)
                        .member("logStreamNamePrefix", STRING).member("orderBy", STRING).member("descending", BOOLEAN)
                        .member("nextToken", STRING).member("limit", INTEGER), false, logs::describeLogStreams)
                .add("GetLogEvents", of().member("logGroupName", STRING).member("logGroupIdentifier", STRING)
                        .required("logStreamName", STRING).member("startTime", LONG).member("endTime", LONG)
                        .member("nextToken", STRING).member("limit", INTEGER).member("startFromHead", BOOLEAN), false,
                        logs::getLogEvents)
                .add("FilterLogEvents", of().member("logGroupName", STRING).member("logGroupIdentifier", STRING)
                        .member("logStreamNames", STRING_LIST).member("logStreamNamePrefix", STRING).member("startTime", LONG)
                        .member("endTime", LONG).member("filterPattern", STRING).member("nextToken", STRING)
                        .member("limit", INTEGER).member("interleaved", BOOLEAN), false, logs::filterLogEvents)
                .add(LiveTailSessions.OPERATION, of().required("logGroupIdentifiers", STRING_LIST).member("logStreamNames", STRING_LIST)
                        .member("logStreamNamePrefixes", STRING_LIST).member("logEventFilterPattern", STRING), false,
                        logs::startLiveTail);
    }

    private JsonNode describeLogGroups(WireRequest r) {
        String pattern = r.string("logGroupNamePattern");
        if (pattern != null && r.has("logGroupNamePrefix")) {
            throw invalid("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        if (pattern != null && (pattern.length() > 512 || !LOG_GROUP_NAME_PATTERN.matcher(pattern).matches())) {
            throw invalid("1 validation error detected: Value '" + pattern + "' at 'logGroupNamePattern' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: " + LOG_GROUP_NAME_PATTERN.pattern());
        }
        Page<LogApi.LogGroupInfo> page = engine.logs().describeLogGroups(r.string("logGroupNamePrefix"), pattern, r.string("nextToken"),
                r.integer("limit"));
        ObjectNode out = WireJson.object();
        ArrayNode groups = out.putArray("logGroups");
        for (LogApi.LogGroupInfo g : page.items()) {
            ObjectNode n = groups.addObject();
            n.put("logGroupName", g.logGroupName());
            n.put("creationTime", g.creationTime());
            n.put("arn", g.arn());
            if (pattern != null) {
                continue; // with a pattern, CloudWatch answers the name, creation time and ARN only
            }
            n.put("metricFilterCount", 0);
            n.put("storedBytes", g.storedBytes());
            n.put("logGroupClass", "STANDARD");
            n.put("logGroupArn", g.arn().endsWith(":*") ? g.arn().substring(0, g.arn().length() - 2) : g.arn());
        }
        putToken(out, "nextToken", page.nextToken());
        return out;
    }

    private JsonNode describeLogStreams(WireRequest r) {
        String group = group(r);
        String orderBy = r.string("orderBy") == null ? "LogStreamName" : r.string("orderBy");
        if (!orderBy.equals("LogStreamName") && !orderBy.equals("LastEventTime")) {
            throw invalid("1 validation error detected: Value '" + orderBy
                    + "' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        }
        boolean byTime = orderBy.equals("LastEventTime");
        if (byTime && r.has("logStreamNamePrefix")) {
            throw invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        Page<LogApi.LogStreamInfo> page = engine.logs().describeLogStreams(group, r.string("logStreamNamePrefix"), byTime,
                r.flag("descending"), r.string("nextToken"), r.integer("limit"));
        ObjectNode out = WireJson.object();
        out.set("logStreams", WireJson.tree(page.items()));
        for (JsonNode s : out.get("logStreams")) {
            ((ObjectNode) s).put("storedBytes", 0);
        }
        putToken(out, "nextToken", page.nextToken());
        return out;
    }

    /**
     * As CloudWatch: without a token, the newest page (startFromHead false, the default) or the oldest (true); a
     * nextForwardToken reads on after the last event it saw, a nextBackwardToken the page before the first. Pages
     * are oldest first. When a direction has nothing more, the token sent comes back (clients stop paging when the
     * token repeats, and poll with it later).
     */
    private JsonNode getLogEvents(WireRequest r) {
        String group = group(r);
        String stream = r.string("logStreamName");
        String token = r.string("nextToken");
        boolean forward = token == null || token.isEmpty() ? r.flag("startFromHead") : token.startsWith(FORWARD);
        String position = null;
        if (token != null && !token.isEmpty()) {
            if (!token.startsWith(FORWARD) && !token.startsWith(BACKWARD)) {
                throw invalid("The specified nextToken is invalid.");
            }
            position = token.substring(2);
            position = position.isEmpty() ? null : position;
        }
        Page<LogEvent> page = forward
                ? engine.logs().getLogEvents(group, stream, r.longValue("startTime"), r.longValue("endTime"), position, r.integer("limit"))
                : engine.logs().getLogEventsBackward(group, stream, r.longValue("startTime"), r.longValue("endTime"), position,
                        r.integer("limit"));
        ObjectNode out = WireJson.object();
        ArrayNode events = out.putArray("events");
        for (LogEvent e : page.items()) {
            ObjectNode n = events.addObject();
            n.put("timestamp", e.timestamp());
            n.put("message", e.message());
            n.put("ingestionTime", e.ingestionTime());
        }
        List<LogEvent> items = page.items();
        if (!items.isEmpty()) {
            out.put("nextForwardToken", FORWARD + engine.logs().tokenAfter(items.get(items.size() - 1)));
            out.put("nextBackwardToken", BACKWARD + engine.logs().tokenAfter(items.get(0)));
        } else if (forward) {
            String at = position == null ? "" : position;
            out.put("nextForwardToken", FORWARD + at);
            // Backward from here includes the event the position is just after: "~" sorts after every event id.
            out.put("nextBackwardToken", BACKWARD + (position == null ? "" : position + "~"));
        } else {
            out.put("nextForwardToken", FORWARD);
            out.put("nextBackwardToken", BACKWARD + (position == null ? "" : position));
        }
        return out;
    }

    /**
     * The engine's FilterLogEvents, plus a stream name prefix and a filter pattern, both applied to
     * its pages: a page may come back short, even empty, with a nextToken, as CloudWatch's do.
     */
    private JsonNode filterLogEvents(WireRequest r) {
        String group = group(r);
        List<String> names = r.strings("logStreamNames");
        String prefix = r.string("logStreamNamePrefix");
        if (names != null && prefix != null) {
            throw invalid("logStreamNames and logStreamNamePrefix are mutually exclusive.");
        }
        LogFilterPattern pattern = LogFilterPattern.parse(r.string("filterPattern")); // a malformed one fails first
        List<String> searched = names != null ? names : streamNames(group, prefix);
        ObjectNode out = WireJson.object();
        ArrayNode events = out.putArray("events");
        if (prefix != null && searched.isEmpty()) {
            out.putArray("searchedLogStreams");
            return out; // the engine reads "no names" as "every stream"
        }
        List<String> asked = names != null ? names : prefix != null && searched.size() <= MAX_STREAM_NAMES ? searched : null;
        Page<LogEvent> page = engine.logs().filterLogEvents(group, asked, r.longValue("startTime"), r.longValue("endTime"),
                r.string("nextToken"), r.integer("limit"));
        for (LogEvent e : page.items()) {
            if ((prefix == null || e.logStreamName().startsWith(prefix)) && pattern.matches(e.message())) {
                ObjectNode n = events.addObject();
                n.put("logStreamName", e.logStreamName());
                n.put("timestamp", e.timestamp());
                n.put("message", e.message());
                n.put("ingestionTime", e.ingestionTime());
                n.put("eventId", e.eventId());
            }
        }
        ArrayNode streams = out.putArray("searchedLogStreams");
        for (String name : searched) {
            streams.addObject().put("logStreamName", name).put("searchedCompletely", page.nextToken() == null);
        }
        putToken(out, "nextToken", page.nextToken());
        return out;
    }

    /** The checked request as the sessionStart event's members: the wire server streams the session ({@link LiveTailSessions}). */
    private JsonNode startLiveTail(WireRequest r) {
        return LiveTailQuery.of(r, engine).toJson();
    }

    /** Every stream of the group whose name starts with the prefix (all when null). */
    private List<String> streamNames(String group, String prefix) {
        List<String> out = new ArrayList<>();
        String token = null;
        do {
            Page<LogApi.LogStreamInfo> page = engine.logs().describeLogStreams(group, prefix, false, false, token, null);
            page.items().forEach(s -> out.add(s.logStreamName()));
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    /** logGroupName, or logGroupIdentifier (a name or an ARN), exactly one of them. */
    private static String group(WireRequest r) {
        String name = r.string("logGroupName");
        String identifier = r.string("logGroupIdentifier");
        if (name != null && identifier != null) {
            throw invalid("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (name == null && identifier == null) {
            throw invalid("Should provide either logGroupName or logGroupIdentifier.");
        }
        if (name != null) {
            return name;
        }
        int at = identifier.indexOf(":log-group:");
        if (!identifier.startsWith("arn:") || at < 0) {
            return identifier;
        }
        String g = identifier.substring(at + ":log-group:".length());
        return g.endsWith(":*") ? g.substring(0, g.length() - 2) : g;
    }

    private static void putToken(ObjectNode out, String member, String token) {
        if (token != null) {
            out.put(member, token);
        }
    }

    private static SimApiException invalid(String message) {
        return new SimApiException("InvalidParameterException", message);
    }
}
