package dev.ecsdeck.sim.wire;

import static dev.ecsdeck.sim.wire.WireFixture.SCALING;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.model.StepScalingConfig;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step-scaling policies (PutScalingPolicy, DescribeScalingPolicies) and DescribeScheduledActions over HTTP. */
class StepScalingWireTest {
    private static final String WEB = "\"ServiceNamespace\": \"ecs\", \"ScalableDimension\": \"ecs:service:DesiredCount\","
            + " \"ResourceId\": \"service/prod-web/web\"";
    private static final String STEPS = "{" + WEB + ", \"PolicyName\": \"web-steps\", \"PolicyType\": \"StepScaling\","
            + " \"StepScalingPolicyConfiguration\": {\"AdjustmentType\": \"PercentChangeInCapacity\", \"MinAdjustmentMagnitude\": 2,"
            + " \"Cooldown\": 90, \"MetricAggregationType\": \"Maximum\", \"StepAdjustments\": ["
            + "{\"MetricIntervalLowerBound\": 0, \"MetricIntervalUpperBound\": 12.5, \"ScalingAdjustment\": 20},"
            + "{\"MetricIntervalLowerBound\": 12.5, \"ScalingAdjustment\": 50}]}}";
    private static final String ORDERS = "{\"ServiceNamespace\": \"ecs\", \"ResourceId\": \"service/prod-web/orders-api\"}";

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
    void theDemoStepPolicyIsDescribedWithItsConfigurationAndNoAlarms() {
        JsonNode policies = sim.ok(SCALING, "DescribeScalingPolicies", ORDERS).get("ScalingPolicies");
        assertEquals(2, policies.size());
        assertTrue(policies.get(0).has("Alarms"), "target tracking's own alarms");
        JsonNode step = policies.get(1);
        assertEquals("StepScaling", step.get("PolicyType").asText());
        assertEquals("orders-api-queue-backlog-step", step.get("PolicyName").asText());
        assertFalse(step.has("Alarms"));
        assertFalse(step.has("TargetTrackingScalingPolicyConfiguration"));
        JsonNode c = step.get("StepScalingPolicyConfiguration");
        assertEquals("ChangeInCapacity", c.get("AdjustmentType").asText());
        assertEquals(120, c.get("Cooldown").asInt());
        assertEquals("Average", c.get("MetricAggregationType").asText());
        assertEquals(2, c.get("StepAdjustments").size());
        JsonNode first = c.get("StepAdjustments").get(0);
        assertEquals(0.0, first.get("MetricIntervalLowerBound").asDouble());
        assertEquals(10.0, first.get("MetricIntervalUpperBound").asDouble());
        assertEquals(1, first.get("ScalingAdjustment").asInt());
        assertFalse(c.get("StepAdjustments").get(1).has("MetricIntervalUpperBound"), "open upwards");
    }

    @Test
    void aStepPolicyIsPutDescribedAndDeleted() {
        sim.ok(SCALING, "RegisterScalableTarget", "{" + WEB + ", \"MinCapacity\": 2, \"MaxCapacity\": 6}");
        JsonNode put = sim.ok(SCALING, "PutScalingPolicy", STEPS);
        assertThat(put.get("PolicyARN").asText(), containsString("policyName/web-steps"));
        assertFalse(put.has("Alarms"));
        assertEquals(put.get("PolicyARN"), sim.ok(SCALING, "PutScalingPolicy", STEPS.replace("\"PolicyType\": \"StepScaling\",", ""))
                .get("PolicyARN"), "StepScaling is the default PolicyType");

        JsonNode p = sim.ok(SCALING, "DescribeScalingPolicies", "{\"ServiceNamespace\": \"ecs\", \"ResourceId\": \"service/prod-web/web\"}")
                .get("ScalingPolicies").get(0);
        JsonNode c = p.get("StepScalingPolicyConfiguration");
        assertEquals("PercentChangeInCapacity", c.get("AdjustmentType").asText());
        assertEquals(2, c.get("MinAdjustmentMagnitude").asInt());
        assertEquals(90, c.get("Cooldown").asInt());
        assertEquals("Maximum", c.get("MetricAggregationType").asText());
        assertEquals(12.5, c.get("StepAdjustments").get(1).get("MetricIntervalLowerBound").asDouble());
        assertEquals(50, c.get("StepAdjustments").get(1).get("ScalingAdjustment").asInt());
        StepScalingConfig stored = sim.engine.scaling().stepScaling(p.get("PolicyARN").asText());
        assertEquals("PercentChangeInCapacity: +20% when 0–12.5 above the alarm, +50% above 12.5; by at least 2; cooldown 90 s",
                stored.summary());

        sim.ok(SCALING, "DeleteScalingPolicy", "{" + WEB + ", \"PolicyName\": \"web-steps\"}");
        assertEquals(0, sim.ok(SCALING, "DescribeScalingPolicies", "{\"ServiceNamespace\": \"ecs\", \"ResourceId\": \"service/prod-web/web\"}")
                .get("ScalingPolicies").size());
    }

