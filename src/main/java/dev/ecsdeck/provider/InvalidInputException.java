package dev.ecsdeck.provider;

/**
 * The request was refused as invalid ("ClientException", "InvalidParameterException").
 * {@code fieldPath} names the offending field where known, e.g. "containerDefinitions[0].portMappings[1].hostPort".
 */
public class InvalidInputException extends EcsException {
    private final String fieldPath;

    public InvalidInputException(Operation operation, String errorCode, String message, String fieldPath) {
        super(operation, errorCode, message);
        this.fieldPath = fieldPath;
    }

    /** The offending field, or null where the backend did not say. */
    public String fieldPath() {
        return fieldPath;
    }

    @Override
    protected EcsException copyFor(Operation op) {
        return new InvalidInputException(op, errorCode(), getMessage(), fieldPath);
    }
}
