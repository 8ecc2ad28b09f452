package dev.ecsdeck.ui.taskdef;

import dev.ecsdeck.taskdef.Problem;

/** How a problem reads in the list and in the gutter's tooltip: "line:column — path: message". */
final class ProblemText {
    private ProblemText() {}

    static String of(Problem p) {
        String where = p.line() > 0 ? p.line() + (p.column() > 0 ? ":" + p.column() : "") + " \u2014 " : "";
        return where + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message();
    }
}
