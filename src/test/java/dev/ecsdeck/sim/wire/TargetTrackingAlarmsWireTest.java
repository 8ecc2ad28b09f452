package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.SCALING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A target-tracking policy's two CloudWatch alarms: made with the policy, listed by both services, deleted with it. */
class TargetTrackingAlarmsWireTest {
    private static final String WEB = "\"ServiceNamespace\": \"ecs\", \"ScalableDimension\": \"ecs:service:DesiredCount\","
            + " \"ResourceId\": \"service/prod-web/web\"";
    private final WireFixture sim;

    TargetTrackingAlarmsWireTest() throws IOException {
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

    @Test
    void cpuPolicyAlarmsAreMadeListedAndDeleted() {
        sim.ok(SCALING, "RegisterScalableTarget", "{" + WEB + ", \"MinCapacity\": 2, \"MaxCapacity\": 6}");
        JsonNode put = sim.ok(SCALING, "PutScalingPolicy", "{" + WEB + ", \"PolicyName\": \"web-cpu\", \"PolicyType\": \"TargetTrackingScaling\","
                + " \"TargetTrackingScalingPolicyConfiguration\": {\"TargetValue\": 60, \"PredefinedMetricSpecification\":"
                + " {\"PredefinedMetricType\": \"ECSServiceAverageCPUUtilization\"}}}");
        String policyArn = put.get("PolicyARN").asText();
        List<String> names = new ArrayList<>();
        put.get("Alarms").forEach(a -> names.add(a.get("AlarmName").asText()));

        JsonNode alarms = cloudWatch("DescribeAlarms", "{\"AlarmNamePrefix\": \"TargetTracking-service/prod-web/web-\"}").get("MetricAlarms");
        assertEquals(2, alarms.size());
        JsonNode high = alarms.get(0);
        JsonNode low = alarms.get(1);
        assertEquals(names.get(0), high.get("AlarmName").asText());
        assertEquals(names.get(1), low.get("AlarmName").asText());
        assertEquals(put.at("/Alarms/0/AlarmARN").asText(), high.get("AlarmArn").asText());
        assertEquals("AWS/ECS", high.get("Namespace").asText());
        assertEquals("CPUUtilization", high.get("MetricName").asText());
        assertEquals("[{\"Name\":\"ClusterName\",\"Value\":\"prod-web\"},{\"Name\":\"ServiceName\",\"Value\":\"web\"}]", high.get("Dimensions").toString());
        assertEquals("GreaterThanThreshold", high.get("ComparisonOperator").asText());
        assertEquals(60.0, high.get("Threshold").asDouble());
        assertEquals(3, high.get("EvaluationPeriods").asInt());
        assertEquals(3, high.get("DatapointsToAlarm").asInt());
        assertEquals("LessThanThreshold", low.get("ComparisonOperator").asText());
        assertEquals(54.0, low.get("Threshold").asDouble());
        assertEquals(15, low.get("EvaluationPeriods").asInt());
        assertEquals(policyArn, high.at("/AlarmActions/0").asText());

        JsonNode described = sim.ok(SCALING, "DescribeScalingPolicies", "{\"ServiceNamespace\": \"ecs\", \"ResourceId\": \"service/prod-web/web\"}");
        assertEquals(put.get("Alarms"), described.at("/ScalingPolicies/0/Alarms"));

        sim.ok(SCALING, "DeleteScalingPolicy", "{" + WEB + ", \"PolicyName\": \"web-cpu\"}");
        assertEquals(0, cloudWatch("DescribeAlarms", "{\"AlarmNames\": [\"" + names.get(0) + "\", \"" + names.get(1) + "\"]}")
                .get("MetricAlarms").size());
    }

    @Test
    void albPolicyAlarmsWatchRequestsPerTargetOfItsTargetGroup() {
        sim.ok(SCALING, "RegisterScalableTarget", "{" + WEB + ", \"MinCapacity\": 2, \"MaxCapacity\": 6}");
        String label = "app/web-alb/0123456789abcdef/targetgroup/web-tg/fedcba9876543210";
        sim.ok(SCALING, "PutScalingPolicy", "{" + WEB + ", \"PolicyName\": \"web-req\", \"PolicyType\": \"TargetTrackingScaling\","
                + " \"TargetTrackingScalingPolicyConfiguration\": {\"TargetValue\": 100, \"PredefinedMetricSpecification\":"
                + " {\"PredefinedMetricType\": \"ALBRequestCountPerTarget\", \"ResourceLabel\": \"" + label + "\"}}}");
        JsonNode high = cloudWatch("DescribeAlarms", "{\"AlarmNamePrefix\": \"TargetTracking-service/prod-web/web-AlarmHigh\"}").at("/MetricAlarms/0");
        assertEquals("AWS/ApplicationELB", high.get("Namespace").asText());
        assertEquals("RequestCountPerTarget", high.get("MetricName").asText());
        assertEquals("[{\"Name\":\"TargetGroup\",\"Value\":\"targetgroup/web-tg/fedcba9876543210\"}]", high.get("Dimensions").toString());
    }
}
