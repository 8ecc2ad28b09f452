package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.ScalableTarget;
import dev.ecsdeck.model.ScalingActivity;
import dev.ecsdeck.model.ScalingPolicy;
import dev.ecsdeck.model.ScheduledAction;
import dev.ecsdeck.model.ServiceScaling;
import dev.ecsdeck.model.TargetTrackingConfig;
import dev.ecsdeck.model.ServiceUtilization;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.BusyFlag;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.service.AutoScalingPolicyForm.Metric;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A service's Application Auto Scaling: whether it is a scalable target and its min/max (applied
 * with RegisterScalableTarget, which also enables auto scaling); its policies, scheduled actions and
 * scaling activities; a form that creates or edits a target-tracking policy; deleting a policy.
 * Lists are updated in place, so table selection survives a refresh. There is no "disable": the
 * provider has no DeregisterScalableTarget.
 */
public final class AutoScalingViewModel implements ServicePart {
    /** One row of the policies table, every cell as shown. */
    public record PolicyRow(String name, String type, String metric, String targetValue, String scaleOutCooldown,
            String scaleInCooldown, String scaleIn, String details, ScalingPolicy policy, String current) {
        PolicyRow withCurrent(String now) {
            return new PolicyRow(name, type, metric, targetValue, scaleOutCooldown, scaleInCooldown, scaleIn, details, policy, now);
        }

        /** Only target-tracking policies on one of the three predefined ECS metrics can be edited here. */
        public boolean editable() {
            return policy.isTargetTracking() && Metric.of(policy.targetTracking().predefinedMetricType()) != null;
        }
    }

    private final ServicePanelContext ctx;
    private final ServiceRef ref;
    private final CurrentService currentService;
    private final ReadOnlyObjectProperty<EcsService> service;
    private final ReadOnlyObjectWrapper<ScalableTarget> target = new ReadOnlyObjectWrapper<>();
    private final ObservableList<PolicyRow> policies = FXCollections.observableArrayList();
    private final ObservableList<ScheduledAction> scheduledActions = FXCollections.observableArrayList();
    private final ObservableList<ScalingActivity> activities = FXCollections.observableArrayList();
    private final StringProperty minText = new SimpleStringProperty("");
    private final StringProperty maxText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper rangeProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Reading auto scaling…");
    /** How far back the policies' "Now" column reads CPU and memory. */
    static final Duration RECENT = Duration.ofMinutes(5);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BusyFlag busy = new BusyFlag();
    private final AutoScalingPolicyForm form;
    private final BooleanBinding canApplyRange;
    private ServiceScaling scaling = ServiceScaling.none();
    private String shownMin = "";
    private String shownMax = "";
    private long generation;

    public AutoScalingViewModel(ServicePanelContext ctx, ServiceRef ref, CurrentService current) {
        this.ctx = ctx;
        this.ref = ref;
        this.currentService = current;
        this.service = current.property();
        this.form = new AutoScalingPolicyForm(name -> policies.stream().anyMatch(p -> p.name().equals(name)));
        this.canApplyRange = Bindings.createBooleanBinding(() -> !ctx.readOnly().get() && !busy.isBusy() && rangeProblem.get().isEmpty(),
                ctx.readOnly(), busy.property(), rangeProblem);
        minText.addListener((obs, was, now) -> checkRange());
        maxText.addListener((obs, was, now) -> checkRange());
        checkRange();
    }

    // ---- reading ----

    @Override
    public void refresh() {
        long mine = ++generation;
        BackgroundTask.of(() -> new Read(ctx.provider().describeScaling(ref.cluster(), ref.service()),
                        ctx.provider().describeScalingActivities(ref.cluster(), ref.service()), recentUtilisation()))
                .onSuccess(read -> {
                    if (mine == generation) {
                        show(read);
                    }
                })
                .onFailure(error -> {
                    if (mine == generation) {
                        message.set("Auto scaling: " + ErrorText.of(error));
                    }
                })
                .executeWith(ctx.executor());
    }

    private record Read(ServiceScaling scaling, List<ScalingActivity> activities, ServiceUtilization recent) {}

