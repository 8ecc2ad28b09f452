package dev.ecsdeck.ui.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.model.AdvancedConfiguration;
import dev.ecsdeck.model.CanaryConfiguration;
import dev.ecsdeck.model.DeploymentCircuitBreaker;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.DeploymentLifecycleHook;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.LinearConfiguration;
import dev.ecsdeck.model.LoadBalancer;
import dev.ecsdeck.ui.deploy.DeployStrategyViewModel.Field;
import dev.ecsdeck.ui.deploy.DeployStrategyViewModel.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strategy form's logic: defaults from the service, checks as typed, what the load balancer lacks, the configuration sent. */
class DeployStrategyViewModelTest {
    private static final DeploymentCircuitBreaker ON = new DeploymentCircuitBreaker(true, true);
    private static final LoadBalancer READY = new LoadBalancer("arn:tg/blue", null, "app", 8080,
            new AdvancedConfiguration("arn:tg/green", "arn:rule/prod", "arn:rule/test", "arn:role/ecs"));
    private static final DeploymentLifecycleHook LAMBDA = new DeploymentLifecycleHook("AWS_LAMBDA",
            "arn:aws:lambda:us-east-1:1:function:smoke", "arn:role/hook", List.of("POST_SCALE_UP"), null);
    private static final DeploymentLifecycleHook PAUSE = new DeploymentLifecycleHook("PAUSE", null, null,
            List.of("PRE_PRODUCTION_TRAFFIC_SHIFT"), new DeploymentLifecycleHook.LifecycleHookTimeout(30, "ROLLBACK"));

    private static EcsService service(DeploymentConfiguration c, List<LoadBalancer> balancers, String scheduling) {
        return new EcsService("arn:svc/checkout", "checkout", "arn:cluster/prod-web", "ACTIVE", 3, 3, 0, "FARGATE", null, null, "arn:td/checkout:1",
                c, null, null, null, null, null, null, null, balancers, scheduling, null, null);
    }

    @Test
    void startsFromTheServicesConfiguration() {
        DeploymentConfiguration canary = new DeploymentConfiguration(ON, 200, 100, "CANARY", 15, List.of(LAMBDA, PAUSE), null,
                new CanaryConfiguration(10.0, 5));
        DeployStrategyViewModel m = new DeployStrategyViewModel(service(canary, List.of(READY), "REPLICA"));
        assertEquals(Strategy.CANARY, m.strategyProperty().get());
        assertEquals("10", m.text(Field.CANARY_PERCENT).get());
        assertEquals("5", m.text(Field.CANARY_BAKE).get());
        assertEquals("15", m.text(Field.BAKE).get());
        assertEquals("10", m.text(Field.STEP_PERCENT).get(), "linear's default, for a switch to linear");
        assertEquals("6", m.text(Field.STEP_BAKE).get());
        assertEquals(List.of("PRE_PRODUCTION_TRAFFIC_SHIFT"), m.pausedStages());
        assertTrue(m.validProperty().get());
        assertEquals("The service's Lambda hooks stay: smoke at POST_SCALE_UP.", m.hooksNoteProperty().get());
        // Unchanged, it sends what the service has: the Lambda hook kept, the PAUSE hook with its timeout.
        DeploymentConfiguration sent = m.configurationProperty().get();
        assertEquals(List.of(LAMBDA, PAUSE), sent.lifecycleHooks());
        assertEquals(new CanaryConfiguration(10.0, 5), sent.canaryConfiguration());
        assertEquals(ON, sent.deploymentCircuitBreaker());
    }

