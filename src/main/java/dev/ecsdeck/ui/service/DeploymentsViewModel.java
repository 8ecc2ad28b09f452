package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.DeploymentAlarms;
import dev.ecsdeck.model.DeploymentCircuitBreaker;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.BusyFlag;
import dev.ecsdeck.ui.common.ErrorText;
import java.util.List;
import java.util.concurrent.Callable;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The service's deployments (revision, status, rollout state, progress), its deployment
 * configuration — shown, and editable: minimum healthy and maximum percent, circuit breaker and
 * rollback —, "Force new deployment" and "Roll back" to the revision it ran before.
 */
public final class DeploymentsViewModel implements ServicePart {
    private final ServicePanelContext context;
    private final ServiceRef ref;
    private final CurrentService currentService;
    private final ReadOnlyObjectProperty<EcsService> service;
    private final ObservableList<DeploymentRow> deployments = FXCollections.observableArrayList();
    private final IntegerProperty minimumHealthyPercent = new SimpleIntegerProperty(100);
    private final IntegerProperty maximumPercent = new SimpleIntegerProperty(200);
    private final BooleanProperty circuitBreaker = new SimpleBooleanProperty();
    private final BooleanProperty rollback = new SimpleBooleanProperty();
    private final BooleanProperty configurationEdited = new SimpleBooleanProperty();
    private final BusyFlag busy = new BusyFlag();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty deploymentAlarms = new SimpleStringProperty(alarmsInWords(null));
    private final BooleanBinding disabled;
    private boolean settingFromService;
    /** The newest description seen: a poll's, or the one an update of ours returned. */
    private EcsService latest;

    public DeploymentsViewModel(ServicePanelContext context, ServiceRef ref, CurrentService current) {
        this.context = context;
        this.ref = ref;
        this.currentService = current;
        this.service = current.property();
        this.disabled = Bindings.createBooleanBinding(() -> context.readOnly().get() || busy.isBusy() || service.get() == null,
                context.readOnly(), busy.property(), service);
        service.addListener((obs, was, now) -> serviceChanged(now));
        for (var p : List.of(minimumHealthyPercent, maximumPercent)) {
            p.addListener((obs, was, now) -> markEdited());
        }
        for (var p : List.of(circuitBreaker, rollback)) {
            p.addListener((obs, was, now) -> markEdited());
        }
    }

    private void markEdited() {
        if (!settingFromService) {
            configurationEdited.set(true);
        }
    }

    private void serviceChanged(EcsService s) {
        if (s == null) {
            return;
        }
        latest = s;
        List<DeploymentRow> rows = s.deployments().stream().map(DeploymentRow::new).toList();
        if (!rows.equals(deployments)) {
            deployments.setAll(rows); // the rows are records: equal ones stay as they are, so selection holds
        }
        if (!configurationEdited.get()) {
            showConfiguration(s.deploymentConfiguration());
        }
        deploymentAlarms.set(alarmsInWords(s.deploymentConfiguration()));
    }

    /** The configured deployment alarms in words (deploymentConfiguration.alarms); the form does not change them. */
    static String alarmsInWords(DeploymentConfiguration c) {
        DeploymentAlarms a = c == null ? null : c.alarms();
        if (a == null || a.alarmNames().isEmpty()) {
            return "Deployment alarms: none";
        }
        String names = String.join(", ", a.alarmNames());
        if (!a.enable()) {
            return "Deployment alarms: " + names + " (turned off: deployments do not watch them)";
        }
        return "Deployment alarms: " + names + " — a deployment fails" + (a.rollback() ? " and rolls back" : "") + " when one goes to ALARM";
    }

    private void showConfiguration(DeploymentConfiguration c) {
        DeploymentConfiguration d = c == null ? DeploymentConfiguration.defaults() : c;
        settingFromService = true;
        try {
            minimumHealthyPercent.set(d.minimumHealthyPercentOrDefault());
            maximumPercent.set(d.maximumPercentOrDefault());
            circuitBreaker.set(d.circuitBreakerEnabled());
            rollback.set(d.rollbackEnabled());
        } finally {
            settingFromService = false;
        }
    }

    /** Puts the configuration fields back to the service's. */
    public void resetConfiguration() {
        configurationEdited.set(false);
        if (latest != null) {
            showConfiguration(latest.deploymentConfiguration());
        }
    }

    /** The edited configuration's problem, or empty: ECS's own limits on the two percentages. */
    public String configurationProblem() {
        int min = minimumHealthyPercent.get();
        int max = maximumPercent.get();
        if (min < 0 || min > 100) {
            return "Minimum healthy percent must be between 0 and 100, not " + min + ".";
        }
        if (max < 100 || max > 200) {
            return "Maximum percent must be between 100 and 200, not " + max + ".";
        }
        if (rollback.get() && !circuitBreaker.get()) {
            return "Rollback needs the circuit breaker on.";
        }
        return "";
    }