    /**
     * The last minutes of CPU and memory (GetMetricData), for the policies' "Now" column; null when they cannot be
     * read — the column then shows nothing, and the Charts tab says why.
     */
    private ServiceUtilization recentUtilisation() {
        try {
            Instant now = Instant.ofEpochMilli(ctx.nowMillis().getAsLong());
            return ctx.provider().serviceUtilization(ref.cluster(), ref.service(), now.minus(RECENT)).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }


    private void show(Read read) {
        scaling = read.scaling();
        ScalableTarget t = scaling.target();
        if (!Objects.equals(t, target.get())) {
            target.set(t);
        }
        String min = t == null ? "" : String.valueOf(t.minCapacity());
        String max = t == null ? "" : String.valueOf(t.maxCapacity());
        if (minText.get().equals(shownMin)) { // not being edited: follow the target
            minText.set(min);
        }
        if (maxText.get().equals(shownMax)) {
            maxText.set(max);
        }
        shownMin = min;
        shownMax = max;
        KeyedListMerge.merge(policies, scaling.policies().stream().map(p -> row(p).withCurrent(PolicyMetricNow.of(p, read.recent()))).toList(),
                PolicyRow::name);
        KeyedListMerge.merge(scheduledActions, scaling.scheduledActions(), ScheduledAction::scheduledActionName);
        KeyedListMerge.merge(activities, read.activities(), ScalingActivity::activityId);
        summary.set(t == null
                ? ref.service() + " is not registered with Application Auto Scaling: its desired count is set by hand only."
                : "Registered as a scalable target: auto scaling keeps " + ref.service() + " between " + t.minCapacity() + " and "
                        + t.maxCapacity() + " tasks" + (scaling.policies().isEmpty() ? ", with no policy." : "."));
    }

    static PolicyRow row(ScalingPolicy p) {
        TargetTrackingConfig tt = p.targetTracking();
        String type = switch (p.policyType() == null ? "" : p.policyType()) {
            case "TargetTrackingScaling" -> "target tracking";
            case "StepScaling" -> "step";
            case "PredictiveScaling" -> "predictive";
            default -> p.policyType();
        };
        if (tt == null) {
            return new PolicyRow(p.policyName(), type, "", "", "", "", "", p.summary() == null ? "" : p.summary(), p, "");
        }
        Metric m = Metric.of(tt.predefinedMetricType());
        String metric = m == null ? tt.predefinedMetricType() : m.label;
        if (tt.resourceLabel() != null) {
            metric += " (" + tt.resourceLabel() + ")";
        }
        return new PolicyRow(p.policyName(), type, metric, number(tt.targetValue()) + (m != null && m.percent ? "%" : ""),
                cooldown(tt.scaleOutCooldown()), cooldown(tt.scaleInCooldown()), tt.disableScaleIn() ? "disabled" : "enabled", "", p, "");
    }

    private static String cooldown(Integer seconds) {
        return seconds == null ? TargetTrackingConfig.DEFAULT_COOLDOWN_SECONDS + " s (default)" : seconds + " s";
    }

    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    // ---- for the scaling controls ----

    /**
     * What auto scaling will do to a desired count typed by hand: bring it back inside [min, max], or
     * (inside) change it again through its policies. Empty when the service is not registered.
     */
    public String overrideWarning(int desired) {
        ScalableTarget t = target.get();
        if (t == null) {
            return "";
        }
        if (desired > t.maxCapacity() || desired < t.minCapacity()) {
            int to = desired > t.maxCapacity() ? t.maxCapacity() : t.minCapacity();
            return "Auto scaling keeps " + ref.service() + " between " + t.minCapacity() + " and " + t.maxCapacity()
                    + " tasks: a desired count of " + desired + " will be brought back to " + to + ".";
        }
        List<String> how = new ArrayList<>();
        for (ScalingPolicy p : scaling.policies()) {
            TargetTrackingConfig tt = p.targetTracking();
            Metric m = tt == null ? null : Metric.of(tt.predefinedMetricType());
            how.add(tt == null ? row(p).type() + " policy " + p.policyName()
                    : "target tracking on " + (m == null ? tt.predefinedMetricType() : m.shortLabel) + " at " + number(tt.targetValue())
                            + (m != null && m.percent ? "%" : ""));
        }
        if (!scaling.scheduledActions().isEmpty()) {
            how.add(scaling.scheduledActions().size() == 1 ? "a scheduled action" : scaling.scheduledActions().size() + " scheduled actions");
        }
        if (how.isEmpty()) {
            return "Auto scaling keeps " + ref.service() + " between " + t.minCapacity() + " and " + t.maxCapacity()
                    + " tasks; with no policy it will not change this count.";
        }
        return "Auto scaling (" + t.minCapacity() + "–" + t.maxCapacity() + ", " + String.join(", ", how)
                + ") may change this count again.";
    }

    // ---- min/max ----

    private void checkRange() {
        rangeProblem.set(String.join(" ", rangeProblems()));
    }

    private List<String> rangeProblems() {
        List<String> problems = new ArrayList<>();
        Integer min = AutoScalingPolicyForm.wholeNumber(minText.get());
        Integer max = AutoScalingPolicyForm.wholeNumber(maxText.get());
        if (min == null) {
            problems.add("Minimum tasks: a whole number, 0 or more.");
        }
        if (max == null) {
            problems.add("Maximum tasks: a whole number, 0 or more.");
        }
        if (min != null && max != null && min > max) {
            problems.add("Minimum tasks (" + min + ") must not be more than maximum tasks (" + max + ").");
        }
        return problems;
    }

    /** RegisterScalableTarget with the typed min/max: enables auto scaling, or changes the range. */
    public void applyRange() {
        if (ctx.readOnly().get() || busy.isBusy() || !rangeProblems().isEmpty()) {
            return;
        }
        int min = AutoScalingPolicyForm.wholeNumber(minText.get());
        int max = AutoScalingPolicyForm.wholeNumber(maxText.get());
        boolean enabling = target.get() == null;
        EcsService svc = service.get();
        int desired = svc == null ? -1 : svc.desiredCount();
        String what = (enabling ? "Enable auto scaling for " : "Set the auto scaling range of ") + ref + " to " + min + "–" + max + " tasks";
        if (max == 0) {
            if (!ctx.typedConfirmer().confirmTyped("Scale " + ref.service() + " to zero", what + "? With a maximum of 0 every task of "
                    + ref.service() + " is stopped. Type the service's name to go ahead.", ref.service())) {
                message.set("Range not changed.");
                return;
            }
        } else if (desired >= 0 && (desired < min || desired > max)) {
            int to = desired < min ? min : max;
            if (!ctx.confirmer().confirm((enabling ? "Enable auto scaling of " : "Change the range of ") + ref.service(),
                    what + "? Its desired count of " + desired + " will be changed to " + to + ".")) {
                message.set("Range not changed.");
                return;
            }
        }
        mutate((enabling ? "Enabling auto scaling" : "Applying the range") + "…", () -> {
            ctx.provider().registerScalableTarget(ref.cluster(), ref.service(), min, max);
            return null;
        }, (enabling ? "Auto scaling enabled: " : "Range set to ") + min + "–" + max + " tasks.", "Range not applied: ");
    }

    // ---- policies ----

    /** Opens the form for a new target-tracking policy. */
    public void newPolicy() {
        if (!ctx.readOnly().get() && target.get() != null) {
            form.startNew(ref.service());
        }
    }

    /** Opens the form on an existing target-tracking policy. */
    public void edit(PolicyRow row) {
        if (row != null && row.editable() && !ctx.readOnly().get()) {
            form.startEdit(row.policy());
        }
    }

    /** PutScalingPolicy with the form's values, when they are valid. */
    public void savePolicy() {
        if (ctx.readOnly().get() || busy.isBusy() || !form.open().get() || target.get() == null) {
            return;
        }
        if (!form.problems().isEmpty()) {
            message.set("Not saved: " + String.join(" ", form.problems()));
            return;
        }
        String name = form.policyName();
        TargetTrackingConfig config = form.config();
        boolean creating = form.editing().get() == null;
        mutate("Saving " + name + "…", () -> ctx.provider().putTargetTrackingPolicy(ref.cluster(), ref.service(), name, config),
                (creating ? "Created" : "Saved") + " target-tracking policy " + name + ".", "Policy not saved: ", form::close);
    }

    /** DeleteScalingPolicy after a confirmation naming the policy and the service. */
    public void delete(PolicyRow row) {
        if (row == null || ctx.readOnly().get() || busy.isBusy()) {
            return;
        }
        if (!ctx.confirmer().confirm("Delete scaling policy " + row.name(), "Delete the " + row.type() + " scaling policy "
                + row.name() + " of service " + ref.service() + " in " + ref.cluster() + "? Auto scaling stops acting on it;"
                + " the scalable target's range stays.")) {
            message.set("Policy " + row.name() + " kept.");
            return;
        }
        mutate("Deleting " + row.name() + "…", () -> {
            ctx.provider().deleteScalingPolicy(ref.cluster(), ref.service(), row.name());
            return null;
        }, "Deleted scaling policy " + row.name() + ".", "Policy not deleted: ", () -> {
            if (row.name().equals(form.editing().get())) {
                form.close();
            }
        });
    }

    private void mutate(String doing, java.util.concurrent.Callable<?> call, String done, String failed) {
        mutate(doing, call, done, failed, () -> { });
    }

    private void mutate(String doing, java.util.concurrent.Callable<?> call, String done, String failed, Runnable afterSuccess) {
        message.set(doing);
        BackgroundTask.of(call)
                .onSuccess(r -> {
                    message.set(done);
                    afterSuccess.run();
                    refresh();
                    currentService.readNow(); // the range may have moved the desired count: the whole panel reads the service now
                })
                .onFailure(error -> message.set(failed + ErrorText.of(error)))
                .showingBusy(busy)
                .executeWith(ctx.executor());
    }

    // ---- properties ----

    /** The scalable target; null when the service is not registered. */
    public ReadOnlyObjectProperty<ScalableTarget> targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** True when the range inputs can be applied: valid, not busy, not read-only. */
    public BooleanBinding canApplyRange() {
        return canApplyRange;
    }

    public ObservableList<PolicyRow> policies() {
        return policies;
    }

    public ObservableList<ScheduledAction> scheduledActions() {
        return scheduledActions;
    }

    /** Newest first. */
    public ObservableList<ScalingActivity> activities() {
        return activities;
    }

    public StringProperty minTextProperty() {
        return minText;
    }

    public StringProperty maxTextProperty() {
        return maxText;
    }

    /** Why the range cannot be applied, naming the field; empty when it can. */
    public ReadOnlyStringProperty rangeProblemProperty() {
        return rangeProblem.getReadOnlyProperty();
    }

    /** One sentence: registered or not, and the range. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the last action did, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.property();
    }

    public AutoScalingPolicyForm form() {
        return form;
    }

    public ObservableBooleanValue readOnly() {
        return ctx.readOnly();
    }

    public ServiceRef ref() {
        return ref;
    }
}
