package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.Cluster;
import dev.ecsdeck.model.DeploymentConfiguration;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.TaskDefinition;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ServiceUpdate;
import dev.ecsdeck.taskdef.RevisionDiff;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.Confirmer;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
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
 * showing what changes (the diff against the revision it runs) and how it will roll out (its
 * deployment configuration); then following the rollout. "Roll back" deploys the revision the
 * service ran before, the same way; "Force new deployment" replaces every task with the same revision.
 */
public final class DeployViewModel {
    static final int QUESTION_LINES = 25;
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

    /** Deploys {@code revision} to the target after a confirmation that shows the changes and the rollout rules. */
    public void deploy(Target target, TaskDefinition revision) {
        if (readOnly.get() || target == null || revision == null) {
            return;
        }
        status.set("Comparing with the revision " + target.service() + " runs…");
        // What the service runs now, not what it ran when the list was read.
        BackgroundTask.of(() -> {
            List<EcsService> found = provider.describeServices(target.cluster(), List.of(target.service()));
            String running = found.isEmpty() || found.get(0).taskDefinition() == null ? target.taskDefinitionArn() : found.get(0).taskDefinition();
            return provider.describeTaskDefinition(running);
        })
                .onSuccess(current -> {
                    String changes = shortened(RevisionDiff.compare(current.json(), revision.json()).asText(true));
                    String question = "Deploy " + revision.familyRevision() + " to service " + target.service() + " in " + target.cluster()
                            + "? It runs " + current.familyRevision() + " now.\n\nChanges:\n" + (changes.isBlank() ? "(none)" : changes)
                            + "\n\n" + rolloutRules(target.deploymentConfiguration());
                    if (!confirmer.confirm("Deploy " + revision.familyRevision(), question)) {
                        status.set("Not deployed.");
                        return;
                    }
                    update(ServiceUpdate.taskDefinition(target.cluster(), target.service(), revision.taskDefinitionArn()),
                            revision.taskDefinitionArn(), current.taskDefinitionArn());
                })
                .onFailure(error -> status.set(ErrorText.of(error)))
                .executeWith(executor);
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

    /** At most {@value #QUESTION_LINES} lines of changes, so the confirmation fits on the screen. */
    static String shortened(String changes) {
        List<String> lines = changes.lines().toList();
        if (lines.size() <= QUESTION_LINES) {
            return changes;
        }
        return String.join("\n", lines.subList(0, QUESTION_LINES)) + "\n… and " + (lines.size() - QUESTION_LINES)
                + " more changed paths (compare the revisions in the Task definitions tab)";
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
