package dev.ecsdeck.sim.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeck.sim.SimApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * CloudWatch Logs' filter patterns for JSON log events: {@code { $.level = "ERROR" }}, {@code { $.latency > 100 }},
 * {@code { $.user.id != 4* }}, {@code { $.items[0] = "a" }}, {@code { $.error IS TRUE }}, {@code { $.code IS NULL }},
 * {@code { $.code NOT EXISTS }}, {@code { $.msg = %time.?out% }} (a regular expression), joined with {@code &&} and
 * {@code ||} (&& first) and grouped by parentheses. Strings match case-sensitively, {@code *} anywhere is a wildcard,
 * and {@code = "*"} matches a field that is there. A message that is not a JSON object matches none.
 */
final class JsonFilterPattern {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final String text;
    private int at;

    private JsonFilterPattern(String text) {
        this.text = text;
    }

    /** The pattern ({@code { ... }}, braces included) as a test of a message; malformed → InvalidParameterException. */
    static Predicate<String> parse(String pattern) {
        JsonFilterPattern p = new JsonFilterPattern(pattern.trim());
        p.expect("{");
        Predicate<JsonNode> test = p.or();
        p.expect("}");
        p.skipSpace();
        if (p.at < p.text.length()) {
            throw p.invalid("unexpected text after the closing brace");
        }
        return message -> {
            JsonNode event = readObject(message);
            return event != null && test.test(event);
        };
    }

    private static JsonNode readObject(String message) {
        String m = message.trim();
        if (!m.startsWith("{")) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(m);
            return n != null && n.isObject() ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private Predicate<JsonNode> or() {
        Predicate<JsonNode> left = and();
        while (take("||")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<JsonNode> and() {
        Predicate<JsonNode> left = term();
        while (take("&&")) {
            left = left.and(term());
        }
        return left;
    }

    private Predicate<JsonNode> term() {
        if (take("(")) {
            Predicate<JsonNode> inner = or();
            expect(")");
            return inner;
        }
        List<Object> path = selector();
        if (takeWord("IS")) {
            if (takeWord("NULL")) {
                return e -> at(e, path) != null && at(e, path).isNull();
            }
            if (takeWord("TRUE")) {
                return e -> at(e, path) != null && at(e, path).isBoolean() && at(e, path).booleanValue();
            }
            if (takeWord("FALSE")) {
                return e -> at(e, path) != null && at(e, path).isBoolean() && !at(e, path).booleanValue();
            }
            throw invalid("IS takes NULL, TRUE or FALSE");
        }
        if (takeWord("NOT")) {
            if (!takeWord("EXISTS")) {
                throw invalid("NOT takes EXISTS");
            }
            return e -> at(e, path) == null;
        }
        String op = operator();
        return comparison(path, op);
    }

    /** {@code $.a.b[0].c}: names and array indexes. */
    private List<Object> selector() {
        skipSpace();
        if (!text.startsWith("$", at)) {
            throw invalid("a selector starts with $. (such as $.level)");
        }
        at++;
        List<Object> path = new ArrayList<>();
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '.') {
                at++;
                int start = at;
                while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "_-@:".indexOf(text.charAt(at)) >= 0)) {
                    at++;
                }
                if (start == at) {
                    throw invalid("a field name is missing after '.'");
                }
                path.add(text.substring(start, at));
            } else if (c == '[') {
                int close = text.indexOf(']', at);
                if (close < 0) {
                    throw invalid("unclosed [");
                }
                try {
                    path.add(Integer.parseInt(text.substring(at + 1, close).trim()));
                } catch (NumberFormatException e) {
                    throw invalid("an array index is a number, as in $.items[0]");
                }
                at = close + 1;
            } else {
                break;
            }
        }
        if (path.isEmpty()) {
            throw invalid("a selector names a field, as in $.level");
        }
        return path;
    }

    private String operator() {
        skipSpace();
        for (String op : List.of("!=", "<=", ">=", "=", "<", ">")) {
            if (text.startsWith(op, at)) {
                at += op.length();
                return op;
            }
        }
        throw invalid("expected an operator (=, !=, <, >, <=, >=) or IS NULL, IS TRUE, IS FALSE, NOT EXISTS");
    }

    private Predicate<JsonNode> comparison(List<Object> path, String op) {
        skipSpace();
        if (at >= text.length()) {
            throw invalid("a value is missing after " + op);
        }
        char c = text.charAt(at);
        if (c == '"') {
            int close = text.indexOf('"', at + 1);
            if (close < 0) {
                throw invalid("unclosed quote");
            }
            String value = text.substring(at + 1, close);
            at = close + 1;
            return textComparison(path, op, value);
        }
        if (c == '%') {
            int close = text.indexOf('%', at + 1);
            if (close < 0) {
                throw invalid("unclosed %regex%");
            }
            Pattern regex;
            try {
                regex = Pattern.compile(text.substring(at + 1, close));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw invalid("bad regular expression " + text.substring(at, close + 1));
            }
            at = close + 1;
            if (!op.equals("=") && !op.equals("!=")) {
                throw invalid("a regular expression takes = or !=");
            }
            boolean equal = op.equals("=");
            return e -> {
                JsonNode v = at(e, path);
                return v != null && v.isValueNode() && !v.isNull() && regex.matcher(v.asText()).find() == equal;
            };
        }
        int start = at;
        while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && "(){}&|".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String value = text.substring(start, at);
        if (value.isEmpty()) {
            throw invalid("a value is missing after " + op);
        }
        if (NUMBER.matcher(value).matches()) {
            BigDecimal number = new BigDecimal(value);
            return e -> {
                JsonNode v = at(e, path);
                if (v == null || !v.isNumber()) {
                    return false;
                }
                int cmp = v.decimalValue().compareTo(number);
                return switch (op) {
                    case "=" -> cmp == 0;
                    case "!=" -> cmp != 0;
                    case "<" -> cmp < 0;
                    case ">" -> cmp > 0;
                    case "<=" -> cmp <= 0;
                    default -> cmp >= 0;
                };
            };
        }
        return textComparison(path, op, value);
    }

    private Predicate<JsonNode> textComparison(List<Object> path, String op, String value) {
        if (!op.equals("=") && !op.equals("!=")) {
            throw invalid("a string takes = or !=, not " + op);
        }
        Pattern glob = glob(value);
        boolean equal = op.equals("=");
        return e -> {
            JsonNode v = at(e, path);
            return v != null && v.isValueNode() && !v.isNull() && glob.matcher(v.asText()).matches() == equal;
        };
    }

    /** A value with {@code *} wildcards as a regular expression over the whole text. */
    private static Pattern glob(String value) {
        StringBuilder regex = new StringBuilder("(?s)");
        String[] parts = value.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!parts[i].isEmpty()) {
                regex.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static JsonNode at(JsonNode event, List<Object> path) {
        JsonNode n = event;
        for (Object step : path) {
            if (step instanceof Integer i) {
                n = n.isArray() && i < n.size() ? n.get(i) : null;
            } else {
                n = n.isObject() ? n.get((String) step) : null;
            }
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private boolean take(String token) {
        skipSpace();
        if (text.startsWith(token, at)) {
            at += token.length();
            return true;
        }
        return false;
    }

    private boolean takeWord(String word) {
        skipSpace();
        int end = at + word.length();
        if (text.regionMatches(at, word, 0, word.length()) && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
            at = end;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!take(token)) {
            throw invalid("expected '" + token + "'");
        }
    }

    private SimApiException invalid(String why) {
        return new SimApiException("InvalidParameterException", "Invalid filter pattern '" + text + "' at position " + at + ": " + why + ".");
    }
}
