package dev.ecsdeck.provider;

/** The backend could not be reached or failed on its side (network error, HTTP 5xx, time-out). */
public class UnavailableException extends EcsException {
    public UnavailableException(Operation operation, String errorCode, String message, Throwable cause) {
        super(operation, errorCode, message, cause);
    }

    @Override
    protected EcsException copyFor(Operation op) {
        return new UnavailableException(op, errorCode(), getMessage(), getCause());
    }
}
