package dev.ecsdeck.ui.logs;

/** A row of a log view: a line, or the gap between two non-adjacent groups of a filter with context lines. */
public sealed interface LogRow permits LogLine, LogRow.Gap {

    /** The separator between groups of lines that are not next to each other in the buffer (as grep's "--"). */
    enum Gap implements LogRow {
        INSTANCE;

        public static final String TEXT = "--";
    }
}
