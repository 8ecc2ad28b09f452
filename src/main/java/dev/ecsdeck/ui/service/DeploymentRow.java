package dev.ecsdeck.ui.service;

import dev.ecsdeck.model.Arns;
import dev.ecsdeck.model.Deployment;

/** One deployment as the panel lists it: its revision, state, and progress toward its desired count. */
public record DeploymentRow(Deployment deployment) {

    public String id() {
        return deployment.id();
    }

    public String revision() {
        return Arns.familyRevision(deployment.taskDefinition());
    }

    /** Running out of desired, 0 to 1 (1 when nothing is desired). */
    public double progress() {
        return deployment.desiredCount() == 0 ? 1.0 : Math.min(1.0, (double) deployment.runningCount() / deployment.desiredCount());
    }

    public String tasks() {
        return deployment.runningCount() + "/" + deployment.desiredCount() + " running · " + deployment.pendingCount() + " pending"
                + (deployment.failedTasks() > 0 ? " · " + deployment.failedTasks() + " failed" : "");
    }

    public String state() {
        String state = deployment.rolloutState() == null ? "" : deployment.rolloutState();
        return deployment.rolloutStateReason() == null || deployment.rolloutStateReason().isBlank() ? state
                : state + " — " + deployment.rolloutStateReason();
    }
}
