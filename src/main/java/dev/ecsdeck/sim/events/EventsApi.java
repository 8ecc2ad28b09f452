package dev.ecsdeck.sim.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * EventBridge rules on the default event bus, with their targets; scheduled rules fire on the
 * engine's clock (cron in UTC), and each ECS target starts its tasks by RunTask, started by
 * {@code events-rule/<rule name>} as ECS shows it for EventBridge. Errors are EventBridge's:
 * ResourceNotFoundException, ValidationException, LimitExceededException, InvalidEventPatternException.
 */
public final class EventsApi {
    public static final String DEFAULT_BUS = "default";
    /** Targets a rule may have at once, and per PutTargets or RemoveTargets call (the API reference's limits). */
    static final int MAX_TARGETS = 5;
    static final int MAX_ENTRIES = 10;
    private static final Pattern NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");
    private static final Set<String> STATES = Set.of("ENABLED", "DISABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimEngine engine;
    /** By name: ListRules answers in name order. */
    private final Map<String, SimRule> rules = new TreeMap<>();

    public EventsApi(SimEngine engine) {
        this.engine = engine;
    }

    /** A rule as DescribeRule and ListRules show it; {@code tags} for PutRule's record (and the state file). */
    public record RuleView(String name, String arn, String eventPattern, String scheduleExpression, String state, String description,
            String roleArn, String eventBusName, Map<String, String> tags) {}

    /** One target that PutTargets or RemoveTargets could not handle. */
    public record FailedEntry(String targetId, String errorCode, String errorMessage) {}

    /** PutRule: creates the rule or replaces all it was (members left out become empty, as the API reference says); its ARN. */
    public String putRule(String name, String bus, String scheduleExpression, String eventPattern, String state, String description,
            String roleArn, Map<String, String> tags) {
        synchronized (engine) {
            engine.advance();
            checkName(name, "name");
            checkBus(bus);
            if (scheduleExpression == null && eventPattern == null) {
                throw validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
            }
            ScheduleExpression schedule = null;
            if (scheduleExpression != null) {
                try {
                    schedule = ScheduleExpression.parseRule(scheduleExpression);
                } catch (IllegalArgumentException e) {
                    throw validation("Parameter ScheduleExpression is not valid. " + e.getMessage());
                }
            }
            if (eventPattern != null) {
                checkPattern(eventPattern);
            }
            String s = state == null ? "ENABLED" : state;
            if (!STATES.contains(s)) {
                throw validation("1 validation error detected: Value '" + s + "' at 'state' failed to satisfy constraint: Member must satisfy enum "
                        + "value set: [ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS]");
            }
            SimRule rule = rules.computeIfAbsent(name, n -> new SimRule(n, engine.ids().arn("events", "rule/" + n)));
            boolean scheduleChanged = !java.util.Objects.equals(rule.scheduleExpression, scheduleExpression);
            rule.scheduleExpression = scheduleExpression;
            rule.schedule = schedule;
            rule.eventPattern = eventPattern;
            rule.description = description;
            rule.roleArn = roleArn;
            if (tags != null) {
                rule.tags = new LinkedHashMap<>(tags); // on an existing rule, PutRule's tags are ignored: TagResource changes them
            }
            boolean wasEnabled = rule.state != null && rule.enabled();
            rule.state = s;
            if (scheduleChanged || rule.anchor == null) {
                rule.anchor = engine.now();
            }
            if (scheduleChanged || !wasEnabled) {
                schedule(rule);
            }
            return rule.arn;
        }
    }

    public RuleView describeRule(String name, String bus) {
        synchronized (engine) {
            engine.advance();
            checkBus(bus);
            return view(rule(name));
        }
    }

    /** ListRules: by name, those starting with {@code prefix}; pages of {@code limit} (1-100, 100 by default). */
    public Page<RuleView> listRules(String prefix, String bus, String nextToken, Integer limit) {
        synchronized (engine) {
            engine.advance();
            checkBus(bus);
            List<RuleView> all = new ArrayList<>();
            rules.values().stream().filter(r -> prefix == null || r.name.startsWith(prefix)).forEach(r -> all.add(view(r)));
            return page(all, nextToken, limit);
        }
    }

    /**
     * PutTargets: adds or replaces targets by id. A target that cannot work (an ECS cluster target
     * without EcsParameters.TaskDefinitionArn, say) is a failed entry; the others are put.
     */
    public List<FailedEntry> putTargets(String ruleName, String bus, List<JsonNode> targets) {
        synchronized (engine) {
            engine.advance();
            checkBus(bus);
            SimRule rule = rule(ruleName);
            if (targets.isEmpty() || targets.size() > MAX_ENTRIES) {
                throw validation("1 validation error detected: Value at 'targets' failed to satisfy constraint: Member must have length "
                        + "less than or equal to " + MAX_ENTRIES + " and greater than or equal to 1");
            }
            long added = targets.stream().map(t -> t.path("Id").asText()).distinct().filter(id -> !rule.targets.containsKey(id)).count();
            if (rule.targets.size() + added > MAX_TARGETS) {
                throw new SimApiException("LimitExceededException", "The requested resource exceeds the maximum number allowed.");
            }
            List<FailedEntry> failed = new ArrayList<>();
            for (JsonNode t : targets) {
                String id = t.path("Id").asText(null);
                String arn = t.path("Arn").asText(null);
                String problem = targetProblem(id, arn, t);
                if (problem != null) {
                    failed.add(new FailedEntry(id, "ValidationException", problem));
                } else {
                    rule.targets.put(id, t.deepCopy());
                }
            }
            return failed;
        }
    }

    public Page<JsonNode> listTargetsByRule(String ruleName, String bus, String nextToken, Integer limit) {
        synchronized (engine) {
            engine.advance();
            checkBus(bus);
            return page(new ArrayList<>(rule(ruleName).targets.values()), nextToken, limit);
        }
    }

    /** RemoveTargets: removes the named targets; ids the rule does not have are removed already (no failure). */
    public List<FailedEntry> removeTargets(String ruleName, String bus, List<String> ids) {
        synchronized (engine) {
            engine.advance();
            checkBus(bus);
            SimRule rule = rule(ruleName);
            if (ids.isEmpty() || ids.size() > MAX_ENTRIES) {
                throw validation("1 validation error detected: Value at 'ids' failed to satisfy constraint: Member must have length "
                        + "less than or equal to " + MAX_ENTRIES + " and greater than or equal to 1");
            }
            ids.forEach(rule.targets::remove);
            return List.of();
        }
    }

    /** DeleteRule: refused while the rule has targets; deleting a rule that is not there succeeds, as the API reference says. */
    public void deleteRule(String name, String bus) {
        synchronized (engine) {
            engine.advance();
            checkBus(bus);
            SimRule rule = rules.get(name);
            if (rule == null) {
                return;
            }
            if (!rule.targets.isEmpty()) {
                throw validation("Rule can't be deleted since it has targets.");
            }
            rules.remove(name);
        }
    }

    public void enableRule(String name, String bus) {
        setState(name, bus, "ENABLED");
    }

    public void disableRule(String name, String bus) {
        setState(name, bus, "DISABLED");
    }

    private void setState(String name, String bus, String state) {
        synchronized (engine) {
            engine.advance();
            checkBus(bus);
            SimRule rule = rule(name);
            boolean wasEnabled = rule.enabled();
            rule.state = state;
            if (wasEnabled != rule.enabled()) {
                schedule(rule);
            }
        }
    }

    /** One simulated second: every enabled scheduled rule whose time has come runs its ECS targets. */
    public void step(Instant now) {
        for (SimRule rule : rules.values()) {
            while (rule.nextFire != null && !rule.nextFire.isAfter(now)) {
                Instant fired = rule.nextFire;
                rule.nextFire = rule.schedule.next(fired, rule.anchor, ZoneOffset.UTC);
                fire(rule);
            }
        }
    }

    private void fire(SimRule rule) {
        for (JsonNode target : List.copyOf(rule.targets.values())) {
            String arn = target.path("Arn").asText();
            if (EcsTaskTarget.isEcsCluster(arn)) {
                EcsTaskTarget.run(engine, arn, target.path("EcsParameters"), "events-rule/" + rule.name);
            }
        }
    }

    /** The next fire time from now, when the rule is enabled and scheduled. */
    private void schedule(SimRule rule) {
        rule.nextFire = rule.enabled() && rule.schedule != null ? rule.schedule.next(engine.now(), rule.anchor, ZoneOffset.UTC) : null;
    }

    /** A rule as the state file keeps it: what PutRule and PutTargets set, and where its schedule is. */
    public record RuleState(String name, String arn, String scheduleExpression, String eventPattern, String state, String description,
            String roleArn, Map<String, String> tags, List<JsonNode> targets, Instant anchor, Instant nextFire) {}

    /** Every rule, for the state file (under the engine's lock). */
    public List<RuleState> snapshot() {
        List<RuleState> out = new ArrayList<>();
        for (SimRule r : rules.values()) {
            out.add(new RuleState(r.name, r.arn, r.scheduleExpression, r.eventPattern, r.state, r.description, r.roleArn,
                    new LinkedHashMap<>(r.tags), List.copyOf(r.targets.values()), r.anchor, r.nextFire));
        }
        return out;
    }

    /** Puts saved rules back; a fire time already past is not made up for: the rule fires next after {@code now}. */
    public void restore(List<RuleState> saved, Instant now) {
        rules.clear();
        for (RuleState s : saved) {
            SimRule r = new SimRule(s.name(), s.arn());
            r.scheduleExpression = s.scheduleExpression();
            r.schedule = s.scheduleExpression() == null ? null : ScheduleExpression.parseRule(s.scheduleExpression());
            r.eventPattern = s.eventPattern();
            r.state = s.state();
            r.description = s.description();
            r.roleArn = s.roleArn();
            r.tags = new LinkedHashMap<>(s.tags() == null ? Map.of() : s.tags());
            s.targets().forEach(t -> r.targets.put(t.path("Id").asText(), t));
            r.anchor = s.anchor();
            r.nextFire = s.nextFire() != null && s.nextFire().isBefore(now) ? r.schedule.next(now, r.anchor, ZoneOffset.UTC) : s.nextFire();
            rules.put(r.name, r);
        }
    }

    /** When the rule fires next (null: it does not), for tests and the console. */
    public Instant nextFire(String name) {
        synchronized (engine) {
            engine.advance();
            return rule(name).nextFire;
        }
    }

    private static String targetProblem(String id, String arn, JsonNode t) {
        if (id == null || id.length() > 64 || !NAME.matcher(id).matches()) {
            return "Parameter Id is not valid: 1-64 of letters, digits, '.', '-', '_'.";
        }
        if (arn == null || !arn.startsWith("arn:")) {
            return "Parameter(s) Arn is/are not valid.";
        }
        if (EcsTaskTarget.isEcsCluster(arn)) {
            if (t.path("RoleArn").asText("").isEmpty()) {
                return "RoleArn is required for target " + arn + ".";
            }
            return EcsTaskTarget.problem(arn, t.get("EcsParameters"));
        }
        return null;
    }

    private SimRule rule(String name) {
        checkName(name, "name");
        SimRule rule = rules.get(name);
        if (rule == null) {
            throw new SimApiException("ResourceNotFoundException", "Rule " + name + " does not exist on EventBus " + DEFAULT_BUS + ".");
        }
        return rule;
    }

    private RuleView view(SimRule r) {
        return new RuleView(r.name, r.arn, r.eventPattern, r.scheduleExpression, r.state, r.description, r.roleArn, DEFAULT_BUS,
                Map.copyOf(r.tags));
    }

    private static void checkName(String name, String member) {
        if (name == null || name.isEmpty() || name.length() > 64 || !NAME.matcher(name).matches()) {
            throw validation("1 validation error detected: Value '" + name + "' at '" + member + "' failed to satisfy constraint: Member must "
                    + "satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        }
    }

    /** Only the default bus exists: by name or by ARN. */
    private void checkBus(String bus) {
        if (bus == null || bus.equals(DEFAULT_BUS) || bus.equals(engine.ids().arn("events", "event-bus/" + DEFAULT_BUS))) {
            return;
        }
        String name = bus.contains("event-bus/") ? bus.substring(bus.indexOf("event-bus/") + "event-bus/".length()) : bus;
        throw new SimApiException("ResourceNotFoundException", "Event bus " + name + " does not exist.");
    }

    private static void checkPattern(String pattern) {
        JsonNode node;
        try {
            node = JSON.readTree(pattern);
        } catch (IOException e) {
            throw new SimApiException("InvalidEventPatternException", "Event pattern is not valid. Reason: it is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new SimApiException("InvalidEventPatternException", "Event pattern is not valid. Reason: Filter is not an object");
        }
    }

    private static <T> Page<T> page(List<T> all, String nextToken, Integer limit) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 100) {
            throw validation("1 validation error detected: Value '" + size + "' at 'limit' failed to satisfy constraint: Member must have "
                    + "value less than or equal to 100 and greater than or equal to 1");
        }
        int from = 0;
        if (nextToken != null) {
            try {
                from = Integer.parseInt(new String(java.util.Base64.getUrlDecoder().decode(nextToken), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                from = -1;
            }
            if (from < 0 || from > all.size()) {
                throw validation("The nextToken provided is not valid.");
            }
        }
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.valueOf(to).getBytes(java.nio.charset.StandardCharsets.UTF_8)) : null;
        return new Page<>(List.copyOf(all.subList(from, to)), next);
    }

    static SimApiException validation(String message) {
        return new SimApiException("ValidationException", message);
    }
}
