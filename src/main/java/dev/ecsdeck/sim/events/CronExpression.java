package dev.ecsdeck.sim.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * EventBridge's six-field cron: minutes, hours, day-of-month, month, day-of-week, year. Wildcards as
 * the user guide lists them: {@code , - * /} in every field; {@code ?} in day-of-month or
 * day-of-week, and exactly one of the two must be {@code ?}; {@code L} (last day of the month; in
 * day-of-week, {@code 5L} is the month's last Thursday); {@code W} ({@code 3W}: the weekday nearest
 * the 3rd, within the month; {@code LW}: the last weekday); {@code #} ({@code 3#2}: the second
 * Tuesday). Days of the week are 1-7 from Sunday, or SUN-SAT; months 1-12 or JAN-DEC; years 1970-2199.
 */
public final class CronExpression implements ScheduleExpression {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    static final int MIN_YEAR = 1970;
    static final int MAX_YEAR = 2199;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final DayOfMonth dayOfMonth; // null: '?'
    private final BitSet months;
    private final DayOfWeekField dayOfWeek; // null: '?'
    private final BitSet years;

    private CronExpression(String text, BitSet minutes, BitSet hours, DayOfMonth dayOfMonth, BitSet months, DayOfWeekField dayOfWeek,
            BitSet years) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.dayOfMonth = dayOfMonth;
        this.months = months;
        this.dayOfWeek = dayOfWeek;
        this.years = years;
    }

    static CronExpression parse(String inside) {
        String[] f = inside.trim().split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException("A cron expression has six fields (minutes hours day-of-month month day-of-week year), found "
                    + f.length + ".");
        }
        boolean domAny = f[2].equals("?");
        boolean dowAny = f[4].equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException("Exactly one of day-of-month and day-of-week must be '?'.");
        }
        return new CronExpression(inside.trim(), values(f[0], "minutes", 0, 59, null), values(f[1], "hours", 0, 23, null),
                domAny ? null : DayOfMonth.parse(f[2]), values(f[3], "month", 1, 12, MONTHS),
                dowAny ? null : DayOfWeekField.parse(f[4]), values(f[5], "year", MIN_YEAR, MAX_YEAR, null));
    }

    @Override
    public String toString() {
        return "cron(" + text + ")";
    }

    @Override
    public Instant next(Instant after, Instant anchor, ZoneId zone) {
        LocalDateTime from = LocalDateTime.ofInstant(after, zone).withSecond(0).withNano(0).plusMinutes(1);
        LocalDate day = from.toLocalDate();
        LocalTime earliest = from.toLocalTime();
        while (day.getYear() <= MAX_YEAR) {
            if (!years.get(day.getYear())) {
                int nextYear = years.nextSetBit(day.getYear() + 1);
                if (nextYear < 0) {
                    return null;
                }
                day = LocalDate.of(nextYear, 1, 1);
                earliest = LocalTime.MIDNIGHT;
                continue;
            }
            if (!months.get(day.getMonthValue())) {
                day = day.with(TemporalAdjusters.firstDayOfNextMonth());
                earliest = LocalTime.MIDNIGHT;
                continue;
            }
            if (dayMatches(day)) {
                LocalTime time = firstTime(earliest);
                if (time != null) {
                    Instant t = day.atTime(time).atZone(zone).toInstant();
                    if (t.isAfter(after)) {
                        return t;
                    }
                }
            }
            day = day.plusDays(1);
            earliest = LocalTime.MIDNIGHT;
        }
        return null;
    }

    private boolean dayMatches(LocalDate day) {
        return dayOfMonth != null ? dayOfMonth.matches(day) : dayOfWeek.matches(day);
    }

    private LocalTime firstTime(LocalTime earliest) {
        for (int h = hours.nextSetBit(earliest.getHour()); h >= 0; h = hours.nextSetBit(h + 1)) {
            int m = minutes.nextSetBit(h == earliest.getHour() ? earliest.getMinute() : 0);
            if (m >= 0) {
                return LocalTime.of(h, m);
            }
        }
        return null;
    }

    /** A field of values, ranges and steps ({@code 0,15}, {@code 8-17}, {@code 0/15}, {@code * /5}, {@code 10-50/10}) as the set it allows. */
    static BitSet values(String field, String name, int min, int max, List<String> names) {
        BitSet out = new BitSet(max + 1);
        for (String item : field.split(",", -1)) {
            int slash = item.indexOf('/');
            String range = slash < 0 ? item : item.substring(0, slash);
            int step = slash < 0 ? 1 : number(item.substring(slash + 1), name, 1, max - min + 1, null);
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw new IllegalArgumentException("Bad range '" + range + "' in the " + name + " field.");
                }
                from = number(ends[0], name, min, max, names);
                to = number(ends[1], name, min, max, names);
                if (from > to) {
                    throw new IllegalArgumentException("The range '" + range + "' in the " + name + " field runs backwards.");
                }
            } else {
                from = number(range, name, min, max, names);
                to = slash < 0 ? from : max; // 0/15: from 0 every 15
            }
            for (int v = from; v <= to; v += step) {
                out.set(v);
            }
        }
        return out;
    }

    static int number(String text, String name, int min, int max, List<String> names) {
        if (names != null) {
            int i = names.indexOf(text.toUpperCase(Locale.ROOT));
            if (i >= 0) {
                return min + i;
            }
        }
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid value in the " + name + " field.");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("The " + name + " field takes " + min + "-" + max + ", found " + v + ".");
        }
        return v;
    }

    /** Day-of-month: a value set, or {@code L}, {@code LW}, {@code nW}. */
    private record DayOfMonth(BitSet days, boolean last, boolean lastWeekday, int nearestWeekdayTo) {
        static DayOfMonth parse(String f) {
            if (f.equals("L")) {
                return new DayOfMonth(null, true, false, 0);
            }
            if (f.equals("LW")) {
                return new DayOfMonth(null, false, true, 0);
            }
            if (f.endsWith("W")) {
                return new DayOfMonth(null, false, false, number(f.substring(0, f.length() - 1), "day-of-month", 1, 31, null));
            }
            return new DayOfMonth(values(f, "day-of-month", 1, 31, null), false, false, 0);
        }

        boolean matches(LocalDate day) {
            LocalDate lastDay = day.with(TemporalAdjusters.lastDayOfMonth());
            if (last) {
                return day.equals(lastDay);
            }
            if (lastWeekday) {
                return day.equals(weekdayNearest(lastDay));
            }
            if (nearestWeekdayTo > 0) {
                int target = Math.min(nearestWeekdayTo, lastDay.getDayOfMonth());
                return day.equals(weekdayNearest(day.withDayOfMonth(target)));
            }
            return days.get(day.getDayOfMonth());
        }

        /** The weekday nearest {@code d} without leaving its month (Saturday the 1st: Monday the 3rd). */
        private static LocalDate weekdayNearest(LocalDate d) {
            DayOfWeek w = d.getDayOfWeek();
            if (w == DayOfWeek.SATURDAY) {
                return d.getDayOfMonth() == 1 ? d.plusDays(2) : d.minusDays(1);
            }
            if (w == DayOfWeek.SUNDAY) {
                return d.plusDays(1).getMonth() == d.getMonth() ? d.plusDays(1) : d.minusDays(2);
            }
            return d;
        }
    }

    /** Day-of-week (1 = Sunday): a value set, {@code L} (Saturday), {@code nL} (the month's last), or {@code n#k} (its k-th). */
    private record DayOfWeekField(BitSet days, int lastOf, int nthDay, int nth) {
        static DayOfWeekField parse(String f) {
            if (f.equals("L")) {
                BitSet saturday = new BitSet();
                saturday.set(7);
                return new DayOfWeekField(saturday, 0, 0, 0);
            }
            if (f.endsWith("L")) {
                return new DayOfWeekField(null, number(f.substring(0, f.length() - 1), "day-of-week", 1, 7, DAYS), 0, 0);
            }
            int hash = f.indexOf('#');
            if (hash >= 0) {
                return new DayOfWeekField(null, 0, number(f.substring(0, hash), "day-of-week", 1, 7, DAYS),
                        number(f.substring(hash + 1), "day-of-week", 1, 5, null));
            }
            return new DayOfWeekField(values(f, "day-of-week", 1, 7, DAYS), 0, 0, 0);
        }

        boolean matches(LocalDate day) {
            int dow = day.getDayOfWeek().getValue() % 7 + 1; // Monday=1..Sunday=7 in java.time; 1 = Sunday here
            if (lastOf > 0) {
                return dow == lastOf && day.plusDays(7).getMonth() != day.getMonth();
            }
            if (nthDay > 0) {
                return dow == nthDay && (day.getDayOfMonth() - 1) / 7 + 1 == nth;
            }
            return days.get(dow);
        }
    }
}
