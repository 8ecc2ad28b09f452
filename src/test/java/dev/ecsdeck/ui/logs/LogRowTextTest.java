package dev.ecsdeck.ui.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What a painted row says and how it is styled, and where wrapped rows break, without a screen. */
class LogRowTextTest {
    private static final LogOrigin ORIGIN = new LogOrigin(2, "0a1b2c3d4e5f", "api");
    private static final LogLine LINE = new LogLine(0, ORIGIN, "ERROR timeout calling payments, timeout again");

    @Test
    void aLineIsTimeOriginAndMessageInRunsOfTheirOwn() {
        LogRowText row = LogRowText.of(LINE, new LogLineFormat(true, true, ZoneOffset.UTC), null);
        assertEquals("1970-01-01 00:00:00.000  0a1b2c3d/api  ERROR timeout calling payments, timeout again", row.text());
        assertArrayEquals(new int[] {0, 25, LogRowText.TIME, 25, 39, LogRowText.ORIGIN, 39, row.text().length(), LogRowText.MESSAGE}, row.runs());
        assertEquals(2, row.source());
        assertEquals("error", row.level());
        assertTrue(row.hasTime());
        assertFalse(row.context());
        assertEquals(0, row.matches());
    }

    @Test
    void filterMatchesAreRunsOfTheirOwnAndContextLinesAreMarked() {
        LogFilter filter = LogFilter.of("timeout", false, 1);
        LogRowText row = LogRowText.of(LINE, new LogLineFormat(false, false, ZoneOffset.UTC), filter);
        assertArrayEquals(new int[] {0, 6, LogRowText.MESSAGE, 6, 13, LogRowText.MATCH, 13, 32, LogRowText.MESSAGE, 32, 39, LogRowText.MATCH,
                39, 45, LogRowText.MESSAGE}, row.runs());
        assertEquals(2, row.matches());
        assertFalse(row.context(), "a matching line is no context line");
        assertFalse(row.hasTime());

        LogRowText other = LogRowText.of(new LogLine(0, ORIGIN, "INFO fine"), new LogLineFormat(false, false, ZoneOffset.UTC), filter);
        assertTrue(other.context(), "a line without a match, shown with context on, is context");
        assertEquals("info", other.level());
        LogRowText noContext = LogRowText.of(new LogLine(0, ORIGIN, "INFO fine"), new LogLineFormat(false, false, ZoneOffset.UTC),
                LogFilter.of("timeout", false, 0));
        assertFalse(noContext.context());
    }

    @Test
    void aGapIsTwoDashesWithoutATaskColour() {
        LogRowText gap = LogRowText.of(LogRow.Gap.INSTANCE, new LogLineFormat(true, true, ZoneOffset.UTC), null);
        assertEquals("--", gap.text());
        assertTrue(gap.gap());
        assertEquals(-1, gap.source());
    }

    @Test
    void anEmptyMessageStillHasARun() {
        LogRowText row = LogRowText.of(new LogLine(0, ORIGIN, ""), new LogLineFormat(false, false, ZoneOffset.UTC), null);
        assertArrayEquals(new int[] {0, 0, LogRowText.MESSAGE}, row.runs());
    }

    @Test
    void wrapsAtTheLastSpaceThatFitsOrMidWord() {
        assertArrayEquals(new int[] {0}, LogWrap.lineStarts("short", 10));
        assertArrayEquals(new int[] {0, 6, 12}, LogWrap.lineStarts("hello world again", 10));
        assertArrayEquals(new int[] {0, 4, 8}, LogWrap.lineStarts("abcdefghij", 4));
        String long1 = "a long line ".repeat(40);
        int[] starts = LogWrap.lineStarts(long1, 30);
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? starts[i + 1] : long1.length();
            assertTrue(end - starts[i] <= 31 && end > starts[i], "line " + i + " fits");
        }
        assertEquals(long1.length(), String.join("", java.util.stream.IntStream.range(0, starts.length)
                .mapToObj(i -> long1.substring(starts[i], i + 1 < starts.length ? starts[i + 1] : long1.length())).toList()).length(),
                "every character on exactly one line");
    }

    @Test
    void timesAreWrittenAsTheSavedFormatWritesThem() {
        LogTimeText times = new LogTimeText();
        for (java.time.ZoneId zone : java.util.List.of(ZoneOffset.UTC, java.time.ZoneId.of("Asia/Kolkata"))) {
            LogLineFormat format = new LogLineFormat(true, false, zone);
            for (long t : new long[] {0, 7, 999, 1_000, 1_700_000_000_001L, 1_700_000_000_050L, 1_700_000_001_999L, -1}) {
                assertEquals(format.prefix(new LogLine(t, ORIGIN, "x")), times.of(t, zone), "at " + t + " in " + zone);
            }
        }
    }
}
