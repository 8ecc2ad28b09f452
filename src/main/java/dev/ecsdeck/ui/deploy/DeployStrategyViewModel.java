package dev.ecsdeck.ui.deploy;

import dev.ecsdeck.model.CanaryConfiguration;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.DeploymentConfigurationRules;
import dev.ecsdeck.model.DeploymentLifecycleHook;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.LinearConfiguration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The strategy a deploy uses, as the user sets it: Rolling (minimum healthy %, maximum %),
 * Blue/green (bake time), Canary (percent, canary bake, bake time) or Linear (step percent, step
 * bake, bake time), and PAUSE hooks at chosen lifecycle stages. It starts from the service's
 * configuration, checks every value against the documented ranges as it is typed (the rules the
 * simulator enforces too), says what the service's load balancer lacks for a traffic-shifting
 * strategy, and gives the configuration to send and its plan. The typed text is kept as typed.
 */
public final class DeployStrategyViewModel {

    /** The strategies, as offered. */
    public enum Strategy {
        ROLLING(DeploymentConfiguration.ROLLING, "Rolling"),
        BLUE_GREEN(DeploymentConfiguration.BLUE_GREEN, "Blue/green"),
        CANARY(DeploymentConfiguration.CANARY, "Canary"),
        LINEAR(DeploymentConfiguration.LINEAR, "Linear");

        public final String apiName;
        public final String label;

        Strategy(String apiName, String label) {
            this.apiName = apiName;
            this.label = label;
        }

        static Strategy of(String apiName) {
            for (Strategy s : values()) {
                if (s.apiName.equals(apiName)) {
                    return s;
                }
            }
            return ROLLING;
        }

        public boolean shiftsTraffic() {
            return this != ROLLING;
        }
    }

    /** The fields of the form, each with the label it shows and the API field it sets. */
    public enum Field {
        STRATEGY("Strategy", "strategy"),
        MINIMUM_HEALTHY("Minimum healthy %", "minimumHealthyPercent"),
        MAXIMUM("Maximum %", "maximumPercent"),
        BAKE("Bake time (minutes)", "bakeTimeInMinutes"),
        CANARY_PERCENT("Canary percent", "canaryConfiguration.canaryPercent"),
        CANARY_BAKE("Canary bake (minutes)", "canaryConfiguration.canaryBakeTimeInMinutes"),
        STEP_PERCENT("Step percent", "linearConfiguration.stepPercent"),
        STEP_BAKE("Step bake (minutes)", "linearConfiguration.stepBakeTimeInMinutes"),
        HOOKS("Pause at", "lifecycleHooks");

        public final String label;
        final String apiField;

        Field(String label, String apiField) {
            this.label = label;
            this.apiField = apiField;
        }

        static Field of(String apiField) {
            for (Field f : values()) {
                if (apiField.equals(f.apiField) || apiField.startsWith(f.apiField + "[") || apiField.startsWith(f.apiField + ".")) {
                    return f;
                }
            }
            return STRATEGY;
        }
    }

    /** What each lifecycle stage a PAUSE hook can hold means, in the order a deployment passes them. */
    public static final Map<String, String> PAUSE_STAGES = pauseStages();

    private final EcsService service;
    private final DeploymentConfiguration current;
    private final boolean daemon;
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>();
    private final Map<Field, StringProperty> texts = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final Map<String, BooleanProperty> pauseAt = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper missingSetup = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hooksNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<DeploymentConfiguration> configuration = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DeploymentPlan> plan = new ReadOnlyObjectWrapper<>();

    public DeployStrategyViewModel(EcsService service) {
        this.service = service;
        this.current = service.deploymentConfiguration() == null ? DeploymentConfiguration.defaults() : service.deploymentConfiguration();
        this.daemon = "DAEMON".equals(service.schedulingStrategy());
        for (Field f : Field.values()) {
            texts.put(f, new SimpleStringProperty(""));
            errors.put(f, new ReadOnlyStringWrapper(""));
        }
        strategy.set(Strategy.of(current.strategyOrDefault()));
        text(Field.MINIMUM_HEALTHY).set(String.valueOf(current.minimumHealthyPercentOrDefault()));
        text(Field.MAXIMUM).set(String.valueOf(current.maximumPercentOrDefault()));
        text(Field.BAKE).set(current.bakeTimeInMinutes() == null ? "" : String.valueOf(current.bakeTimeInMinutes()));
        CanaryConfiguration canary = current.canaryConfiguration() == null ? new CanaryConfiguration(null, null) : current.canaryConfiguration();
        text(Field.CANARY_PERCENT).set(number(canary.percentOrDefault()));
        text(Field.CANARY_BAKE).set(String.valueOf(canary.bakeMinutesOrDefault()));
        LinearConfiguration linear = current.linearConfiguration() == null ? new LinearConfiguration(null, null) : current.linearConfiguration();
        text(Field.STEP_PERCENT).set(number(linear.stepPercentOrDefault()));
        text(Field.STEP_BAKE).set(String.valueOf(linear.stepBakeMinutesOrDefault()));
        List<Observable> inputs = new ArrayList<>(texts.values());
        inputs.add(strategy);
        for (String stage : PAUSE_STAGES.keySet()) {
            boolean paused = current.lifecycleHooksOrEmpty().stream()
                    .anyMatch(h -> DeploymentLifecycleHook.PAUSE.equals(h.targetTypeOrDefault()) && h.lifecycleStages().contains(stage));
            BooleanProperty p = new SimpleBooleanProperty(paused);
            pauseAt.put(stage, p);
            inputs.add(p);
        }
        inputs.forEach(o -> o.addListener(x -> check()));
        check();
    }

