package dev.ecsdeck.sim.ecs;

import dev.ecsdeck.sim.SimApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of ECS's cluster query language that memberOf constraints use on container instances:
 * {@code attribute:<name>} (or {@code ec2InstanceId}, {@code agentConnected}) compared with
 * ==, !=, =~ (wildcard), !~, in [..], not in [..], exists, !exists; joined by and/or, with not(..)
 * and parentheses.
 */
final class ClusterQuery {
    private static final Pattern COMPARISON = Pattern.compile(
            "\\s*(\\S+)\\s+(==|!=|=~|!~|not\\s+in|in|exists|!exists)\\s*(.*?)\\s*");

    private interface Node {
        boolean matches(SimInstance i);
    }

    private final Node root;

    private ClusterQuery(Node root) {
        this.root = root;
    }

    static ClusterQuery parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw SimApiException.invalidParameter("Expression is required for a memberOf constraint.");
        }
        return new ClusterQuery(parseOr(expression.trim()));
    }

    boolean matches(SimInstance instance) {
        return root.matches(instance);
    }

    private static Node parseOr(String s) {
        List<String> parts = splitTop(s, "or");
        if (parts.size() > 1) {
            List<Node> nodes = parts.stream().map(ClusterQuery::parseOr).toList();
            return i -> nodes.stream().anyMatch(n -> n.matches(i));
        }
        List<String> ands = splitTop(s, "and");
        if (ands.size() > 1) {
            List<Node> nodes = ands.stream().map(ClusterQuery::parseOr).toList();
            return i -> nodes.stream().allMatch(n -> n.matches(i));
        }
        String t = s.trim();
        if (t.startsWith("not(") && t.endsWith(")")) {
            Node inner = parseOr(t.substring(4, t.length() - 1));
            return i -> !inner.matches(i);
        }
        if (t.startsWith("(") && t.endsWith(")")) {
            return parseOr(t.substring(1, t.length() - 1));
        }
        return comparison(t);
    }

    /** Splits on a keyword surrounded by spaces, outside brackets and parentheses. */
    private static List<String> splitTop(String s, String keyword) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        String word = " " + keyword + " ";
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (depth == 0 && s.regionMatches(true, i, word, 0, word.length())) {
                parts.add(s.substring(start, i));
                start = i + word.length();
                i = start - 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static Node comparison(String s) {
        Matcher m = COMPARISON.matcher(s);
        if (!m.matches()) {
            throw SimApiException.invalidParameter("Invalid expression: " + s);
        }
        String subject = m.group(1);
        String op = m.group(2).replaceAll("\\s+", " ");
        String value = m.group(3);
        java.util.function.Function<SimInstance, String> read = subjectReader(subject);
        return switch (op) {
            case "==" -> i -> value.equals(read.apply(i));
            case "!=" -> i -> !value.equals(read.apply(i));
            case "=~" -> i -> wildcard(value).matcher(String.valueOf(read.apply(i))).matches();
            case "!~" -> i -> !wildcard(value).matcher(String.valueOf(read.apply(i))).matches();
            case "exists" -> i -> read.apply(i) != null;
            case "!exists" -> i -> read.apply(i) == null;
            case "in" -> i -> list(value).contains(read.apply(i));
            default -> i -> !list(value).contains(read.apply(i)); // "not in"
        };
    }

    private static java.util.function.Function<SimInstance, String> subjectReader(String subject) {
        if (subject.startsWith("attribute:")) {
            String name = subject.substring("attribute:".length());
            return i -> i.attributes.get(name);
        }
        return switch (subject) {
            case "ec2InstanceId" -> i -> i.ec2InstanceId;
            case "agentConnected" -> i -> String.valueOf(i.agentConnected);
            default -> throw SimApiException.invalidParameter("Unsupported expression subject: " + subject);
        };
    }

    private static List<String> list(String value) {
        String v = value.trim();
        if (!v.startsWith("[") || !v.endsWith("]")) {
            throw SimApiException.invalidParameter("Expected a list in brackets: " + value);
        }
        return Arrays.stream(v.substring(1, v.length() - 1).split(",")).map(String::trim).toList();
    }

    private static Pattern wildcard(String value) {
        return Pattern.compile(Pattern.quote(value).replace("*", "\\E.*\\Q"));
    }
}
