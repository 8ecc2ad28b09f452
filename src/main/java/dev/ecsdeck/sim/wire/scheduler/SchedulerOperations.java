package dev.ecsdeck.sim.wire.scheduler;

import static dev.ecsdeck.sim.wire.RequestShape.Kind.INTEGER;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRING;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.STRUCTURE;
import static dev.ecsdeck.sim.wire.RequestShape.Kind.TIMESTAMP;
import static dev.ecsdeck.sim.wire.RequestShape.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.scheduler.SchedulerApi;
import dev.ecsdeck.sim.wire.RequestShape;
import dev.ecsdeck.sim.wire.WireApi;
import dev.ecsdeck.sim.wire.WireRequest;
import dev.ecsdeck.sim.wire.json.WireJson;
import dev.ecsdeck.sim.wire.restjson.RestJsonCodec;
import dev.ecsdeck.sim.wire.restjson.RestJsonCodec.QueryParam;
import dev.ecsdeck.sim.wire.restjson.RestJsonCodec.Route;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Amazon EventBridge Scheduler's schedule operations on REST-JSON: CreateSchedule
 * ({@code POST /schedules/{Name}}), GetSchedule ({@code GET}), UpdateSchedule ({@code PUT}),
 * DeleteSchedule ({@code DELETE}) and ListSchedules ({@code GET /schedules}), in the default group.
 */
public final class SchedulerOperations {
    /** How the server finds this service's operations (REST-JSON has no target header: its routes name it). */
    public static final String SERVICE = "scheduler";
    /** The operations' HTTP bindings, as the API model's {@code http} and {@code location} traits say. */
    public static final List<Route> ROUTES = List.of(
            new Route("POST", "/schedules/{Name}", SERVICE, "CreateSchedule", List.of()),
            new Route("GET", "/schedules/{Name}", SERVICE, "GetSchedule", List.of(new QueryParam("groupName", "GroupName", false))),
            new Route("PUT", "/schedules/{Name}", SERVICE, "UpdateSchedule", List.of()),
            new Route("DELETE", "/schedules/{Name}", SERVICE, "DeleteSchedule", List.of(new QueryParam("groupName", "GroupName", false),
                    new QueryParam("clientToken", "ClientToken", false))),
            new Route("GET", "/schedules", SERVICE, "ListSchedules", List.of(new QueryParam("ScheduleGroup", "GroupName", false),
                    new QueryParam("MaxResults", "MaxResults", true), new QueryParam("NamePrefix", "NamePrefix", false),
                    new QueryParam("NextToken", "NextToken", false), new QueryParam("State", "State", false))));

    private final SchedulerApi schedules;

    private SchedulerOperations(SchedulerApi schedules) {
        this.schedules = schedules;
    }

    /** The codec that routes requests to these operations. */
    public static RestJsonCodec codec() {
        return new RestJsonCodec(ROUTES);
    }

    public static WireApi api(SimEngine engine) {
        SchedulerOperations o = new SchedulerOperations(engine.schedules());
        return new WireApi(SERVICE, "EventBridge Scheduler", "ValidationException", "InternalServerException")
                .add("CreateSchedule", write(), true, o::create)
                .add("GetSchedule", of().required("Name", STRING).member("GroupName", STRING), false, o::get)
                .add("UpdateSchedule", write(), true, o::update)
                .add("DeleteSchedule", of().required("Name", STRING).member("GroupName", STRING).member("ClientToken", STRING), true,
                        o::delete)
                .add("ListSchedules", of().member("GroupName", STRING).member("MaxResults", INTEGER).member("NamePrefix", STRING)
                        .member("NextToken", STRING).member("State", STRING), false, o::list);
    }

