package dev.ecsdeck.ui.logs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A row's time as {@link LogLineFormat#prefix} writes it ("yyyy-MM-dd HH:mm:ss.SSS  "), made for
 * every row painted in every frame: the date and time to the second are formatted once per second
 * seen (neighbouring lines share it), the milliseconds are appended.
 */
final class LogTimeText {
    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private long second = Long.MIN_VALUE;
    private ZoneId zone;
    private String secondText;

    String of(long millis, ZoneId zone) {
        long s = Math.floorDiv(millis, 1000);
        if (s != second || !zone.equals(this.zone)) {
            second = s;
            this.zone = zone;
            secondText = TO_THE_SECOND.format(Instant.ofEpochSecond(s).atZone(zone));
        }
        int ms = (int) Math.floorMod(millis, 1000);
        char[] tail = {'.', (char) ('0' + ms / 100), (char) ('0' + ms / 10 % 10), (char) ('0' + ms % 10), ' ', ' '};
        return secondText.concat(new String(tail));
    }
}
