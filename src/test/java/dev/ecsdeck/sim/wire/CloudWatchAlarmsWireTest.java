package dev.ecsdeck.sim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.sim.wire.cloudwatch.CloudWatchOperations;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The alarm operations over raw AWS JSON 1.0, as boto3 and the CLI may speak them: members in and out, CloudWatch's errors. */
class CloudWatchAlarmsWireTest {
    static final String CW = CloudWatchOperations.TARGET_PREFIX;
    private static final String CPU_ALARM = "{\"AlarmName\": \"checkout-cpu\", \"AlarmDescription\": \"checkout CPU\","
            + " \"Namespace\": \"Test/App\", \"MetricName\": \"Load\", \"Dimensions\": [{\"Name\": \"ServiceName\", \"Value\": \"checkout\"},"
            + " {\"Name\": \"ClusterName\", \"Value\": \"prod-web\"}], \"Statistic\": \"Average\", \"Period\": 60, \"EvaluationPeriods\": 3,"
            + " \"DatapointsToAlarm\": 2, \"Threshold\": 80, \"ComparisonOperator\": \"GreaterThanThreshold\", \"TreatMissingData\": \"notBreaching\","
            + " \"AlarmActions\": [\"arn:aws:sns:us-east-1:000000000000:ops\"], \"Tags\": [{\"Key\": \"team\", \"Value\": \"shop\"}]}";

    private final WireFixture sim;
    private final List<String> problems = new ArrayList<>();

