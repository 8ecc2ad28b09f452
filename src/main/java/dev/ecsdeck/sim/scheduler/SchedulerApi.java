package dev.ecsdeck.sim.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeck.model.Page;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.SimEngine;
import dev.ecsdeck.sim.events.AtExpression;
import dev.ecsdeck.sim.events.EcsTaskTarget;
import dev.ecsdeck.sim.events.ScheduleExpression;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * EventBridge Scheduler's schedules in the {@code default} group. Schedules fire on the engine's
 * clock in their time zone, between StartDate and EndDate; an ECS target runs its tasks, started by
 * {@value #STARTED_BY_PREFIX}{@code <schedule name>}. A one-time {@code at} schedule fires once and,
 * with ActionAfterCompletion DELETE, is deleted then. Flexible time windows fire at the window's start.
 */
public final class SchedulerApi {
    public static final String DEFAULT_GROUP = "default";
    /**
     * What ECS shows as a Scheduler-started task's startedBy. The Scheduler and ECS references do not
     * say; this is the simulator's choice (EventBridge rules' tasks show {@code events-rule/<name>}).
     */
    public static final String STARTED_BY_PREFIX = "chronos-schedule/";
    private static final Pattern NAME = Pattern.compile("[0-9a-zA-Z-_.]+");
    private static final Set<String> STATES = Set.of("ENABLED", "DISABLED");
    private static final Set<String> AFTER_COMPLETION = Set.of("NONE", "DELETE");

    private final SimEngine engine;
    private final Map<String, SimSchedule> schedules = new TreeMap<>();

    public SchedulerApi(SimEngine engine) {
        this.engine = engine;
    }

    /** What CreateSchedule and UpdateSchedule take (flexibleTimeWindow and target as the wire documents they came as). */
    public record ScheduleSpec(String name, String group, String scheduleExpression, String timezone, Instant startDate, Instant endDate,
            JsonNode flexibleTimeWindow, String state, String actionAfterCompletion, String description, String kmsKeyArn, JsonNode target) {}

    /** A schedule as GetSchedule shows it. */
    public record ScheduleView(String arn, String group, String name, ScheduleSpec spec, Instant creationDate, Instant lastModificationDate) {}

    public String create(ScheduleSpec spec) {
        synchronized (engine) {
            engine.advance();
            String group = group(spec.group());
            checkName(spec.name());
            if (schedules.containsKey(spec.name())) {
                throw new SimApiException("ConflictException", "Schedule " + spec.name() + " already exists.", 409);
            }
            SimSchedule s = new SimSchedule(group, spec.name(), engine.ids().arn("scheduler", "schedule/" + group + "/" + spec.name()),
                    engine.now());
            apply(s, spec);
            schedules.put(spec.name(), s);
            return s.arn;
        }
    }

    /** UpdateSchedule: replaces everything the schedule was with what is sent (left out: the default), as the API reference says. */
    public String update(ScheduleSpec spec) {
        synchronized (engine) {
            engine.advance();
            group(spec.group());
            SimSchedule s = schedule(spec.name());
            apply(s, spec);
            return s.arn;
        }
    }

    public ScheduleView get(String name, String group) {
        synchronized (engine) {
            engine.advance();
            group(group);
            return view(schedule(name));
        }
    }

    public void delete(String name, String group) {
        synchronized (engine) {
            engine.advance();
            group(group);
            schedules.remove(schedule(name).name);
        }
    }

    /** ListSchedules: by name, filtered by prefix and state; pages of up to 100. */
    public Page<ScheduleView> list(String group, String prefix, String state, String nextToken, Integer maxResults) {
        synchronized (engine) {
            engine.advance();
            if (group != null) {
                group(group);
            }
            if (state != null && !STATES.contains(state)) {
                throw enumError(state, "state", STATES);
            }
            List<ScheduleView> all = new ArrayList<>();
            for (SimSchedule s : schedules.values()) {
                if ((prefix == null || s.name.startsWith(prefix)) && (state == null || state.equals(s.spec.state()))) {
                    all.add(view(s));
                }
            }
            int size = maxResults == null ? 100 : maxResults;
            if (size < 1 || size > 100) {
                throw validation("MaxResults must be between 1 and 100.");
            }
            int from = 0;
            if (nextToken != null) {
                try {
                    from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    from = -1;
                }
                if (from < 0 || from > all.size()) {
                    throw validation("Invalid NextToken.");
                }
            }
            int to = Math.min(all.size(), from + size);
            String next = to < all.size() ? Base64.getUrlEncoder().withoutPadding().encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8))
                    : null;
            return new Page<>(all.subList(from, to), next);
        }
    }

    /** A schedule as the state file keeps it. */
    public record ScheduleState(String arn, ScheduleSpec spec, Instant creationDate, Instant lastModificationDate, Instant anchor,
            Instant nextFire) {}

    /** Every schedule, for the state file (under the engine's lock). */
    public List<ScheduleState> snapshot() {
        List<ScheduleState> out = new ArrayList<>();
        for (SimSchedule s : schedules.values()) {
            out.add(new ScheduleState(s.arn, s.spec, s.creationDate, s.lastModificationDate, s.anchor, s.nextFire));
        }
        return out;
    }

    /** Puts saved schedules back; an invocation already past is not made up for: the schedule fires next after {@code now}. */
    public void restore(List<ScheduleState> saved, Instant now) {
        schedules.clear();
        for (ScheduleState st : saved) {
            SimSchedule s = new SimSchedule(st.spec().group(), st.spec().name(), st.arn(), st.creationDate());
            s.spec = st.spec();
            s.expression = ScheduleExpression.parse(st.spec().scheduleExpression());
            s.zone = st.spec().timezone() == null ? ZoneId.of("UTC") : ZoneId.of(st.spec().timezone());
            s.lastModificationDate = st.lastModificationDate();
            s.anchor = st.anchor();
            s.nextFire = st.nextFire() != null && st.nextFire().isBefore(now) ? next(s, now) : st.nextFire();
            schedules.put(s.name, s);
        }
    }

    /** When the schedule fires next (null: it does not), for tests and the console. */
    public Instant nextFire(String name) {
        synchronized (engine) {
            engine.advance();
            return schedule(name).nextFire;
        }
    }

    /** One simulated second: each enabled schedule whose time has come invokes its target. */
    public void step(Instant now) {
        for (SimSchedule s : List.copyOf(schedules.values())) {
            while (s.nextFire != null && !s.nextFire.isAfter(now)) {
                Instant fired = s.nextFire;
                s.nextFire = next(s, fired);
                String arn = s.target().path("Arn").asText();
                if (EcsTaskTarget.isEcsCluster(arn)) {
                    EcsTaskTarget.run(engine, arn, s.target().path("EcsParameters"), STARTED_BY_PREFIX + s.name);
                }
                if (s.nextFire == null && "DELETE".equals(s.spec.actionAfterCompletion())) {
                    schedules.remove(s.name);
                }
            }
        }
    }

    private void apply(SimSchedule s, ScheduleSpec in) {
        ScheduleExpression expression;
        try {
            expression = ScheduleExpression.parse(in.scheduleExpression());
        } catch (IllegalArgumentException e) {
            throw validation("Invalid Schedule Expression " + in.scheduleExpression() + ". " + e.getMessage());
        }
        ZoneId zone;
        try {
            zone = in.timezone() == null ? ZoneId.of("UTC") : ZoneId.of(in.timezone());
        } catch (DateTimeException e) {
            throw validation("Invalid ScheduleExpressionTimezone " + in.timezone() + ".");
        }
        if (in.startDate() != null && in.endDate() != null && !in.startDate().isBefore(in.endDate())) {
            throw validation("The StartDate must be before the EndDate.");
        }
        checkWindow(in.flexibleTimeWindow());
        String state = in.state() == null ? "ENABLED" : in.state();
        if (!STATES.contains(state)) {
            throw enumError(state, "state", STATES);
        }
        String after = in.actionAfterCompletion() == null ? "NONE" : in.actionAfterCompletion();
        if (!AFTER_COMPLETION.contains(after)) {
            throw enumError(after, "actionAfterCompletion", AFTER_COMPLETION);
        }
        JsonNode target = in.target();
        String arn = target.path("Arn").asText("");
        if (arn.isEmpty() || target.path("RoleArn").asText("").isEmpty()) {
            throw validation("Target.Arn and Target.RoleArn are required.");
        }
        if (EcsTaskTarget.isEcsCluster(arn)) {
            String problem = EcsTaskTarget.problem(arn, target.get("EcsParameters"));
            if (problem != null) {
                throw validation(problem);
            }
        }
        s.spec = new ScheduleSpec(s.name, s.group, in.scheduleExpression(), in.timezone(), in.startDate(), in.endDate(),
                in.flexibleTimeWindow(), state, after, in.description(), in.kmsKeyArn(), target.deepCopy());
        s.expression = expression;
        s.zone = zone;
        s.lastModificationDate = engine.now();
        s.anchor = in.startDate() != null ? in.startDate() : engine.now();
        s.nextFire = "ENABLED".equals(state) ? next(s, engine.now()) : null;
    }

    /** The first invocation after {@code after}, within StartDate and EndDate (one-time schedules ignore StartDate). */
    private static Instant next(SimSchedule s, Instant after) {
        Instant from = after;
        Instant start = s.spec.startDate();
        boolean once = s.expression instanceof AtExpression;
        if (!once && start != null && start.isAfter(from)) {
            from = start.minusMillis(1);
        }
        Instant t = s.expression.next(from, s.anchor, s.zone);
        Instant end = s.spec.endDate();
        return t == null || end != null && t.isAfter(end) ? null : t;
    }

    private static void checkWindow(JsonNode window) {
        String mode = window.path("Mode").asText(null);
        JsonNode max = window.get("MaximumWindowInMinutes");
        if (!"OFF".equals(mode) && !"FLEXIBLE".equals(mode)) {
            throw enumError(mode, "flexibleTimeWindow.mode", Set.of("OFF", "FLEXIBLE"));
        }
        if ("FLEXIBLE".equals(mode) && (max == null || !max.canConvertToInt() || max.asInt() < 1 || max.asInt() > 1440)) {
            throw validation("MaximumWindowInMinutes (1-1440) is required when FlexibleTimeWindow.Mode is FLEXIBLE.");
        }
        if ("OFF".equals(mode) && max != null && !max.isNull()) {
            throw validation("MaximumWindowInMinutes is only allowed when FlexibleTimeWindow.Mode is FLEXIBLE.");
        }
    }

    private SimSchedule schedule(String name) {
        checkName(name);
        SimSchedule s = schedules.get(name);
        if (s == null) {
            throw new SimApiException("ResourceNotFoundException", "Schedule " + name + " does not exist.", 404);
        }
        return s;
    }

    private static String group(String group) {
        if (group == null || group.equals(DEFAULT_GROUP)) {
            return DEFAULT_GROUP;
        }
        throw new SimApiException("ResourceNotFoundException", "Schedule group " + group + " does not exist.", 404);
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 64 || !NAME.matcher(name).matches()) {
            throw validation("1 validation error detected: Value '" + name + "' at 'name' failed to satisfy constraint: Member must satisfy "
                    + "regular expression pattern: ^[0-9a-zA-Z-_.]+$");
        }
    }

    private static ScheduleView view(SimSchedule s) {
        return new ScheduleView(s.arn, s.group, s.name, s.spec, s.creationDate, s.lastModificationDate);
    }

    private static SimApiException enumError(String value, String member, Set<String> values) {
        return validation("1 validation error detected: Value '" + value + "' at '" + member + "' failed to satisfy constraint: Member must "
                + "satisfy enum value set: " + new java.util.TreeSet<>(values));
    }

    private static SimApiException validation(String message) {
        return new SimApiException("ValidationException", message);
    }
}
