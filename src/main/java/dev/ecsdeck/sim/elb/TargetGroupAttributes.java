package dev.ecsdeck.sim.elb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The attributes of an application load balancer's ip or instance target group: their defaults and allowed values (from the API model). */
final class TargetGroupAttributes {
    static final String DEREGISTRATION_DELAY = "deregistration_delay.timeout_seconds";
    static final Map<String, String> DEFAULTS = defaults();

    private TargetGroupAttributes() {}

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(DEREGISTRATION_DELAY, "300");
        m.put("stickiness.enabled", "false");
        m.put("stickiness.type", "lb_cookie");
        m.put("stickiness.lb_cookie.duration_seconds", "86400");
        m.put("stickiness.app_cookie.cookie_name", "");
        m.put("stickiness.app_cookie.duration_seconds", "86400");
        m.put("load_balancing.algorithm.type", "round_robin");
        m.put("load_balancing.algorithm.anomaly_mitigation", "off");
        m.put("slow_start.duration_seconds", "0");
        m.put("load_balancing.cross_zone.enabled", "use_load_balancer_configuration");
        m.put("target_group_health.dns_failover.minimum_healthy_targets.count", "1");
        m.put("target_group_health.dns_failover.minimum_healthy_targets.percentage", "off");
        m.put("target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", "1");
        m.put("target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", "off");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Throws ELB's error when {@code value} is not allowed for {@code key}. */
    static void check(String key, String value) {
        if (key == null || !DEFAULTS.containsKey(key)) {
            throw ElbErrors.validation("Target group attribute key '" + key + "' is not recognized");
        }
        if (value == null) {
            throw ElbErrors.validation("Target group attribute '" + key + "' must have a value");
        }
        switch (key) {
            case DEREGISTRATION_DELAY -> range(key, value, 0, 3600);
            case "stickiness.lb_cookie.duration_seconds", "stickiness.app_cookie.duration_seconds" -> range(key, value, 1, 604800);
            case "slow_start.duration_seconds" -> {
                if (!"0".equals(value)) {
                    range(key, value, 30, 900);
                }
            }
            case "stickiness.enabled" -> oneOf(key, value, Set.of("true", "false"));
            case "stickiness.type" -> oneOf(key, value, Set.of("lb_cookie", "app_cookie"));
            case "load_balancing.algorithm.type" -> oneOf(key, value, Set.of("round_robin", "least_outstanding_requests", "weighted_random"));
            case "load_balancing.algorithm.anomaly_mitigation" -> oneOf(key, value, Set.of("on", "off"));
            case "load_balancing.cross_zone.enabled" -> oneOf(key, value, Set.of("true", "false", "use_load_balancer_configuration"));
            default -> {
                // The health-failover thresholds take "off" or a number; the simulator keeps them as given.
            }
        }
    }

    private static void range(String key, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ElbErrors.invalidConfiguration("The value of '" + key + "' must be a whole number from " + min + " to " + max);
        }
        if (n < min || n > max) {
            throw ElbErrors.invalidConfiguration("The value of '" + key + "' must be from " + min + " to " + max);
        }
    }

    private static void oneOf(String key, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw ElbErrors.invalidConfiguration("The value of '" + key + "' must be one of " + new java.util.TreeSet<>(allowed));
        }
    }
}
