package dev.ecsdeck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The documented ranges of a service's deployment configuration, in one place: the simulator
 * refuses a configuration that breaks one (InvalidParameterException), and the console says so
 * before it calls. Each problem names the API field it is about, so a form can put it beside the
 * control that sets that field.
 */
public final class DeploymentConfigurationRules {
    public static final int MAX_BAKE_MINUTES = 1440;
    public static final double MIN_CANARY_PERCENT = 0.1;
    public static final double MIN_STEP_PERCENT = 3.0;
    public static final int MAX_HOOK_TIMEOUT_MINUTES = 20160;
    public static final Set<String> STRATEGIES = Set.of(DeploymentConfiguration.ROLLING, DeploymentConfiguration.BLUE_GREEN,
            DeploymentConfiguration.CANARY, DeploymentConfiguration.LINEAR);
    /** The lifecycle stages a hook can run at (the API model's DeploymentLifecycleHookStage), in the order a deployment passes them. */
    public static final List<String> HOOK_STAGES = List.of("RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT",
            "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT");

    /** One broken rule: the API field ({@code canaryConfiguration.canaryPercent}) and what is wrong, written to follow the field's name. */
    public record Problem(String field, String rule) {
        /** The field's API name and the rule, as the API says it. */
        public String message() {
            return field + " " + rule;
        }
    }

    private DeploymentConfigurationRules() {}

    /** Every rule the configuration (as the service will have it, defaults filled in) breaks; empty when ECS would take it. */
    public static List<Problem> problems(DeploymentConfiguration c, boolean daemon) {
        List<Problem> found = new ArrayList<>();
        int min = c.minimumHealthyPercentOrDefault();
        int max = c.maximumPercentOrDefault();
        if (min < 0 || min > 100) {
            found.add(new Problem("minimumHealthyPercent", "must be between 0 and 100."));
        }
        if (max < 100) {
            found.add(new Problem("maximumPercent", "must be at least 100."));
        }
        if (daemon && max != 100) {
            found.add(new Problem("maximumPercent", "must be 100 for a service using the DAEMON scheduling strategy."));
        }
        String strategy = c.strategyOrDefault();
        if (!STRATEGIES.contains(strategy)) {
            found.add(new Problem("strategy", "'" + strategy + "' is not a deployment strategy: it must be one of ROLLING, BLUE_GREEN, LINEAR, CANARY."));
            return found;
        }
        if (daemon && c.shiftsTraffic()) {
            found.add(new Problem("strategy", strategy + " is not supported for services using the DAEMON scheduling strategy."));
        }
        if (c.bakeTimeInMinutes() != null && (c.bakeTimeInMinutes() < 0 || c.bakeTimeInMinutes() > MAX_BAKE_MINUTES)) {
            found.add(new Problem("bakeTimeInMinutes", "must be between 0 and 1440, not " + c.bakeTimeInMinutes() + "."));
        }
        if (DeploymentConfiguration.BLUE_GREEN.equals(strategy) && c.bakeTimeInMinutes() == null) {
            found.add(new Problem("bakeTimeInMinutes", "must be provided when the deployment strategy is BLUE_GREEN."));
        }
        if (c.linearConfiguration() != null && !DeploymentConfiguration.LINEAR.equals(strategy)) {
            found.add(new Problem("linearConfiguration", "is only valid when the deployment strategy is LINEAR."));
        }
        if (c.canaryConfiguration() != null && !DeploymentConfiguration.CANARY.equals(strategy)) {
            found.add(new Problem("canaryConfiguration", "is only valid when the deployment strategy is CANARY."));
        }
        if (c.linearConfiguration() != null) {
            LinearConfiguration l = c.linearConfiguration();
            percent(found, "linearConfiguration.stepPercent", l.stepPercentOrDefault(), MIN_STEP_PERCENT);
            bake(found, "linearConfiguration.stepBakeTimeInMinutes", l.stepBakeMinutesOrDefault());
        }
        if (c.canaryConfiguration() != null) {
            CanaryConfiguration k = c.canaryConfiguration();
            percent(found, "canaryConfiguration.canaryPercent", k.percentOrDefault(), MIN_CANARY_PERCENT);
            bake(found, "canaryConfiguration.canaryBakeTimeInMinutes", k.bakeMinutesOrDefault());
        }
        List<DeploymentLifecycleHook> hooks = c.lifecycleHooksOrEmpty();
        if (!hooks.isEmpty() && !c.shiftsTraffic()) {
            found.add(new Problem("lifecycleHooks", "are supported only for the BLUE_GREEN, LINEAR and CANARY deployment strategies."));
        }
        for (int i = 0; i < hooks.size(); i++) {
            hook(found, hooks.get(i), "lifecycleHooks[" + i + "]");
        }
        return found;
    }

