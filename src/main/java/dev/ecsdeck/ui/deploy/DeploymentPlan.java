package dev.ecsdeck.ui.deploy;

import dev.ecsdeck.model.CanaryConfiguration;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.DeploymentLifecycleHook;
import dev.ecsdeck.model.LinearConfiguration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a deployment will roll out, stage by stage, with the time each is expected to take: what the
 * deploy question shows beside the diff. The stages are those ECS passes (the simulator's
 * TrafficShift follows the same order): a stage's hooks run once its work is done, the
 * PRE_PRODUCTION_TRAFFIC_SHIFT ones before any production traffic moves. Times are what the
 * configuration fixes (traffic steps, bake); task start-up and clean-up depend on the tasks, and a
 * PAUSE hook on whoever continues it.
 */
public record DeploymentPlan(String strategy, List<Step> steps) {

    /** One stage: what happens, the minutes it is set to take (null: as long as tasks take), whether it waits for a person. */
    public record Step(String stage, String description, Integer minutes, boolean waitsForYou) {
        public String asText() {
            String time = waitsForYou ? "until you continue" : minutes == null ? "as long as the tasks take" : minutesText(minutes);
            return description + " — " + time;
        }
    }

    public DeploymentPlan {
        steps = List.copyOf(steps);
    }

    /** The plan of deploying with {@code c} to a service of {@code desiredCount} tasks. */
    public static DeploymentPlan of(DeploymentConfiguration c, int desiredCount) {
        DeploymentConfiguration config = c == null ? DeploymentConfiguration.defaults() : c;
        String strategy = config.strategyOrDefault();
        List<Step> steps = new ArrayList<>();
        if (!config.shiftsTraffic()) {
            steps.add(rolling(config, desiredCount));
            return new DeploymentPlan(strategy, steps);
        }
        hooks(steps, config, "RECONCILE_SERVICE", "Reconcile the active revisions (only when more than one is active)");
        hooks(steps, config, "PRE_SCALE_UP", "Before scale-up");
        steps.add(new Step("SCALE_UP", "Scale up: start " + tasks(desiredCount) + " of the new revision beside the old ones", null, false));
        hooks(steps, config, "POST_SCALE_UP", "After scale-up");
        steps.add(new Step("TEST_TRAFFIC_SHIFT", "Test traffic: all of it to the new revision", 0, false));
        hooks(steps, config, "TEST_TRAFFIC_SHIFT", "At the test traffic shift");
        hooks(steps, config, "POST_TEST_TRAFFIC_SHIFT", "After test traffic");
        hooks(steps, config, "PRE_PRODUCTION_TRAFFIC_SHIFT", "Before production traffic");
        steps.add(production(config));
        hooks(steps, config, "PRODUCTION_TRAFFIC_SHIFT", "At the production traffic shift");
        hooks(steps, config, "POST_PRODUCTION_TRAFFIC_SHIFT", "After production traffic");
        int bake = config.bakeTimeInMinutes() == null ? 0 : config.bakeTimeInMinutes();
        steps.add(new Step("BAKE_TIME", bake == 0 ? "Bake: none, the old revision goes at once" : "Bake: both revisions run for " + minutesText(bake),
                bake, false));
        steps.add(new Step("CLEAN_UP", "Clean up: the old revision scaled to 0", null, false));
        return new DeploymentPlan(strategy, steps);
    }

    private static Step rolling(DeploymentConfiguration c, int desired) {
        int min = c.minimumHealthyPercentOrDefault();
        int max = c.maximumPercentOrDefault();
        int keep = (int) Math.ceil(desired * min / 100.0); // ECS rounds the minimum up, the maximum down
        int most = (int) Math.floor(desired * max / 100.0);
        String text;
        if (desired > 0 && most <= desired && keep >= desired) {
            text = "Rolling update: with " + min + "% minimum healthy and " + max + "% maximum of " + tasks(desired)
                    + ", no task may start first and none may stop first: the deployment cannot replace any task";
        } else {
            text = "Rolling update: replace " + tasks(desired) + ", keeping at least " + keep + " healthy (" + min + "%) and at most "
                    + most + " running (" + max + "%)";
        }
        if (c.circuitBreakerEnabled()) {
            text += "; circuit breaker on" + (c.rollbackEnabled() ? ", with rollback" : "");
        }
        if (c.alarmsEnabled()) {
            text += "; alarm" + (c.alarms().alarmNames().size() == 1 ? " " : "s ") + String.join(", ", c.alarms().alarmNames())
                    + " watched until the tasks are steady and a while after" + (c.alarms().rollback() ? ", rolling back on ALARM" : ", failing it on ALARM");
        }
        return new Step("ROLLING", text, null, false);
    }

