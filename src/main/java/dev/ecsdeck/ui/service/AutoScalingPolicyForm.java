package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.TargetTrackingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The auto scaling panel's form for one target-tracking policy, new or edited: name, metric (and
 * the ALB resource label), target value, cooldowns and scale-in, with validation messages that name
 * the field, kept up to date as the user types.
 */
public final class AutoScalingPolicyForm {
    /** The predefined ECS metrics a target-tracking policy can follow. */
    public enum Metric {
        CPU("CPU utilisation", "CPU", TargetTrackingConfig.CPU, true),
        MEMORY("Memory utilisation", "memory", TargetTrackingConfig.MEMORY, true),
        ALB_REQUESTS("ALB requests per target", "ALB requests per target", TargetTrackingConfig.ALB_REQUESTS, false);

        public final String label;
        final String shortLabel;
        public final String type;
        /** The target is a percentage (at most 100). */
        public final boolean percent;

        Metric(String label, String shortLabel, String type, boolean percent) {
            this.label = label;
            this.shortLabel = shortLabel;
            this.type = type;
            this.percent = percent;
        }

        /** The metric of a PredefinedMetricType, or null for any other. */
        public static Metric of(String type) {
            for (Metric m : values()) {
                if (m.type.equals(type)) {
                    return m;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** PolicyName in the Application Auto Scaling API: 1 to 256 printable characters. */
    private static final Pattern NAME = Pattern.compile("\\p{Print}{1,256}");
    private static final Pattern RESOURCE_LABEL = Pattern.compile("app/[^/]+/[^/]+/targetgroup/[^/]+/[^/]+");
    static final String LABEL_FORMAT = "app/<load-balancer>/<id>/targetgroup/<target-group>/<id>";

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(Metric.CPU);
    private final StringProperty resourceLabel = new SimpleStringProperty("");
    private final StringProperty targetValue = new SimpleStringProperty("");
    private final StringProperty scaleOutCooldown = new SimpleStringProperty("");
    private final StringProperty scaleInCooldown = new SimpleStringProperty("");
    private final BooleanProperty disableScaleIn = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<String> editing = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final Predicate<String> nameTaken;

    AutoScalingPolicyForm(Predicate<String> nameTaken) {
        this.nameTaken = nameTaken;
        for (Observable o : new Observable[] {name, metric, resourceLabel, targetValue, scaleOutCooldown, scaleInCooldown, editing, open}) {
            o.addListener(x -> validate());
        }
        validate();
    }

    /** Empty, for a new policy on CPU at 60%; cooldowns left to the default. */
    void startNew(String serviceName) {
        editing.set(null);
        String suggestion = serviceName + "-cpu-target-tracking";
        for (int i = 2; nameTaken.test(suggestion); i++) {
            suggestion = serviceName + "-cpu-target-tracking-" + i;
        }
        name.set(suggestion);
        metric.set(Metric.CPU);
        resourceLabel.set("");
        targetValue.set("60");
        scaleOutCooldown.set("");
        scaleInCooldown.set("");
        disableScaleIn.set(false);
        open.set(true);
    }

    /** Filled from an existing target-tracking policy; its name cannot change (that would be another policy). */
    void startEdit(ScalingPolicy p) {
        TargetTrackingConfig tt = p.targetTracking();
        editing.set(p.policyName());
        name.set(p.policyName());
        metric.set(Metric.of(tt.predefinedMetricType()));
        resourceLabel.set(tt.resourceLabel() == null ? "" : tt.resourceLabel());
        targetValue.set(AutoScalingViewModel.number(tt.targetValue()));
        scaleOutCooldown.set(tt.scaleOutCooldown() == null ? "" : String.valueOf(tt.scaleOutCooldown()));
        scaleInCooldown.set(tt.scaleInCooldown() == null ? "" : String.valueOf(tt.scaleInCooldown()));
        disableScaleIn.set(tt.disableScaleIn());
        open.set(true);
    }

    public void close() {
        open.set(false);
        editing.set(null);
    }

    private void validate() {
        List<String> found = new ArrayList<>();
        String n = name.get() == null ? "" : name.get();
        if (n.isEmpty()) {
            found.add("Policy name: required.");
        } else if (!NAME.matcher(n).matches()) {
            found.add("Policy name: 1 to 256 printable characters (letters, digits, spaces, punctuation).");
        } else if (editing.get() == null && nameTaken.test(n)) {
            found.add("Policy name: there is already a policy named " + n + "; choose it in the table to edit it.");
        }
        Metric m = metric.get();
        if (m == null) {
            found.add("Metric: choose CPU, memory or ALB requests per target.");
        }
        if (m == Metric.ALB_REQUESTS) {
            String label = resourceLabel.get() == null ? "" : resourceLabel.get().trim();
            if (label.isEmpty()) {
                found.add("Resource label: required for ALB requests per target, as " + LABEL_FORMAT + ".");
            } else if (!RESOURCE_LABEL.matcher(label).matches()) {
                found.add("Resource label: expected " + LABEL_FORMAT + ".");
            }
        }
        Double target = decimal(targetValue.get());
        if (target == null || !(target > 0)) {
            found.add("Target value: a number greater than 0.");
        } else if (m != null && m.percent && target > 100) {
            found.add("Target value: at most 100 (%) for " + m.label + ".");
        }
        if (!blank(scaleOutCooldown.get()) && wholeNumber(scaleOutCooldown.get()) == null) {
            found.add("Scale-out cooldown: whole seconds, 0 or more (empty for the default " + TargetTrackingConfig.DEFAULT_COOLDOWN_SECONDS + ").");
        }
        if (!blank(scaleInCooldown.get()) && wholeNumber(scaleInCooldown.get()) == null) {
            found.add("Scale-in cooldown: whole seconds, 0 or more (empty for the default " + TargetTrackingConfig.DEFAULT_COOLDOWN_SECONDS + ").");
        }
        if (!found.equals(problems)) {
            problems.setAll(found);
        }
    }

    /** The policy as it would be put; only when {@link #problems()} is empty. */
    TargetTrackingConfig config() {
        Metric m = metric.get();
        return new TargetTrackingConfig(m.type, m == Metric.ALB_REQUESTS ? resourceLabel.get().trim() : null, decimal(targetValue.get()),
                blank(scaleOutCooldown.get()) ? null : wholeNumber(scaleOutCooldown.get()),
                blank(scaleInCooldown.get()) ? null : wholeNumber(scaleInCooldown.get()), disableScaleIn.get());
    }

    String policyName() {
        return name.get();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A whole number, 0 or more, or null when the text is not one. */
    static Integer wholeNumber(String s) {
        if (s == null || !s.trim().matches("\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(s.trim());
    }

    private static Double decimal(String s) {
        try {
            double v = Double.parseDouble(s == null ? "" : s.trim());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    public StringProperty resourceLabelProperty() {
        return resourceLabel;
    }

    public StringProperty targetValueProperty() {
        return targetValue;
    }

    public StringProperty scaleOutCooldownProperty() {
        return scaleOutCooldown;
    }

    public StringProperty scaleInCooldownProperty() {
        return scaleInCooldown;
    }

    public BooleanProperty disableScaleInProperty() {
        return disableScaleIn;
    }

    /** True while the form is shown (new or edit). */
    public ReadOnlyBooleanProperty open() {
        return open.getReadOnlyProperty();
    }

    /** The name of the policy being edited; null for a new one. */
    public ReadOnlyObjectProperty<String> editing() {
        return editing.getReadOnlyProperty();
    }

    /** What is wrong, one message per field, naming it; empty when the policy can be saved. */
    public ObservableList<String> problems() {
        return problems;
    }
}
