package dev.ecsdeck.provider;

import java.util.function.Supplier;

/**
 * Read-only mode: refuses every mutating call with a {@link ReadOnlyException} before the backend
 * sees it; reads pass through.
 */
public final class ReadOnlyEcsProvider extends ForwardingEcsProvider {

    public ReadOnlyEcsProvider(EcsProvider delegate) {
        super(delegate);
    }

    @Override
    protected <T> T call(Operation operation, Supplier<T> body) {
        if (operation.mutating()) {
            throw new ReadOnlyException(operation);
        }
        return body.get();
    }
}
