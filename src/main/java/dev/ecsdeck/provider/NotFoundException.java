package dev.ecsdeck.provider;

/** The cluster, service, task or task definition named does not exist. */
public class NotFoundException extends EcsException {
    public NotFoundException(Operation operation, String errorCode, String message) {
        super(operation, errorCode, message);
    }

    @Override
    protected EcsException copyFor(Operation op) {
        return new NotFoundException(op, errorCode(), getMessage());
    }
}
