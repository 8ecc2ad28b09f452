package dev.ecsdeck.taskdef;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parser messages in plain words: what was expected where the parser stopped, and what
 * was found there ("a name in double quotes was expected here, found ','"), without the parser's
 * internals (character codes, "[Source: …]", feature names). Where is said by the problem's line
 * and column, not here.
 */
public final class JsonSyntaxMessage {
    private static final Pattern CHARACTER = Pattern.compile("^Unexpected character \\(.*?\\(code (\\d+)\\)\\)( in numeric value)?:\\s*(.*)$",
            Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("^(?:Unrecognized|Non-standard) token '(.*?)'", Pattern.DOTALL);
    private static final Pattern CLOSE = Pattern.compile("^Unexpected close marker '(.)': expected '(.)'");
    private static final Pattern ESCAPE = Pattern.compile("^Unrecognized character escape '(.*?)'");
    private static final Pattern CONTROL = Pattern.compile("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern LIMIT = Pattern.compile("^(String value|Number value|Document nesting depth|Name) .*?\\((\\d+)\\) exceeds the maximum"
            + " allowed \\((\\d+)", Pattern.DOTALL);

    private JsonSyntaxMessage() {}

    /** The plain-words form of a Jackson message (its "original message", or the full one). */
    public static String plain(String raw) {
        if (raw == null || raw.isBlank()) {
            return "the text is not valid JSON here";
        }
        String message = raw.strip();
        Matcher m = CHARACTER.matcher(message);
        if (m.matches()) {
            String found = ", found " + found(Integer.parseInt(m.group(1)));
            if (m.group(2) != null) {
                return "a number is not complete: a digit was expected here" + found;
            }
            return expected(m.group(3), Integer.parseInt(m.group(1))) + found;
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return endOfInput(message);
        }
        if ((m = TOKEN.matcher(message)).find()) {
            return "'" + m.group(1) + "' is not a JSON value: text needs double quotes, and the only bare words are true, false and null";
        }
        if ((m = CLOSE.matcher(message)).find()) {
            return "'" + m.group(2) + "' was expected here to close the open " + (m.group(2).equals("]") ? "array" : "object")
                    + ", found '" + m.group(1) + "'";
        }
        if ((m = ESCAPE.matcher(message)).find()) {
            return "\\" + m.group(1) + " is not an escape JSON knows: write a backslash as \\\\";
        }
        if ((m = CONTROL.matcher(message)).find()) {
            return m.group(1).equals("10") || m.group(1).equals("13")
                    ? "a text value runs past the end of its line: close it with a double quote, or write the line break as \\n"
                    : "a control character inside a text value must be written as an escape like \\t";
        }
        if (message.contains("Leading zeroes not allowed")) {
            return "a number cannot start with 0 (write 7, not 07)";
        }
        if ((m = LIMIT.matcher(message)).find()) {
            return switch (m.group(1)) {
                case "Document nesting depth" -> "the document is nested deeper than " + m.group(3) + " levels";
                case "Number value" -> "a number is longer than " + m.group(3) + " digits";
                default -> "a text value is longer than " + m.group(3) + " characters";
            };
        }
        return stripped(message);
    }

    private static String expected(String what, int code) {
        if (what.contains("double-quote to start field name")) {
            return code == '}' ? "a name in double quotes was expected here (a comma cannot come right before '}')"
                    : "a name in double quotes was expected here";
        }
        if (what.contains("colon to separate field name and value")) {
            return "a colon (:) was expected here, after the name";
        }
        if (what.contains("comma to separate Object entries")) {
            return "a comma (,) or a closing brace (}) was expected here";
        }
        if (what.contains("comma to separate Array entries")) {
            return "a comma (,) or a closing bracket (]) was expected here";
        }
        if (what.contains("value")) {
            return code == ']' || code == '}' ? "a value was expected here (a comma cannot come right before '" + (char) code + "')"
                    : "a value was expected here (text in double quotes, a number, an object, an array, true, false or null)";
        }
        return stripped(what);
    }

    private static String endOfInput(String message) {
        if (message.contains("closing quote")) {
            return "a text value is not closed: its double quote is missing, found the end of the text";
        }
        if (message.contains("in field name")) {
            return "a name is not closed: its double quote is missing, found the end of the text";
        }
        if (message.contains("for Array")) {
            return "a closing bracket (]) was expected, found the end of the text";
        }
        return "a closing brace (}) was expected, found the end of the text";
    }

    private static String found(int code) {
        return switch (code) {
            case '\n', '\r' -> "the end of the line";
            case '\t' -> "a tab";
            case ' ' -> "a space";
            default -> code < 32 ? "a control character" : "'" + Character.toString(code) + "'";
        };
    }

    /** Any other message: without the parser's location, character codes and feature names. */
    private static String stripped(String message) {
        String s = message.replaceAll("(?s)\\s*\\(?(start marker )?at \\[Source:.*", "")
                .replaceAll("\\s*\\(code \\d+\\)", "")
                .replaceAll("`[^`]*`", "")
                .replaceAll(":\\s*enable\\s+to allow", "")
                .strip();
        return s.isEmpty() ? "the text is not valid JSON here" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
