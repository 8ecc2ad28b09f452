package dev.ecsdeck.sim.wire.events;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.BOOLEAN;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE_LIST;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.events.EventsApi;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amazon EventBridge's rule operations (AWS JSON 1.1, X-Amz-Target {@code AWSEvents.<Operation>}) on
 * the simulator's default event bus: PutRule, DescribeRule, ListRules, EnableRule, DisableRule,
 * DeleteRule, PutTargets, ListTargetsByRule, RemoveTargets. Targets come back as they were put.
 */
public final class EventsOperations {
    public static final String TARGET_PREFIX = "AWSEvents";

    private final EventsApi events;
    private final String account;

    private EventsOperations(EventsApi events, String account) {
        this.events = events;
        this.account = account;
    }

    public static WireApi api(SimEngine engine) {
        EventsOperations o = new EventsOperations(engine.events(), engine.account());
        return new WireApi(TARGET_PREFIX, "EventBridge", "ValidationException", "InternalException")
                .add("PutRule", of().required("Name", STRING).member("ScheduleExpression", STRING).member("EventPattern", STRING)
                        .member("State", STRING).member("Description", STRING).member("RoleArn", STRING).member("Tags", STRUCTURE_LIST)
                        .member("EventBusName", STRING), true, o::putRule)
                .add("DescribeRule", of().required("Name", STRING).member("EventBusName", STRING), false, o::describeRule)
                .add("ListRules", of().member("NamePrefix", STRING).member("EventBusName", STRING).member("NextToken", STRING)
                        .member("Limit", INTEGER), false, o::listRules)
                .add("EnableRule", of().required("Name", STRING).member("EventBusName", STRING), true, o::enableRule)
                .add("DisableRule", of().required("Name", STRING).member("EventBusName", STRING), true, o::disableRule)
                .add("DeleteRule", of().required("Name", STRING).member("EventBusName", STRING).member("Force", BOOLEAN), true,
                        o::deleteRule)
                .add("PutTargets", of().required("Rule", STRING).member("EventBusName", STRING).required("Targets", STRUCTURE_LIST), true,
                        o::putTargets)
                .add("ListTargetsByRule", of().required("Rule", STRING).member("EventBusName", STRING).member("NextToken", STRING)
                        .member("Limit", INTEGER), false, o::listTargetsByRule)
                .add("RemoveTargets", of().required("Rule", STRING).member("EventBusName", STRING).required("Ids", STRING_LIST)
                        .member("Force", BOOLEAN), true, o::removeTargets);
    }

    private JsonNode putRule(WireRequest r) {
        Map<String, String> tags = null;
        if (r.has("Tags")) {
            tags = new LinkedHashMap<>();
            for (JsonNode t : r.node("Tags")) {
                tags.put(t.path("Key").asText(), t.path("Value").asText());
            }
        }
        String arn = events.putRule(r.string("Name"), r.string("EventBusName"), r.string("ScheduleExpression"), r.string("EventPattern"),
                r.string("State"), r.string("Description"), r.string("RoleArn"), tags);
        ObjectNode out = WireJson.object();
        out.put("RuleArn", arn);
        return out;
    }

    private JsonNode describeRule(WireRequest r) {
        ObjectNode out = rule(events.describeRule(r.string("Name"), r.string("EventBusName")));
        out.put("CreatedBy", account);
        return out;
    }

    private JsonNode listRules(WireRequest r) {
        Page<EventsApi.RuleView> page = events.listRules(r.string("NamePrefix"), r.string("EventBusName"), r.string("NextToken"),
                r.integer("Limit"));
        ObjectNode out = WireJson.object();
        ArrayNode rules = out.putArray("Rules");
        page.items().forEach(v -> rules.add(rule(v)));
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return out;
    }

    private static ObjectNode rule(EventsApi.RuleView v) {
        ObjectNode n = WireJson.object();
        n.put("Name", v.name());
        n.put("Arn", v.arn());
        putIf(n, "EventPattern", v.eventPattern());
        putIf(n, "ScheduleExpression", v.scheduleExpression());
        n.put("State", v.state());
        putIf(n, "Description", v.description());
        putIf(n, "RoleArn", v.roleArn());
        n.put("EventBusName", v.eventBusName());
        return n;
    }

    private JsonNode enableRule(WireRequest r) {
        events.enableRule(r.string("Name"), r.string("EventBusName"));
        return WireJson.object();
    }

    private JsonNode disableRule(WireRequest r) {
        events.disableRule(r.string("Name"), r.string("EventBusName"));
        return WireJson.object();
    }

    private JsonNode deleteRule(WireRequest r) {
        events.deleteRule(r.string("Name"), r.string("EventBusName"));
        return WireJson.object();
    }

    private JsonNode putTargets(WireRequest r) {
        List<JsonNode> targets = new ArrayList<>();
        r.node("Targets").forEach(targets::add);
        return failed(events.putTargets(r.string("Rule"), r.string("EventBusName"), targets));
    }

    private JsonNode listTargetsByRule(WireRequest r) {
        Page<JsonNode> page = events.listTargetsByRule(r.string("Rule"), r.string("EventBusName"), r.string("NextToken"), r.integer("Limit"));
        ObjectNode out = WireJson.object();
        ArrayNode targets = out.putArray("Targets");
        page.items().forEach(targets::add);
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return out;
    }

    private JsonNode removeTargets(WireRequest r) {
        return failed(events.removeTargets(r.string("Rule"), r.string("EventBusName"), r.strings("Ids")));
    }

    private static JsonNode failed(List<EventsApi.FailedEntry> failures) {
        ObjectNode out = WireJson.object();
        out.put("FailedEntryCount", failures.size());
        ArrayNode entries = out.putArray("FailedEntries");
        for (EventsApi.FailedEntry f : failures) {
            ObjectNode e = entries.addObject();
            putIf(e, "TargetId", f.targetId());
            e.put("ErrorCode", f.errorCode());
            e.put("ErrorMessage", f.errorMessage());
        }
        return out;
    }

    private static void putIf(ObjectNode n, String member, String value) {
        if (value != null) {
            n.put(member, value);
        }
    }
}
