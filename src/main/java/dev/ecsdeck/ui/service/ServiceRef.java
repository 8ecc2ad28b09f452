package dev.ecsdeck.ui.service;

/** The service a panel shows: its cluster's name and its own. */
public record ServiceRef(String cluster, String service) {
    @Override
    public String toString() {
        return service + " in " + cluster;
    }
}
