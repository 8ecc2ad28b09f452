package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.CanaryConfiguration;
import dev.ecsdeck.model.DeploymentCircuitBreaker;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.DeploymentLifecycleHook;
import dev.ecsdeck.model.LinearConfiguration;
import dev.ecsdeck.sim.SimApiException;
import java.util.List;
import java.util.Set;

/**
 * A service's deployment configuration as ECS takes it: defaults filled in, a partial update merged
 * over what the service has, and every documented range checked (InvalidParameterException).
 */
final class DeploymentRules {
    static final Set<String> STRATEGIES = Set.of(DeploymentConfiguration.ROLLING, DeploymentConfiguration.BLUE_GREEN,
            DeploymentConfiguration.CANARY, DeploymentConfiguration.LINEAR);
    static final Set<String> HOOK_STAGES = Set.of("RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT",
            "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT");
    private static final int MAX_BAKE_MINUTES = 1440;

    private DeploymentRules() {}

    /** A new service's configuration: ECS's defaults under what was asked. */
    static DeploymentConfiguration withDefaults(DeploymentConfiguration requested, boolean daemon) {
        DeploymentConfiguration defaults = new DeploymentConfiguration(new DeploymentCircuitBreaker(false, false), daemon ? 100 : 200,
                daemon ? 0 : 100);
        return requested == null ? defaults : merge(defaults, requested, daemon);
    }

    /** {@code update}'s members over {@code current}'s (absent ones stay), checked. */
    static DeploymentConfiguration merge(DeploymentConfiguration current, DeploymentConfiguration update, boolean daemon) {
        int max = update.maximumPercent() != null ? update.maximumPercent() : current.maximumPercentOrDefault();
        int min = update.minimumHealthyPercent() != null ? update.minimumHealthyPercent() : current.minimumHealthyPercentOrDefault();
        if (min < 0 || min > 100) {
            throw SimApiException.invalidParameter("minimumHealthyPercent must be between 0 and 100.");
        }
        if (max < 100) {
            throw SimApiException.invalidParameter("maximumPercent must be at least 100.");
        }
        if (daemon && max != 100) {
            throw SimApiException.invalidParameter("The maximumPercent value for a service using the DAEMON scheduling strategy must be 100.");
        }
        DeploymentCircuitBreaker breaker = update.deploymentCircuitBreaker() != null
                ? update.deploymentCircuitBreaker() : current.deploymentCircuitBreaker();
        String strategy = update.strategy() != null ? update.strategy() : current.strategy();
        Integer bake = update.bakeTimeInMinutes() != null ? update.bakeTimeInMinutes() : current.bakeTimeInMinutes();
        List<DeploymentLifecycleHook> hooks = update.lifecycleHooks() != null ? update.lifecycleHooks() : current.lifecycleHooks();
        boolean strategyChanged = update.strategy() != null && !update.strategy().equals(current.strategyOrDefault());
        // A strategy's own settings go with it: switching strategy drops the other one's.
        LinearConfiguration linear = update.linearConfiguration() != null ? update.linearConfiguration()
                : strategyChanged ? null : current.linearConfiguration();
        CanaryConfiguration canary = update.canaryConfiguration() != null ? update.canaryConfiguration()
                : strategyChanged ? null : current.canaryConfiguration();
        DeploymentConfiguration merged = new DeploymentConfiguration(breaker, max, min, strategy, bake, hooks, linear, canary);
        check(merged, daemon);
        return merged;
    }

