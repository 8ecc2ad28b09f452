package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.sim.SimApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ECS's cluster query language on container instances (memberOf constraints, ListContainerInstances' filter):
 * {@code subject operator [argument]}, where the subject is {@code attribute:<name>}, {@code ec2InstanceId},
 * {@code agentConnected}, {@code agentVersion}, {@code registeredAt}, {@code runningTasksCount} or {@code task:group};
 * the operators {@code ==}/equals, {@code !=}/not_equals, {@code >}/greater_than, {@code >=}/greater_than_equal,
 * {@code <}/less_than, {@code <=}/less_than_equal, {@code exists}, {@code !exists}/not_exists, {@code in [..]},
 * {@code !in}/not_in, {@code =~}/matches and {@code !~}/not_matches (with {@code *} wildcards); joined by
 * {@code &&}/and (first) and {@code ||}/or, negated by {@code !}/not, grouped by parentheses.
 */
final class ClusterQuery {
    /** The ECS agent version the simulated instances report. */
    static final String AGENT_VERSION = "1.88.0";
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(&&|\\|\\||!=|!~|=~|==|>=|<=|[()\\[\\],!<>]|'[^']*'|\"[^\"]*\"|[^\\s()\\[\\],!<>=&|]+)");
    private static final Map<String, String> WORD_OPERATORS = Map.ofEntries(Map.entry("equals", "=="), Map.entry("not_equals", "!="),
            Map.entry("greater_than", ">"), Map.entry("greater_than_equal", ">="), Map.entry("less_than", "<"),
            Map.entry("less_than_equal", "<="), Map.entry("not_exists", "!exists"), Map.entry("not_in", "!in"),
            Map.entry("matches", "=~"), Map.entry("not_matches", "!~"), Map.entry("exists", "exists"), Map.entry("in", "in"));

    private interface Node {
        boolean matches(SimInstance i, SimCluster cluster);
    }

    private final Node root;
    private final List<String> tokens;
    private int at;

    private ClusterQuery(String expression) {
        this.tokens = tokenize(expression);
        Node parsed = or();
        if (at < tokens.size()) {
            throw invalid("unexpected '" + tokens.get(at) + "'");
        }
        this.root = parsed;
    }