    private static Map<String, String> pauseStages() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("RECONCILE_SERVICE", "reconciling (only when more than one revision is active)");
        m.put("PRE_SCALE_UP", "before the new revision starts");
        m.put("POST_SCALE_UP", "after the new revision started");
        m.put("TEST_TRAFFIC_SHIFT", "as test traffic moves");
        m.put("POST_TEST_TRAFFIC_SHIFT", "after test traffic moved");
        m.put("PRE_PRODUCTION_TRAFFIC_SHIFT", "before production traffic moves");
        m.put("PRODUCTION_TRAFFIC_SHIFT", "as production traffic moves");
        m.put("POST_PRODUCTION_TRAFFIC_SHIFT", "after production traffic moved");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Checks everything again: each field's error, what the load balancer lacks, the configuration and its plan. */
    private void check() {
        Map<Field, String> found = new EnumMap<>(Field.class);
        Strategy s = strategy.get();
        Integer min = whole(found, Field.MINIMUM_HEALTHY, s == Strategy.ROLLING, true);
        Integer max = whole(found, Field.MAXIMUM, s == Strategy.ROLLING, true);
        Integer bake = whole(found, Field.BAKE, s.shiftsTraffic(), false);
        Double canaryPercent = decimal(found, Field.CANARY_PERCENT, s == Strategy.CANARY);
        Integer canaryBake = whole(found, Field.CANARY_BAKE, s == Strategy.CANARY, true);
        Double stepPercent = decimal(found, Field.STEP_PERCENT, s == Strategy.LINEAR);
        Integer stepBake = whole(found, Field.STEP_BAKE, s == Strategy.LINEAR, true);
        DeploymentConfiguration built = null;
        if (found.isEmpty()) {
            built = build(s, min, max, bake, canaryPercent, canaryBake, stepPercent, stepBake);
            for (DeploymentConfigurationRules.Problem p : DeploymentConfigurationRules.problems(built, daemon)) {
                found.putIfAbsent(Field.of(p.field()), Field.of(p.field()).label + " " + p.rule());
            }
        }
        String missing = "";
        if (s.shiftsTraffic()) {
            List<DeploymentConfigurationRules.Problem> lacks = DeploymentConfigurationRules.trafficShiftSetupMissing(service.loadBalancers());
            if (!lacks.isEmpty()) {
                missing = s.label + " moves traffic through the service's load balancer, and this service's set-up lacks what it needs: "
                        + String.join(" ", lacks.stream().map(DeploymentConfigurationRules.Problem::message).toList())
                        + " Rolling is available.";
            }
        }
        for (Field f : Field.values()) {
            errors.get(f).set(found.getOrDefault(f, ""));
        }
        missingSetup.set(missing);
        problems.set(String.join("\n", found.values()));
        hooksNote.set(hooksNote(s));
        boolean ok = found.isEmpty() && missing.isEmpty();
        configuration.set(found.isEmpty() ? built : null);
        plan.set(found.isEmpty() ? DeploymentPlan.of(built, service.desiredCount()) : null);
        valid.set(ok);
    }

