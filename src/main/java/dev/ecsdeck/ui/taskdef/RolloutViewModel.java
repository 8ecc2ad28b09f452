package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.Deployment;
import dev.ecsdeck.model.EcsService;
import dev.ecsdeck.model.ServiceEvent;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.ui.common.BackgroundTask;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.TaskExecutor;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Follows one service's rollout after a deploy: its deployments with counts and rolloutState, and
 * the events since the deploy, until the new deployment is alone and COMPLETED, or FAILED. The
 * view polls while {@link #followingProperty()} is true; tests call {@link #poll()} directly.
 */
public final class RolloutViewModel {
    private final EcsProvider provider;
    private final TaskExecutor executor;
    private final ObservableList<Deployment> deployments = FXCollections.observableArrayList();
    private final ObservableList<ServiceEvent> events = FXCollections.observableArrayList();
    private final StringProperty state = new SimpleStringProperty("");
    private final StringProperty headline = new SimpleStringProperty("");
    private final BooleanProperty following = new SimpleBooleanProperty();
    private String cluster;
    private String service;
    private String deployedArn;
    private String previousArn;
    private Instant since;
    private boolean polling;

    public RolloutViewModel(EcsProvider provider, TaskExecutor executor) {
        this.provider = provider;
        this.executor = executor;
    }

    /** Starts following the service after it was asked to run {@code deployedArn} instead of {@code previousArn}. */
    public void follow(EcsService updated, String deployedArn, String previousArn) {
        this.cluster = updated.clusterArn();
        this.service = updated.serviceName();
        this.deployedArn = deployedArn;
        this.previousArn = previousArn;
        Deployment primary = updated.deployments().isEmpty() ? null : updated.deployments().get(0);
        this.since = primary != null && primary.createdAt() != null ? primary.createdAt() : Instant.EPOCH;
        events.clear();
        headline.set("Deploying " + Arns.familyRevision(deployedArn) + " to " + service + "…");
        show(updated);
        following.set(true);
    }

    /** Reads the service once more (the view calls this every two seconds while following). */
    public void poll() {
        if (!following.get() || polling) {
            return;
        }
        polling = true;
        String c = cluster;
        String s = service;
        BackgroundTask.of(() -> provider.describeServices(c, List.of(s)))
                .onSuccess(found -> {
                    if (!found.isEmpty()) {
                        show(found.get(0));
                    }
                })
                .onFailure(error -> headline.set("Following " + s + ": " + ErrorText.of(error) + " (retrying)"))
                .onFinished(() -> polling = false)
                .executeWith(executor);
    }

    private void show(EcsService s) {
        deployments.setAll(s.deployments());
        events.setAll(s.events().stream().filter(e -> e.createdAt() == null || !e.createdAt().isBefore(since)).toList());
        Deployment mine = s.deployments().stream().filter(d -> deployedArn.equals(d.taskDefinition())).findFirst().orElse(null);
        if (mine == null) {
            // Replaced: a circuit breaker rolled back to another revision, or someone deployed over it.
            Deployment primary = s.deployments().isEmpty() ? null : s.deployments().get(0);
            state.set("FAILED");
            headline.set(Arns.familyRevision(deployedArn) + " is no longer deployed"
                    + (primary == null ? "." : ": " + s.serviceName() + " runs " + Arns.familyRevision(primary.taskDefinition()) + "."));
            following.set(primary != null && primary.inProgress());
            return;
        }
        state.set(mine.rolloutState());
        if (mine.failed()) {
            headline.set(Arns.familyRevision(deployedArn) + " failed: " + mine.rolloutStateReason());
            following.set(s.deployments().size() > 1 || s.deployments().stream().anyMatch(Deployment::inProgress));
        } else if ("COMPLETED".equals(mine.rolloutState()) && s.deployments().size() == 1) {
            headline.set(Arns.familyRevision(deployedArn) + " is deployed: " + mine.runningCount() + " of " + mine.desiredCount() + " running.");
            following.set(false);
        } else {
            headline.set("Deploying " + Arns.familyRevision(deployedArn) + ": " + mine.runningCount() + " of " + mine.desiredCount()
                    + " running, " + mine.pendingCount() + " pending, " + mine.failedTasks() + " failed.");
        }
    }

    /** The revision the service ran before the deploy being followed (what "Roll back" deploys). */
    public String previousTaskDefinition() {
        return previousArn;
    }

    public String cluster() {
        return cluster;
    }

    public String service() {
        return service;
    }

    public ObservableList<Deployment> deployments() {
        return deployments;
    }

    public ObservableList<ServiceEvent> events() {
        return events;
    }

    /** IN_PROGRESS, COMPLETED or FAILED; empty before any deploy. */
    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline;
    }

    public ReadOnlyBooleanProperty followingProperty() {
        return following;
    }
}
