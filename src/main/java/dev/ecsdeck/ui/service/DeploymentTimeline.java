package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.CanaryConfiguration;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.LinearConfiguration;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeployment.DeploymentLifecycleHookDetail;
import dev.ecsdeck.model.ServiceDeployment.ServiceRevisionSummary;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.ui.common.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * What the timeline of one service deployment shows, worked out from the deployment, its
 * strategy and the time now (no JavaFX): the steps of its strategy (done, current, to come), its
 * hooks, the bake-time countdown and the traffic split. Stage times come from the service's events
 * where the backend writes them ("entered lifecycle stage …"); without them a step shows no time.
 *
 * @param title      "Canary deployment checkout:1 → checkout:2"
 * @param status     the deployment's status, and its stage while it runs
 * @param reason     why it ended or rolls back, or empty
 * @param countdown  "Bake time: 42:10 left", "Next traffic shift in 3:20", or empty
 * @param trafficCaption what the bars show: traffic now, or where it was left; empty without bars
 * @param alarms     the deployment alarms' watch: "Watching alarms: checkout-cpu-high", or empty
 */
public record DeploymentTimeline(String deploymentArn, String title, String status, String reason, boolean inFlight,
        String sourceArn, String targetArn, String sourceLabel, String targetLabel, List<Step> steps, List<Hook> hooks,
        String countdown, String trafficCaption, List<Traffic> traffic, String alarms) {

    /** The stages of a traffic-shifting deployment, in order (ECS API model, DeploymentLifecycleHookStage). */
    static final List<String> STAGES = List.of("RECONCILE_SERVICE", "PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT",
            "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP");
    private static final Set<String> ROLLING_BACK = Set.of("ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "STOP_REQUESTED");

    public enum StepState { DONE, CURRENT, TO_COME, STOPPED, NOT_REACHED }

    /** One step: "Scale up", its state, and a detail ("08:55:00", "since 08:57:04", "10% for 5 min, then the rest"). */
    public record Step(String name, StepState state, String detail) {}

    /** A lifecycle hook: "Pause hook: awaiting action, expires in 23 h 59 min"; {@code awaitingAction} when Continue/Roll back apply. */
    public record Hook(String hookId, String text, boolean awaitingAction) {}

    /** One revision's share of a listener's traffic, in percent. */
    public record Share(String revision, double percent) {}

    /** The split of one listener ("Production", "Test") between the revisions. */
    public record Traffic(String listener, List<Share> shares) {
        /** "web:5 95% · web:6 5%". */
        public String label() {
            return String.join(" · ", shares.stream().map(s -> s.revision() + " " + percent(s.percent())).toList());
        }
    }

    public DeploymentTimeline {
        steps = List.copyOf(steps);
        hooks = List.copyOf(hooks);
        traffic = List.copyOf(traffic);
    }

    /** Whether the deployment is still under way (not SUCCESSFUL, STOPPED or rolled back). */
    static boolean inFlight(String status) {
        return ServiceDeployment.inFlight(status);
    }

    /**
     * The timeline of {@code d} at {@code now}; {@code label} names a service revision ARN
     * ("checkout:2"); {@code events} are the service's, newest first (times of stages and shifts).
     */
    public static DeploymentTimeline of(ServiceDeployment d, Function<String, String> label, List<ServiceEvent> events, Instant now) {
        DeploymentConfiguration config = d.deploymentConfiguration() == null ? DeploymentConfiguration.defaults() : d.deploymentConfiguration();
        ServiceRevisionSummary source = d.sourceServiceRevisions().isEmpty() ? null : d.sourceServiceRevisions().get(0);
        ServiceRevisionSummary target = d.targetServiceRevision();
        String sourceLabel = source == null ? "—" : label.apply(source.arn());
        String targetLabel = target == null ? "?" : label.apply(target.arn());
        boolean inFlight = inFlight(d.status());
        StageTimes times = new StageTimes(d.serviceDeploymentArn(), events == null ? List.of() : events);
        String title = strategyName(config.strategyOrDefault()) + " deployment " + (source == null ? "of " + targetLabel
                : sourceLabel + " → " + targetLabel);
        String status = d.status() + (inFlight && d.lifecycleStage() != null ? " · " + stageName(d.lifecycleStage()) : "");
        List<Step> steps = config.shiftsTraffic() ? stageSteps(d, config, times, d.sourceServiceRevisions().size() > 1)
                : rollingSteps(d, source, target, sourceLabel, targetLabel);
        List<Hook> hooks = d.lifecycleHookDetails().stream().map(h -> hook(h, inFlight, now)).toList();
        String countdown = inFlight ? countdown(d, config, times, now) : "";
        List<Traffic> traffic = config.shiftsTraffic() ? traffic(d, source, target, sourceLabel, targetLabel) : List.of();
        String caption = traffic.isEmpty() ? "" : inFlight ? "Traffic now" : "Traffic when the deployment ended";
        return new DeploymentTimeline(d.serviceDeploymentArn(), title, status, reason(d), inFlight, source == null ? null : source.arn(),
                target == null ? null : target.arn(), sourceLabel, targetLabel, steps, hooks, countdown, caption, traffic, watch(d));
    }

    private static List<Step> stageSteps(ServiceDeployment d, DeploymentConfiguration config, StageTimes times, boolean reconciles) {
        List<String> stages = new ArrayList<>(STAGES);
        if (!reconciles && !"RECONCILE_SERVICE".equals(d.lifecycleStage())) {
            stages.remove("RECONCILE_SERVICE"); // ECS reconciles only when more than one revision runs
        }
        int current = stages.indexOf(d.lifecycleStage());
        boolean succeeded = "SUCCESSFUL".equals(d.status());
        boolean going = inFlight(d.status()) && !ROLLING_BACK.contains(d.status());
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            String stage = stages.get(i);
            Instant entered = times.entered(stage);
            StepState state;
            String detail;
            if (succeeded || i < current) {
                state = StepState.DONE;
                detail = entered == null ? "" : TimeFormat.clock(entered);
            } else if (i == current) {
                state = going ? StepState.CURRENT : StepState.STOPPED;
                detail = entered == null ? "" : "since " + TimeFormat.clock(entered);
            } else {
                state = going ? StepState.TO_COME : StepState.NOT_REACHED;
                detail = "";
            }
            String plan = plan(stage, config);
            if (!plan.isEmpty() && state != StepState.DONE) {
                detail = detail.isEmpty() ? plan : detail + " · " + plan;
            }
            steps.add(new Step(stageName(stage), state, detail));
        }
        return steps;
    }

    /** What a stage does under this configuration, where that is worth saying. */
    private static String plan(String stage, DeploymentConfiguration config) {
        if ("PRODUCTION_TRAFFIC_SHIFT".equals(stage)) {
            return switch (config.strategyOrDefault()) {
                case DeploymentConfiguration.CANARY -> {
                    CanaryConfiguration c = config.canaryConfiguration() == null ? new CanaryConfiguration(null, null) : config.canaryConfiguration();
                    yield percent(c.percentOrDefault()) + " for " + c.bakeMinutesOrDefault() + " min, then the rest";
                }
                case DeploymentConfiguration.LINEAR -> {
                    LinearConfiguration l = config.linearConfiguration() == null ? new LinearConfiguration(null, null) : config.linearConfiguration();
                    yield percent(l.stepPercentOrDefault()) + " more every " + l.stepBakeMinutesOrDefault() + " min";
                }
                default -> "all at once";
            };
        }
        if ("BAKE_TIME".equals(stage)) {
            return bakeMinutes(config) + " min";
        }
        return "";
    }

    private static List<Step> rollingSteps(ServiceDeployment d, ServiceRevisionSummary source, ServiceRevisionSummary target, String sourceLabel,
            String targetLabel) {
        if (!inFlight(d.status())) {
            StepState state = "SUCCESSFUL".equals(d.status()) ? StepState.DONE : StepState.NOT_REACHED;
            List<Step> steps = new ArrayList<>(List.of(new Step("Start " + targetLabel + " tasks", state, ""),
                    new Step(targetLabel + " tasks running", state, "")));
            if (source != null) {
                steps.add(new Step("Stop " + sourceLabel + " tasks", state, ""));
            }
            return steps;
        }
        int requested = count(target == null ? null : target.requestedTaskCount());
        int running = count(target == null ? null : target.runningTaskCount());
        int started = running + count(target == null ? null : target.pendingTaskCount());
        List<Step> steps = new ArrayList<>();
        boolean allStarted = started >= requested;
        boolean allRunning = running >= requested;
        steps.add(new Step("Start " + targetLabel + " tasks", allStarted ? StepState.DONE : StepState.CURRENT, started + " of " + requested
                + " started"));
        steps.add(new Step(targetLabel + " tasks running", allRunning ? StepState.DONE : allStarted ? StepState.CURRENT : StepState.TO_COME,
                running + " of " + requested + " running"));
        if (source != null) {
            int old = d.sourceServiceRevisions().stream().mapToInt(s -> count(s.runningTaskCount())).sum();
            steps.add(new Step("Stop " + sourceLabel + " tasks", old == 0 ? StepState.DONE : allRunning ? StepState.CURRENT : StepState.TO_COME,
                    old == 0 ? "all stopped" : old + " still running"));
        }
        return steps;
    }

    private static Hook hook(DeploymentLifecycleHookDetail h, boolean inFlight, Instant now) {
        boolean pause = "PAUSE".equals(h.targetType());
        String who = pause ? "Pause hook" : "Lambda hook" + (h.targetArn() == null ? "" : " " + function(h.targetArn()));
        String status = h.status() == null ? "" : h.status();
        boolean open = "AWAITING_ACTION".equals(status) || "IN_PROGRESS".equals(status);
        String text = switch (status) {
            case "AWAITING_ACTION" -> "awaiting action";
            case "IN_PROGRESS" -> "running";
            case "SUCCEEDED" -> "succeeded";
            case "FAILED" -> "failed";
            case "TIMED_OUT" -> "timed out";
            default -> status.toLowerCase(Locale.ROOT);
        };
        if (open && inFlight) {
            String then = h.timeoutAction() == null ? "" : " (then " + h.timeoutAction().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
            text += h.expiresAt() == null ? ", no time-out" : ", expires in " + expiresIn(Duration.between(now, h.expiresAt())) + then;
        }
        return new Hook(h.hookId(), who + ": " + text, pause && inFlight && "AWAITING_ACTION".equals(status));
    }

    private static String countdown(ServiceDeployment d, DeploymentConfiguration config, StageTimes times, Instant now) {
        if ("BAKE_TIME".equals(d.lifecycleStage())) {
            Instant since = times.entered("BAKE_TIME");
            if (since == null) {
                since = d.updatedAt(); // nothing else changes a deployment once it bakes
            }
            if (since == null) {
                return "Bake time: " + bakeMinutes(config) + " min";
            }
            Duration left = Duration.between(now, since.plus(Duration.ofMinutes(bakeMinutes(config))));
            return left.isNegative() || left.isZero() ? "Bake time over: cleaning up next" : "Bake time: " + clock(left) + " left";
        }
        if ("PRODUCTION_TRAFFIC_SHIFT".equals(d.lifecycleStage()) && d.targetServiceRevision() != null) {
            Double moved = d.targetServiceRevision().requestedProductionTrafficWeight();
            Instant shifted = times.lastShift();
            int minutes = switch (config.strategyOrDefault()) {
                case DeploymentConfiguration.CANARY -> config.canaryConfiguration() == null ? CanaryConfiguration.DEFAULT_BAKE_MINUTES
                        : config.canaryConfiguration().bakeMinutesOrDefault();
                case DeploymentConfiguration.LINEAR -> config.linearConfiguration() == null ? LinearConfiguration.DEFAULT_STEP_BAKE_MINUTES
                        : config.linearConfiguration().stepBakeMinutesOrDefault();
                default -> 0;
            };
            if (moved != null && moved > 0 && moved < 100 && shifted != null && minutes > 0) {
                Duration left = Duration.between(now, shifted.plus(Duration.ofMinutes(minutes)));
                return left.isNegative() || left.isZero() ? "Next traffic shift due now" : "Next traffic shift in " + clock(left);
            }
        }
        return "";
    }

    private static List<Traffic> traffic(ServiceDeployment d, ServiceRevisionSummary source, ServiceRevisionSummary target, String sourceLabel,
            String targetLabel) {
        if (target == null) {
            return List.of();
        }
        if (inFlight(d.status()) && target.requestedProductionTrafficWeight() != null) {
            List<Traffic> bars = new ArrayList<>();
            bars.add(new Traffic("Production", shares(source, sourceLabel, source == null ? null : source.requestedProductionTrafficWeight(),
                    targetLabel, target.requestedProductionTrafficWeight())));
            if (target.requestedTestTrafficWeight() != null) {
                bars.add(new Traffic("Test", shares(source, sourceLabel, source == null ? null : source.requestedTestTrafficWeight(), targetLabel,
                        target.requestedTestTrafficWeight())));
            }
            return bars;
        }
        // Once over, ECS no longer reports weights: where production traffic was left follows from how it ended.
        return switch (d.status()) {
            case "SUCCESSFUL" -> List.of(new Traffic("Production", shares(source, sourceLabel, 0.0, targetLabel, 100.0)));
            case "ROLLBACK_SUCCESSFUL" -> List.of(new Traffic("Production", shares(source, sourceLabel, 100.0, targetLabel, 0.0)));
            default -> List.of();
        };
    }

    private static List<Share> shares(ServiceRevisionSummary source, String sourceLabel, Double sourceWeight, String targetLabel,
            double targetWeight) {
        List<Share> shares = new ArrayList<>();
        if (source != null) {
            shares.add(new Share(sourceLabel, sourceWeight == null ? Math.max(0, 100 - targetWeight) : sourceWeight));
        }
        shares.add(new Share(targetLabel, targetWeight));
        return shares;
    }

    /**
     * Why the deployment ended or rolls back, in words: the deployment alarms that went to ALARM, the
     * circuit breaker, a user's stop, a hook, else what ECS says (the rollback's reason, then the status reason).
     */
    public static String reason(ServiceDeployment d) {
        List<String> why = new ArrayList<>();
        var alarms = d.alarms();
        if (alarms != null && "TRIGGERED".equals(alarms.status())) {
            why.add(alarmReason(d.status(), alarms.triggeredAlarmNames().isEmpty() ? null : alarms.triggeredAlarmNames()));
        }
        var breaker = d.deploymentCircuitBreaker();
        if (breaker != null && "TRIGGERED".equals(breaker.status())) {
            why.add("Circuit breaker: " + count(breaker.failureCount()) + " failed tasks (threshold " + count(breaker.threshold()) + ")");
        }
        if (!why.isEmpty()) {
            return String.join("; ", why);
        }
        return readable(d.rollback() != null && d.rollback().reason() != null ? d.rollback().reason() : d.statusReason());
    }

    /** "Rolled back: alarm checkout-cpu-high went to ALARM", by the deployment's status; {@code names} null when ECS did not say which. */
    static String alarmReason(String status, List<String> names) {
        String what = names == null ? "a deployment alarm went to ALARM"
                : (names.size() == 1 ? "alarm " : "alarms ") + String.join(", ", names) + " went to ALARM";
        return switch (status == null ? "" : status) {
            case "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS" -> "Rolling back: " + what;
            case "ROLLBACK_SUCCESSFUL" -> "Rolled back: " + what;
            case "ROLLBACK_FAILED" -> "Rollback failed after " + what;
            default -> "Stopped: " + what;
        };
    }

    /** The deployment alarms' watch while it lasts, and that it ended quietly; empty when no alarms watch the deployment. */
    static String watch(ServiceDeployment d) {
        var alarms = d.alarms();
        if (alarms == null || alarms.alarmNames().isEmpty()) {
            return "";
        }
        String names = String.join(", ", alarms.alarmNames());
        return switch (alarms.status() == null ? "" : alarms.status()) {
            case "MONITORING" -> "Watching alarms: " + names;
            case "MONITORING_COMPLETE" -> "Alarms watched: " + names + " (none went to ALARM)";
            case "TRIGGERED" -> "Alarms watched: " + names;
            default -> ""; // DISABLED: nothing watched
        };
    }

    /** ECS's reason with its API names turned into what the user did. */
    static String readable(String why) {
        if (why == null || why.isBlank()) {
            return "";
        }
        if (why.contains("StopServiceDeployment")) {
            return "Stopped by a user (roll back)";
        }
        if (why.contains("ContinueServiceDeployment")) {
            return "Rolled back by a user at a lifecycle hook";
        }
        return why;
    }

    static String strategyName(String strategy) {
        return switch (strategy) {
            case DeploymentConfiguration.BLUE_GREEN -> "Blue/green";
            case DeploymentConfiguration.CANARY -> "Canary";
            case DeploymentConfiguration.LINEAR -> "Linear";
            default -> "Rolling";
        };
    }

    /** "POST_TEST_TRAFFIC_SHIFT" as "Post test traffic shift". */
    static String stageName(String stage) {
        return dev.ecsdeck.model.DeploymentLifecycleHook.stageInWords(stage);
    }

    /** "5%", "33.3%". */
    static String percent(double p) {
        double rounded = Math.round(p * 10) / 10.0;
        return (rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded)) + "%";
    }

    /** A countdown: "42:10", "1:02:10". */
    static String clock(Duration d) {
        long s = Math.max(0, d.getSeconds() + (d.getNano() > 0 ? 1 : 0));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** A time-out far off: "23 h 59 min", "5 min", "less than a minute". */
    static String expiresIn(Duration d) {
        long m = Math.max(0, d.toMinutes());
        if (m == 0) {
            return "less than a minute";
        }
        return m >= 60 ? m / 60 + " h " + m % 60 + " min" : m + " min";
    }

    private static int bakeMinutes(DeploymentConfiguration config) {
        return config.bakeTimeInMinutes() == null ? 0 : config.bakeTimeInMinutes();
    }

    private static int count(Integer n) {
        return n == null ? 0 : n;
    }

    private static String function(String arn) {
        int at = arn.lastIndexOf(":function:");
        return at < 0 ? arn : arn.substring(at + ":function:".length());
    }

    /** When this deployment entered each stage and last shifted traffic, as the service's events say. */
    private record StageTimes(String deploymentArn, List<ServiceEvent> events) {
        private String tag() {
            return "(service-deployment " + deploymentArn.substring(deploymentArn.lastIndexOf('/') + 1) + ")";
        }

        Instant entered(String stage) {
            String wanted = tag() + " entered lifecycle stage " + stage + ".";
            return events.stream().filter(e -> e.message() != null && e.message().contains(wanted)).map(ServiceEvent::createdAt).findFirst()
                    .orElse(null);
        }

        Instant lastShift() {
            String tag = tag();
            return events.stream().filter(e -> e.message() != null && e.message().contains(tag) && e.message().contains("of production traffic"))
                    .map(ServiceEvent::createdAt).findFirst().orElse(null);
        }
    }
}