    private static Step production(DeploymentConfiguration c) {
        switch (c.strategyOrDefault()) {
            case DeploymentConfiguration.CANARY -> {
                CanaryConfiguration k = c.canaryConfiguration() == null ? new CanaryConfiguration(null, null) : c.canaryConfiguration();
                if (k.percentOrDefault() >= 100) {
                    return new Step("PRODUCTION_TRAFFIC_SHIFT", "Production traffic: 100% at once", 0, false);
                }
                return new Step("PRODUCTION_TRAFFIC_SHIFT", "Production traffic: canary " + percent(k.percentOrDefault()) + "% → wait "
                        + minutesText(k.bakeMinutesOrDefault()) + " → 100%", k.bakeMinutesOrDefault(), false);
            }
            case DeploymentConfiguration.LINEAR -> {
                LinearConfiguration l = c.linearConfiguration() == null ? new LinearConfiguration(null, null) : c.linearConfiguration();
                int steps = linearSteps(l.stepPercentOrDefault());
                int minutes = (steps - 1) * l.stepBakeMinutesOrDefault(); // no wait after the step that reaches 100%
                return new Step("PRODUCTION_TRAFFIC_SHIFT", "Production traffic: " + percent(l.stepPercentOrDefault()) + "% more every "
                        + minutesText(l.stepBakeMinutesOrDefault()) + ", " + steps + (steps == 1 ? " step" : " steps") + " to 100%", minutes, false);
            }
            default -> {
                return new Step("PRODUCTION_TRAFFIC_SHIFT", "Production traffic: all of it at once", 0, false);
            }
        }
    }

    /** How many shifts of {@code stepPercent} (in tenths, as ECS counts) reach 100%. */
    static int linearSteps(double stepPercent) {
        long tenths = Math.max(1, Math.round(stepPercent * 10));
        return (int) ((1000 + tenths - 1) / tenths);
    }

    private static void hooks(List<Step> steps, DeploymentConfiguration c, String stage, String when) {
        for (DeploymentLifecycleHook h : c.lifecycleHooksOrEmpty()) {
            if (!h.lifecycleStages().contains(stage)) {
                continue;
            }
            if (DeploymentLifecycleHook.PAUSE.equals(h.targetTypeOrDefault())) {
                var t = h.timeoutConfiguration();
                String timeout = t == null || t.timeoutInMinutes() == null ? ""
                        : " (at most " + minutesText(t.timeoutInMinutes()) + ", then " + (t.action() == null ? "ROLLBACK" : t.action()) + ")";
                steps.add(new Step(stage, when + ": PAUSE, waits for you to continue or roll back" + timeout, null, true));
            } else {
                String arn = h.hookTargetArn() == null ? "" : h.hookTargetArn();
                steps.add(new Step(stage, when + ": Lambda hook " + arn.substring(arn.lastIndexOf(':') + 1) + " runs", null, false));
            }
        }
    }

    /** The minutes the configuration fixes (traffic steps and bake), without task start-up or pauses. */
    public int fixedMinutes() {
        return steps.stream().filter(s -> s.minutes() != null).mapToInt(Step::minutes).sum();
    }

    public long pauses() {
        return steps.stream().filter(Step::waitsForYou).count();
    }

    /** The expected time in all: "37 min, plus task start-up and clean-up, plus 1 pause that waits for you". */
    public String totalText() {
        StringBuilder b = new StringBuilder();
        boolean rolling = steps.size() == 1 && "ROLLING".equals(steps.get(0).stage());
        b.append(rolling ? "As long as the tasks take to start and pass their health checks"
                : minutesText(fixedMinutes()) + ", plus task start-up and clean-up");
        long p = pauses();
        if (p > 0) {
            b.append(", plus ").append(p).append(p == 1 ? " pause that waits" : " pauses that wait").append(" for you");
        }
        return b.toString();
    }

    /** The numbered stages and the total, one a line. */
    public String asText() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            b.append(i + 1).append(". ").append(steps.get(i).asText()).append('\n');
        }
        return b.append("In all: ").append(totalText()).append('.').toString();
    }

    static String minutesText(int minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    private static String percent(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    private static String tasks(int n) {
        return n + (n == 1 ? " task" : " tasks");
    }
}
