package dev.ecsdeck.ui.logs;

import java.util.Arrays;

/**
 * Where a row's text breaks into visual lines when wrapping, counted in characters (the log font is
 * monospaced): at the last space that fits, or mid-word when a word is longer than a line.
 */
final class LogWrap {
    private static final int[] ONE_LINE = {0};

    private LogWrap() {
    }

    /** The start of each visual line of {@code text} in lines of {@code columns} characters; the first is 0. */
    static int[] lineStarts(String text, int columns) {
        int width = Math.max(1, columns);
        if (text.length() <= width) {
            return ONE_LINE;
        }
        int[] starts = new int[text.length() / width + 2];
        int n = 0;
        int at = 0;
        while (true) {
            starts[n++] = at;
            if (text.length() - at <= width) {
                break;
            }
            int end = at + width;
            int space = text.lastIndexOf(' ', end);
            // Break after the space (it stays, unseen, at the end of the line), unless the word alone is too long.
            int next = space > at ? space + 1 : end;
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
            }
            at = next;
        }
        return Arrays.copyOf(starts, n);
    }
}
