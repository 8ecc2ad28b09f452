package dev.ecsdeck.provider;

/**
 * The caller may not do this, or has no valid credentials. {@code remedy} says what to do, e.g.
 * "Run: aws sso login --profile dev".
 */
public class AccessDeniedException extends EcsException {
    private final String remedy;

    public AccessDeniedException(Operation operation, String errorCode, String message, String remedy) {
        super(operation, errorCode, message);
        this.remedy = remedy;
    }

    /** What the user can do about it; null where there is nothing specific to say. */
    public String remedy() {
        return remedy;
    }

    /** The failure and what to do about it, in one line, so the status bar and the tree say both. */
    @Override
    public String summary() {
        return remedy == null || remedy.isBlank() ? super.summary() : super.summary() + " — " + remedy;
    }

    @Override
    protected EcsException copyFor(Operation op) {
        return new AccessDeniedException(op, errorCode(), getMessage(), remedy);
    }
}