    @Test
    void eachBadValueIsNamedAndTheTextKept() {
        DeployStrategyViewModel m = new DeployStrategyViewModel(service(DeploymentConfiguration.defaults(), List.of(READY), "REPLICA"));
        assertEquals(Strategy.ROLLING, m.strategyProperty().get());
        m.text(Field.MINIMUM_HEALTHY).set("abc");
        assertEquals("Minimum healthy % must be a whole number, not 'abc'.", m.errorProperty(Field.MINIMUM_HEALTHY).get());
        assertFalse(m.validProperty().get());
        assertNull(m.configurationProperty().get());
        assertNull(m.planProperty().get());
        m.text(Field.MINIMUM_HEALTHY).set("120");
        assertEquals("Minimum healthy % must be between 0 and 100.", m.errorProperty(Field.MINIMUM_HEALTHY).get());
        m.text(Field.MINIMUM_HEALTHY).set("50");
        m.text(Field.MAXIMUM).set("90");
        assertEquals("", m.errorProperty(Field.MINIMUM_HEALTHY).get());
        assertEquals("Maximum % must be at least 100.", m.errorProperty(Field.MAXIMUM).get());
        m.text(Field.MAXIMUM).set("150");
        assertTrue(m.validProperty().get());

        m.strategyProperty().set(Strategy.BLUE_GREEN);
        assertEquals("Bake time (minutes) must be provided when the deployment strategy is BLUE_GREEN.", m.errorProperty(Field.BAKE).get());
        m.text(Field.BAKE).set("2000");
        assertEquals("Bake time (minutes) must be between 0 and 1440, not 2000.", m.errorProperty(Field.BAKE).get());
        assertEquals("2000", m.text(Field.BAKE).get());
        m.text(Field.BAKE).set("5");
        assertTrue(m.validProperty().get());

        m.strategyProperty().set(Strategy.CANARY);
        m.text(Field.CANARY_PERCENT).set("5.05");
        assertEquals("Canary percent must be a multiple of 0.1 from 0.1 to 100.0, not 5.05.", m.errorProperty(Field.CANARY_PERCENT).get());
        m.text(Field.CANARY_PERCENT).set("");
        assertEquals("Canary percent is required.", m.errorProperty(Field.CANARY_PERCENT).get());
        m.text(Field.CANARY_PERCENT).set("5");
        m.text(Field.CANARY_BAKE).set("1441");
        assertEquals("Canary bake (minutes) must be between 0 and 1440 minutes, not 1441.", m.errorProperty(Field.CANARY_BAKE).get());
        m.text(Field.CANARY_BAKE).set("10");

        m.strategyProperty().set(Strategy.LINEAR);
        m.text(Field.STEP_PERCENT).set("2.5");
        assertEquals("Step percent must be a multiple of 0.1 from 3.0 to 100.0, not 2.5.", m.errorProperty(Field.STEP_PERCENT).get());
        assertEquals("", m.errorProperty(Field.CANARY_PERCENT).get(), "only the chosen strategy's fields count");
        m.text(Field.STEP_PERCENT).set("20");
        m.pauseAt("POST_TEST_TRAFFIC_SHIFT").set(true);
        DeploymentConfiguration sent = m.configurationProperty().get();
        assertEquals("LINEAR", sent.strategy());
        assertEquals(new LinearConfiguration(20.0, 6), sent.linearConfiguration());
        assertNull(sent.canaryConfiguration());
        assertEquals(5, sent.bakeTimeInMinutes());
        assertEquals(List.of(new DeploymentLifecycleHook("PAUSE", null, null, List.of("POST_TEST_TRAFFIC_SHIFT"), null)), sent.lifecycleHooks());
        assertEquals(5 + 4 * 6, m.planProperty().get().fixedMinutes(), "5 steps of 20%, 4 waits of 6 min, 5 min bake");
    }

    @Test
    void aServiceWithoutTheSetUpSaysWhatIsMissingForTrafficShiftingOnly() {
        LoadBalancer plain = new LoadBalancer("arn:tg/reports", null, "app", 8080);
        DeployStrategyViewModel m = new DeployStrategyViewModel(service(DeploymentConfiguration.defaults(), List.of(plain), "REPLICA"));
        assertEquals("", m.missingSetupProperty().get());
        m.strategyProperty().set(Strategy.BLUE_GREEN);
        m.text(Field.BAKE).set("5");
        assertEquals("Blue/green moves traffic through the service's load balancer, and this service's set-up lacks what it needs: "
                + "loadBalancers[0].advancedConfiguration is missing: it needs an alternate target group, a production listener rule and a role ARN. "
                + "Rolling is available.", m.missingSetupProperty().get());
        assertFalse(m.validProperty().get());
        assertTrue(m.planProperty().get() != null, "the plan still shows what it would do");
        m.strategyProperty().set(Strategy.ROLLING);
        assertEquals("", m.missingSetupProperty().get());
        assertTrue(m.validProperty().get());
    }

    @Test
    void rollingDropsTheHooksAndADaemonCannotShiftTraffic() {
        DeploymentConfiguration canary = new DeploymentConfiguration(ON, 200, 100, "CANARY", 15, List.of(LAMBDA), null, null);
        DeployStrategyViewModel m = new DeployStrategyViewModel(service(canary, List.of(READY), "REPLICA"));
        m.strategyProperty().set(Strategy.ROLLING);
        assertEquals(List.of(), m.configurationProperty().get().lifecycleHooks(), "an empty list removes them");
        assertEquals("Rolling has no lifecycle hooks: the service's Lambda hooks (smoke at POST_SCALE_UP) and PAUSE hooks are removed.",
                m.hooksNoteProperty().get());

        DeployStrategyViewModel daemon = new DeployStrategyViewModel(service(new DeploymentConfiguration(null, 100, 0), List.of(READY), "DAEMON"));
        assertTrue(daemon.validProperty().get());
        daemon.strategyProperty().set(Strategy.BLUE_GREEN);
        daemon.text(Field.BAKE).set("5");
        assertEquals("Strategy BLUE_GREEN is not supported for services using the DAEMON scheduling strategy.",
                daemon.errorProperty(Field.STRATEGY).get());
        assertFalse(daemon.validProperty().get());
    }
}
