package dev.ecsdeck.ui.service;

/**
 * One part of the service panel's view model (scaling, auto scaling, deployments, events, charts,
 * tasks). The panel reads the service on a timer and publishes it through its {@link CurrentService}
 * ({@code ServicePanelViewModel.serviceProperty()}); a part that changes the service publishes the
 * description the provider returned there, so the others show it at once. Parts that need more
 * than the service itself (tasks, scaling activities, utilisation) read it in {@link #refresh()},
 * which the panel calls after each read. A part never calls the provider on the UI thread.
 */
public interface ServicePart {
    /** Reads whatever this part shows beyond the service description. */
    default void refresh() {
    }

    /** A read of the service did not happen (the panel was hidden) or failed: nothing was observed for a while. */
    default void missed() {
    }
}