    /** Applies the edited deployment configuration after confirmation (UpdateService). */
    public void applyConfiguration() {
        if (disabled.get()) {
            return;
        }
        String problem = configurationProblem();
        if (!problem.isEmpty()) {
            message.set(problem);
            return;
        }
        // The form edits four fields; the rest (strategy, bake time, hooks, deployment alarms) stays as the service has it.
        DeploymentConfiguration was = latest == null || latest.deploymentConfiguration() == null ? DeploymentConfiguration.defaults()
                : latest.deploymentConfiguration();
        DeploymentConfiguration next = new DeploymentConfiguration(new DeploymentCircuitBreaker(circuitBreaker.get(), rollback.get()),
                maximumPercent.get(), minimumHealthyPercent.get(), was.strategy(), was.bakeTimeInMinutes(), was.lifecycleHooks(),
                was.linearConfiguration(), was.canaryConfiguration(), was.alarms());
        if (!context.confirmer().confirm("Change deployment configuration", "Change how " + ref.service() + " in " + ref.cluster()
                + " rolls out: at least " + next.minimumHealthyPercentOrDefault() + "% healthy, at most " + next.maximumPercentOrDefault()
                + "% running, circuit breaker " + (next.circuitBreakerEnabled() ? (next.rollbackEnabled() ? "on with rollback" : "on") : "off")
                + "? It applies to the next deployment.")) {
            return;
        }
        change("Saving the deployment configuration…",
                () -> context.provider().updateService(ServiceUpdate.deploymentConfiguration(ref.cluster(), ref.service(), next)),
                "Deployment configuration saved.", () -> configurationEdited.set(false));
    }

    /** Replaces every task with a new one of the same revision, after confirmation. */
    public void forceNewDeployment() {
        EcsService s = service.get();
        if (disabled.get() || s == null || !context.confirmer().confirm("Force new deployment", "Start a new deployment of "
                + ref.service() + " in " + ref.cluster() + "? All " + s.runningCount() + " tasks are replaced by new ones of "
                + Arns.familyRevision(s.taskDefinition()) + ", " + rules(s) + ".")) {
            return;
        }
        change("Starting a new deployment…", () -> context.provider().updateService(ServiceUpdate.forceNewDeployment(ref.cluster(),
                ref.service())), "New deployment started.", () -> { });
    }

    /**
     * Deploys the revision the service ran before: the older deployment's while a rollout is in
     * progress, otherwise the newest ACTIVE revision of the family older than the current one.
     */
    public void rollBack() {
        EcsService s = service.get();
        if (disabled.get() || s == null) {
            return;
        }
        message.set("Finding the revision before " + Arns.familyRevision(s.taskDefinition()) + "…");
        BackgroundTask.of(() -> previousRevision(s)).onSuccess(previous -> {
            if (previous == null) {
                message.set("No earlier ACTIVE revision of " + Arns.family(s.taskDefinition()) + " to roll back to.");
                return;
            }
            if (!context.confirmer().confirm("Roll back " + ref.service(), "Roll back " + ref.service() + " in " + ref.cluster() + " from "
                    + Arns.familyRevision(s.taskDefinition()) + " to " + Arns.familyRevision(previous) + "? " + rules(s) + ".")) {
                message.set("Not rolled back.");
                return;
            }
            change("Rolling back to " + Arns.familyRevision(previous) + "…",
                    () -> context.provider().updateService(ServiceUpdate.taskDefinition(ref.cluster(), ref.service(), previous)),
                    "Rolling back to " + Arns.familyRevision(previous) + ".", () -> { });
        }).onFailure(error -> message.set(ErrorText.of(error))).showingBusy(busy).executeWith(context.executor());
    }

    private String previousRevision(EcsService s) {
        String current = s.taskDefinition();
        for (Deployment d : s.deployments()) {
            if (!d.isPrimary() && !d.taskDefinition().equals(current)) {
                return d.taskDefinition();
            }
        }
        int currentRevision = Arns.revision(current);
        for (String arn : context.provider().listTaskDefinitions(Arns.family(current), false)) {
            if (Arns.revision(arn) < currentRevision) {
                return arn; // newest first
            }
        }
        return null;
    }

    private static String rules(EcsService s) {
        DeploymentConfiguration d = s.deploymentConfiguration() == null ? DeploymentConfiguration.defaults() : s.deploymentConfiguration();
        return "keeping at least " + d.minimumHealthyPercentOrDefault() + "% healthy and at most " + d.maximumPercentOrDefault()
                + "% running, circuit breaker " + (d.circuitBreakerEnabled() ? (d.rollbackEnabled() ? "on with rollback" : "on") : "off");
    }

    private void change(String progress, Callable<EcsService> call, String done, Runnable after) {
        message.set(progress);
        BackgroundTask.of(call).onSuccess(updated -> {
            message.set(done);
            after.run();
            currentService.publish(updated); // every part shows the new deployment now
        }).onFailure(error -> message.set(ErrorText.of(error))).showingBusy(busy).executeWith(context.executor());
    }

    public ObservableList<DeploymentRow> deployments() {
        return deployments;
    }

    public IntegerProperty minimumHealthyPercentProperty() {
        return minimumHealthyPercent;
    }

    public IntegerProperty maximumPercentProperty() {
        return maximumPercent;
    }

    public BooleanProperty circuitBreakerProperty() {
        return circuitBreaker;
    }

    public BooleanProperty rollbackProperty() {
        return rollback;
    }

    public BooleanProperty configurationEditedProperty() {
        return configurationEdited;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** "Deployment alarms: checkout-cpu-high — a deployment fails and rolls back when one goes to ALARM", or "…: none". */
    public ReadOnlyStringProperty deploymentAlarmsProperty() {
        return deploymentAlarms;
    }

    public BooleanBinding disabledProperty() {
        return disabled;
    }

    public javafx.beans.value.ObservableBooleanValue readOnly() {
        return context.readOnly();
    }
}