    CloudWatchAlarmsWireTest() throws IOException {
        sim = new WireFixture();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    /** A JSON 1.0 call. */
    private WireFixture.Reply call(String operation, String body) {
        return sim.send(HttpRequest.newBuilder(sim.endpoint()).header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", CW + "." + operation).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode ok(String operation, String body) {
        WireFixture.Reply r = call(operation, body);
        assertEquals(200, r.status(), operation + ": " + r.raw());
        return r.body();
    }

    @Test
    void putDescribeEvaluateHistoryDelete() {
        ok("PutMetricAlarm", CPU_ALARM);
        JsonNode alarm = ok("DescribeAlarms", "{\"AlarmNames\": [\"checkout-cpu\"]}").at("/MetricAlarms/0");
        assertEquals("arn:aws:cloudwatch:us-east-1:000000000000:alarm:checkout-cpu", alarm.get("AlarmArn").asText());
        assertEquals("INSUFFICIENT_DATA", alarm.get("StateValue").asText());
        assertEquals("Unchecked: Initial alarm creation", alarm.get("StateReason").asText());
        assertEquals("ServiceName", alarm.at("/Dimensions/0/Name").asText(), "dimensions in the order given");
        assertEquals(80.0, alarm.get("Threshold").asDouble());
        assertEquals(2, alarm.get("DatapointsToAlarm").asInt());
        assertEquals("notBreaching", alarm.get("TreatMissingData").asText());
        assertTrue(alarm.get("StateUpdatedTimestamp").isNumber() && alarm.get("AlarmConfigurationUpdatedTimestamp").isNumber()
                && alarm.get("StateTransitionedTimestamp").isNumber(), alarm.toString());

        Instant now = sim.engine.now();
        Instant minute = Instant.ofEpochSecond(now.getEpochSecond() / 60 * 60);
        Map<String, String> dims = Map.of("ServiceName", "checkout", "ClusterName", "prod-web");
        sim.engine.metrics().put("Test/App", "Load", dims, minute, 95);
        sim.engine.metrics().put("Test/App", "Load", dims, minute.minusSeconds(60), 97);
        sim.clock.advance(Duration.ofSeconds(60 - now.getEpochSecond() % 60));
        alarm = ok("DescribeAlarms", "{\"StateValue\": \"ALARM\", \"AlarmNamePrefix\": \"checkout-\"}").at("/MetricAlarms/0");
        assertEquals("checkout-cpu", alarm.get("AlarmName").asText());
        assertTrue(alarm.get("StateReason").asText().startsWith("Threshold Crossed: 2 out of the last 3 datapoints [95.0 ("), alarm.toString());
        assertTrue(alarm.get("StateReasonData").asText().contains("\"evaluatedDatapoints\""), alarm.toString());

        assertEquals(1, ok("DescribeAlarms", "{\"AlarmNamePrefix\": \"checkout-\"}").get("MetricAlarms").size());
        assertEquals(0, ok("DescribeAlarms", "{\"AlarmNamePrefix\": \"web-\"}").get("MetricAlarms").size());
        assertEquals(1, ok("DescribeAlarms", "{\"ActionPrefix\": \"arn:aws:sns:us-east-1:000000000000:o\"}").get("MetricAlarms").size());
        assertEquals(0, ok("DescribeAlarms", "{\"StateValue\": \"OK\", \"AlarmNamePrefix\": \"checkout-\"}").get("MetricAlarms").size());
        JsonNode composite = ok("DescribeAlarms", "{\"AlarmTypes\": [\"CompositeAlarm\"]}");
        assertEquals(0, composite.get("MetricAlarms").size());
        assertEquals(0, composite.get("CompositeAlarms").size());
        assertEquals(1, ok("DescribeAlarmsForMetric", "{\"Namespace\": \"Test/App\", \"MetricName\": \"Load\", \"Dimensions\":"
                + " [{\"Name\": \"ClusterName\", \"Value\": \"prod-web\"}, {\"Name\": \"ServiceName\", \"Value\": \"checkout\"}]}")
                .get("MetricAlarms").size());
        assertEquals(0, ok("DescribeAlarmsForMetric", "{\"Namespace\": \"Test/App\", \"MetricName\": \"Load\", \"Period\": 300}")
                .get("MetricAlarms").size());

        JsonNode history = ok("DescribeAlarmHistory", "{\"AlarmName\": \"checkout-cpu\"}").get("AlarmHistoryItems");
        assertEquals("Action", history.at("/0/HistoryItemType").asText(), history.toString());
        assertEquals("StateUpdate", history.at("/1/HistoryItemType").asText());
        assertEquals("Alarm updated from INSUFFICIENT_DATA to ALARM", history.at("/1/HistorySummary").asText());
        assertTrue(history.at("/1/HistoryData").asText().contains("\"newState\":{\"stateValue\":\"ALARM\""));
        assertEquals("MetricAlarm", history.at("/1/AlarmType").asText());
        assertEquals("ConfigurationUpdate", history.at("/2/HistoryItemType").asText());
        JsonNode ascending = ok("DescribeAlarmHistory", "{\"AlarmName\": \"checkout-cpu\", \"ScanBy\": \"TimestampAscending\","
                + " \"HistoryItemType\": \"StateUpdate\", \"MaxRecords\": 1}");
        assertEquals(1, ascending.get("AlarmHistoryItems").size());
        assertFalse(ascending.has("NextToken"), "one state update only");
        long later = sim.engine.now().getEpochSecond() + 3600;
        assertEquals(0, ok("DescribeAlarmHistory", "{\"StartDate\": " + later + "}").get("AlarmHistoryItems").size());

        ok("SetAlarmState", "{\"AlarmName\": \"checkout-cpu\", \"StateValue\": \"OK\", \"StateReason\": \"by hand\"}");
        assertEquals("by hand", ok("DescribeAlarms", "{\"AlarmNames\": [\"checkout-cpu\"]}").at("/MetricAlarms/0/StateReason").asText());
        ok("DisableAlarmActions", "{\"AlarmNames\": [\"checkout-cpu\"]}");
        assertFalse(ok("DescribeAlarms", "{\"AlarmNames\": [\"checkout-cpu\"]}").at("/MetricAlarms/0/ActionsEnabled").asBoolean());
        ok("EnableAlarmActions", "{\"AlarmNames\": [\"checkout-cpu\"]}");
        assertTrue(ok("DescribeAlarms", "{\"AlarmNames\": [\"checkout-cpu\"]}").at("/MetricAlarms/0/ActionsEnabled").asBoolean());

        ok("DeleteAlarms", "{\"AlarmNames\": [\"checkout-cpu\"]}");
        assertEquals(0, ok("DescribeAlarms", "{\"AlarmNames\": [\"checkout-cpu\"]}").get("MetricAlarms").size());
        assertEquals("Alarm \"checkout-cpu\" deleted",
                ok("DescribeAlarmHistory", "{\"AlarmName\": \"checkout-cpu\"}").at("/AlarmHistoryItems/0/HistorySummary").asText());
    }

    @Test
    void pagesOfAlarms() {
        for (int i = 0; i < 5; i++) {
            ok("PutMetricAlarm", CPU_ALARM.replace("checkout-cpu", "page-" + i));
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = ok("DescribeAlarms", "{\"AlarmNamePrefix\": \"page-\", \"MaxRecords\": 2" + (token == null ? "" : ", \"NextToken\": \""
                    + token + "\"") + "}");
            page.get("MetricAlarms").forEach(a -> names.add(a.get("AlarmName").asText()));
            token = page.path("NextToken").asText(null);
            pages++;
        } while (token != null);
        assertEquals(List.of("page-0", "page-1", "page-2", "page-3", "page-4"), names);
        assertEquals(3, pages);
    }

    @Test
    void errorsAsCloudWatchAnswersThem() {
        // awsQueryCompatible: JSON errors name the error shape in __type; x-amzn-query-error carries the Query code
        call("PutMetricAlarm", CPU_ALARM.replace("\"Period\": 60", "\"Period\": 45")).assertRefused(400, "InvalidParameterValueException", "Period");
        call("PutMetricAlarm", CPU_ALARM.replace("\"Threshold\": 80, ", "")).assertRefused(400, "MissingRequiredParameterException", "Threshold");
        call("PutMetricAlarm", CPU_ALARM.replace("GreaterThanThreshold", "GreaterThanUpperThreshold"))
                .assertRefused(400, "InvalidParameterValueException", "anomaly");
        call("PutMetricAlarm", CPU_ALARM.replace("GreaterThanThreshold", "Bigger"))
                .assertRefused(400, "MissingRequiredParameterException", "ComparisonOperator");
        call("PutMetricAlarm", CPU_ALARM.replace("\"Statistic\": \"Average\"", "\"Statistic\": \"Average\", \"ExtendedStatistic\": \"p99\""))
                .assertRefused(400, "InvalidParameterCombinationException", "Statistic");
        call("PutMetricAlarm", CPU_ALARM.replace("\"DatapointsToAlarm\": 2", "\"DatapointsToAlarm\": 4"))
                .assertRefused(400, "InvalidParameterValueException", "DatapointsToAlarm");
        call("PutMetricAlarm", CPU_ALARM.replace("notBreaching", "sometimes")).assertRefused(400, "InvalidParameterValueException", "TreatMissingData");
        call("PutMetricAlarm", "{\"Namespace\": \"x\"}").assertRefused(400, "MissingRequiredParameterException", "AlarmName");
        call("PutMetricAlarm", CPU_ALARM.replace("\"Period\": 60", "\"Period\": \"60\"")).assertRefused(400, "SerializationException", "Period");
        call("DeleteAlarms", "{\"AlarmNames\": [\"nope\"]}").assertRefused(404, "ResourceNotFound", "nope");
        call("SetAlarmState", "{\"AlarmName\": \"nope\", \"StateValue\": \"OK\", \"StateReason\": \"x\"}")
                .assertRefused(404, "ResourceNotFound", "nope");
        call("DescribeAlarms", "{\"NextToken\": \"bogus\"}").assertRefused(400, "InvalidNextToken", "token");
        call("DescribeAlarmHistory", "{\"NextToken\": \"bogus\"}").assertRefused(400, "InvalidNextToken", "token");
        call("DescribeAlarms", "{\"MaxRecords\": 101}").assertRefused(400, "InvalidParameterValueException", "MaxRecords");
        call("DescribeAlarms", "{\"AlarmNames\": [\"a\"], \"AlarmNamePrefix\": \"a\"}")
                .assertRefused(400, "InvalidParameterCombinationException", "AlarmNames");
        call("DescribeAlarms", "{\"StateValue\": \"RED\"}").assertRefused(400, "MissingRequiredParameterException", "StateValue");
        call("DescribeAlarmsForMetric", "{\"Namespace\": \"x\"}").assertRefused(400, "MissingRequiredParameterException", "MetricName");
        assertEquals(0, ok("DescribeAlarms", "{\"AlarmNamePrefix\": \"checkout-\"}").get("MetricAlarms").size(), "nothing refused was made");
    }

    /** Every member of every answer is the monitoring model's, of its type. */
    @Test
    void answersHoldOnlyModelMembers() throws IOException {
        JsonNode model = WireShapesModelTest.model("monitoring");
        ok("PutMetricAlarm", CPU_ALARM);
        ok("SetAlarmState", "{\"AlarmName\": \"checkout-cpu\", \"StateValue\": \"ALARM\", \"StateReason\": \"x\", \"StateReasonData\": \"{}\"}");
        check(model, "DescribeAlarms", "{\"AlarmTypes\": [\"MetricAlarm\", \"CompositeAlarm\"], \"MaxRecords\": 1}");
        check(model, "DescribeAlarmsForMetric", "{\"Namespace\": \"Test/App\", \"MetricName\": \"Load\"}");
        check(model, "DescribeAlarmHistory", "{\"MaxRecords\": 1}");
        assertEquals(List.of(), problems);
    }

    private void check(JsonNode model, String operation, String body) {
        JsonNode response = ok(operation, body);
        String output = model.path("operations").path(operation).path("output").path("shape").asText();
        walk(model.get("shapes"), output, response, operation);
    }

    private void walk(JsonNode shapes, String shapeName, JsonNode value, String path) {
        JsonNode shape = shapes.get(shapeName);
        switch (shape.get("type").asText()) {
            case "structure" -> value.properties().forEach(f -> {
                JsonNode member = shape.path("members").get(f.getKey());
                if (member == null) {
                    problems.add(path + "." + f.getKey() + ": not a member of " + shapeName);
                } else {
                    walk(shapes, member.get("shape").asText(), f.getValue(), path + "." + f.getKey());
                }
            });
            case "list" -> {
                for (int i = 0; i < value.size(); i++) {
                    walk(shapes, shape.path("member").path("shape").asText(), value.get(i), path + "[" + i + "]");
                }
            }
            case "string" -> check(value.isTextual(), path, value);
            case "integer", "long" -> check(value.isIntegralNumber(), path, value);
            case "double", "timestamp" -> check(value.isNumber(), path, value);
            case "boolean" -> check(value.isBoolean(), path, value);
            default -> problems.add(path + ": unexpected type " + shape.get("type"));
        }
    }

    private void check(boolean fits, String path, JsonNode value) {
        if (!fits) {
            problems.add(path + ": wrong type " + value);
        }
    }
}
