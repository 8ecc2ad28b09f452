package dev.ecsdeck.sim.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** EventBridge's rate, cron and at expressions: what they accept, and when they fire next. */
class ScheduleExpressionTest {
    private static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    private static Instant next(String expression, String after) {
        return ScheduleExpression.parse(expression).next(Instant.parse(after), EPOCH, ZoneOffset.UTC);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // every day at 10:15 UTC
            "cron(15 10 * * ? *)          | 2026-03-10T10:15:00Z | 2026-03-11T10:15:00Z",
            "cron(15 10 * * ? *)          | 2026-03-10T10:14:59Z | 2026-03-10T10:15:00Z",
            // every 10 minutes on weekdays (MON-FRI); 2026-03-14 is a Saturday
            "cron(0/10 * ? * MON-FRI *)   | 2026-03-13T23:55:00Z | 2026-03-16T00:00:00Z",
            "cron(*/10 * ? * 2-6 *)       | 2026-03-12T08:31:00Z | 2026-03-12T08:40:00Z",
            // 18:00 on the last day of the month (February 2028 is a leap year)
            "cron(0 18 L * ? *)           | 2028-02-01T00:00:00Z | 2028-02-29T18:00:00Z",
            "cron(0 18 L * ? *)           | 2027-02-28T18:00:00Z | 2027-03-31T18:00:00Z",
            // the weekday nearest the 1st: 2026-08-01 is a Saturday, so Monday the 3rd (not July 31st)
            "cron(0 9 1W * ? *)           | 2026-07-15T00:00:00Z | 2026-08-03T09:00:00Z",
            // the weekday nearest the 15th: 2026-03-15 is a Sunday, so Monday the 16th; 2026-02-15 Sunday too
            "cron(0 9 15W * ? *)          | 2026-03-01T00:00:00Z | 2026-03-16T09:00:00Z",
            // nearest the 14th: 2026-02-14 is a Saturday, so Friday the 13th
            "cron(0 9 14W * ? *)          | 2026-02-01T00:00:00Z | 2026-02-13T09:00:00Z",
            // the last weekday of May 2026: the 31st is a Sunday, so Friday the 29th
            "cron(0 9 LW * ? *)           | 2026-05-01T00:00:00Z | 2026-05-29T09:00:00Z",
            // the second Tuesday (3#2) of the month
            "cron(30 8 ? * 3#2 *)         | 2026-03-01T00:00:00Z | 2026-03-10T08:30:00Z",
            "cron(30 8 ? * TUE#2 *)       | 2026-03-10T08:30:00Z | 2026-04-14T08:30:00Z",
            // the last Friday (6L) of the month
            "cron(0 17 ? * 6L *)          | 2026-03-01T00:00:00Z | 2026-03-27T17:00:00Z",
            // L alone in day-of-week: Saturday
            "cron(0 0 ? * L *)            | 2026-03-10T00:00:00Z | 2026-03-14T00:00:00Z",
            // lists and ranges, months by name
            "cron(0 8,12 1,15 JAN-MAR ? *) | 2026-03-15T12:00:00Z | 2027-01-01T08:00:00Z",
            // years: only 2030
            "cron(0 0 1 1 ? 2030)         | 2026-06-01T00:00:00Z | 2030-01-01T00:00:00Z",
            "cron(0 0 1 1 ? 2027-2029/2)  | 2027-01-01T00:00:00Z | 2029-01-01T00:00:00Z",
            // ranges with steps
            "cron(10-50/20 * * * ? *)     | 2026-03-10T10:51:00Z | 2026-03-10T11:10:00Z",
            // 31st only in months that have one
            "cron(0 0 31 * ? *)           | 2026-04-01T00:00:00Z | 2026-05-31T00:00:00Z",
            // rates count from their anchor (2000-01-01T00:00Z)
            "rate(5 minutes)              | 2026-03-10T10:12:00Z | 2026-03-10T10:15:00Z",
            "rate(1 hour)                 | 2026-03-10T10:00:00Z | 2026-03-10T11:00:00Z",
            "rate(2 days)                 | 2000-01-02T00:00:00Z | 2000-01-03T00:00:00Z",
            "at(2026-12-24T18:00:00)      | 2026-12-24T17:00:00Z | 2026-12-24T18:00:00Z",
    })
    void firesNextAt(String expression, String after, String expected) {
        assertEquals(Instant.parse(expected), next(expression, after));
    }

    @Test
    void aCronWhoseYearsAreOverAndAnAtInThePastNeverFireAgain() {
        assertNull(next("cron(0 0 1 1 ? 2027)", "2027-01-01T00:00:00Z"));
        assertNull(next("at(2026-01-01T00:00:00)", "2026-01-01T00:00:00Z"));
    }

    @Test
    void cronAndAtFieldsAreInTheScheduleTimeZone() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        // 08:00 in Paris is 07:00 UTC in winter and 06:00 UTC in summer
        ScheduleExpression daily = ScheduleExpression.parse("cron(0 8 * * ? *)");
        assertEquals(Instant.parse("2026-01-10T07:00:00Z"), daily.next(Instant.parse("2026-01-10T00:00:00Z"), EPOCH, paris));
        assertEquals(Instant.parse("2026-07-10T06:00:00Z"), daily.next(Instant.parse("2026-07-10T00:00:00Z"), EPOCH, paris));
        assertEquals(Instant.parse("2026-12-24T17:00:00Z"),
                ScheduleExpression.parse("at(2026-12-24T18:00:00)").next(Instant.parse("2026-12-01T00:00:00Z"), EPOCH, paris));
    }

    @Test
    void aRateCountsFromItsAnchor() {
        Instant anchor = Instant.parse("2026-03-10T10:02:30Z");
        ScheduleExpression every5 = ScheduleExpression.parseRule("rate(5 minutes)");
        assertEquals(Instant.parse("2026-03-10T10:07:30Z"), every5.next(anchor, anchor, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-03-10T10:12:30Z"), every5.next(Instant.parse("2026-03-10T10:07:30Z"), anchor, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "rate(-1 minutes)", "rate(5 seconds)", "rate(five minutes)", "rate(5)",
            "cron(0 10 * * * *)",        // neither day field is '?'
            "cron(0 10 ? * ? *)",        // both are
            "cron(0 10 * * ?)",          // five fields
            "cron(60 10 * * ? *)", "cron(0 24 * * ? *)", "cron(0 0 32 * ? *)", "cron(0 0 ? 13 * *)", "cron(0 0 ? * 8 *)",
            "cron(0 0 1 1 ? 1969)", "cron(0 0 1 1 ? 2200)", "cron(0 0 ? * 3#6 *)", "cron(0 0 20-10 * ? *)", "cron(0 0 1 FOO ? *)",
            "cron(0 0 1, * ? *)", "at(2026-13-01T00:00:00)", "at(2026-12-01 00:00:00)", "every(5 minutes)", "rate 5 minutes",
    })
    void refusesWhatEventBridgeRefuses(String expression) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse(expression));
        assertTrue(!e.getMessage().isBlank());
    }

    @Test
    void rulesTakeNoAtExpression() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parseRule("at(2026-12-24T18:00:00)"));
    }
}
