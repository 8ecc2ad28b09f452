package dev.ecsdeck.provider;

/** The backend throttled the call ("ThrottlingException: Rate exceeded") even after retries. */
public class ThrottledException extends EcsException {
    public ThrottledException(Operation operation, String errorCode, String message) {
        super(operation, errorCode, message);
    }

    @Override
    protected EcsException copyFor(Operation op) {
        return new ThrottledException(op, errorCode(), getMessage());
    }
}
