package dev.ecsdeck.taskdef;

/**
 * One path of a {@link RevisionDiff}: {@code left} and {@code right} are the compact JSON of the
 * value on each side (after normalisation), null where the side has none.
 */
public record DiffEntry(String path, Change change, String left, String right) {
    public enum Change { ADDED, REMOVED, CHANGED, UNCHANGED }

    /** One line of {@link RevisionDiff#asText}: "~ path: left → right", "+ path: right", "- path: left", "  path: value". */
    public String asText() {
        switch (change) {
            case ADDED:
                return "+ " + path + ": " + right;
            case REMOVED:
                return "- " + path + ": " + left;
            case CHANGED:
                return "~ " + path + ": " + left + " \u2192 " + right;
            default:
                return "  " + path + ": " + left;
        }
    }
}
