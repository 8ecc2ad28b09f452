package dev.ecsdeck.taskdef;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChangedSpanTest {
    private static final String OLD = "\"123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:3.4.1\"";
    private static final String NEW = "\"123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:3.4.3\"";

    @Test
    void anImageTagChangeIsTheDifferingDigit() {
        ChangedSpan span = ChangedSpan.of(OLD, NEW);
        assertEquals("1", OLD.substring(span.start(), span.oldEnd()));
        assertEquals("3", NEW.substring(span.start(), span.newEnd()));
    }

    @Test
    void insertionsDeletionsAndNullsHaveAnEmptySideWhereNothingWas() {
        ChangedSpan added = ChangedSpan.of("abc", "abXc");
        assertEquals(new ChangedSpan(2, 2, 3), added);
        ChangedSpan removed = ChangedSpan.of("abXc", "abc");
        assertEquals(new ChangedSpan(2, 3, 2), removed);
        assertEquals(new ChangedSpan(0, 0, 3), ChangedSpan.of(null, "abc"));
        assertEquals(new ChangedSpan(3, 3, 3), ChangedSpan.of("abc", "abc"));
        // Repeated letters: prefix and suffix never overlap.
        assertEquals(new ChangedSpan(2, 2, 3), ChangedSpan.of("aa", "aaa"));
    }

    @Test
    void aShortValueIsShownWhole() {
        ChangedSpan span = ChangedSpan.of("a:1", "a:2");
        ChangedSpan.Shortened s = ChangedSpan.shortened("a:2", span.newPart(), 10);
        assertEquals("a:", s.before());
        assertEquals("2", s.changed());
        assertEquals("", s.after());
    }

    @Test
    void aLongValueLosesItsStartNotItsChangedPart() {
        ChangedSpan span = ChangedSpan.of(OLD, NEW);
        ChangedSpan.Shortened s = ChangedSpan.shortened(NEW, span.newPart(), 24);
        assertEquals("3", s.changed());
        assertThat(s.before(), startsWith("\u2026"));
        assertThat(s.before(), endsWith("orders-api:3.4."));
        assertEquals("\"", s.after());
        assertThat(s.text().length(), lessThanOrEqualTo(24));
    }

    @Test
    void aChangeInTheMiddleKeepsContextOnBothSides() {
        String left = "x".repeat(50) + "OLD" + "y".repeat(50);
        String right = "x".repeat(50) + "NEW" + "y".repeat(50);
        ChangedSpan.Shortened s = ChangedSpan.shortened(right, ChangedSpan.of(left, right).newPart(), 20);
        assertEquals("NEW", s.changed());
        assertThat(s.before(), startsWith("\u2026x"));
        assertThat(s.after(), startsWith("y"));
        assertThat(s.after(), endsWith("\u2026"));
        assertEquals(20, s.text().length());
    }

    @Test
    void aChangedPartLongerThanTheRoomIsKeptWhole() {
        String right = "ab" + "Z".repeat(30) + "cd";
        ChangedSpan.Shortened s = ChangedSpan.shortened(right, ChangedSpan.of("abcd", right).newPart(), 10);
        assertEquals("Z".repeat(30), s.changed());
        assertEquals("\u2026", s.before());
        assertEquals("\u2026", s.after());
    }
}