    private DeploymentConfiguration build(Strategy s, Integer min, Integer max, Integer bake, Double canaryPercent, Integer canaryBake,
            Double stepPercent, Integer stepBake) {
        if (s == Strategy.ROLLING) {
            // Hooks go with the traffic-shifting strategies: an empty list removes the service's, none leaves it alone.
            List<DeploymentLifecycleHook> hooks = current.lifecycleHooksOrEmpty().isEmpty() ? null : List.of();
            return new DeploymentConfiguration(current.deploymentCircuitBreaker(), max, min, s.apiName, null, hooks, null, null, current.alarms());
        }
        List<DeploymentLifecycleHook> hooks = new ArrayList<>(lambdaHooks());
        List<String> stages = pausedStages();
        if (!stages.isEmpty()) {
            DeploymentLifecycleHook.LifecycleHookTimeout timeout = current.lifecycleHooksOrEmpty().stream()
                    .filter(h -> DeploymentLifecycleHook.PAUSE.equals(h.targetTypeOrDefault()) && h.timeoutConfiguration() != null)
                    .map(DeploymentLifecycleHook::timeoutConfiguration).findFirst().orElse(null);
            hooks.add(new DeploymentLifecycleHook(DeploymentLifecycleHook.PAUSE, null, null, stages, timeout));
        }
        List<DeploymentLifecycleHook> sent = hooks.isEmpty() && current.lifecycleHooksOrEmpty().isEmpty() ? null : hooks;
        return new DeploymentConfiguration(current.deploymentCircuitBreaker(), current.maximumPercentOrDefault(),
                current.minimumHealthyPercentOrDefault(), s.apiName, bake, sent,
                s == Strategy.LINEAR ? new LinearConfiguration(stepPercent, stepBake) : null,
                s == Strategy.CANARY ? new CanaryConfiguration(canaryPercent, canaryBake) : null, current.alarms());
    }

    /** The service's Lambda hooks: kept by a traffic-shifting deploy (this form sets only the PAUSE ones). */
    private List<DeploymentLifecycleHook> lambdaHooks() {
        return current.lifecycleHooksOrEmpty().stream().filter(h -> !DeploymentLifecycleHook.PAUSE.equals(h.targetTypeOrDefault())).toList();
    }

    private String hooksNote(Strategy s) {
        List<DeploymentLifecycleHook> lambdas = lambdaHooks();
        if (lambdas.isEmpty()) {
            return "";
        }
        String names = String.join(", ", lambdas.stream().map(h -> {
            String arn = h.hookTargetArn() == null ? "?" : h.hookTargetArn();
            return arn.substring(arn.lastIndexOf(':') + 1) + " at " + String.join(", ", h.lifecycleStages());
        }).toList());
        return s.shiftsTraffic() ? "The service's Lambda hooks stay: " + names + "."
                : "Rolling has no lifecycle hooks: the service's Lambda hooks (" + names + ") and PAUSE hooks are removed.";
    }

    public List<String> pausedStages() {
        return pauseAt.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
    }

    /** A whole number typed in {@code f}, or null (empty and not {@code required}, or wrong: then the error is noted). */
    private Integer whole(Map<Field, String> found, Field f, boolean used, boolean required) {
        String t = text(f).get() == null ? "" : text(f).get().strip();
        if (!used) {
            return null;
        }
        if (t.isEmpty()) {
            if (required) {
                found.put(f, f.label + " is required.");
            }
            return null;
        }
        if (!t.matches("-?\\d{1,9}")) {
            found.put(f, f.label + " must be a whole number, not '" + t + "'.");
            return null;
        }
        return Integer.parseInt(t);
    }

    private Double decimal(Map<Field, String> found, Field f, boolean used) {
        String t = text(f).get() == null ? "" : text(f).get().strip();
        if (!used) {
            return null;
        }
        if (t.isEmpty()) {
            found.put(f, f.label + " is required.");
            return null;
        }
        if (!t.matches("-?\\d{1,3}(\\.\\d{1,6})?")) {
            found.put(f, f.label + " must be a number such as 5 or 12.5, not '" + t + "'.");
            return null;
        }
        return Double.parseDouble(t);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    public EcsService service() {
        return service;
    }

    public ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    /** The text typed in a field. */
    public StringProperty text(Field f) {
        return texts.get(f);
    }

    /** What is wrong with a field ("Canary percent must be …"), or empty. */
    public ReadOnlyStringProperty errorProperty(Field f) {
        return errors.get(f).getReadOnlyProperty();
    }

    /** Whether a PAUSE hook holds the deployment at {@code stage} (one of {@link #PAUSE_STAGES}). */
    public BooleanProperty pauseAt(String stage) {
        return pauseAt.get(stage);
    }

    /** What the service's load balancer lacks for the chosen strategy, or empty. */
    public ReadOnlyStringProperty missingSetupProperty() {
        return missingSetup.getReadOnlyProperty();
    }

    /** Every field's error, one a line. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** What happens to the service's Lambda hooks, or empty. */
    public ReadOnlyStringProperty hooksNoteProperty() {
        return hooksNote.getReadOnlyProperty();
    }

    /** True when the configuration is right and the service can deploy with it. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The configuration to send with UpdateService; null while a field is wrong. */
    public ReadOnlyObjectProperty<DeploymentConfiguration> configurationProperty() {
        return configuration.getReadOnlyProperty();
    }

    /** The stages and their times; null while a field is wrong. */
    public ReadOnlyObjectProperty<DeploymentPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }
}
