package dev.ecsdeck.ui.shell;

/**
 * A backend the user can pick: the simulator, or an AWS profile (null profile: the SDK's default
 * credentials) in a region, at an endpoint when one was given on the command line.
 */
public record BackendChoice(boolean simulator, String profile, String region, String endpoint) {

    public static BackendChoice simulatorChoice() {
        return new BackendChoice(true, null, null, null);
    }

    public static BackendChoice aws(String profile, String region, String endpoint) {
        return new BackendChoice(false, profile, region, endpoint);
    }

    public BackendChoice inRegion(String newRegion) {
        return new BackendChoice(simulator, profile, newRegion, endpoint);
    }

    /** What the picker shows (the region has its own picker). */
    public String label() {
        if (simulator) {
            return "Simulator";
        }
        return (profile == null ? "Default credentials" : "Profile " + profile) + (endpoint == null ? "" : " @ " + endpoint);
    }

    /** The key this backend's own settings (read-only) are remembered under: per profile, whatever the region or endpoint. */
    public String settingsKey() {
        if (simulator) {
            return "sim";
        }
        return "aws:" + (profile == null ? "(default credentials)" : profile);
    }

    /** The backend in a sentence: "the simulator", "profile prod-admin", "the default credentials". */
    public String subject() {
        if (simulator) {
            return "the simulator";
        }
        return profile == null ? "the default credentials" : "profile " + profile;
    }

    /** Same backend, whatever the region. */
    public boolean sameSource(BackendChoice other) {
        return other != null && simulator == other.simulator && java.util.Objects.equals(profile, other.profile)
                && java.util.Objects.equals(endpoint, other.endpoint);
    }
}
