package dev.ecsdeck.provider;

/**
 * A failed provider call: which call, the backend's error code (ECS's, such as
 * "ClusterNotFoundException") and its message. Subclasses say what kind of failure it is, so the UI
 * can say what to do.
 */
public class EcsException extends RuntimeException {
    private final Operation operation;
    private final String errorCode;

    public EcsException(Operation operation, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.errorCode = errorCode;
    }

    public EcsException(Operation operation, String errorCode, String message) {
        this(operation, errorCode, message, null);
    }

    /** The call that failed; null when the failure was raised outside any call. */
    public Operation operation() {
        return operation;
    }

    public String errorCode() {
        return errorCode;
    }

    /** The same failure, now naming the call it happened in. */
    public EcsException withOperation(Operation op) {
        return this.operation != null ? this : copyFor(op);
    }

    protected EcsException copyFor(Operation op) {
        return new EcsException(op, errorCode, getMessage(), this);
    }

    /** One line for a status bar or dialog title: "UpdateService failed: ServiceNotFoundException: ...". */
    public String summary() {
        String call = operation == null ? "Call" : operation.apiName();
        return call + " failed: " + errorCode + ": " + getMessage();
    }
}
