package dev.ecsdeck.provider;

/** A mutating call refused because the console is in read-only mode; no backend saw it. */
public class ReadOnlyException extends EcsException {
    public ReadOnlyException(Operation operation) {
        super(operation, "ReadOnlyMode", operation.apiName() + " is not allowed: the console is in read-only mode.");
    }

    @Override
    protected EcsException copyFor(Operation op) {
        return new ReadOnlyException(op);
    }
}
