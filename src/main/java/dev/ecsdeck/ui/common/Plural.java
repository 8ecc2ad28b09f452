package dev.ecsdeck.ui.common;

/** A count with its noun in the right number: "1 task", "2 tasks", "0 retries". */
public final class Plural {
    private Plural() {}

    /** The count and the noun, with an "s" unless the count is one. */
    public static String of(long count, String singular) {
        return of(count, singular, singular + "s");
    }

    /** The count and the singular or plural noun, for nouns that do not just take an "s" ("retry", "retries"). */
    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