    @Test
    void badStepConfigurationsAreRefusedNamingWhatIsWrong() {
        sim.ok(SCALING, "RegisterScalableTarget", "{" + WEB + ", \"MinCapacity\": 2, \"MaxCapacity\": 6}");
        WireFixture.Reply gap = sim.call(SCALING, "PutScalingPolicy", STEPS.replace("\"MetricIntervalLowerBound\": 12.5", "\"MetricIntervalLowerBound\": 20"));
        assertEquals("ValidationException", gap.errorType());
        assertThat(gap.message(), containsString("gap"));
        WireFixture.Reply mistyped = sim.call(SCALING, "PutScalingPolicy", STEPS.replace("\"ScalingAdjustment\": 50", "\"ScalingAdjustment\": \"50\""));
        assertEquals("SerializationException", mistyped.errorType());
        assertThat(mistyped.message(), containsString("StepScalingPolicyConfiguration.StepAdjustments.2.ScalingAdjustment"));
        WireFixture.Reply missing = sim.call(SCALING, "PutScalingPolicy", STEPS.replace("\"ScalingAdjustment\": 50", "\"MetricIntervalUpperBound\": 99"));
        assertEquals("ValidationException", missing.errorType());
        assertThat(missing.message(), containsString("ScalingAdjustment"));
        assertEquals("ValidationException", sim.call(SCALING, "PutScalingPolicy", "{" + WEB + ", \"PolicyName\": \"p\","
                + " \"PolicyType\": \"StepScaling\"}").errorType(), "the configuration is required");
        assertEquals("ValidationException", sim.call(SCALING, "PutScalingPolicy", STEPS.replace("StepScaling", "PredictiveScaling"))
                .errorType());
    }

    @Test
    void scheduledActionsAreDescribedFilteredAndPaged() {
        sim.ok(SCALING, "RegisterScalableTarget", "{" + WEB + ", \"MinCapacity\": 2, \"MaxCapacity\": 6}");
        Instant end = Instant.parse("2027-01-31T00:00:00Z");
        sim.engine.scaling().putScheduledAction("service/prod-web/web", "web-sale", "at(2026-11-27T08:00:00)", null, null, 8, null, end);

        JsonNode orders = sim.ok(SCALING, "DescribeScheduledActions", ORDERS).get("ScheduledActions");
        assertEquals(1, orders.size());
        JsonNode a = orders.get(0);
        assertEquals("orders-api-weekday-mornings", a.get("ScheduledActionName").asText());
        assertEquals("cron(0 7 ? * MON-FRI *)", a.get("Schedule").asText());
        assertEquals("Europe/Berlin", a.get("Timezone").asText());
        assertEquals("ecs:service:DesiredCount", a.get("ScalableDimension").asText());
        assertEquals(4, a.get("ScalableTargetAction").get("MinCapacity").asInt());
        assertEquals(10, a.get("ScalableTargetAction").get("MaxCapacity").asInt());
        assertTrue(a.get("CreationTime").isNumber());
        assertFalse(a.has("StartTime"));

        JsonNode web = sim.ok(SCALING, "DescribeScheduledActions", "{\"ServiceNamespace\": \"ecs\", \"ScheduledActionNames\": [\"web-sale\"]}")
                .get("ScheduledActions");
        assertEquals(1, web.size());
        assertFalse(web.get(0).get("ScalableTargetAction").has("MinCapacity"), "min left as it is");
        assertFalse(web.get(0).has("Timezone"));
        assertEquals(end.getEpochSecond(), web.get(0).get("EndTime").asLong());

        JsonNode page = sim.ok(SCALING, "DescribeScheduledActions", "{\"ServiceNamespace\": \"ecs\", \"MaxResults\": 1}");
        assertEquals(1, page.get("ScheduledActions").size());
        JsonNode rest = sim.ok(SCALING, "DescribeScheduledActions", "{\"ServiceNamespace\": \"ecs\", \"NextToken\": \""
                + page.get("NextToken").asText() + "\"}");
        assertEquals(List.of("orders-api-weekday-mornings", "web-sale"), List.of(page.get("ScheduledActions").get(0)
                .get("ScheduledActionName").asText(), rest.get("ScheduledActions").get(0).get("ScheduledActionName").asText()));
        assertEquals(0, sim.ok(SCALING, "DescribeScheduledActions", "{\"ServiceNamespace\": \"dynamodb\"}").get("ScheduledActions").size());
    }
}
