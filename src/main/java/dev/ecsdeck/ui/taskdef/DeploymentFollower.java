package dev.ecsdeck.ui.taskdef;

import javafx.scene.Node;

/**
 * A view that follows a service's newest service deployment (its stages, hooks and traffic), shown in
 * the editor's rollout pane after a deploy; the window makes it (the service panel's timeline), so the
 * editor does not depend on the service panel.
 */
public interface DeploymentFollower {

    /** Makes followers for a cluster's service. */
    @FunctionalInterface
    interface Factory {
        DeploymentFollower follow(String cluster, String service);
    }

    Node view();

    /** Reads once more, then no longer. */
    void finish();

    /** Stops reading at once (the editor closed). */
    void stop();
}
