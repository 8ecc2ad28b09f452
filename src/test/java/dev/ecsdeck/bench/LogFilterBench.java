package dev.ecsdeck.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecsdeck.sim.DemoSim;
import dev.ecsdeck.ui.logs.LogBuffer;
import dev.ecsdeck.ui.logs.LogFilter;
import dev.ecsdeck.ui.logs.LogLine;
import dev.ecsdeck.ui.logs.LogOrigin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The regex filter over a full buffer: 1,000,000 realistic lines of ~120 bytes from 4 tasks (JSON
 * application logs, access logs, plain worker logs, about 1–2% errors), filtered by
 * {@code timeout|ERROR} in parallel chunks on the caller and the common pool (the view matches a new
 * filter in the background, in chunks only with more than two cores: {@link LogFilterFxBench} times
 * what the FX thread does meanwhile). Median of 7 runs after 3 warm-ups. Also prints the heap the buffer holds.
 */
class LogFilterBench {
    private static final int LINES = 1_000_000;

    static LogBuffer realisticBuffer(int lines) {
        LogOrigin[] origins = new LogOrigin[4];
        for (int t = 0; t < origins.length; t++) {
            origins[t] = new LogOrigin(t, String.format(Locale.ROOT, "%032x", 0x5eedL * (t + 1)), t % 2 == 0 ? "api" : "nginx");
        }
        SplittableRandom random = new SplittableRandom(42);
        LogBuffer buffer = new LogBuffer(lines);
        long t0 = DemoSim.START.toEpochMilli();
        for (int k = 0; k < lines; k++) {
            int n = random.nextInt(10_000);
            long ts = t0 + k * 3L;
            String message = switch (k % 3) {
                case 0 -> "{\"time\":\"" + Instant.ofEpochMilli(ts) + "\",\"level\":\"" + (n % 97 == 0 ? "ERROR" : n % 23 == 0 ? "WARN" : "INFO")
                        + "\",\"logger\":\"app.OrderService\",\"msg\":\""
                        + (n % 97 == 0 ? "timeout calling payments after " + n + " ms" : "order " + n + " created")
                        + "\",\"requestId\":\"" + Long.toHexString(random.nextLong()) + "\"}";
                case 1 -> "10.0." + (n % 4) + "." + (n % 250 + 2) + " - - [22/Nov/2026:09:00:00 +0000] \"GET /api/orders/" + n + " HTTP/1.1\" "
                        + (n % 50 == 0 ? 502 : 200) + " " + (200 + n % 9000) + " \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"";
                default -> "2026-11-22 09:00:00.000 " + (n % 89 == 0 ? "ERROR" : "INFO ") + " [worker-" + (n % 8) + "] orders-worker - processed batch "
                        + k + " (" + (n % 50 + 1) + " items) from queue orders-events-" + (n % 4);
            };
            buffer.add(new LogLine(ts, origins[k % origins.length], message));
        }
        return buffer;
    }

    /** Median of 7 timed runs after 3 warm-ups, in ms. */
    private static long median(LogBuffer buffer, LogFilter filter) {
        List<Double> samples = new ArrayList<>();
        int matches = 0;
        for (int run = 0; run < 10; run++) {
            long start = System.nanoTime();
            matches = filter.matchingSeqs(buffer, buffer.firstSeq(), buffer.received()).length;
            double ms = (System.nanoTime() - start) / 1e6;
            if (run >= 3) {
                samples.add(ms);
            }
        }
        assertTrue(matches > 0 && matches < LINES, "the filter keeps some lines, not all: " + matches);
        System.out.printf(Locale.ROOT, "  %s: %,d match, runs %s ms%n", filter.text(), matches, samples);
        return Math.round(Bench.median(samples));
    }

    @Test
    void regexOverAMillionLines() {
        long before = HeapUse.afterCollection();
        LogBuffer buffer = realisticBuffer(LINES);
        long heap = HeapUse.afterCollection() - before;
        double avgBytes = 0;
        for (int i = 0; i < LINES; i += 1000) {
            avgBytes += buffer.get(i).message().length();
        }
        avgBytes /= LINES / 1000.0;
        System.out.printf(Locale.ROOT, "log filter: %,d lines of %.0f chars on average%n", LINES, avgBytes);
        Bench.print("logs.filter_ms_1m", median(buffer, LogFilter.of("timeout|ERROR", true, 0)), "ms");
        // The same words typed in lower case (ignoring case), and a regex the word search cannot take (the regex engine's figure).
        Bench.print("logs.filter_ms_1m_ignore_case", median(buffer, LogFilter.of("timeout|error", true, 0)), "ms");
        // A regex that is not plain words: only lines holding "time" or "ERR" reach the regex engine.
        Bench.print("logs.filter_ms_1m_regex", median(buffer, LogFilter.of("time(out|d out)|ERR(OR)?\\b", true, 0)), "ms");
        // A regex with no literal start: every line goes through the regex engine.
        Bench.print("logs.filter_ms_1m_regex_no_prefix", median(buffer, LogFilter.of("[0-9]{4} ms|[Tt]ime.?out", true, 0)), "ms");
        Bench.print("logs.filter_buffer_heap_mb_1m", Math.round(heap / 1e6), "MB");
    }
}
