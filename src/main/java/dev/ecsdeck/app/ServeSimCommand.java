package dev.ecsdeck.app;

import dev.ecsdeck.sim.ApiFaults;
import dev.ecsdeck.sim.ScaledWallClock;
import dev.ecsdeck.sim.scenario.Scenarios;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.SimIds;
import dev.ecsdeck.sim.state.SimStateStore;
import dev.ecsdeck.sim.wire.WireRegions;
import dev.ecsdeck.sim.wire.WireServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ecsdeck serve-sim}: the simulator served on 127.0.0.1 over the AWS wire protocols (JSON 1.1; Query for ELB), for
 * the AWS CLI, the SDKs and Terraform ({@code --endpoint-url http://127.0.0.1:4566}). Runs until
 * killed; no window.
 */
@Command(name = "serve-sim", mixinStandardHelpOptions = true,
        header = "Serve the simulated ECS to the AWS CLI, SDKs and Terraform (no window).",
        // The URL starts a line of its own (%n), so the help never breaks it in two.
        description = {"Serve the simulated ECS (with CloudWatch Logs, Application Auto Scaling, Elastic Load Balancing v2, EventBridge "
                + "and EventBridge Scheduler) over the AWS JSON 1.1, Query and REST-JSON protocols, "
                + "until killed, on%nhttp://127.0.0.1:PORT", "Point the AWS CLI, an SDK or Terraform at it as the endpoint.",
                "The scenario is in --region; a request signed for another region (its SigV4 credential scope) gets that region's "
                        + "own simulation, empty as a new region is, until a reset.",
                "POST /_ecsdeck/reset (from this machine only) returns the simulation to its scenario's start: the same "
                        + "scenario, seed and start time, other regions emptied; e.g.%ncurl -X POST http://127.0.0.1:PORT/_ecsdeck/reset"})
public final class ServeSimCommand implements Callable<Integer> {
    /** How often simulated time is moved on while no request comes, and how often the state is saved then. */
    static final long TICK_SECONDS = 1;
    static final long SAVE_SECONDS = 10;
    /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final Logger WIRE_LOG = Logger.getLogger(WireServer.class.getName());

    @Option(names = "--port", description = "TCP port on 127.0.0.1; 0 picks a free one (the printed line tells which). Default: 4566.",
            defaultValue = "4566")
    int port = 4566;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = AppOptions.SCENARIOS_HELP, defaultValue = "demo")
    String scenario = "demo";

    @Option(names = "--sim-state", description = "Load the simulation from this file if it exists, and save it there after every change "
            + "(the default region's; other regions are not saved).")
    Path simState;

    @Option(names = "--reset-sim", description = "Start the scenario afresh, replacing what --sim-state holds.")
    boolean resetSim;

    @Option(names = "--speed", description = "Simulated time runs this many times faster than real time. Default: 1.", defaultValue = "1")
    double speed = 1;

    @Option(names = "--region", description = "The region of the scenario, in its ARNs. Default: us-east-1.", defaultValue = Backends.SIM_REGION)
    String region = Backends.SIM_REGION;

    @Option(names = "--account-id", description = "The 12-digit AWS account id in every ARN the simulator makes. Default: 000000000000.",
            defaultValue = SimIds.DEFAULT_ACCOUNT)
    String accountId = SimIds.DEFAULT_ACCOUNT;

    /** The wall clock simulated time follows (tests set their own). */
    Clock wall = Clock.systemUTC();

    @Option(names = "--throttle-rate", description = "Answer ThrottlingException \"Rate exceeded\" beyond this many requests a second "
            + "(token bucket, burst of the same size). Default: 0, no throttling.", defaultValue = "0")
    double throttleRate;

    @Option(names = "--latency-ms", description = "Add this much latency to every request. Default: 0.", defaultValue = "0")
    long latencyMs;

    @Option(names = "--log-requests", description = "Log each request's operation, status and time to stderr (never headers or bodies).")
    boolean logRequests;

    /** A running server with its engine, ticker and state file; closing it saves and stops everything. */
    public static final class Serving implements AutoCloseable {
        private final WireServer server;
        private final WireRegions regions;
        private final SimStateStore store;
        private final ScheduledExecutorService ticker;

        private Serving(WireServer server, WireRegions regions, SimStateStore store, ScheduledExecutorService ticker) {
            this.server = server;
            this.regions = regions;
            this.store = store;
            this.ticker = ticker;
        }

        public int port() {
            return server.port();
        }

        /** The default region's engine (the one the state file holds); a reset replaces it. */
        public SimEngine engine() {
            return regions.home().engine();
        }

        @Override
        public synchronized void close() {
            ticker.shutdownNow();
            server.close();
            if (store != null) {
                store.save(engine());
            }
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Serving serving;
        try {
            serving = start(System.out);
        } catch (IOException | RuntimeException e) {
            System.err.println("serve-sim: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(serving::close, "serve-sim-shutdown"));
        new CountDownLatch(1).await(); // serves until the process is killed
        return 0;
    }

    /** Opens the simulation, starts serving and prints the one "listening" line to {@code out}. */
    public Serving start(PrintStream out) throws IOException {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("--speed must be greater than 0, not " + speed);
        }
        if (port < 0 || port > 65535 || throttleRate < 0 || latencyMs < 0) {
            throw new IllegalArgumentException("--port must be 0..65535, and --throttle-rate and --latency-ms at least 0.");
        }
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("--account-id must be 12 digits, not '" + accountId + "'.");
        }
        if (logRequests) {
            logRequests();
        }
        String name = Scenarios.displayName(scenario);
        SimStateStore store = simState == null ? null : new SimStateStore(simState, name);
        Instant origin = wall.instant();
        // The scenario's start, on a clock of its own that starts at the same instant each time (for a reset).
        Supplier<SimEngine> scenarioStart = () -> {
            SimEngine fresh = Scenarios.open(scenario, new ScaledWallClock(wall, origin, speed), region, accountId);
            fresh.advance(); // the scenario's warm-up, before the first client waits for it
            return fresh;
        };
        SimEngine engine;
        if (store != null && store.exists() && !resetSim) {
            engine = store.load(new ScaledWallClock(wall, origin, speed));
            engine.advance();
            if (!engine.account().equals(accountId) || !engine.region().equals(region)) {
                System.err.println("serve-sim: the state file holds account " + engine.account() + " in " + engine.region()
                        + "; it is served as it is (--reset-sim starts afresh in " + accountId + ", " + region + ").");
            }
        } else {
            engine = scenarioStart.get();
        }
        WireRegions regions = new WireRegions(engine, scenarioStart, WireServer::apisOf);
        ApiFaults faults = ApiFaults.realTime(1);
        ApiFaults.Config config = ApiFaults.Config.none().withLatency(latencyMs);
        if (throttleRate > 0) {
            config = config.withRate(throttleRate, (int) Math.max(1, Math.ceil(throttleRate)));
        }
        faults.configure(config);
        WireServer server = new WireServer(regions, faults, port, store == null ? null : () -> store.save(regions.home().engine()));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "serve-sim-ticker");
            t.setDaemon(true);
            return t;
        });
        // Time moves between requests too, so a request after a quiet spell does not pay for it.
        ticker.scheduleWithFixedDelay(regions::advanceAll, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
        if (store != null) {
            // Only the default region's simulation is saved; other regions' start empty again.
            store.save(engine);
            ticker.scheduleWithFixedDelay(() -> saveQuietly(store, regions.home().engine()), SAVE_SECONDS, SAVE_SECONDS, TimeUnit.SECONDS);
        }
        out.println("serve-sim listening on http://127.0.0.1:" + server.port() + " (scenario " + name + ", speed " + speedText() + ")");
        out.flush();
        return new Serving(server, regions, store, ticker);
    }

    private String speedText() {
        return speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed);
    }

    private static void saveQuietly(SimStateStore store, SimEngine engine) {
        try {
            store.save(engine);
        } catch (RuntimeException e) {
            System.err.println("serve-sim: could not save the simulator state: " + e.getMessage());
        }
    }

    private static void logRequests() {
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.FINE);
        WIRE_LOG.addHandler(console);
        WIRE_LOG.setLevel(Level.FINE);
        WIRE_LOG.setUseParentHandlers(false);
    }
}
