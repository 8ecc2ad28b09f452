package dev.ecsdeck.ui.common;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ForwardingEcsProvider;
import dev.ecsdeck.provider.Operation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Refuses any provider call made on the FX application thread and remembers it. Every run wraps the
 * UI's provider in it (ConsoleSession, and the UI tests' bench); the smoke run and the UI tests fail
 * on any call it recorded, to prove the UI never blocks on the backend.
 */
public final class FxThreadCheckingProvider extends ForwardingEcsProvider {
    private final List<String> violations = new CopyOnWriteArrayList<>();

    public FxThreadCheckingProvider(EcsProvider delegate) {
        super(delegate);
    }

    @Override
    protected <T> T call(Operation operation, Supplier<T> body) {
        if (Platform.isFxApplicationThread()) {
            String what = operation.apiName() + " called on the FX application thread";
            violations.add(what);
            throw new IllegalStateException(what);
        }
        return body.get();
    }

    /** The calls made on the FX thread so far (empty when the UI behaved). */
    public List<String> violations() {
        return List.copyOf(violations);
    }
}
