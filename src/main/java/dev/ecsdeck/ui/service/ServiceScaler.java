package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.BusyFlag;
import dev.ecsdeck.ui.common.ErrorText;
import java.util.function.IntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The desired count: what the user dials in (spinner, +1/−1), applying it after a confirmation —
 * typed for the drastic ones (to zero, or down by more than half) — and the progress toward it
 * until the service is steady. While the user has a value dialled in, refreshes do not move it.
 */
public final class ServiceScaler implements ServicePart {
    private final ServicePanelContext context;
    private final ServiceRef ref;
    private final CurrentService currentService;
    private final ReadOnlyObjectProperty<EcsService> service;
    private final IntegerProperty desired = new SimpleIntegerProperty();
    private final BooleanProperty edited = new SimpleBooleanProperty();
    private final BusyFlag busy = new BusyFlag();
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final BooleanBinding disabled;
    private IntFunction<String> autoScalingWarning = count -> "";
    private Integer scalingTo;
    /** The desired count the progress line speaks of: once the service's differs, the line is no longer true and goes. */
    private Integer lineAbout;
    private boolean settingFromService;

    public ServiceScaler(ServicePanelContext context, ServiceRef ref, CurrentService current) {
        this.context = context;
        this.ref = ref;
        this.currentService = current;
        this.service = current.property();
        this.disabled = Bindings.createBooleanBinding(() -> context.readOnly().get() || busy.isBusy() || service.get() == null,
                context.readOnly(), busy.property(), service);
        service.addListener((obs, was, now) -> serviceChanged(now));
        desired.addListener((obs, was, now) -> {
            if (!settingFromService) {
                edited.set(service.get() == null || now.intValue() != service.get().desiredCount());
            }
            warnIfDialled();
        });
        edited.addListener((obs, was, now) -> warnIfDialled()); // an applied count is no longer dialled in
    }

    private void warnIfDialled() {
        warning.set(edited.get() ? autoScalingWarning.apply(desired.get()) : "");
    }

    /** Where the auto-scaling warning for a desired count comes from (empty when there is none). */
    public void warnWith(IntFunction<String> source) {
        this.autoScalingWarning = source;
    }

    private void serviceChanged(EcsService s) {
        if (s == null) {
            return;
        }
        if (!edited.get()) {
            settingFromService = true;
            try {
                desired.set(s.desiredCount());
            } finally {
                settingFromService = false;
            }
        }
        if (scalingTo != null) {
            boolean steady = steadyAt(s, scalingTo);
            if (steady) {
                say("Steady at " + scalingTo + (scalingTo == 1 ? " task." : " tasks."), scalingTo);
                scalingTo = null;
            } else if (s.desiredCount() != scalingTo) {
                say("Desired count is now " + s.desiredCount() + " (changed since you set " + scalingTo
                        + ", e.g. by auto scaling).", s.desiredCount());
                scalingTo = null;
            } else {
                say("Scaling to " + scalingTo + ": " + s.runningCount() + " running, " + s.pendingCount() + " pending.", scalingTo);
            }
        } else if (lineAbout != null && (s.desiredCount() != lineAbout
                || progress.get().startsWith("Steady at ") && !steadyAt(s, lineAbout))) {
            // Someone else (auto scaling, a deployment) changed the service since the line was written.
            say("", null);
        }
    }

    /** Steady: the count wanted, all running, nothing pending, and no rollout under way. */
    private static boolean steadyAt(EcsService s, int count) {
        return s.desiredCount() == count && s.runningCount() == count && s.pendingCount() == 0 && s.deployments().size() <= 1;
    }

    /** Shows a progress line that holds while the service's desired count is {@code about} (null: until replaced). */
    private void say(String line, Integer about) {
        progress.set(line);
        lineAbout = about;
    }

    public void increment() {
        desired.set(desired.get() + 1);
    }

    public void decrement() {
        desired.set(Math.max(0, desired.get() - 1));
    }

    /** Puts the dialled value back to the service's desired count. */
    public void reset() {
        edited.set(false);
        serviceChanged(service.get());
    }

    /** Whether changing from {@code current} to {@code target} needs the service name typed. */
    public static boolean drastic(int current, int target) {
        return target == 0 && current > 0 || current - target > current / 2.0;
    }

    /** Applies the dialled count after confirmation; the progress line follows it until steady. */
    public void apply() {
        EcsService s = service.get();
        if (disabled.get() || s == null) {
            return;
        }
        int current = s.desiredCount();
        int target = desired.get();
        if (target == current) {
            say(ref.service() + " already wants " + dev.ecsdeck.ui.common.Plural.of(current, "task") + ".", current);
            edited.set(false);
            return;
        }
        String auto = autoScalingWarning.apply(target);
        String change = "Scale service " + ref.service() + " in " + ref.cluster() + " from " + current
                + " to " + dev.ecsdeck.ui.common.Plural.of(target, "task");
        boolean yes;
        if (drastic(current, target)) {
            String what = target == 0 ? "This stops every task of " + ref.service() + "; it serves nothing until scaled up again."
                    : "This stops " + (current - target) + " of its " + dev.ecsdeck.ui.common.Plural.of(current, "task") + ".";
            yes = context.typedConfirmer().confirmTyped(change + "?", change + ". " + what + (auto.isEmpty() ? "" : "\n\n" + auto)
                    + "\n\nType the service name, " + ref.service() + ", to confirm.", ref.service());
        } else {
            String big = target > current * 1.5 ? " (more than half as many again)" : "";
            yes = context.confirmer().confirm("Scale " + ref.service(), change + big + "?" + (auto.isEmpty() ? "" : "\n\n" + auto));
        }
        if (!yes) {
            say("Not scaled.", current);
            return;
        }
        say("Setting the desired count of " + ref.service() + " to " + target + "…", null);
        BackgroundTask.of(() -> context.provider().updateService(ServiceUpdate.desiredCount(ref.cluster(), ref.service(), target)))
                .onSuccess(updated -> {
                    scalingTo = target;
                    edited.set(false);
                    currentService.publish(updated); // every part shows the new count now
                })
                .onFailure(error -> say("Not scaled: " + ErrorText.of(error), current))
                .showingBusy(busy)
                .executeWith(context.executor());
    }

    public IntegerProperty desiredProperty() {
        return desired;
    }

    /** True while the dialled value differs from the service's desired count. */
    public BooleanProperty editedProperty() {
        return edited;
    }

    /**
     * "Scaling to 5: 3 running, 2 pending." until steady, then "Steady at 5 tasks." while it stays so;
     * gone once the service's desired count moves away from what a line speaks of.
     */
    public ReadOnlyStringProperty progressProperty() {
        return progress;
    }

    /** What auto scaling will do to the dialled count, while one is dialled in. */
    public ReadOnlyStringProperty warningProperty() {
        return warning;
    }

    public BooleanBinding disabledProperty() {
        return disabled;
    }
}
