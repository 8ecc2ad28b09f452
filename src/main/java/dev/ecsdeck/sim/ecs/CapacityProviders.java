package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.model.CapacityProviderStrategyItem;
import dev.ecsdeck.sim.SimApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account's capacity providers (FARGATE and FARGATE_SPOT are built in) and ECS's rules for
 * capacity provider strategies: which strategy a service or task gets (its own, none with a launch
 * type, else its cluster's default), what makes one valid, and which provider the next task goes
 * to (the base first, then by weight).
 */
final class CapacityProviders {
    static final String FARGATE = "FARGATE";
    static final String FARGATE_SPOT = "FARGATE_SPOT";
    static final Set<String> BUILT_IN = Set.of(FARGATE, FARGATE_SPOT);
    /** A strategy can name at most this many providers. */
    static final int MAX_STRATEGY_ITEMS = 20;

    final Map<String, SimCapacityProvider> byName = new LinkedHashMap<>();

    /** An Auto Scaling group provider by name or ARN, ACTIVE or not; null when there is none (or it is built in). */
    SimCapacityProvider find(String ref) {
        return ref == null ? null : byName.get(SimEcs.nameOf(ref));
    }

    static boolean isFargate(String provider) {
        return BUILT_IN.contains(provider);
    }

    /**
     * The strategy a new service or task of this cluster runs by: none with a launch type (both given is
     * an error), the one given (checked), else the cluster's default (possibly none).
     */
    List<CapacityProviderStrategyItem> strategyFor(SimCluster cluster, String launchType, List<CapacityProviderStrategyItem> given) {
        boolean hasStrategy = given != null && !given.isEmpty();
        if (launchType != null && hasStrategy) {
            throw SimApiException.invalidParameter(
                    "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
        }
        if (launchType != null) {
            return List.of();
        }
        if (hasStrategy) {
            check(cluster, given);
            return normalised(given);
        }
        return List.copyOf(cluster.defaultStrategy);
    }

    /** The strategy as ECS keeps and shows it: weight and base 0 where not given. */
    static List<CapacityProviderStrategyItem> normalised(List<CapacityProviderStrategyItem> strategy) {
        return strategy.stream().map(i -> new CapacityProviderStrategyItem(i.capacityProvider(), i.weight() == null ? 0 : i.weight(),
                i.base() == null ? 0 : i.base())).toList();
    }

    /** The launch type a strategy's tasks have: FARGATE for FARGATE and FARGATE_SPOT, EC2 for Auto Scaling groups. */
    static String launchTypeOf(List<CapacityProviderStrategyItem> strategy) {
        return !strategy.isEmpty() && isFargate(strategy.get(0).capacityProvider()) ? "FARGATE" : "EC2";
    }

    /** ECS's rules for a strategy used in this cluster (a service's, a task's, or the cluster's default). */
    void check(SimCluster cluster, List<CapacityProviderStrategyItem> strategy) {
        if (strategy.size() > MAX_STRATEGY_ITEMS) {
            throw SimApiException.invalidParameter("The capacity provider strategy can contain a maximum of " + MAX_STRATEGY_ITEMS
                    + " capacity providers.");
        }
        int withBase = 0;
        boolean anyWeight = false;
        boolean fargate = false;
        boolean groups = false;
        List<String> seen = new ArrayList<>();
        for (CapacityProviderStrategyItem item : strategy) {
            String name = item.capacityProvider();
            if (name == null || name.isEmpty()) {
                throw SimApiException.invalidParameter("The capacity provider name cannot be empty.");
            }
            if (seen.contains(name)) {
                throw SimApiException.invalidParameter("The capacity provider strategy cannot contain a duplicate capacity provider: " + name + ".");
            }
            seen.add(name);
            int weight = item.weight() == null ? 0 : item.weight();
            int base = item.base() == null ? 0 : item.base();
            if (weight < 0 || weight > 1000) {
                throw SimApiException.invalidParameter("The capacity provider strategy weight must be between 0 and 1000.");
            }
            if (base < 0 || base > 100_000) {
                throw SimApiException.invalidParameter("The capacity provider strategy base must be between 0 and 100000.");
            }
            withBase += base > 0 ? 1 : 0;
            anyWeight |= weight > 0;
            if (!cluster.capacityProviders.contains(name)) {
                throw SimApiException.invalidParameter("The specified capacity provider strategy cannot contain a capacity provider that is not"
                        + " associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity"
                        + " provider and try again.");
            }
            if (isFargate(name)) {
                fargate = true;
            } else {
                SimCapacityProvider p = find(name);
                if (p == null || !p.active()) {
                    throw SimApiException.invalidParameter("The specified capacity provider " + name + " is not in an ACTIVE state."
                            + " Specify a valid capacity provider and try again.");
                }
                groups = true;
            }
        }
        if (withBase > 1) {
            throw SimApiException.invalidParameter("Only one capacity provider in a capacity provider strategy can have a base defined.");
        }
        if (!strategy.isEmpty() && !anyWeight) {
            throw SimApiException.invalidParameter("The capacity provider strategy must contain at least one capacity provider with a"
                    + " weight greater than 0.");
        }
        if (fargate && groups) {
            throw SimApiException.invalidParameter("The capacity provider strategy contains a mix of capacity providers using Auto Scaling"
                    + " groups and Fargate providers. Specify one or the other and try again.");
        }
    }

    /**
     * Which provider the next task goes to, given how many tasks each already has: the provider with a
     * base until it has that many, then the one furthest below its share by weight (ties: the first
     * listed). Providers of weight 0 get no tasks beyond their base.
     */
    static String choose(List<CapacityProviderStrategyItem> strategy, Map<String, Integer> counts) {
        for (CapacityProviderStrategyItem item : strategy) {
            int base = item.base() == null ? 0 : item.base();
            if (counts.getOrDefault(item.capacityProvider(), 0) < base) {
                return item.capacityProvider();
            }
        }
        String best = null;
        double bestScore = Double.MAX_VALUE;
        for (CapacityProviderStrategyItem item : strategy) {
            int weight = item.weight() == null ? 0 : item.weight();
            if (weight <= 0) {
                continue;
            }
            int base = item.base() == null ? 0 : item.base();
            int aboveBase = Math.max(0, counts.getOrDefault(item.capacityProvider(), 0) - base);
            double score = (aboveBase + 1) / (double) weight;
            if (score < bestScore) {
                best = item.capacityProvider();
                bestScore = score;
            }
        }
        return best;
    }

    /** The tasks of a service that are still wanted, counted by the capacity provider they run on. */
    static Map<String, Integer> countsOf(Iterable<SimTask> tasks) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SimTask t : tasks) {
            if (t.wantsRunning() && t.capacityProviderName != null) {
                counts.merge(t.capacityProviderName, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Whether any task, service or default strategy of the cluster still uses the provider. */
    static String usedIn(SimCluster cluster, String provider) {
        for (SimTask t : cluster.tasks.values()) {
            if (!t.isStopped() && provider.equals(t.capacityProviderName)) {
                return "task";
            }
        }
        for (SimService s : cluster.services.values()) {
            if (!"INACTIVE".equals(s.status) && s.capacityProviderStrategy.stream().anyMatch(i -> provider.equals(i.capacityProvider()))) {
                return "service " + s.name;
            }
        }
        return null;
    }
}
