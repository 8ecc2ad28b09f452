package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.ServiceDeployment;
import dev.ecsdeck.model.ServiceDeploymentBrief;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.BusyFlag;
import dev.ecsdeck.ui.common.ErrorText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The timeline of one service deployment ({@link DeploymentTimeline}, recomputed at each
 * {@link #show} with the context's clock) and what can be done to it: Continue or Roll back at a
 * PAUSE hook that awaits action, Stop and roll back while it runs. Fed in one of two ways: by the
 * service panel's history (which already describes the deployments), or on its own — following one
 * deployment ARN or the service's newest deployment — each time {@link #refresh()} is called.
 */
public final class DeploymentTimelineViewModel {
    private final ServicePanelContext context;
    private final ServiceRef ref;
    private final DeploymentTimelineLabels labels;
    /** The deployment followed on its own (null: the newest), when not fed by a history. */
    private final String followed;
    private final boolean standalone;
    private final ObjectProperty<DeploymentTimeline> timeline = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BusyFlag busy = new BusyFlag();
    private final BooleanBinding actionsOff;
    private Runnable onChanged = () -> { };
    private boolean loading;

    private DeploymentTimelineViewModel(ServicePanelContext context, ServiceRef ref, DeploymentTimelineLabels labels, String followed,
            boolean standalone) {
        this.context = context;
        this.ref = ref;
        this.labels = labels;
        this.followed = followed;
        this.standalone = standalone;
        this.actionsOff = Bindings.createBooleanBinding(() -> context.readOnly().get() || busy.isBusy() || timeline.get() == null
                || !timeline.get().inFlight(), context.readOnly(), busy.property(), timeline);
    }

    /** A timeline that a history feeds through {@link #show}; {@code labels} is the history's revision cache. */
    public static DeploymentTimelineViewModel fed(ServicePanelContext context, ServiceRef ref, DeploymentTimelineLabels labels) {
        return new DeploymentTimelineViewModel(context, ref, labels, null, false);
    }

    /**
     * A timeline that reads for itself at each {@link #refresh()}: deployment {@code deploymentArn},
     * or the newest deployment of the service when it is null.
     */
    public static DeploymentTimelineViewModel following(ServicePanelContext context, ServiceRef ref, String deploymentArn) {
        return new DeploymentTimelineViewModel(context, ref, new DeploymentTimelineLabels(), deploymentArn, true);
    }

    /** Called after an action of this timeline changed the deployment (the panel reads the service again). */
    public void onChanged(Runnable changed) {
        this.onChanged = changed == null ? () -> { } : changed;
    }

    /** Shows {@code d} as of now (null: nothing to show); {@code events} are the service's, newest first. */
    public void show(ServiceDeployment d, List<ServiceEvent> events) {
        timeline.set(d == null ? null : DeploymentTimeline.of(d, labels::label, events, now()));
    }

    /** Reads the followed deployment again and shows it; only for a timeline made with {@link #following}. */
    public void refresh() {
        if (!standalone || loading) {
            return;
        }
        loading = true;
        BackgroundTask.of(this::read).onSuccess(read -> {
            message.set(read.deployment() == null ? "No deployment of " + ref + " yet." : "");
            show(read.deployment(), read.events());
        }).onFailure(error -> message.set(ErrorText.of(error))).onFinished(() -> loading = false).executeWith(context.executor());
    }

    private record Read(ServiceDeployment deployment, List<ServiceEvent> events) {}

    /** Off the FX thread: the deployment, its revisions' names, the service's events. */
    private Read read() {
        String arn = followed;
        if (arn == null) {
            List<ServiceDeploymentBrief> all = context.provider().listServiceDeployments(ref.cluster(), ref.service());
            if (all.isEmpty()) {
                return new Read(null, List.of());
            }
            arn = all.get(0).serviceDeploymentArn();
        }
        List<ServiceDeployment> found = context.provider().describeServiceDeployments(List.of(arn));
        if (found.isEmpty()) {
            return new Read(null, List.of());
        }
        ServiceDeployment d = found.get(0);
        labels.fetchMissing(context.provider(), revisionArns(d));
        List<EcsService> services = context.provider().describeServices(ref.cluster(), List.of(ref.service()));
        return new Read(d, services.isEmpty() ? List.of() : services.get(0).events());
    }

    /** The revisions a deployment names: its sources and its target. */
    static List<String> revisionArns(ServiceDeployment d) {
        List<String> arns = new ArrayList<>();
        d.sourceServiceRevisions().forEach(s -> arns.add(s.arn()));
        if (d.targetServiceRevision() != null) {
            arns.add(d.targetServiceRevision().arn());
        }
        return arns;
    }

    /** Lets the deployment go on past the PAUSE hook {@code hookId} (ContinueServiceDeployment CONTINUE). */
    public void continueAt(String hookId) {
        DeploymentTimeline t = timeline.get();
        if (actionsOff.get() || t == null) {
            return;
        }
        act("Continuing " + ref.service() + " past the hook…", () -> {
            context.provider().continueServiceDeployment(t.deploymentArn(), hookId, "CONTINUE");
            return null;
        }, "Continued: the deployment of " + t.targetLabel() + " goes on.");
    }

    /** Rolls the deployment back at the PAUSE hook {@code hookId}, after asking (ContinueServiceDeployment ROLLBACK). */
    public void rollBackAt(String hookId) {
        DeploymentTimeline t = timeline.get();
        if (actionsOff.get() || t == null) {
            return;
        }
        if (!context.confirmer().confirm("Roll back " + ref.service(), "Roll back the deployment of " + ref.service() + " from "
                + t.sourceLabel() + " to " + t.targetLabel() + " at the paused hook, returning to " + t.sourceLabel() + "?")) {
            message.set("Not rolled back.");
            return;
        }
        act("Rolling " + ref.service() + " back to " + t.sourceLabel() + "…", () -> {
            context.provider().continueServiceDeployment(t.deploymentArn(), hookId, "ROLLBACK");
            return null;
        }, "Rolling back to " + t.sourceLabel() + ".");
    }

    /** Stops the deployment in flight and rolls back to its source revision, after asking (StopServiceDeployment). */
    public void stopAndRollBack() {
        DeploymentTimeline t = timeline.get();
        if (actionsOff.get() || t == null) {
            return;
        }
        if (!context.confirmer().confirm("Stop and roll back " + ref.service(), "Stop the deployment of " + ref.service() + " from "
                + t.sourceLabel() + " to " + t.targetLabel() + " and roll back to " + t.sourceLabel() + "?")) {
            message.set("Not stopped.");
            return;
        }
        act("Stopping the deployment of " + t.targetLabel() + "…", () -> {
            context.provider().stopServiceDeployment(t.deploymentArn());
            return null;
        }, "Stopped: rolling back to " + t.sourceLabel() + ".");
    }

    private void act(String progress, Callable<Void> call, String done) {
        message.set(progress);
        BackgroundTask.of(call).onSuccess(nothing -> {
            message.set(done);
            onChanged.run();
            refresh();
        }).onFailure(error -> message.set(ErrorText.of(error))).showingBusy(busy).executeWith(context.executor());
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.nowMillis().getAsLong());
    }

    public ReadOnlyObjectProperty<DeploymentTimeline> timelineProperty() {
        return timeline;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** True while no action applies: read-only, an action under way, nothing shown, or the deployment over. */
    public BooleanBinding actionsOffProperty() {
        return actionsOff;
    }

    public ObservableBooleanValue readOnly() {
        return context.readOnly();
    }

    public ServiceRef ref() {
        return ref;
    }
}
