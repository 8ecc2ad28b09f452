package dev.ecsdeck.sim.state;

/** Comparing two long state texts: a failure shows the first difference with a little context, not two pages of state. */
final class StateAssertions {
    private StateAssertions() {}

    static void assertSameState(String expected, String actual, String when) {
        if (expected.equals(actual)) {
            return;
        }
        int i = 0;
        while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 300);
        throw new AssertionError(when + ": states differ at " + i + "\nexpected …" + expected.substring(from, Math.min(expected.length(), i + 200))
                + "\nactual   …" + actual.substring(from, Math.min(actual.length(), i + 200)));
    }
}
