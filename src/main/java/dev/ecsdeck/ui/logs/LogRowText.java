package dev.ecsdeck.ui.logs;

/**
 * What one row of the log canvas says, before it is drawn: its whole text (time, task and
 * container, message) and the styled runs over it, the task's colour index, the message's level, and
 * whether it is a context line (shown around a match, not matching). Made for the rows on screen only.
 *
 * @param runs triples of [start, end, kind] over {@code text}, in order, covering it whole
 * @param source the task's colour index, or -1 for a gap row
 * @param level "error", "warn", "info", "debug" or null
 */
record LogRowText(String text, int[] runs, int source, String level, boolean context, boolean gap) {
    static final int TIME = 0;
    static final int ORIGIN = 1;
    static final int MESSAGE = 2;
    static final int MATCH = 3;
    static final int GAP = 4;

    private static final LogRowText GAP_ROW = new LogRowText(LogRow.Gap.TEXT, new int[] {0, LogRow.Gap.TEXT.length(), GAP}, -1, null, false, true);

    static LogRowText of(LogRow row, LogLineFormat format, LogFilter filter) {
        return of(row, format, filter, new LogTimeText());
    }

    /** {@code times} formats the time (reused across the rows of a frame). */
    static LogRowText of(LogRow row, LogLineFormat format, LogFilter filter, LogTimeText times) {
        if (!(row instanceof LogLine line)) {
            return GAP_ROW;
        }
        String time = format.timestamps() ? times.of(line.timestamp(), format.zone()) : "";
        String origin = format.origins() ? LogLineFormat.origin(line) + "  " : "";
        String message = line.message();
        int[] spans = filter == null ? new int[0] : filter.spans(message);
        int[] runs = new int[3 * (2 + 2 * spans.length / 2 + 1)];
        int n = 0;
        int at = 0;
        if (!time.isEmpty()) {
            n = put(runs, n, 0, time.length(), TIME);
            at = time.length();
        }
        if (!origin.isEmpty()) {
            n = put(runs, n, at, at + origin.length(), ORIGIN);
            at += origin.length();
        }
        int from = 0;
        for (int i = 0; i + 1 < spans.length; i += 2) {
            if (spans[i] > from) {
                n = put(runs, n, at + from, at + spans[i], MESSAGE);
            }
            n = put(runs, n, at + spans[i], at + spans[i + 1], MATCH);
            from = spans[i + 1];
        }
        if (from < message.length() || n == 0) {
            n = put(runs, n, at + from, at + message.length(), MESSAGE);
        }
        int[] trimmed = java.util.Arrays.copyOf(runs, n);
        boolean context = filter != null && filter.context() > 0 && spans.length == 0;
        return new LogRowText(time + origin + message, trimmed, line.source(), LogLevels.of(message), context, false);
    }

    /** How many filter matches the row highlights. */
    int matches() {
        int m = 0;
        for (int i = 2; i < runs.length; i += 3) {
            if (runs[i] == MATCH) {
                m++;
            }
        }
        return m;
    }

    /** Whether the row shows a timestamp. */
    boolean hasTime() {
        return runs.length > 0 && runs[2] == TIME;
    }

    private static int put(int[] runs, int n, int start, int end, int kind) {
        runs[n] = start;
        runs[n + 1] = end;
        runs[n + 2] = kind;
        return n + 3;
    }
}
