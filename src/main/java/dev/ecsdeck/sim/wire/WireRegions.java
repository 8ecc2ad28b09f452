package dev.ecsdeck.sim.wire;

import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engines one server serves, by region: the scenario's in the default region, and for each other region a
 * client names (in its request signature's credential scope) an engine of its own, empty as a fresh AWS region
 * is, made on first use, on the same clock and in the same account. Each engine has its own services' operations.
 * A reset replaces them all with the scenario's start.
 */
public final class WireRegions {
    /** At most this many regions: a client naming ever new regions must not grow the server without bound. */
    public static final int MAX_REGIONS = 32;
    /** A region's name as AWS spells them (us-east-1, eu-west-1, ap-southeast-2, us-gov-west-1, eusc-de-east-1). */
    private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");
    /** The region in a SigV4 Authorization header: {@code Credential=AKID/20261206/eu-west-1/ecs/aws4_request}. */
    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([^/,\\s]+)/");

    /** One region's engine and the operations served on it. */
    public record Served(SimEngine engine, List<WireApi> apis) {}

    private final Supplier<SimEngine> scenarioStart;
    private final Function<SimEngine, List<WireApi>> apisOf;
    private Served home;
    private final Map<String, Served> others = new LinkedHashMap<>();

    /**
     * The regions around {@code engine} (the default region's); {@code scenarioStart} makes a fresh default-region
     * engine at the scenario's start for a reset (null: this server cannot reset); {@code apisOf} builds the
     * operations served on one engine.
     */
    public WireRegions(SimEngine engine, Supplier<SimEngine> scenarioStart, Function<SimEngine, List<WireApi>> apisOf) {
        this.scenarioStart = scenarioStart;
        this.apisOf = apisOf;
        this.home = new Served(engine, List.copyOf(apisOf.apply(engine)));
    }

    /** The default region's engine and operations. */
    public synchronized Served home() {
        return home;
    }

    /** The region a request's Authorization header names, or null when it names none (the default region then). */
    public static String regionOf(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher m = CREDENTIAL_SCOPE.matcher(authorization);
        return m.find() ? m.group(1) : null;
    }

    /** The engine of {@code region} (null: the default), made empty on first use. */
    public synchronized Served region(String region) {
        if (region == null || region.equals(home.engine().region())) {
            return home;
        }
        Served served = others.get(region);
        if (served != null) {
            return served;
        }
        if (!REGION.matcher(region).matches()) {
            throw new SimApiException("IncompleteSignatureException", "The credential scope names '" + region
                    + "', which is not a region's name (such as eu-west-1).");
        }
        if (others.size() + 1 >= MAX_REGIONS) {
            throw new SimApiException("IncompleteSignatureException", "The simulator holds at most " + MAX_REGIONS
                    + " regions; this request names a new one: " + region + ".");
        }
        SimEngine main = home.engine();
        // Its own seed (derived, so runs repeat) so its ids differ from the default region's.
        SimEngine engine = new SimEngine(main.clock(), main.seed() ^ region.hashCode(), region, main.clock().now(), main.account());
        served = new Served(engine, List.copyOf(apisOf.apply(engine)));
        others.put(region, served);
        return served;
    }

    /** Every engine, the default region's first. */
    public synchronized List<SimEngine> engines() {
        List<SimEngine> all = new ArrayList<>();
        all.add(home.engine());
        others.values().forEach(s -> all.add(s.engine()));
        return all;
    }

    public boolean canReset() {
        return scenarioStart != null;
    }

    /** Back to the scenario's start: a fresh default-region engine from it, and no other region. */
    public synchronized SimEngine reset() {
        if (scenarioStart == null) {
            throw new IllegalStateException("This server has no scenario to reset to.");
        }
        SimEngine engine = scenarioStart.get();
        home = new Served(engine, List.copyOf(apisOf.apply(engine)));
        others.clear();
        return engine;
    }

    /** Moves every region's simulation on to the clock's now (the server's ticker). */
    public void advanceAll() {
        engines().forEach(SimEngine::advance);
    }
}