    private static RequestShape write() {
        return of().member("ActionAfterCompletion", STRING).member("ClientToken", STRING).member("Description", STRING)
                .member("EndDate", TIMESTAMP).required("FlexibleTimeWindow", STRUCTURE).member("GroupName", STRING)
                .member("KmsKeyArn", STRING).required("Name", STRING).required("ScheduleExpression", STRING)
                .member("ScheduleExpressionTimezone", STRING).member("StartDate", TIMESTAMP).member("State", STRING)
                .required("Target", STRUCTURE);
    }

    private JsonNode create(WireRequest r) {
        return arn(schedules.create(spec(r)));
    }

    private JsonNode update(WireRequest r) {
        return arn(schedules.update(spec(r)));
    }

    private JsonNode get(WireRequest r) {
        SchedulerApi.ScheduleView v = schedules.get(r.string("Name"), r.string("GroupName"));
        SchedulerApi.ScheduleSpec s = v.spec();
        ObjectNode out = WireJson.object();
        out.put("ActionAfterCompletion", s.actionAfterCompletion());
        out.put("Arn", v.arn());
        out.set("CreationDate", WireJson.tree(v.creationDate()));
        putIf(out, "Description", s.description());
        if (s.endDate() != null) {
            out.set("EndDate", WireJson.tree(s.endDate()));
        }
        out.set("FlexibleTimeWindow", s.flexibleTimeWindow());
        out.put("GroupName", v.group());
        putIf(out, "KmsKeyArn", s.kmsKeyArn());
        out.set("LastModificationDate", WireJson.tree(v.lastModificationDate()));
        out.put("Name", v.name());
        out.put("ScheduleExpression", s.scheduleExpression());
        putIf(out, "ScheduleExpressionTimezone", s.timezone());
        if (s.startDate() != null) {
            out.set("StartDate", WireJson.tree(s.startDate()));
        }
        out.put("State", s.state());
        out.set("Target", s.target());
        return out;
    }

    private JsonNode delete(WireRequest r) {
        schedules.delete(r.string("Name"), r.string("GroupName"));
        return WireJson.object();
    }

    private JsonNode list(WireRequest r) {
        Page<SchedulerApi.ScheduleView> page = schedules.list(r.string("GroupName"), r.string("NamePrefix"), r.string("State"),
                r.string("NextToken"), r.integer("MaxResults"));
        ObjectNode out = WireJson.object();
        ArrayNode list = out.putArray("Schedules");
        for (SchedulerApi.ScheduleView v : page.items()) {
            ObjectNode n = list.addObject();
            n.put("Arn", v.arn());
            n.set("CreationDate", WireJson.tree(v.creationDate()));
            n.put("GroupName", v.group());
            n.set("LastModificationDate", WireJson.tree(v.lastModificationDate()));
            n.put("Name", v.name());
            n.put("State", v.spec().state());
            n.putObject("Target").put("Arn", v.spec().target().path("Arn").asText());
        }
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return out;
    }

    private static SchedulerApi.ScheduleSpec spec(WireRequest r) {
        return new SchedulerApi.ScheduleSpec(r.string("Name"), r.string("GroupName"), r.string("ScheduleExpression"),
                r.string("ScheduleExpressionTimezone"), timestamp(r.node("StartDate"), "StartDate"), timestamp(r.node("EndDate"), "EndDate"),
                r.node("FlexibleTimeWindow"), r.string("State"), r.string("ActionAfterCompletion"), r.string("Description"),
                r.string("KmsKeyArn"), r.node("Target"));
    }

    /** Epoch seconds (how the SDKs send REST-JSON timestamps), or ISO-8601 text. */
    private static Instant timestamp(JsonNode v, String member) {
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            BigDecimal millis = v.decimalValue().movePointRight(3);
            return Instant.ofEpochMilli(millis.longValue());
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new SimApiException("ValidationException", "Invalid " + member + ": " + v.asText() + ".");
        }
    }

    private static ObjectNode arn(String arn) {
        ObjectNode out = WireJson.object();
        out.put("ScheduleArn", arn);
        return out;
    }

    private static void putIf(ObjectNode n, String member, String value) {
        if (value != null) {
            n.put(member, value);
        }
    }
}
