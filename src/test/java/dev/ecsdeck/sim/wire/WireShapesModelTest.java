package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.wire.autoscaling.ScalingOperations;
import dev.ecsdeck.sim.wire.ecs.EcsOperations;
import dev.ecsdeck.sim.wire.elb.ElbOperations;
import dev.ecsdeck.sim.wire.logs.LogsOperations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The request shapes the server checks against the AWS API models they come from: every operation
 * exists, every member it reads exists with that JSON type, and the required members are exactly
 * the model's. The models are in ../shared/reference/aws-api-models, next to the project.
 */
class WireShapesModelTest {
    static final Path MODELS = Path.of("../shared/reference/aws-api-models");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimEngine engine = DemoSim.emptyEngine(DemoSim.startClock(), 1);

    /** An AWS API model (service-2.json) from ../shared; the test is skipped when it is not there. */
    static JsonNode model(String service) throws IOException {
        Path file = MODELS.resolve(service).resolve("service-2.json");
        // The API models lie beside the project in CI, not in a user's clone: skipped, with why, without them.
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "skipped: the API model " + file.toAbsolutePath().normalize()
                + " is not beside the project");
        return JSON.readTree(file.toFile());
    }

    @Test
    void ecsShapesMatchTheModel() throws IOException {
        check(EcsOperations.api(engine), model("ecs"));
    }

    @Test
    void logsShapesMatchTheModel() throws IOException {
        check(LogsOperations.api(engine), model("logs"));
    }

    @Test
    void ecrShapesMatchTheModel() throws IOException {
        check(dev.ecsdeck.sim.wire.ecr.EcrOperations.api(engine), model("ecr"));
    }

    @Test
    void scalingShapesMatchTheModel() throws IOException {
        check(ScalingOperations.api(engine), model("application-autoscaling"));
    }

    /**
     * A Query service: routed by its API version, answering in the model's XML namespace; its validation
     * and server errors are the Query protocol's common errors (ValidationError, InternalFailure), which
     * the models of Query services do not list as shapes.
     */
    @Test
    void elbShapesMatchTheModel() throws IOException {
        WireApi api = ElbOperations.api(engine);
        JsonNode model = model("elasticloadbalancingv2");
        assertEquals("query", model.path("metadata").path("protocol").asText());
        assertEquals(model.path("metadata").path("apiVersion").asText(), api.targetPrefix());
        assertEquals(model.path("metadata").path("xmlNamespace").asText(), api.xmlNamespace());
        assertEquals("ValidationError", api.missingMemberError());
        assertEquals("InternalFailure", api.serverError());
        checkMembers(api, model);
    }

    /**
     * EventBridge on JSON 1.1: its model lists no ValidationException shape, yet the service answers
     * missing and invalid members with one (as the SDKs and the CLI show it); its server error is the model's.
     */
    @Test
    void eventsShapesMatchTheModel() throws IOException {
        WireApi api = dev.ecsdeck.sim.wire.events.EventsOperations.api(engine);
        JsonNode model = model("events");
        assertEquals(model.path("metadata").path("targetPrefix").asText(), api.targetPrefix());
        assertEquals("json", model.path("metadata").path("protocol").asText());
        assertEquals("ValidationException", api.missingMemberError());
        assertTrue(model.path("shapes").path(api.serverError()).path("exception").asBoolean());
        checkMembers(api, model);
    }

    /**
     * CloudWatch (served on JSON 1.0, and on RPC v2 CBOR and Query): its missing-member error is the code of the
     * model's MissingRequiredParameterException (MissingParameter), its server error a shape of the model.
     */
    @Test
    void cloudWatchMetricShapesMatchTheModel() throws IOException {
        WireApi api = dev.ecsdeck.sim.wire.cloudwatch.CloudWatchOperations.api(engine);
        JsonNode model = model("monitoring");
        assertEquals(model.path("metadata").path("targetPrefix").asText(), api.targetPrefix());
        assertEquals(model.path("metadata").path("xmlNamespace").asText(), api.xmlNamespace());
        assertEquals(api.missingMemberError(), model.path("shapes").path("MissingRequiredParameterException").path("error").path("code").asText());
        assertTrue(model.path("shapes").path(api.serverError()).path("exception").asBoolean());
        assertTrue(api.shapes().keySet().containsAll(java.util.List.of("GetMetricData", "GetMetricStatistics", "ListMetrics", "PutMetricData")));
        checkMembers(api, model);
    }

    /** Scheduler on REST-JSON: each operation's route is the model's method, URI and query parameter names. */
    @Test
    void schedulerShapesAndRoutesMatchTheModel() throws IOException {
        WireApi api = dev.ecsdeck.sim.wire.scheduler.SchedulerOperations.api(engine);
        JsonNode model = model("scheduler");
        assertEquals("rest-json", model.path("metadata").path("protocol").asText());
        JsonNode shapes = model.get("shapes");
        assertTrue(shapes.path(api.missingMemberError()).path("exception").asBoolean());
        assertTrue(shapes.path(api.serverError()).path("exception").asBoolean());
        checkMembers(api, model);
        List<String> problems = new ArrayList<>();
        for (var route : dev.ecsdeck.sim.wire.scheduler.SchedulerOperations.ROUTES) {
            JsonNode op = model.path("operations").path(route.operation());
            if (!op.path("http").path("method").asText().equals(route.method())
                    || !op.path("http").path("requestUri").asText().equals(route.pathTemplate())) {
                problems.add(route.operation() + ": " + route.method() + " " + route.pathTemplate() + ", the model says " + op.path("http"));
            }
            JsonNode input = shapes.get(op.path("input").path("shape").asText());
            Set<String> modelQuery = new HashSet<>();
            input.path("members").forEach(m -> {
                if ("querystring".equals(m.path("location").asText())) {
                    modelQuery.add(m.path("locationName").asText());
                }
            });
            Set<String> served = new HashSet<>();
            route.query().forEach(q -> {
                served.add(q.name());
                JsonNode member = input.path("members").path(q.member());
                if (!q.name().equals(member.path("locationName").asText())) {
                    problems.add(route.operation() + ": query " + q.name() + " is not member " + q.member() + "'s location");
                }
            });
            if (!served.equals(modelQuery)) {
                problems.add(route.operation() + ": query " + served + ", the model says " + modelQuery);
            }
            input.path("members").fields().forEachRemaining(m -> {
                if ("uri".equals(m.getValue().path("location").asText()) && !route.pathTemplate().contains("{" + m.getKey() + "}")) {
                    problems.add(route.operation() + ": the path has no label " + m.getKey());
                }
            });
        }
        assertEquals(List.of(), problems);
        assertEquals(api.shapes().keySet(), new HashSet<>(dev.ecsdeck.sim.wire.scheduler.SchedulerOperations.ROUTES.stream()
                .map(r -> r.operation()).toList()), "every operation has its route");
    }

    private static void check(WireApi api, JsonNode model) {
        assertEquals(model.path("metadata").path("targetPrefix").asText(), api.targetPrefix());
        assertEquals("json", model.path("metadata").path("protocol").asText());
        assertEquals("1.1", model.path("metadata").path("jsonVersion").asText());
        JsonNode shapes = model.get("shapes");
        JsonNode missingError = shapes.get(api.missingMemberError());
        assertTrue(missingError != null && missingError.path("exception").asBoolean(), api.missingMemberError() + " is an error of the model");
        JsonNode serverError = shapes.get(api.serverError());
        assertTrue(serverError != null && serverError.path("exception").asBoolean(), api.serverError() + " is an error of the model");
        checkMembers(api, model);
    }

    private static void checkMembers(WireApi api, JsonNode model) {
        JsonNode shapes = model.get("shapes");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, RequestShape> e : api.shapes().entrySet()) {
            String op = e.getKey();
            JsonNode operation = model.path("operations").get(op);
            if (operation == null) {
                problems.add(op + ": no such operation");
                continue;
            }
            JsonNode input = shapes.get(operation.path("input").path("shape").asText());
            Set<String> required = new HashSet<>();
            input.path("required").forEach(r -> required.add(r.asText()));
            if (!required.equals(new HashSet<>(e.getValue().requiredMembers()))) {
                problems.add(op + ": required " + e.getValue().requiredMembers() + ", the model says " + required);
            }
            e.getValue().members().forEach((member, kind) -> {
                JsonNode m = input.path("members").get(member);
                if (m == null) {
                    problems.add(op + "." + member + ": not in the model");
                } else if (kind != kindOf(shapes, m.get("shape").asText())) {
                    problems.add(op + "." + member + ": " + kind + ", the model says " + kindOf(shapes, m.get("shape").asText()));
                }
            });
        }
        assertEquals(List.of(), problems);
        checkEnums(api, model);
    }

    /** Every enum path a shape checks names a member of the model with exactly the model's enum values. */
    private static void checkEnums(WireApi api, JsonNode model) {
        JsonNode shapes = model.get("shapes");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, RequestShape> e : api.shapes().entrySet()) {
            JsonNode operation = model.path("operations").get(e.getKey());
            e.getValue().enumMembers().forEach((path, values) -> {
                JsonNode shape = shapes.get(operation.path("input").path("shape").asText());
                for (String step : path.split("\\.")) {
                    boolean list = step.endsWith("[]");
                    JsonNode member = shape == null ? null : shape.path("members").get(list ? step.substring(0, step.length() - 2) : step);
                    shape = member == null ? null : shapes.get(member.get("shape").asText());
                    if (list && shape != null) {
                        shape = "list".equals(shape.path("type").asText()) ? shapes.get(shape.path("member").path("shape").asText()) : null;
                    }
                }
                List<String> modelValues = new ArrayList<>();
                if (shape != null) {
                    shape.path("enum").forEach(v -> modelValues.add(v.asText()));
                }
                if (!modelValues.equals(values)) {
                    problems.add(e.getKey() + "." + path + ": " + values + ", the model says " + (shape == null ? "no such member" : modelValues));
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    private static RequestShape.Kind kindOf(JsonNode shapes, String name) {
        JsonNode shape = shapes.get(name);
        switch (shape.get("type").asText()) {
            case "string":
                return RequestShape.Kind.STRING;
            case "integer":
                return RequestShape.Kind.INTEGER;
            case "long":
                return RequestShape.Kind.LONG;
            case "double":
                return RequestShape.Kind.DOUBLE;
            case "boolean":
                return RequestShape.Kind.BOOLEAN;
            case "structure":
                return RequestShape.Kind.STRUCTURE;
            case "map":
                return RequestShape.Kind.MAP;
            case "timestamp":
                return RequestShape.Kind.TIMESTAMP;
            case "list":
                String element = shapes.get(shape.path("member").path("shape").asText()).get("type").asText();
                return "structure".equals(element) ? RequestShape.Kind.STRUCTURE_LIST : RequestShape.Kind.STRING_LIST;
            default:
                throw new AssertionError("No kind for the model type " + shape.get("type") + " of " + name);
        }
    }
}
