package dev.ecsdeck.provider;

/**
 * The state of a log tail, for its tab's status line: live, retrying after an error, failed,
 * stopped (closed), or ended (asked to {@link LogSubscription#finish() finish}, it read what was left).
 */
public record TailStatus(State state, String message) {
    public enum State { LIVE, RETRYING, FAILED, STOPPED, ENDED }

    public static TailStatus live() {
        return new TailStatus(State.LIVE, "live");
    }
}