    static ClusterQuery parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw SimApiException.invalidParameter("Expression is required for a memberOf constraint.");
        }
        return new ClusterQuery(expression.trim());
    }

    /** Whether the instance matches, without its cluster (runningTasksCount and task:group then read as absent). */
    boolean matches(SimInstance instance) {
        return root.matches(instance, null);
    }

    boolean matches(SimInstance instance, SimCluster cluster) {
        return root.matches(instance, cluster);
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        int pos = 0;
        while (pos < s.length()) {
            if (s.substring(pos).isBlank()) {
                break;
            }
            if (!m.find(pos) || m.start() != pos) {
                throw SimApiException.invalidParameter("Invalid expression: " + s);
            }
            out.add(m.group(1));
            pos = m.end();
        }
        return out;
    }

    private Node or() {
        Node left = and();
        while (takeAny("||", "or")) {
            Node l = left;
            Node r = and();
            left = (i, c) -> l.matches(i, c) || r.matches(i, c);
        }
        return left;
    }

    private Node and() {
        Node left = unary();
        while (takeAny("&&", "and")) {
            Node l = left;
            Node r = unary();
            left = (i, c) -> l.matches(i, c) && r.matches(i, c);
        }
        return left;
    }

    private Node unary() {
        if (takeAny("!", "not")) {
            Node inner = unary();
            return (i, c) -> !inner.matches(i, c);
        }
        if (takeAny("(")) {
            Node inner = or();
            expect(")");
            return inner;
        }
        return comparison();
    }

    private Node comparison() {
        String subject = next("a subject");
        Subject read = subject(subject);
        String op = next("an operator");
        if (op.equals("!") || op.equalsIgnoreCase("not")) { // "!exists", "!in", "not in" come as two tokens
            op = "!" + next("an operator after " + op);
        }
        op = WORD_OPERATORS.getOrDefault(op.toLowerCase(java.util.Locale.ROOT), op);
        switch (op.toLowerCase(java.util.Locale.ROOT)) {
            case "exists":
                return (i, c) -> read.value(i, c) != null;
            case "!exists":
                return (i, c) -> read.value(i, c) == null;
            case "in":
            case "!in": {
                List<String> values = list();
                boolean in = op.equals("in");
                return (i, c) -> (read.value(i, c) != null && values.contains(read.value(i, c))) == in;
            }
            case "==", "!=", ">", ">=", "<", "<=", "=~", "!~":
                break;
            default:
                throw invalid("unknown operator '" + op + "'");
        }
        String value = unquote(next("a value after " + op));
        String operator = op;
        if (op.equals("=~") || op.equals("!~")) {
            Pattern wildcard = Pattern.compile(Pattern.quote(value).replace("*", "\\E.*\\Q"));
            boolean want = op.equals("=~");
            return (i, c) -> (read.value(i, c) != null && wildcard.matcher(read.value(i, c)).matches()) == want;
        }
        if (op.equals("==") || op.equals("!=")) {
            boolean want = op.equals("==");
            return (i, c) -> value.equals(read.value(i, c)) == want;
        }
        Comparable<Object> bound = ordered(subject, value);
        return (i, c) -> {
            String v = read.value(i, c);
            if (v == null) {
                return false;
            }
            int cmp = ordered(subject, v).compareTo(bound);
            return switch (operator) {
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                case "<" -> cmp < 0;
                default -> cmp <= 0;
            };
        };
    }

    private interface Subject {
        String value(SimInstance i, SimCluster cluster);
    }

    private Subject subject(String subject) {
        if (subject.startsWith("attribute:") && subject.length() > "attribute:".length()) {
            String name = subject.substring("attribute:".length());
            return (i, c) -> i.attributes.get(name);
        }
        return switch (subject) {
            case "ec2InstanceId" -> (i, c) -> i.ec2InstanceId;
            case "agentConnected" -> (i, c) -> String.valueOf(i.agentConnected);
            case "agentVersion" -> (i, c) -> AGENT_VERSION;
            case "registeredAt" -> (i, c) -> i.registeredAt.toString();
            case "runningTasksCount" -> (i, c) -> c == null ? null : String.valueOf(c.tasks.values().stream()
                    .filter(t -> i.id.equals(t.containerInstanceId) && t.isRunning()).count());
            case "task:group" -> (i, c) -> c == null ? null : c.tasks.values().stream()
                    .filter(t -> i.id.equals(t.containerInstanceId) && !t.isStopped() && t.group != null)
                    .map(t -> t.group).findFirst().orElse(null);
            default -> throw invalid("unknown subject '" + subject + "' (attribute:<name>, ec2InstanceId, agentConnected, agentVersion, "
                    + "registeredAt, runningTasksCount, task:group)");
        };
    }

    /** A value of an ordered comparison: a number, a time (registeredAt), or a version (agentVersion). */
    @SuppressWarnings("unchecked")
    private Comparable<Object> ordered(String subject, String value) {
        try {
            if (subject.equals("registeredAt")) {
                Instant t = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
                return (Comparable<Object>) (Comparable<?>) t;
            }
            if (subject.equals("agentVersion")) {
                return (Comparable<Object>) (Comparable<?>) version(value);
            }
            return (Comparable<Object>) (Comparable<?>) new BigDecimal(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid("'" + value + "' is not " + (subject.equals("registeredAt") ? "a date (2026-12-06 or 2026-12-06T10:00:00Z)"
                    : "a number") + " to compare " + subject + " with");
        }
    }

    /** "1.88.0" as a zero-padded string that sorts as the version does. */
    private static String version(String v) {
        StringBuilder out = new StringBuilder();
        for (String part : v.split("\\.")) {
            out.append(String.format("%09d.", Long.parseLong(part)));
        }
        return out.toString();
    }

    private List<String> list() {
        expect("[");
        List<String> values = new ArrayList<>();
        while (true) {
            values.add(unquote(next("a value in the list")));
            if (takeAny("]")) {
                return values;
            }
            expect(",");
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private boolean takeAny(String... words) {
        if (at < tokens.size()) {
            for (String w : words) {
                if (tokens.get(at).equalsIgnoreCase(w)) {
                    at++;
                    return true;
                }
            }
        }
        return false;
    }

    private void expect(String token) {
        if (!takeAny(token)) {
            throw invalid("expected '" + token + "'" + (at < tokens.size() ? ", not '" + tokens.get(at) + "'" : " at the end"));
        }
    }

    private String next(String what) {
        if (at >= tokens.size()) {
            throw invalid(what + " is missing at the end");
        }
        return tokens.get(at++);
    }

    private SimApiException invalid(String why) {
        return SimApiException.invalidParameter("Invalid expression: " + String.join(" ", tokens) + ": " + why + ".");
    }
}
