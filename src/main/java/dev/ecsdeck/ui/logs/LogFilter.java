package dev.ecsdeck.ui.logs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.IntStream;

/**
 * What a log view keeps: lines whose message contains the text (or matches the regex), with
 * {@code context} lines before and after each. Smart case, as in ripgrep and vim: all-lower-case
 * text ignores case, text with a capital letter matches it exactly.
 */
public final class LogFilter {
    /** Lines scanned per parallel chunk: big enough to amortise the hand-off, small enough to balance two cores. */
    private static final int CHUNK = 32_768;

    private static final String REGEX_SYNTAX = "\\^$.?*+()[]{}";

    private final String text;
    private final boolean regex;
    private final int context;
    private final Pattern pattern;
    /**
     * When the filter is plain words ("timeout", or a regex such as "timeout|ERROR"), the words:
     * String.indexOf finds them several times faster than the regex engine tries an alternation at
     * each position. The pattern still finds the spans to highlight (on-screen lines only).
     */
    private final String[] literals;
    /** For other regexes, text one of which every match starts with (null when unknown): lines without any are skipped. */
    private final String[] prefixes;
    private final boolean ignoreCase;

    private LogFilter(String text, boolean regex, int context, Pattern pattern, boolean ignoreCase) {
        this.text = text;
        this.regex = regex;
        this.context = context;
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
        String[] words = regex ? text.split("\\|", -1) : new String[] {text};
        boolean plain = java.util.Arrays.stream(words).allMatch(w -> !w.isEmpty() && (!regex || w.chars().noneMatch(c -> REGEX_SYNTAX.indexOf(c) >= 0)));
        this.literals = plain ? java.util.Arrays.stream(words).map(w -> ignoreCase ? w.toLowerCase(java.util.Locale.ROOT) : w).toArray(String[]::new) : null;
        String[] required = plain || !regex ? null : RegexPrefixes.of(text);
        this.prefixes = required == null ? null
                : java.util.Arrays.stream(required).map(w -> ignoreCase ? w.toLowerCase(java.util.Locale.ROOT) : w).toArray(String[]::new);
    }

    /**
     * Compiles a filter.
     *
     * @throws IllegalArgumentException with a message naming the filter field, for an invalid regex or a negative context
     */
    public static LogFilter of(String text, boolean regex, int context) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("Filter: empty text matches every line");
        }
        if (context < 0) {
            throw new IllegalArgumentException("Context lines: must be 0 or more, not " + context);
        }
        boolean ignoreCase = text.chars().noneMatch(Character::isUpperCase);
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        try {
            return new LogFilter(text, regex, context, Pattern.compile(regex ? text : Pattern.quote(text), flags), ignoreCase);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Filter: invalid regex: " + e.getDescription() + " near index " + e.getIndex(), e);
        }
    }

    public String text() {
        return text;
    }

    public boolean regex() {
        return regex;
    }

    public int context() {
        return context;
    }

    /** A matcher to reuse across lines (one per thread): {@code matcher.reset(message).find()}. */
    public Matcher matcher() {
        return pattern.matcher("");
    }

    public boolean matches(String message) {
        if (literals != null) {
            return containsAny(message, literals);
        }
        return (prefixes == null || containsAny(message, prefixes)) && pattern.matcher(message).find();
    }

    private boolean containsAny(String message, String[] words) {
        for (String word : words) {
            if (ignoreCase ? containsIgnoringCase(message, word) : message.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s} contains {@code lowerWord} (in lower case), ignoring case. */
    private static boolean containsIgnoringCase(String s, String lowerWord) {
        int n = lowerWord.length();
        char first = lowerWord.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        for (int i = 0, last = s.length() - n; i <= last; i++) {
            char c = s.charAt(i);
            // Two comparisons per character; case folding only past ASCII.
            if ((c == first || c == firstUpper || (c > 127 && Character.toLowerCase(c) == first)) && restMatches(s, i, lowerWord)) {
                return true;
            }
        }
        return false;
    }

    private static boolean restMatches(String s, int at, String lowerWord) {
        for (int j = 1, n = lowerWord.length(); j < n; j++) {
            char w = lowerWord.charAt(j);
            char c = s.charAt(at + j);
            if (c != w && !(w >= 'a' && w <= 'z' && c == w - 32)) {
                return (c > 127 || w > 127) && s.regionMatches(true, at, lowerWord, 0, n);
            }
        }
        return true;
    }

    /** The [start, end) spans of the matches in a message, for highlighting: start0, end0, start1, end1… */
    public int[] spans(String message) {
        Matcher m = pattern.matcher(message);
        int[] out = new int[8];
        int n = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                if (m.end() >= message.length()) {
                    break;
                }
                continue; // an empty match highlights nothing
            }
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = m.start();
            out[n++] = m.end();
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The sequence numbers of the lines in [{@code fromSeq}, {@code toSeq}) of the buffer that match,
     * in order. Large ranges are scanned in parallel chunks (the caller's thread takes part).
     */
    public long[] matchingSeqs(LogBuffer buffer, long fromSeq, long toSeq) {
        long first = Math.max(fromSeq, buffer.firstSeq());
        int base = (int) (first - buffer.firstSeq());
        return matching(i -> buffer.get(base + i), first, toSeq - first, NEVER, true);
    }

    /**
     * The sequence numbers of the matching lines of {@code lines} (a snapshot: the first is line
     * {@code firstSeq}), in order; for a background thread, which checks {@code cancelled} every few
     * thousand lines and stops with a {@link CancellationException} once it says so. In parallel
     * chunks only when more than two cores are there: on two, one stays for the FX thread.
     */
    public long[] matchingSeqs(LogLine[] lines, long firstSeq, BooleanSupplier cancelled) {
        return matching(i -> lines[i], firstSeq, lines.length, cancelled, Runtime.getRuntime().availableProcessors() > 2);
    }

    private static final BooleanSupplier NEVER = () -> false;

    private long[] matching(IntFunction<LogLine> line, long first, long count, BooleanSupplier cancelled, boolean parallel) {
        if (count <= 0) {
            return new long[0];
        }
        if (count <= CHUNK || !parallel) {
            return scan(line, first, 0, (int) count, cancelled);
        }
        int chunks = (int) ((count + CHUNK - 1) / CHUNK);
        List<long[]> parts = IntStream.range(0, chunks).parallel()
                .mapToObj(c -> scan(line, first, c * CHUNK, (int) Math.min(count, (long) (c + 1) * CHUNK), cancelled))
                .collect(ArrayList::new, List::add, List::addAll);
        int total = parts.stream().mapToInt(p -> p.length).sum();
        long[] out = new long[total];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Lines [{@code from}, {@code to}) of {@code line}, the first numbered {@code firstSeq}. */
    private long[] scan(IntFunction<LogLine> line, long firstSeq, int from, int to, BooleanSupplier cancelled) {
        Matcher m = literals == null ? matcher() : null;
        long[] out = new long[64];
        int n = 0;
        for (int i = from; i < to; i++) {
            if ((i & 4095) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("a newer filter replaced " + text);
            }
            String message = line.apply(i).message();
            if (m == null ? containsAny(message, literals) : (prefixes == null || containsAny(message, prefixes)) && m.reset(message).find()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[n++] = firstSeq + i;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
