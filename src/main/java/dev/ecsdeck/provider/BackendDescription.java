package dev.ecsdeck.provider;

/**
 * Which backend a provider talks to, for the status bar and the tree's root: the simulator, or an
 * AWS profile and region (and endpoint, when overridden).
 */
public record BackendDescription(Kind kind, String profile, String region, String endpoint, String scenario) {

    public enum Kind { SIMULATOR, AWS }

    public static BackendDescription simulator(String scenario) {
        return new BackendDescription(Kind.SIMULATOR, null, "us-east-1", null, scenario);
    }

    public static BackendDescription aws(String profile, String region, String endpoint) {
        return new BackendDescription(Kind.AWS, profile, region, endpoint, null);
    }

    public boolean isSimulator() {
        return kind == Kind.SIMULATOR;
    }

    /** A short label, e.g. "Simulator (demo)" or "prod-admin · eu-west-1". */
    public String label() {
        if (isSimulator()) {
            return scenario == null ? "Simulator" : "Simulator (" + scenario + ")";
        }
        String who = profile == null ? "default credentials" : profile;
        String where = region == null ? "no region" : region;
        return who + " · " + where + (endpoint == null ? "" : " · " + endpoint);
    }
}
