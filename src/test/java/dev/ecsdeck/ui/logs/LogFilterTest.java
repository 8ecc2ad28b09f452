package dev.ecsdeck.ui.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** Filters over the buffer: substring, regex, bad regex, context lines and gaps, live appends, head drops. */
class LogFilterTest {
    private static final LogOrigin TASK = new LogOrigin(0, "task", "c");

    private static LogBuffer buffer(int capacity, String... messages) {
        LogBuffer b = new LogBuffer(capacity);
        for (String m : messages) {
            b.add(new LogLine(0, TASK, m));
        }
        return b;
    }

    /** The rows as text: messages, "--" for gaps. */
    private static List<String> rows(ShownLines shown) {
        List<String> out = new ArrayList<>();
        shown.forEach(r -> out.add(r instanceof LogLine l ? l.message() : LogRow.Gap.TEXT));
        return out;
    }

    @Test
    void substringIgnoresCaseWhenAllLowerCaseAndMatchesCaseOtherwise() {
        LogFilter lower = LogFilter.of("timeout", false, 0);
        assertTrue(lower.matches("TIMEOUT calling payments"));
        assertTrue(lower.matches("a timeout"));
        LogFilter upper = LogFilter.of("ERROR", false, 0);
        assertTrue(upper.matches("ERROR x"));
        assertFalse(upper.matches("error x"));
        assertFalse(LogFilter.of("a.c", false, 0).matches("abc"), "a substring is literal");
        assertTrue(LogFilter.of("a.c", true, 0).matches("abc"));
    }

    @Test
    void regexFindsAnywhereAndReportsSpans() {
        LogFilter f = LogFilter.of("timeout|ERROR", true, 0);
        assertTrue(f.matches("x ERROR y"));
        assertFalse(f.matches("error"));
        assertArrayEquals(new int[] {0, 5, 10, 17}, f.spans("ERROR and timeout"));
        assertArrayEquals(new int[0], LogFilter.of("x*", true, 0).spans("abc"), "empty matches highlight nothing");
    }

