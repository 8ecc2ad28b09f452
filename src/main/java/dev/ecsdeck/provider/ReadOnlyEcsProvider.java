package dev.ecsdeck.provider;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Read-only mode: while it is on, refuses every mutating call with a {@link ReadOnlyException}
 * before the backend sees it; reads always pass through. The switch is read on every call, so the
 * user can turn the mode on and off without rebuilding the provider.
 */
public final class ReadOnlyEcsProvider extends ForwardingEcsProvider {
    private final BooleanSupplier readOnly;

    public ReadOnlyEcsProvider(EcsProvider delegate, BooleanSupplier readOnly) {
        super(delegate);
        this.readOnly = readOnly;
    }

    /** Always read-only. */
    public ReadOnlyEcsProvider(EcsProvider delegate) {
        this(delegate, () -> true);
    }

    @Override
    protected <T> T call(Operation operation, Supplier<T> body) {
        if (operation.mutating() && readOnly.getAsBoolean()) {
            throw new ReadOnlyException(operation);
        }
        return body.get();
    }
}
