package dev.ecsdeck.provider;

import java.util.function.Supplier;

/**
 * Reports each call's start and end to a {@link CallObserver}, and makes every failure an
 * {@link EcsException} that names its call, so no raw runtime exception leaves a provider.
 */
public final class ObservedEcsProvider extends ForwardingEcsProvider {
    private final CallObserver observer;

    public ObservedEcsProvider(EcsProvider delegate, CallObserver observer) {
        super(delegate);
        this.observer = observer;
    }

    @Override
    protected <T> T call(Operation operation, Supplier<T> body) {
        observer.started(operation);
        try {
            T result = body.get();
            observer.finished(operation, null);
            return result;
        } catch (EcsException e) {
            EcsException named = e.withOperation(operation);
            observer.finished(operation, named);
            throw named;
        } catch (RuntimeException e) {
            EcsException wrapped = new EcsException(operation, e.getClass().getSimpleName(),
                    String.valueOf(e.getMessage()), e);
            observer.finished(operation, wrapped);
            throw wrapped;
        }
    }
}
