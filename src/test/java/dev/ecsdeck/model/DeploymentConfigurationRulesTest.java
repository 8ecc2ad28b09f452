package dev.ecsdeck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented ranges of a deployment configuration, each problem naming its field. */
class DeploymentConfigurationRulesTest {
    private static final DeploymentCircuitBreaker OFF = new DeploymentCircuitBreaker(false, false);

    private static DeploymentConfiguration config(String strategy, Integer bake, List<DeploymentLifecycleHook> hooks, LinearConfiguration linear,
            CanaryConfiguration canary) {
        return new DeploymentConfiguration(OFF, 200, 100, strategy, bake, hooks, linear, canary);
    }

    private static List<String> fields(DeploymentConfiguration c, boolean daemon) {
        return DeploymentConfigurationRules.problems(c, daemon).stream().map(DeploymentConfigurationRules.Problem::field).toList();
    }

    private static DeploymentLifecycleHook pause(String... stages) {
        return new DeploymentLifecycleHook(DeploymentLifecycleHook.PAUSE, null, null, List.of(stages), null);
    }

    @Test
    void validConfigurationsOfEveryStrategyPass() {
        assertEquals(List.of(), fields(DeploymentConfiguration.defaults(), false));
        assertEquals(List.of(), fields(config("BLUE_GREEN", 5, List.of(pause("POST_TEST_TRAFFIC_SHIFT")), null, null), false));
        assertEquals(List.of(), fields(config("CANARY", 0, null, null, new CanaryConfiguration(0.1, 1440)), false));
        assertEquals(List.of(), fields(config("LINEAR", 1440, null, new LinearConfiguration(3.0, 0), null), false));
        assertEquals(List.of(), fields(config("CANARY", null, null, null, new CanaryConfiguration(100.0, 0)), false));
    }

    @Test
    void rollingPercentagesAreChecked() {
        assertEquals(List.of("minimumHealthyPercent"), fields(new DeploymentConfiguration(OFF, 200, 101), false));
        assertEquals(List.of("minimumHealthyPercent"), fields(new DeploymentConfiguration(OFF, 200, -1), false));
        assertEquals(List.of("maximumPercent"), fields(new DeploymentConfiguration(OFF, 99, 50), false));
        assertEquals(List.of("maximumPercent"), fields(new DeploymentConfiguration(OFF, 200, 0), true), "a DAEMON service's maximum is 100");
        assertEquals(List.of(), fields(new DeploymentConfiguration(OFF, 100, 0), true));
    }

    @Test
    void bakeTimesAndPercentagesOutsideTheirRangesAreNamed() {
        assertEquals(List.of("bakeTimeInMinutes"), fields(config("BLUE_GREEN", 2000, null, null, null), false));
        assertEquals(List.of("bakeTimeInMinutes"), fields(config("BLUE_GREEN", -1, null, null, null), false));
        assertEquals(List.of("bakeTimeInMinutes"), fields(config("BLUE_GREEN", null, null, null, null), false), "blue/green needs a bake time");
        assertEquals(List.of("canaryConfiguration.canaryPercent"), fields(config("CANARY", 5, null, null, new CanaryConfiguration(0.0, 10)), false));
        assertEquals(List.of("canaryConfiguration.canaryPercent"), fields(config("CANARY", 5, null, null, new CanaryConfiguration(5.05, 10)), false));
        assertEquals(List.of("canaryConfiguration.canaryPercent"), fields(config("CANARY", 5, null, null, new CanaryConfiguration(100.1, 10)), false));
        assertEquals(List.of("canaryConfiguration.canaryBakeTimeInMinutes"),
                fields(config("CANARY", 5, null, null, new CanaryConfiguration(5.0, 1441)), false));
        assertEquals(List.of("linearConfiguration.stepPercent"), fields(config("LINEAR", 5, null, new LinearConfiguration(2.9, 3), null), false));
        assertEquals(List.of("linearConfiguration.stepBakeTimeInMinutes"),
                fields(config("LINEAR", 5, null, new LinearConfiguration(10.0, -1), null), false));
        DeploymentConfigurationRules.Problem p = DeploymentConfigurationRules.problems(
                config("CANARY", 5, null, null, new CanaryConfiguration(0.0, 10)), false).get(0);
        assertEquals("canaryConfiguration.canaryPercent must be a multiple of 0.1 from 0.1 to 100.0, not 0.0.", p.message());
    }

    @Test
    void hooksOnlyWithTrafficShiftingStrategiesAndNoTrafficShiftingForDaemons() {
        assertEquals(List.of("lifecycleHooks"), fields(config("ROLLING", null, List.of(pause("POST_SCALE_UP")), null, null), false));
        assertEquals(List.of("lifecycleHooks[0].lifecycleStages"), fields(config("BLUE_GREEN", 5, List.of(pause("SCALE_UP")), null, null), false));
        assertEquals(List.of("lifecycleHooks[0].lifecycleStages"), fields(config("BLUE_GREEN", 5, List.of(pause()), null, null), false));
        assertTrue(fields(new DeploymentConfiguration(OFF, 100, 0, "BLUE_GREEN", 5, null, null, null), true).contains("strategy"));
        assertEquals(List.of("linearConfiguration"), fields(config("CANARY", 5, null, new LinearConfiguration(10.0, 3), null), false));
        assertEquals(List.of("strategy"), fields(config("RED_BLACK", 5, null, null, null), false));
    }

    @Test
    void whatALoadBalancerLacksForTrafficShiftingIsNamed() {
        assertEquals(List.of("loadBalancers"), DeploymentConfigurationRules.trafficShiftSetupMissing(List.of()).stream()
                .map(DeploymentConfigurationRules.Problem::field).toList());
        LoadBalancer plain = new LoadBalancer("arn:tg/reports", null, "app", 8080);
        assertEquals(List.of("loadBalancers[0].advancedConfiguration"), DeploymentConfigurationRules.trafficShiftSetupMissing(List.of(plain))
                .stream().map(DeploymentConfigurationRules.Problem::field).toList());
        LoadBalancer partial = new LoadBalancer("arn:tg/blue", null, "app", 8080, new AdvancedConfiguration("arn:tg/green", null, null, null));
        assertEquals("loadBalancers[0].advancedConfiguration lacks productionListenerRule, roleArn.",
                DeploymentConfigurationRules.trafficShiftSetupMissing(List.of(partial)).get(0).message());
        LoadBalancer whole = new LoadBalancer("arn:tg/blue", null, "app", 8080, new AdvancedConfiguration("arn:tg/green", "arn:rule/p", null, "arn:role"));
        assertEquals(List.of(), DeploymentConfigurationRules.trafficShiftSetupMissing(List.of(whole)));
    }
}