    private static void hook(List<Problem> found, DeploymentLifecycleHook h, String path) {
        String type = h.targetTypeOrDefault();
        if (!DeploymentLifecycleHook.AWS_LAMBDA.equals(type) && !DeploymentLifecycleHook.PAUSE.equals(type)) {
            found.add(new Problem(path + ".targetType", "must be AWS_LAMBDA or PAUSE, not '" + type + "'."));
        } else if (DeploymentLifecycleHook.AWS_LAMBDA.equals(type)) {
            if (h.hookTargetArn() == null || !h.hookTargetArn().startsWith("arn:aws:lambda:")) {
                found.add(new Problem(path + ".hookTargetArn", "must be a Lambda function ARN for an AWS_LAMBDA hook."));
            }
            if (h.roleArn() == null || h.roleArn().isBlank()) {
                found.add(new Problem(path + ".roleArn", "is required for an AWS_LAMBDA hook."));
            }
        } else if (h.hookTargetArn() != null) {
            found.add(new Problem(path + ".hookTargetArn", "must not be set for a PAUSE hook."));
        }
        if (h.lifecycleStages().isEmpty()) {
            found.add(new Problem(path + ".lifecycleStages", "must name at least one stage."));
        }
        for (String stage : h.lifecycleStages()) {
            if (!HOOK_STAGES.contains(stage)) {
                found.add(new Problem(path + ".lifecycleStages", "has '" + stage + "', which is not a lifecycle stage a hook can run at."));
            }
        }
        var timeout = h.timeoutConfiguration();
        if (timeout != null) {
            Integer minutes = timeout.timeoutInMinutes();
            if (minutes != null && (minutes < 1 || minutes > MAX_HOOK_TIMEOUT_MINUTES)) {
                found.add(new Problem(path + ".timeoutConfiguration.timeoutInMinutes", "must be between 1 and 20160."));
            }
            if (timeout.action() != null && !"CONTINUE".equals(timeout.action()) && !"ROLLBACK".equals(timeout.action())) {
                found.add(new Problem(path + ".timeoutConfiguration.action", "must be CONTINUE or ROLLBACK."));
            }
        }
    }

    /** A percentage in multiples of 0.1 from {@code min} to 100. */
    private static void percent(List<Problem> found, String field, double value, double min) {
        double tenths = value * 10;
        if (value < min || value > 100 || Math.abs(tenths - Math.rint(tenths)) > 1e-9) {
            found.add(new Problem(field, "must be a multiple of 0.1 from " + min + " to 100.0, not " + value + "."));
        }
    }

    private static void bake(List<Problem> found, String field, int minutes) {
        if (minutes < 0 || minutes > MAX_BAKE_MINUTES) {
            found.add(new Problem(field, "must be between 0 and 1440 minutes, not " + minutes + "."));
        }
    }

    /**
     * What the service's load balancers lack for a blue/green, canary or linear deployment: a load
     * balancer at all, and on each an advanced configuration with an alternate target group, a
     * production listener rule and a role. Empty when nothing is missing.
     */
    public static List<Problem> trafficShiftSetupMissing(List<LoadBalancer> balancers) {
        List<Problem> found = new ArrayList<>();
        if (balancers == null || balancers.isEmpty()) {
            found.add(new Problem("loadBalancers", "is empty: traffic-shifting deployments need a load balancer with an advancedConfiguration "
                    + "(alternate target group, production listener rule and role ARN)."));
            return found;
        }
        for (int i = 0; i < balancers.size(); i++) {
            AdvancedConfiguration a = balancers.get(i).advancedConfiguration();
            String where = "loadBalancers[" + i + "]";
            if (a == null) {
                found.add(new Problem(where + ".advancedConfiguration", "is missing: it needs an alternate target group, a production listener rule "
                        + "and a role ARN."));
                continue;
            }
            List<String> missing = new ArrayList<>();
            if (a.alternateTargetGroupArn() == null) {
                missing.add("alternateTargetGroupArn");
            }
            if (a.productionListenerRule() == null) {
                missing.add("productionListenerRule");
            }
            if (a.roleArn() == null) {
                missing.add("roleArn");
            }
            if (!missing.isEmpty()) {
                found.add(new Problem(where + ".advancedConfiguration", "lacks " + String.join(", ", missing) + "."));
            }
        }
        return found;
    }
}
