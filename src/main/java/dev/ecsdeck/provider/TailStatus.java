package dev.ecsdeck.provider;

/** The state of a log tail, for its tab's status line. */
public record TailStatus(State state, String message) {
    public enum State { LIVE, RETRYING, FAILED, STOPPED }

    public static TailStatus live() {
        return new TailStatus(State.LIVE, "Following");
    }
}
