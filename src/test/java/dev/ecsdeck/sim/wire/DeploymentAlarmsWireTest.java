package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deployment alarms (deploymentConfiguration.alarms) over the wire: kept and described with the service; an
 * alarm in ALARM fails the deployment it watches and rolls it back, and the service deployment says which.
 */
class DeploymentAlarmsWireTest {
    private static final String ALARMS = "\"deploymentConfiguration\": {\"alarms\": {\"alarmNames\": [\"web-errors\"], \"enable\": true,"
            + " \"rollback\": true}}";
    private final WireFixture sim;

    DeploymentAlarmsWireTest() throws IOException {
        sim = new WireFixture();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private JsonNode cloudWatch(String operation, String body) {
        WireFixture.Reply r = sim.send(HttpRequest.newBuilder(sim.endpoint()).header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", CloudWatchAlarmsWireTest.CW + "." + operation).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, r.status(), r.raw());
        return r.body();
    }

    private void putErrorsAlarm() {
        cloudWatch("PutMetricAlarm", "{\"AlarmName\": \"web-errors\", \"Namespace\": \"Shop\", \"MetricName\": \"Errors\", \"Dimensions\":"
                + " [{\"Name\": \"ServiceName\", \"Value\": \"web\"}], \"Statistic\": \"Sum\", \"Period\": 60, \"EvaluationPeriods\": 2,"
                + " \"DatapointsToAlarm\": 1, \"Threshold\": 5, \"ComparisonOperator\": \"GreaterThanThreshold\", \"TreatMissingData\": \"notBreaching\"}");
    }

    private JsonNode service(String cluster, String name) {
        return sim.ok(ECS, "DescribeServices", "{\"cluster\": \"" + cluster + "\", \"services\": [\"" + name + "\"]}").at("/services/0");
    }

    private JsonNode newestServiceDeployment(String cluster, String name) {
        String arn = sim.ok(ECS, "ListServiceDeployments", "{\"cluster\": \"" + cluster + "\", \"service\": \"" + name + "\"}")
                .at("/serviceDeployments/0/serviceDeploymentArn").asText();
        return sim.ok(ECS, "DescribeServiceDeployments", "{\"serviceDeploymentArns\": [\"" + arn + "\"]}").at("/serviceDeployments/0");
    }

    /** web:2, web:1 with another image. */
    private void registerWeb2() {
        JsonNode td = sim.ok(ECS, "DescribeTaskDefinition", "{\"taskDefinition\": \"web:1\"}").get("taskDefinition");
        ObjectNode body = WireFixture.JSON.createObjectNode();
        for (String member : new String[] {"family", "networkMode", "requiresCompatibilities", "cpu", "memory", "executionRoleArn",
                "containerDefinitions"}) {
            body.set(member, td.get(member));
        }
        ((ObjectNode) body.get("containerDefinitions").get(0)).put("image", "public.ecr.aws/nginx/nginx:1.27-alpine");
        sim.ok(ECS, "RegisterTaskDefinition", body.toString());
    }

    @Test
    void rollingDeploymentBakesUnderItsAlarmsAndRollsBackWhenOneFires() {
        putErrorsAlarm();
        registerWeb2();
        sim.ok(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\", \"taskDefinition\": \"web:2\", " + ALARMS + "}");
        JsonNode alarms = service("prod-web", "web").at("/deploymentConfiguration/alarms");
        assertEquals("{\"alarmNames\":[\"web-errors\"],\"enable\":true,\"rollback\":true}", alarms.toString());

        sim.clock.advance(Duration.ofMinutes(3)); // the new tasks are running and healthy: the bake time (2 + 2 minutes) runs
        JsonNode svc = service("prod-web", "web");
        assertEquals(1, svc.get("deployments").size(), svc.get("deployments").toString());
        assertEquals("IN_PROGRESS", svc.at("/deployments/0/rolloutState").asText(), "baking under the alarms");
        JsonNode sd = newestServiceDeployment("prod-web", "web");
        assertEquals("MONITORING", sd.at("/alarms/status").asText(), sd.toString());
        assertEquals("[\"web-errors\"]", sd.at("/alarms/alarmNames").toString());

        Instant now = sim.engine.now();
        sim.engine.metrics().put("Shop", "Errors", Map.of("ServiceName", "web"), Instant.ofEpochSecond(now.getEpochSecond() / 60 * 60), 12);
        sim.clock.advance(Duration.ofSeconds(60 - now.getEpochSecond() % 60 + 2)); // the alarm fires at the minute's end; ECS sees it next
        svc = service("prod-web", "web");
        JsonNode failed = null;
        for (JsonNode d : svc.get("deployments")) {
            if (d.get("taskDefinition").asText().endsWith(":2")) {
                failed = d;
            }
        }
        assertEquals("FAILED", failed.get("rolloutState").asText(), svc.get("deployments").toString());
        assertTrue(failed.get("rolloutStateReason").asText().contains("web-errors"), failed.toString());
        assertTrue(svc.at("/deployments/0/taskDefinition").asText().endsWith("web:1"), "rolling back to web:1: " + svc.get("deployments"));
        assertTrue(svc.get("events").toString().contains("deployment failed: alarm(s) web-errors in ALARM state."), svc.get("events").toString());
        sd = newestServiceDeployment("prod-web", "web");
        assertEquals("ROLLBACK_IN_PROGRESS", sd.get("status").asText());
        assertEquals("TRIGGERED", sd.at("/alarms/status").asText());
        assertEquals("[\"web-errors\"]", sd.at("/alarms/triggeredAlarmNames").toString());
        assertTrue(sd.at("/rollback/reason").asText().contains("web-errors"), sd.toString());

        sim.clock.advance(Duration.ofMinutes(5));
        sd = newestServiceDeployment("prod-web", "web");
        assertEquals("ROLLBACK_SUCCESSFUL", sd.get("status").asText(), sd.toString());
        svc = service("prod-web", "web");
        assertTrue(svc.get("taskDefinition").asText().endsWith("web:1"));
        assertEquals("COMPLETED", svc.at("/deployments/0/rolloutState").asText());
    }

    @Test
    void rollingDeploymentCompletesAfterItsBakeTimeWhenNoAlarmFires() {
        putErrorsAlarm();
        registerWeb2();
        sim.ok(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"web\", \"taskDefinition\": \"web:2\", " + ALARMS + "}");
        sim.clock.advance(Duration.ofMinutes(8));
        JsonNode svc = service("prod-web", "web");
        assertEquals("COMPLETED", svc.at("/deployments/0/rolloutState").asText(), svc.get("deployments").toString());
        assertTrue(svc.at("/deployments/0/taskDefinition").asText().endsWith("web:2"));
        JsonNode sd = newestServiceDeployment("prod-web", "web");
        assertEquals("SUCCESSFUL", sd.get("status").asText());
        assertEquals("MONITORING_COMPLETE", sd.at("/alarms/status").asText());
    }

    @Test
    void blueGreenDeploymentReturnsTrafficToBlueWhenAnAlarmFires() {
        sim.clock.advance(Duration.ofMinutes(80)); // the demo's own catalog deployment (60 minutes' bake) is over
        putErrorsAlarm();
        sim.ok(ECS, "UpdateService", "{\"cluster\": \"prod-web\", \"service\": \"catalog\", \"forceNewDeployment\": true, "
                + ALARMS + "}");
        sim.clock.advance(Duration.ofMinutes(1));
        JsonNode sd = newestServiceDeployment("prod-web", "catalog");
        assertEquals("IN_PROGRESS", sd.get("status").asText(), sd.toString());
        assertEquals("MONITORING", sd.at("/alarms/status").asText());
        cloudWatch("SetAlarmState", "{\"AlarmName\": \"web-errors\", \"StateValue\": \"ALARM\", \"StateReason\": \"errors by hand\"}");
        sim.clock.advance(Duration.ofSeconds(2));
        sd = newestServiceDeployment("prod-web", "catalog");
        assertEquals("ROLLBACK_IN_PROGRESS", sd.get("status").asText(), sd.toString());
        assertEquals("TRIGGERED", sd.at("/alarms/status").asText());
        assertTrue(sd.at("/rollback/reason").asText().contains("web-errors"), sd.toString());
        sim.clock.advance(Duration.ofMinutes(5));
        sd = newestServiceDeployment("prod-web", "catalog");
        assertEquals("ROLLBACK_SUCCESSFUL", sd.get("status").asText(), sd.toString());
        assertEquals("[\"web-errors\"]", sd.at("/alarms/triggeredAlarmNames").toString());
    }
}
