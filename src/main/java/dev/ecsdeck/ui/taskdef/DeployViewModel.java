package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.Confirmer;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import dev.ecsdeck.ui.deploy.DeployQuestion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Deploy to…": the services that run the family, and deploying a revision to one of them after
 * the deploy question (the diff against the revision it runs, the strategy, the plan of how it will
 * roll out); then following the rollout. "Roll back" deploys the revision the
 * service ran before, the same way; "Force new deployment" replaces every task with the same revision.
 */
public final class DeployViewModel {
    /** A service that runs a revision of the family. */
    public record Target(String cluster, String service, String taskDefinitionArn, DeploymentConfiguration deploymentConfiguration) {
        public String label() {
            return service + " in " + cluster + " (runs " + Arns.familyRevision(taskDefinitionArn) + ")";
        }
    }

    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final Confirmer confirmer;
    private final ObservableBooleanValue readOnly;
    private final RolloutViewModel rollout;
    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    /** The family whose services are offered; null before the first look. */
    private String family;
    private Consumer<EcsService> onServiceUpdated = s -> { };
    /** Puts the deploy question to the user (the editor shows it in a dialog); until one is set, nothing is deployed. */
    private Consumer<DeployQuestion> asker = DeployQuestion::cancel;

    public DeployViewModel(EcsProvider provider, TaskExecutor executor, Confirmer confirmer, ObservableBooleanValue readOnly,
            RolloutViewModel rollout) {
        this.provider = provider;
        this.executor = executor;
        this.confirmer = confirmer;
        this.readOnly = readOnly;
        this.rollout = rollout;
    }

    /** Who hears of a service this view model updated, as UpdateService returned it (the window's service panel). */
    public void onServiceUpdated(Consumer<EcsService> handler) {
        this.onServiceUpdated = handler;
    }

    /** Who puts the deploy question to the user: the view shows it, a test answers it. */
    public void askWith(Consumer<DeployQuestion> asker) {
        this.asker = asker;
    }

    /** Finds every service, in every cluster, that runs a revision of {@code family}. */
    public void findTargets(String family) {
        this.family = family;
        status.set("Looking for services that run " + family + "…");
        lookUp(family, true);
    }

    /**
     * Reads the services again (when the picker opens, after a deploy), so "(runs …)" names the
     * revision each runs now; quietly, unless it fails.
     */
    public void refreshTargets() {
        if (family != null) {
            lookUp(family, false);
        }
    }

    private void lookUp(String family, boolean sayHowMany) {
        BackgroundTask.of(() -> {
            List<Target> found = new ArrayList<>();
            for (Cluster c : provider.listClusters()) {
                for (EcsService s : provider.listServices(c.clusterName())) {
                    if (s.taskDefinition() != null && family.equals(Arns.family(s.taskDefinition()))) {
                        found.add(new Target(c.clusterName(), s.serviceName(), s.taskDefinition(), s.deploymentConfiguration()));
                    }
                }
            }
            return found;
        }).onSuccess(found -> {
            if (!found.equals(targets)) {
                targets.setAll(found);
            }
            if (sayHowMany) {
                status.set(found.isEmpty() ? "No service runs " + family + "."
                        : dev.ecsdeck.ui.common.Plural.of(found.size(), "service") + (found.size() == 1 ? " runs " : " run ") + family + ".");
            }
        }).onFailure(error -> status.set(ErrorText.of(error))).executeWith(executor);
    }

    /**
     * Deploys {@code revision} to the target after asking with the deploy question: the changes
     * against the revision the service runs now, the strategy and its plan. What it runs is read
     * now, not taken from when the list was read.
     */
    public void deploy(Target target, TaskDefinition revision) {
        if (readOnly.get() || target == null || revision == null) {
            return;
        }
        status.set("Comparing with the revision " + target.service() + " runs…");
        DeployQuestion.open(provider, executor, readOnly, target.cluster(), target.service(), revision, question -> {
            status.set("Asking how to deploy " + revision.familyRevision() + "…");
            question.onCancelled(() -> status.set("Not deployed."));
            question.onDeployed(d -> {
                status.set("Deploying " + Arns.familyRevision(d.deployedArn()) + " to " + d.service().serviceName() + " ("
                        + question.strategy().strategyProperty().get().label + ")." + (d.imageNote().isEmpty() ? "" : " " + d.imageNote()));
                rollout.follow(d.service(), d.deployedArn(), d.previousArn());
                onServiceUpdated.accept(d.service());
                refreshTargets();
            });
            asker.accept(question);
        }, error -> status.set(ErrorText.of(error)));
    }

    /** Deploys, the same way, the revision the followed service ran before the last deploy. */
    public void rollBack() {
        String previous = rollout.previousTaskDefinition();
        if (previous == null || readOnly.get()) {
            return;
        }
        String cluster = rollout.cluster();
        String service = rollout.service();
        BackgroundTask.of(() -> provider.describeServices(cluster, List.of(service)))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        status.set("Service " + service + " is gone.");
                        return;
                    }
                    EcsService s = found.get(0);
                    Target target = new Target(cluster.substring(cluster.lastIndexOf('/') + 1), service, s.taskDefinition(),
                            s.deploymentConfiguration());
                    BackgroundTask.of(() -> provider.describeTaskDefinition(previous))
                            .onSuccess(revision -> deploy(target, revision))
                            .onFailure(error -> status.set(ErrorText.of(error)))
                            .executeWith(executor);
                })
                .onFailure(error -> status.set(ErrorText.of(error)))
                .executeWith(executor);
    }

    public void forceNewDeployment(Target target) {
        if (readOnly.get() || target == null || !confirmer.confirm("Force new deployment", "Start a new deployment of service "
                + target.service() + " in " + target.cluster() + "? Every task is replaced by a new one of "
                + Arns.familyRevision(target.taskDefinitionArn()) + ".\n\n" + rolloutRules(target.deploymentConfiguration()))) {
            return;
        }
        update(ServiceUpdate.forceNewDeployment(target.cluster(), target.service()), target.taskDefinitionArn(), target.taskDefinitionArn());
    }

    private void update(ServiceUpdate update, String deployed, String previous) {
        status.set("Updating " + update.service() + "…");
        BackgroundTask.of(() -> provider.updateService(update))
                .onSuccess(service -> {
                    status.set("Deploying " + Arns.familyRevision(deployed) + " to " + service.serviceName() + ".");
                    rollout.follow(service, deployed, previous);
                    onServiceUpdated.accept(service);
                    refreshTargets();
                })
                .onFailure(error -> status.set(ErrorText.of(error)))
                .executeWith(executor);
    }

    static String rolloutRules(DeploymentConfiguration c) {
        DeploymentConfiguration d = c == null ? DeploymentConfiguration.defaults() : c;
        return "Rollout: at least " + d.minimumHealthyPercentOrDefault() + "% healthy, at most " + d.maximumPercentOrDefault()
                + "% running; circuit breaker " + (d.circuitBreakerEnabled() ? (d.rollbackEnabled() ? "on, with rollback" : "on") : "off") + ".";
    }

    public ObservableList<Target> targets() {
        return targets;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public RolloutViewModel rollout() {
        return rollout;
    }
}
