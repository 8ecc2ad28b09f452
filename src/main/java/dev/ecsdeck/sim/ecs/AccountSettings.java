package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.sim.SimApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ECS's account settings: each principal's own (PutAccountSetting), the root user's, which are the
 * account's defaults for principals without their own (PutAccountSettingDefault), and ECS's
 * defaults where neither is set. The names and values are the model's SettingName enum and the
 * values its documentation accepts. Used under the engine's lock.
 */
final class AccountSettings {
    /** ECS's defaults for an account that set nothing, in the model's enum order. */
    static final Map<String, String> ECS_DEFAULTS = defaults();
    /** The one setting AWS manages (read-only to the account). */
    static final String AWS_MANAGED = "guardDutyActivate";
    private static final Set<String> ON_OFF_ENABLED = Set.of("enabled", "disabled");

    /** Explicit settings by principal ARN, then by name. */
    private final Map<String, Map<String, String>> byPrincipal = new LinkedHashMap<>();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("serviceLongArnFormat", "enabled");
        d.put("taskLongArnFormat", "enabled");
        d.put("containerInstanceLongArnFormat", "enabled");
        d.put("awsvpcTrunking", "disabled");
        d.put("containerInsights", "disabled");
        d.put("fargateFIPSMode", "disabled");
        d.put("tagResourceAuthorization", "on");
        d.put("fargateTaskRetirementWaitPeriod", "7");
        d.put(AWS_MANAGED, "disabled");
        d.put("defaultLogDriverMode", "non-blocking");
        d.put("fargateEventWindows", "disabled");
        return java.util.Collections.unmodifiableMap(d);
    }

    /** Sets {@code principal}'s setting (the root user's is the account's default). */
    AccountSetting put(String name, String value, String principal, String root) {
        checkName(name);
        if (AWS_MANAGED.equals(name)) {
            throw SimApiException.invalidParameter("The guardDutyActivate account setting is read-only: Amazon GuardDuty manages it.");
        }
        checkValue(name, value);
        if ("fargateTaskRetirementWaitPeriod".equals(name) && !principal.equals(root)) {
            throw SimApiException.invalidParameter("You must use the root user to set fargateTaskRetirementWaitPeriod.");
        }
        byPrincipal.computeIfAbsent(principal, p -> new LinkedHashMap<>()).put(name, value);
        return new AccountSetting(name, value, principal, "user");
    }

    /** Removes {@code principal}'s own setting; answers the setting removed, or (none was set) the one that applies. */
    AccountSetting delete(String name, String principal, String root) {
        checkName(name);
        if (AWS_MANAGED.equals(name)) {
            throw SimApiException.invalidParameter("The guardDutyActivate account setting is read-only: Amazon GuardDuty manages it.");
        }
        Map<String, String> own = byPrincipal.get(principal);
        String removed = own == null ? null : own.remove(name);
        if (own != null && own.isEmpty()) {
            byPrincipal.remove(principal);
        }
        return removed != null ? new AccountSetting(name, removed, principal, "user") : effective(name, principal, root);
    }

    /** The setting that applies to {@code principal}: its own, else the root user's, else ECS's default. */
    AccountSetting effective(String name, String principal, String root) {
        String own = byPrincipal.getOrDefault(principal, Map.of()).get(name);
        if (own != null) {
            return new AccountSetting(name, own, principal, type(name));
        }
        String account = byPrincipal.getOrDefault(root, Map.of()).get(name);
        return new AccountSetting(name, account != null ? account : ECS_DEFAULTS.get(name), root, type(name));
    }

    /**
     * ListAccountSettings before paging: the principal's own settings, or with {@code effective} the
     * one that applies for every name; only {@code name} and {@code value} when given.
     */
    List<AccountSetting> list(String name, String value, String principal, boolean effective, String root) {
        if (name != null) {
            checkName(name);
        } else if (value != null) {
            throw SimApiException.invalidParameter("You must also specify an account setting name to filter by value.");
        }
        List<AccountSetting> out = new ArrayList<>();
        for (String n : ECS_DEFAULTS.keySet()) {
            if (name != null && !name.equals(n)) {
                continue;
            }
            AccountSetting s;
            if (effective) {
                s = effective(n, principal, root);
            } else {
                String own = byPrincipal.getOrDefault(principal, Map.of()).get(n);
                s = own == null ? null : new AccountSetting(n, own, principal, type(n));
            }
            if (s != null && (value == null || value.equals(s.value()))) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every explicit setting by principal (for the state file). */
    Map<String, Map<String, String>> explicit() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        byPrincipal.forEach((p, m) -> out.put(p, new LinkedHashMap<>(m)));
        return out;
    }

    void restore(Map<String, Map<String, String>> saved) {
        byPrincipal.clear();
        if (saved != null) {
            saved.forEach((p, m) -> byPrincipal.put(p, new LinkedHashMap<>(m)));
        }
    }

    private static String type(String name) {
        return AWS_MANAGED.equals(name) ? "aws_managed" : "user";
    }

    private static void checkName(String name) {
        if (!ECS_DEFAULTS.containsKey(name)) {
            throw SimApiException.invalidParameter("1 validation error detected: Value '" + name
                    + "' at 'name' failed to satisfy constraint: Member must satisfy enum value set: " + ECS_DEFAULTS.keySet());
        }
    }

    /** The values the model's documentation accepts for each setting. */
    private static void checkValue(String name, String value) {
        Set<String> allowed = switch (name) {
            case "containerInsights" -> Set.of("enabled", "disabled", "enhanced");
            case "tagResourceAuthorization" -> Set.of("on", "off");
            case "fargateTaskRetirementWaitPeriod" -> Set.of("0", "7", "14");
            case "defaultLogDriverMode" -> Set.of("blocking", "non-blocking");
            default -> ON_OFF_ENABLED;
        };
        if (value == null || !allowed.contains(value)) {
            throw SimApiException.invalidParameter("invalid value " + value + " for setting " + name + ": valid values are "
                    + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
    }
}
