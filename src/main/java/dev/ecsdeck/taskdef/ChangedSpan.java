package dev.ecsdeck.taskdef;

/**
 * Where two values differ: the common prefix and suffix are the same on both sides, so the change
 * is the middle, {@code [start, oldEnd)} of the old value and {@code [start, newEnd)} of the new
 * one ("orders-api:3.4.1" → "orders-api:3.4.3": the "1" and the "3"). A view shows that middle
 * highlighted, and when a value is too long to show whole, {@link #shortened} keeps it.
 */
public record ChangedSpan(int start, int oldEnd, int newEnd) {
    /** The differing middle of {@code oldValue} and {@code newValue} (null counts as empty). */
    public static ChangedSpan of(String oldValue, String newValue) {
        String a = oldValue == null ? "" : oldValue;
        String b = newValue == null ? "" : newValue;
        int prefix = 0;
        int max = Math.min(a.length(), b.length());
        while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        // Never split a surrogate pair.
        if (prefix > 0 && prefix < max && Character.isHighSurrogate(a.charAt(prefix - 1))) {
            prefix--;
        }
        int suffix = 0;
        while (suffix < max - prefix && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        if (suffix > 0 && suffix < max - prefix && Character.isLowSurrogate(a.charAt(a.length() - suffix))) {
            suffix--;
        }
        return new ChangedSpan(prefix, a.length() - suffix, b.length() - suffix);
    }

    /** The part of one side that changed: [start, end) of that side's value. */
    public record Part(int start, int end) {
        public int length() {
            return end - start;
        }
    }

    public Part oldPart() {
        return new Part(start, oldEnd);
    }

    public Part newPart() {
        return new Part(start, newEnd);
    }

    /**
     * A value shortened to at most {@code max} characters (not less than the changed part plus two
     * ellipses) by cutting from the ends first, keeping {@code part} and a little context on each side.
     * The result is the text segments: before, changed, after; cut ends carry "…".
     */
    public static Shortened shortened(String value, Part part, int max) {
        String v = value == null ? "" : value;
        if (v.length() <= max) {
            return new Shortened(v.substring(0, part.start()), v.substring(part.start(), part.end()), v.substring(part.end()));
        }
        String changed = v.substring(part.start(), part.end());
        int room = Math.max(0, max - changed.length() - 2);
        // Context before the change matters more ("…orders-api:3.4.[3]"): give it the larger share.
        int before = Math.min(part.start(), room - Math.min(v.length() - part.end(), room / 3));
        int after = Math.min(v.length() - part.end(), room - before);
        before = Math.min(part.start(), room - after);
        String head = part.start() - before > 0 ? "\u2026" + v.substring(part.start() - before, part.start()) : v.substring(0, part.start());
        String tail = v.length() - part.end() > after ? v.substring(part.end(), part.end() + after) + "\u2026" : v.substring(part.end());
        return new Shortened(head, changed, tail);
    }

    /** A value as shown: the text before the change, the change, and after it. */
    public record Shortened(String before, String changed, String after) {
        public String text() {
            return before + changed + after;
        }
    }
}
