package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.ECS;
import static dev.ecsdeck.sim.wire.WireFixture.SCALING;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Application Auto Scaling operations over HTTP, PascalCase as that service has them. */
class ScalingWireTest {
    private static final String WEB = "\"ServiceNamespace\": \"ecs\", \"ScalableDimension\": \"ecs:service:DesiredCount\","
            + " \"ResourceId\": \"service/prod-web/web\"";
    private static final String POLICY = "{" + WEB + ", \"PolicyName\": \"web-cpu\", \"PolicyType\": \"TargetTrackingScaling\","
            + " \"TargetTrackingScalingPolicyConfiguration\": {\"TargetValue\": 55.5, \"PredefinedMetricSpecification\":"
            + " {\"PredefinedMetricType\": \"ECSServiceAverageCPUUtilization\"}, \"ScaleOutCooldown\": 60, \"ScaleInCooldown\": 120}}";

    private WireFixture sim;

    @BeforeEach
    void start() throws IOException {
        sim = new WireFixture();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void registerAndDescribeScalableTargets() {
        JsonNode registered = sim.ok(SCALING, "RegisterScalableTarget", "{" + WEB + ", \"MinCapacity\": 2, \"MaxCapacity\": 6}");
        assertThat(registered.get("ScalableTargetARN").asText(), startsWith("arn:aws:application-autoscaling:us-east-1:000000000000:scalable-target/"));

        JsonNode all = sim.ok(SCALING, "DescribeScalableTargets", "{\"ServiceNamespace\": \"ecs\"}");
        assertEquals(2, all.get("ScalableTargets").size(), "the demo's orders-api and the one just registered");
        JsonNode web = sim.ok(SCALING, "DescribeScalableTargets", "{\"ServiceNamespace\": \"ecs\", \"ResourceIds\": [\"service/prod-web/web\"]}")
                .get("ScalableTargets").get(0);
        assertEquals("service/prod-web/web", web.get("ResourceId").asText());
        assertEquals("ecs:service:DesiredCount", web.get("ScalableDimension").asText());
        assertEquals(2, web.get("MinCapacity").asInt());
        assertEquals(6, web.get("MaxCapacity").asInt());
        assertTrue(web.get("CreationTime").isNumber(), "epoch seconds");
        assertFalse(web.get("SuspendedState").get("DynamicScalingInSuspended").asBoolean());
        assertEquals(registered.get("ScalableTargetARN"), web.get("ScalableTargetARN"));

        JsonNode page = sim.ok(SCALING, "DescribeScalableTargets", "{\"ServiceNamespace\": \"ecs\", \"MaxResults\": 1}");
        assertEquals(1, page.get("ScalableTargets").size());
        JsonNode rest = sim.ok(SCALING, "DescribeScalableTargets", "{\"ServiceNamespace\": \"ecs\", \"NextToken\": \""
                + page.get("NextToken").asText() + "\"}");
        assertEquals(1, rest.get("ScalableTargets").size());
        assertFalse(rest.has("NextToken"));
        assertEquals("InvalidNextTokenException", sim.call(SCALING, "DescribeScalableTargets",
                "{\"ServiceNamespace\": \"ecs\", \"NextToken\": \"garbage!\"}").errorType());
        assertEquals(0, sim.ok(SCALING, "DescribeScalableTargets", "{\"ServiceNamespace\": \"dynamodb\"}").get("ScalableTargets").size());
    }

    @Test
    void registeringRefusesWhatIsNotAnEcsService() {
        assertEquals("ValidationException", sim.call(SCALING, "RegisterScalableTarget", "{" + WEB.replace("ecs:service:DesiredCount",
                "dynamodb:table:ReadCapacityUnits") + ", \"MinCapacity\": 1, \"MaxCapacity\": 2}").errorType());
        assertEquals("ValidationException", sim.call(SCALING, "RegisterScalableTarget", "{" + WEB.replace("prod-web/web", "prod-web/ghost")
                + ", \"MinCapacity\": 1, \"MaxCapacity\": 2}").errorType());
        assertEquals("ValidationException", sim.call(SCALING, "RegisterScalableTarget", "{" + WEB + ", \"MinCapacity\": 5, \"MaxCapacity\": 2}")
                .errorType());
        assertEquals("SerializationException", sim.call(SCALING, "RegisterScalableTarget", "{" + WEB + ", \"MinCapacity\": \"1\"}").errorType());
    }

    @Test
    void putDescribeAndDeleteATargetTrackingPolicy() {
        assertEquals("ObjectNotFoundException", sim.call(SCALING, "PutScalingPolicy", POLICY).errorType(), "no scalable target yet");
        sim.ok(SCALING, "RegisterScalableTarget", "{" + WEB + ", \"MinCapacity\": 2, \"MaxCapacity\": 6}");
        JsonNode put = sim.ok(SCALING, "PutScalingPolicy", POLICY);
        String arn = put.get("PolicyARN").asText();
        assertThat(arn, containsString(":scalingPolicy:"));
        assertThat(arn, containsString("policyName/web-cpu"));
        assertEquals(2, put.get("Alarms").size());
        assertThat(put.get("Alarms").get(0).get("AlarmName").asText(), startsWith("TargetTracking-service/prod-web/web-AlarmHigh-"));
        assertThat(put.get("Alarms").get(1).get("AlarmARN").asText(), startsWith("arn:aws:cloudwatch:us-east-1:000000000000:alarm:"));

        JsonNode policies = sim.ok(SCALING, "DescribeScalingPolicies", "{\"ServiceNamespace\": \"ecs\", \"ResourceId\": \"service/prod-web/web\"}");
        JsonNode p = policies.get("ScalingPolicies").get(0);
        assertEquals(arn, p.get("PolicyARN").asText());
        assertEquals("TargetTrackingScaling", p.get("PolicyType").asText());
        JsonNode config = p.get("TargetTrackingScalingPolicyConfiguration");
        assertEquals(55.5, config.get("TargetValue").asDouble());
        assertEquals("ECSServiceAverageCPUUtilization", config.get("PredefinedMetricSpecification").get("PredefinedMetricType").asText());
        assertEquals(60, config.get("ScaleOutCooldown").asInt());
        assertEquals(120, config.get("ScaleInCooldown").asInt());
        assertTrue(p.get("CreationTime").isNumber());
        assertEquals(put.get("Alarms"), p.get("Alarms"));
        assertEquals(3, sim.ok(SCALING, "DescribeScalingPolicies", "{\"ServiceNamespace\": \"ecs\"}").get("ScalingPolicies").size());
        assertEquals(arn, sim.ok(SCALING, "PutScalingPolicy", POLICY.replace("55.5", "40")).get("PolicyARN").asText(),
                "putting the same name again updates the policy");

        assertEquals(0, sim.ok(SCALING, "DeleteScalingPolicy", "{" + WEB + ", \"PolicyName\": \"web-cpu\"}").size());
        assertEquals(0, sim.ok(SCALING, "DescribeScalingPolicies", "{\"ServiceNamespace\": \"ecs\", \"ResourceId\": \"service/prod-web/web\"}")
                .get("ScalingPolicies").size());
        assertEquals("ObjectNotFoundException", sim.call(SCALING, "DeleteScalingPolicy", "{" + WEB + ", \"PolicyName\": \"web-cpu\"}").errorType());
    }

    @Test
    void policiesTheSimulatorCannotRunAreRefused() {
        sim.ok(SCALING, "RegisterScalableTarget", "{" + WEB + ", \"MinCapacity\": 2, \"MaxCapacity\": 6}");
        assertEquals("ValidationException", sim.call(SCALING, "PutScalingPolicy", "{" + WEB + ", \"PolicyName\": \"steps\","
                + " \"PolicyType\": \"StepScaling\", \"StepScalingPolicyConfiguration\": {}}").errorType());
        assertEquals("ValidationException", sim.call(SCALING, "PutScalingPolicy", POLICY.replace("ECSServiceAverageCPUUtilization", "Bogus"))
                .errorType());
        WireFixture.Reply mistyped = sim.call(SCALING, "PutScalingPolicy", POLICY.replace("55.5", "\"55.5\""));
        assertEquals("SerializationException", mistyped.errorType());
        assertThat(mistyped.message(), containsString("TargetTrackingScalingPolicyConfiguration.TargetValue"));
        assertEquals("ValidationException", sim.call(SCALING, "PutScalingPolicy", POLICY.replace("\"PolicyName\": \"web-cpu\", ", ""))
                .errorType(), "PolicyName is required");
    }

    @Test
    void scalingActivitiesAndScheduledActions() {
        JsonNode none = sim.ok(SCALING, "DescribeScalingActivities", "{\"ServiceNamespace\": \"ecs\", \"ResourceId\": \"service/prod-web/orders-api\"}");
        assertEquals(0, none.get("ScalingActivities").size(), "orders-api's load steps up after 20 minutes");
        sim.clock.advance(Duration.ofMinutes(15));
        JsonNode after = sim.ok(SCALING, "DescribeScalingActivities", "{\"ServiceNamespace\": \"ecs\", \"ResourceId\": \"service/prod-web/orders-api\"}");
        JsonNode activity = after.get("ScalingActivities").get(0);
        assertEquals("service/prod-web/orders-api", activity.get("ResourceId").asText());
        assertEquals("ecs", activity.get("ServiceNamespace").asText());
        assertThat(activity.get("Description").asText(), startsWith("Setting desired count to"));
        assertTrue(activity.get("StartTime").isNumber());
        assertTrue(activity.get("StatusCode").isTextual());
        assertThat(activity.get("Cause").asText(), containsString("AlarmHigh"));
        assertTrue(sim.ok(ECS, "DescribeServices", "{\"cluster\": \"prod-web\", \"services\": [\"orders-api\"]}")
                .get("services").get(0).get("desiredCount").asInt() > 3, "the service scaled out");

        assertEquals(1, sim.ok(SCALING, "DescribeScheduledActions", "{\"ServiceNamespace\": \"ecs\"}").get("ScheduledActions").size());
    }
}