    @Test
    void anInvalidRegexNamesTheFilterField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogFilter.of("(unclosed", true, 0));
        assertTrue(e.getMessage().startsWith("Filter: invalid regex: Unclosed group"), e.getMessage());
        LogFilter.of("(unclosed", false, 0); // as a substring it is fine
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogFilter.of("x", false, -1)).getMessage().startsWith("Context lines"));
    }

    @Test
    void keepsOnlyMatchingLinesInOrder() {
        LogBuffer b = buffer(100, "a ok", "b ERROR", "c ok", "d ERROR", "e ok");
        ShownLines shown = new ShownLines(b);
        assertEquals(5, shown.size(), "no filter: every line");
        shown.refilter(LogFilter.of("ERROR", false, 0));
        assertEquals(List.of("b ERROR", "d ERROR"), rows(shown));
        assertEquals(2, shown.lineCount());
        shown.refilter(null);
        assertEquals(5, shown.size());
    }

    @Test
    void contextLinesSurroundMatchesWithGapsBetweenGroups() {
        LogBuffer b = buffer(100, "0", "1", "2 hit", "3", "4", "5", "6", "7 hit", "8", "9 hit", "10", "11");
        ShownLines shown = new ShownLines(b);
        shown.refilter(LogFilter.of("hit", false, 1));
        assertEquals(List.of("1", "2 hit", "3", "--", "6", "7 hit", "8", "9 hit", "10"), rows(shown));
        assertEquals(8, shown.lineCount(), "gaps are not lines");
        shown.refilter(LogFilter.of("hit", false, 2));
        assertEquals(List.of("0", "1", "2 hit", "3", "4", "5", "6", "7 hit", "8", "9 hit", "10", "11"), rows(shown),
                "adjacent groups merge without a gap");
    }

    @Test
    void newLinesAreMatchedAsTheyArriveIncludingPendingAfterContext() {
        LogBuffer b = buffer(100, "0", "1 hit");
        ShownLines shown = new ShownLines(b);
        shown.refilter(LogFilter.of("hit", false, 2));
        assertEquals(List.of("0", "1 hit"), rows(shown));
        List<String> changes = record(shown);

        long from = b.received();
        int oldSize = b.size();
        b.add(new LogLine(0, TASK, "2"));
        shown.update(from, oldSize);
        assertEquals(List.of("0", "1 hit", "2"), rows(shown), "after-context of an earlier match continues in the next drain");

        from = b.received();
        oldSize = b.size();
        for (String m : List.of("3", "4", "5", "6", "7 hit", "8")) {
            b.add(new LogLine(0, TASK, m));
        }
        shown.update(from, oldSize);
        assertEquals(List.of("0", "1 hit", "2", "3", "--", "5", "6", "7 hit", "8"), rows(shown));
        assertEquals(List.of("+1", "+6"), changes, "one change per update, added at the end");
    }

    @Test
    void linesLeavingTheBufferLeaveTheFilteredViewWithTheirGap() {
        LogBuffer b = buffer(6, "0 hit", "1", "2", "3", "4 hit", "5");
        ShownLines shown = new ShownLines(b);
        shown.refilter(LogFilter.of("hit", false, 0));
        assertEquals(List.of("0 hit", "4 hit"), rows(shown));
        List<String> changes = record(shown);
        long from = b.received();
        int oldSize = b.size();
        b.add(new LogLine(0, TASK, "6 hit"));
        shown.update(from, oldSize);
        assertEquals(List.of("4 hit", "6 hit"), rows(shown));
        assertEquals(List.of("-1+1"), changes);
        assertEquals(1, shown.lastHeadRemoved());
    }

    @Test
    void aBatchLargerThanTheBufferKeepsOnlyWhatIsHeld() {
        LogBuffer b = buffer(3, "0 hit");
        ShownLines shown = new ShownLines(b);
        shown.refilter(LogFilter.of("hit", false, 1));
        long from = b.received();
        int oldSize = b.size();
        for (String m : List.of("1", "2 hit", "3", "4 hit", "5", "6")) {
            b.add(new LogLine(0, TASK, m));
        }
        shown.update(from, oldSize);
        assertEquals(List.of("4 hit", "5"), rows(shown), "lines 0..3 are gone; no leading gap");
        b.add(new LogLine(0, TASK, "7 hit"));
        shown.update(b.received() - 1, 3);
        assertEquals(List.of("5", "6", "7 hit"), rows(shown));
    }

    @Test
    void withoutFilterTheViewFollowsTheBufferAndItsDrops() {
        LogBuffer b = buffer(3, "0", "1");
        ShownLines shown = new ShownLines(b);
        List<String> changes = record(shown);
        long from = b.received();
        b.add(new LogLine(0, TASK, "2"));
        b.add(new LogLine(0, TASK, "3"));
        shown.update(from, 2);
        assertEquals(List.of("1", "2", "3"), rows(shown));
        assertEquals(List.of("-1+2"), changes);
    }

    @Test
    void matchingALargeBufferInParallelKeepsOrder() {
        LogBuffer b = new LogBuffer(200_000);
        for (int i = 0; i < 200_000; i++) {
            b.add(new LogLine(i, TASK, i % 7 == 0 ? "n=" + i + " timeout" : "n=" + i + " ok"));
        }
        long[] seqs = LogFilter.of("timeout|ERROR", true, 0).matchingSeqs(b, 0, b.received());
        assertEquals((200_000 + 6) / 7, seqs.length);
        for (int i = 0; i < seqs.length; i++) {
            assertEquals(i * 7L, seqs[i]);
        }
    }

    @Test
    void plainWordsAreFoundExactlyAsTheRegexWouldFindThem() {
        List<String> messages = List.of("ERROR timeout", "error TimeOut", "TIMEOUT", "no match", "", "a|b", "Straße ERROR", "time out", "xtimeoutx");
        for (String text : List.of("timeout", "TimeOut", "timeout|ERROR", "error|xyz", "a|b", "straße", "ERROR|timeout|out")) {
            for (boolean regex : List.of(true, false)) {
                LogFilter f = LogFilter.of(text, regex, 0);
                int flags = text.chars().anyMatch(Character::isUpperCase) ? 0 : java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE;
                java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex ? text : java.util.regex.Pattern.quote(text), flags);
                for (String m : messages) {
                    assertEquals(p.matcher(m).find(), f.matches(m), text + (regex ? " (regex)" : "") + " on " + m);
                    LogBuffer b = buffer(10, m);
                    assertEquals(p.matcher(m).find() ? 1 : 0, f.matchingSeqs(b, 0, 1).length, text + " over the buffer on " + m);
                }
            }
        }
    }

    @Test
    void regexesWithLiteralPrefixesMatchExactlyAsTheRegexEngineAlone() {
        List<String> messages = List.of("ERROR timeout", "timed out after 3 s", "ERR 42", "ERRORS", "an error", "TIMEOUT", "", "a.b", "axb",
                "request 503", "start ERR", "x ERR(OR)", "time", "tim", "foo\\bar", "ab", "abbb", "b");
        List<String> regexes = List.of("time(out|d out)|ERR(OR)?\\b", "^ERR", "\\bERR\\d*", "a\\.b", "ab*", "ab+", "abc?|time",
                "(?i)error", "[ae]rr", ".*ERR", "timeout|[0-9]{3}", "tim(e)?", "x ERR\\(OR\\)", "foo\\\\bar", "err|ERR", "a{2}|b");
        for (String text : regexes) {
            LogFilter f = LogFilter.of(text, true, 0);
            int flags = text.chars().anyMatch(Character::isUpperCase) ? 0 : java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE;
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(text, flags);
            for (String m : messages) {
                assertEquals(p.matcher(m).find(), f.matches(m), text + " on " + m);
                assertEquals(p.matcher(m).find() ? 1 : 0, f.matchingSeqs(buffer(10, m), 0, 1).length, text + " over the buffer on " + m);
            }
        }
        assertEquals(List.of("time", "ERR"), List.of(RegexPrefixes.of("time(out|d out)|ERR(OR)?\\b")));
        assertEquals(null, RegexPrefixes.of("(?i)error"), "a group first: no prefix");
        assertEquals(List.of("a", "x"), List.of(RegexPrefixes.of("ab*|x")), "b* may be empty: only the a is certain");
        assertEquals(null, RegexPrefixes.of("a*|x"), "a* may be empty: nothing is certain");
    }

    private static List<String> record(ShownLines shown) {
        List<String> changes = new ArrayList<>();
        shown.addListener((ListChangeListener<LogRow>) c -> {
            StringBuilder s = new StringBuilder();
            while (c.next()) {
                s.append(c.wasRemoved() ? "-" + c.getRemovedSize() : "").append(c.wasAdded() ? "+" + c.getAddedSize() : "");
            }
            changes.add(s.toString());
        });
        return changes;
    }
}
