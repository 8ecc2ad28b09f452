package dev.ecsdeck.ui.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * The literal text each top-level alternative of a regex must start with ("time(out|d out)|ERR(OR)?\b"
 * → "time", "ERR"): a line that contains none of them cannot match, and String.indexOf rules such
 * lines out far faster than the regex engine, which tries every alternative at every position.
 * Null when some alternative has no such prefix (it starts with a group, a class, a wildcard…).
 */
final class RegexPrefixes {
    private static final String META = ".[](){}*+?^$|\\";

    private RegexPrefixes() {}

    static String[] of(String regex) {
        List<String> prefixes = new ArrayList<>();
        for (String branch : topLevelBranches(regex)) {
            String prefix = leadingLiteral(branch);
            if (prefix == null || prefix.isEmpty()) {
                return null;
            }
            prefixes.add(prefix);
        }
        return prefixes.isEmpty() ? null : prefixes.toArray(String[]::new);
    }

    /** The alternatives split at '|' outside groups and classes; null when the regex cannot be split safely. */
    private static List<String> topLevelBranches(String regex) {
        List<String> branches = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                branches.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        branches.add(regex.substring(start));
        return branches;
    }

    /** The literal characters a match of this alternative starts with (after ^ or \b), or null. */
    private static String leadingLiteral(String branch) {
        int i = 0;
        while (i < branch.length()) { // zero-width assertions at the start take no text
            if (branch.charAt(i) == '^') {
                i++;
            } else if (branch.startsWith("\\b", i) || branch.startsWith("\\B", i)) {
                i += 2;
            } else {
                break;
            }
        }
        StringBuilder literal = new StringBuilder();
        while (i < branch.length()) {
            char c = branch.charAt(i);
            if (c == '\\' && i + 1 < branch.length() && !Character.isLetterOrDigit(branch.charAt(i + 1))) {
                literal.append(branch.charAt(i + 1)); // an escaped punctuation character stands for itself
                i += 2;
            } else if (META.indexOf(c) < 0) {
                literal.append(c);
                i++;
            } else {
                break;
            }
        }
        if (i < branch.length() && literal.length() > 0 && "*?{".indexOf(branch.charAt(i)) >= 0) {
            literal.setLength(literal.length() - 1); // the last character is optional or repeated from zero
        }
        return literal.toString();
    }
}
