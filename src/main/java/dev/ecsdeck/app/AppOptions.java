package dev.ecsdeck.app;

import dev.ecsdeck.sim.scenario.Scenarios;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The console's command-line options. Parsed by picocli in {@link Main} and again in the JavaFX application. */
@Command(name = "ecsdeck", mixinStandardHelpOptions = true, version = "ECS Deck 0.1.0",
        description = "A desktop console for Amazon ECS. Starts on the embedded simulator unless --backend aws is given.",
        subcommands = ServeSimCommand.class)
public final class AppOptions {

    public enum Backend { sim, aws }

    /** The scenarios --scenario takes (the console's and serve-sim's), one a line. */
    static final String SCENARIOS_HELP = "Simulator scenario, one of:"
            + "%n  demo   three clusters (the default)"
            + "%n  large  20 clusters, 40,000 services; sized with"
            + "%n         large:clusters=N,services=N,tasks=N,seed=N"
            + "%n  FILE   a scenario JSON file";

    @Option(names = "--backend", paramLabel = "sim|aws", description = "sim (the embedded simulated ECS, default) or aws.", defaultValue = "sim")
    Backend backend = Backend.sim;

    @Option(names = "--profile", description = "AWS profile from ~/.aws/config (aws backend). Default: the SDK's default chain.")
    String profile;

    @Option(names = "--region", description = "AWS region (aws backend). Default: the profile's or the environment's.")
    String region;

    // URLs start a line of their own (%n), so the help never breaks one in two.
    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send AWS calls to this endpoint instead, such as the one `ecsdeck serve-sim` serves:%nhttp://127.0.0.1:4566")
    String endpointUrl;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", defaultValue = "demo", description = SCENARIOS_HELP)
    String scenario = "demo";

    @Option(names = "--sim-state", description = "The simulator's state file. Default: sim/<scenario>.json in the config folder "
            + "(the large scenario is saved only when this is given).")
    Path simState;

    @Option(names = "--reset-sim", description = "Start the scenario afresh, replacing the saved simulator state.")
    boolean resetSim;

    @Option(names = "--read-only", description = "Refuse every change (scale, deploy, register, stop...).")
    boolean readOnly;

    @Option(names = "--config-dir", description = "Folder for settings, drafts and logs. Default: $XDG_CONFIG_HOME/ecsdeck or ~/.config/ecsdeck.")
    Path configDir;

    @Option(names = "--refresh-seconds", description = "Auto-refresh interval in seconds (0 turns it off). Default: 10.", defaultValue = "10")
    int refreshSeconds = 10;

    @Option(names = "--theme", paramLabel = "light|dark", description = "light or dark. Default: the last one used.")
    String theme;

    @Option(names = "--smoke", description = "Open the window, expand the tree, open a service, tail its logs, print one SMOKE line and exit.")
    boolean smoke;

    @Option(names = "--smoke-timeout-seconds", description = "How long --smoke may take before it fails. Default: 90.", defaultValue = "90")
    int smokeTimeoutSeconds = 90;

    public Backend backend() {
        return backend;
    }

    public String profile() {
        return profile;
    }

    public String region() {
        return region;
    }

    public String endpointUrl() {
        return endpointUrl;
    }

    public String scenario() {
        return scenario;
    }

    public Path simState() {
        return simState;
    }

    public boolean resetSim() {
        return resetSim;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public int refreshSeconds() {
        return refreshSeconds;
    }

    public String theme() {
        return theme;
    }

    public boolean smoke() {
        return smoke;
    }

    public int smokeTimeoutSeconds() {
        return smokeTimeoutSeconds;
    }

    /**
     * What is wrong with the options, naming the option, or null: checked before the window opens,
     * so a mistyped option is an error on the command line, not a dialog.
     */
    String problem() {
        if (backend == Backend.sim) {
            try {
                Scenarios.displayName(scenario);
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                return "--scenario " + scenario + ": " + e.getMessage();
            }
        }
        try {
            Backends.endpoint(endpointUrl);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (theme != null && !theme.equals("light") && !theme.equals("dark")) {
            return "--theme must be light or dark, not '" + theme + "'.";
        }
        if (refreshSeconds < 0) {
            return "--refresh-seconds must be 0 (off) or more, not " + refreshSeconds + ".";
        }
        if (smokeTimeoutSeconds < 1) {
            return "--smoke-timeout-seconds must be at least 1, not " + smokeTimeoutSeconds + ".";
        }
        return null;
    }

    /** The same options on another backend (the backend picker's switch). */
    AppOptions forBackend(Backend newBackend, String newProfile, String newRegion, String newEndpoint) {
        AppOptions o = new AppOptions();
        o.backend = newBackend;
        o.profile = newProfile;
        o.region = newRegion;
        o.endpointUrl = newEndpoint;
        o.scenario = scenario;
        o.simState = simState;
        o.resetSim = false;
        o.readOnly = readOnly;
        o.configDir = configDir;
        o.refreshSeconds = refreshSeconds;
        o.theme = theme;
        return o;
    }

    /** The config folder: the option, else $XDG_CONFIG_HOME/ecsdeck, else ~/.config/ecsdeck. */
    public Path configDir() {
        if (configDir != null) {
            return configDir;
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("ecsdeck");
    }
}
