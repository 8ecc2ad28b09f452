package dev.ecsdeck.taskdef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in one located document, each placed at the value of a member. */
final class Findings {
    private final LocatedJson doc;
    private final List<Problem> problems = new ArrayList<>();

    Findings(LocatedJson doc) {
        this.doc = doc;
    }

    void error(String path, String message) {
        add(Severity.ERROR, path, path, message);
    }

    void warning(String path, String message) {
        add(Severity.WARNING, path, path, message);
    }

    /** A problem about {@code path} shown where {@code at} is: for a missing member, its object or its cause. */
    void add(Severity severity, String path, String at, String message) {
        problems.add(new Problem(severity, path, doc.line(at), doc.column(at), message));
    }

    /** In document order, errors first where two share a place; stable otherwise. */
    List<Problem> sorted() {
        List<Problem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column)
                .thenComparing(Problem::severity));
        return out;
    }
}