    private static void check(DeploymentConfiguration c, boolean daemon) {
        String strategy = c.strategyOrDefault();
        if (!STRATEGIES.contains(strategy)) {
            throw SimApiException.invalidParameter("Invalid deployment strategy '" + strategy + "': must be one of ROLLING, BLUE_GREEN, LINEAR, CANARY.");
        }
        if (daemon && c.shiftsTraffic()) {
            throw SimApiException.invalidParameter("The " + strategy + " deployment strategy is not supported for services using the DAEMON "
                    + "scheduling strategy.");
        }
        if (c.bakeTimeInMinutes() != null && (c.bakeTimeInMinutes() < 0 || c.bakeTimeInMinutes() > MAX_BAKE_MINUTES)) {
            throw SimApiException.invalidParameter("bakeTimeInMinutes must be between 0 and 1440.");
        }
        if (DeploymentConfiguration.BLUE_GREEN.equals(strategy) && c.bakeTimeInMinutes() == null) {
            throw SimApiException.invalidParameter("bakeTimeInMinutes must be provided when the deployment strategy is BLUE_GREEN.");
        }
        if (c.linearConfiguration() != null && !DeploymentConfiguration.LINEAR.equals(strategy)) {
            throw SimApiException.invalidParameter("linearConfiguration is only valid when the deployment strategy is LINEAR.");
        }
        if (c.canaryConfiguration() != null && !DeploymentConfiguration.CANARY.equals(strategy)) {
            throw SimApiException.invalidParameter("canaryConfiguration is only valid when the deployment strategy is CANARY.");
        }
        if (c.linearConfiguration() != null) {
            LinearConfiguration l = c.linearConfiguration();
            checkPercent("linearConfiguration.stepPercent", l.stepPercentOrDefault(), 3.0);
            checkBake("linearConfiguration.stepBakeTimeInMinutes", l.stepBakeMinutesOrDefault());
        }
        if (c.canaryConfiguration() != null) {
            CanaryConfiguration k = c.canaryConfiguration();
            checkPercent("canaryConfiguration.canaryPercent", k.percentOrDefault(), 0.1);
            checkBake("canaryConfiguration.canaryBakeTimeInMinutes", k.bakeMinutesOrDefault());
        }
        List<DeploymentLifecycleHook> hooks = c.lifecycleHooksOrEmpty();
        if (!hooks.isEmpty() && !c.shiftsTraffic()) {
            throw SimApiException.invalidParameter("Lifecycle hooks are supported only for the BLUE_GREEN, LINEAR and CANARY deployment strategies.");
        }
        for (int i = 0; i < hooks.size(); i++) {
            checkHook(hooks.get(i), "lifecycleHooks[" + i + "]");
        }
    }

    private static void checkHook(DeploymentLifecycleHook h, String path) {
        String type = h.targetTypeOrDefault();
        if (!DeploymentLifecycleHook.AWS_LAMBDA.equals(type) && !DeploymentLifecycleHook.PAUSE.equals(type)) {
            throw SimApiException.invalidParameter(path + ".targetType must be AWS_LAMBDA or PAUSE, not '" + type + "'.");
        }
        if (DeploymentLifecycleHook.AWS_LAMBDA.equals(type)) {
            if (h.hookTargetArn() == null || !h.hookTargetArn().startsWith("arn:aws:lambda:")) {
                throw SimApiException.invalidParameter(path + ".hookTargetArn must be a Lambda function ARN for an AWS_LAMBDA hook.");
            }
            if (h.roleArn() == null || h.roleArn().isBlank()) {
                throw SimApiException.invalidParameter(path + ".roleArn is required for an AWS_LAMBDA hook.");
            }
        } else if (h.hookTargetArn() != null) {
            throw SimApiException.invalidParameter(path + ".hookTargetArn must not be set for a PAUSE hook.");
        }
        if (h.lifecycleStages().isEmpty()) {
            throw SimApiException.invalidParameter(path + ".lifecycleStages must name at least one stage.");
        }
        for (String stage : h.lifecycleStages()) {
            if (!HOOK_STAGES.contains(stage)) {
                throw SimApiException.invalidParameter(path + ".lifecycleStages: '" + stage + "' is not a lifecycle stage a hook can run at.");
            }
        }
        var timeout = h.timeoutConfiguration();
        if (timeout != null) {
            if (timeout.timeoutInMinutes() != null && (timeout.timeoutInMinutes() < 1 || timeout.timeoutInMinutes() > 20160)) {
                throw SimApiException.invalidParameter(path + ".timeoutConfiguration.timeoutInMinutes must be between 1 and 20160.");
            }
            if (timeout.action() != null && !"CONTINUE".equals(timeout.action()) && !"ROLLBACK".equals(timeout.action())) {
                throw SimApiException.invalidParameter(path + ".timeoutConfiguration.action must be CONTINUE or ROLLBACK.");
            }
        }
    }

    /** A percentage in multiples of 0.1 from {@code min} to 100. */
    private static void checkPercent(String name, double value, double min) {
        double tenths = value * 10;
        if (value < min || value > 100 || Math.abs(tenths - Math.rint(tenths)) > 1e-9) {
            throw SimApiException.invalidParameter(name + " must be a multiple of 0.1 from " + min + " to 100.0, not " + value + ".");
        }
    }

    private static void checkBake(String name, int minutes) {
        if (minutes < 0 || minutes > MAX_BAKE_MINUTES) {
            throw SimApiException.invalidParameter(name + " must be between 0 and 1440 minutes, not " + minutes + ".");
        }
    }
}
