package dev.ecsdeck.app;

import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.ObservedEcsProvider;
import dev.ecsdeck.provider.ReadOnlyEcsProvider;
import dev.ecsdeck.ui.common.FxThreadCheckingProvider;
import dev.ecsdeck.ui.common.UiTaskExecutor;
import dev.ecsdeck.ui.shell.ShellViewModel;
import javafx.application.Platform;

/**
 * One run of the console against one backend: the backend, the decorated provider the UI uses
 * (read-only mode, call tracking for the status bar, and a check that no call runs on the FX
 * thread), the background executor and the shell's state.
 */
final class ConsoleSession implements AutoCloseable {
    private final EcsProvider backend;
    private final FxThreadCheckingProvider provider;
    private final ShellViewModel shell;
    private final UiTaskExecutor executor;

    ConsoleSession(EcsProvider backend, boolean readOnly) {
        this.backend = backend;
        this.shell = new ShellViewModel(backend.description(), Platform::runLater, readOnly);
        EcsProvider guarded = new ReadOnlyEcsProvider(backend, shell::isReadOnlyNow);
        this.provider = new FxThreadCheckingProvider(new ObservedEcsProvider(guarded, shell));
        this.executor = new UiTaskExecutor(8, shell::report);
        backend.onRetry(shell::retried);
    }

    /** The provider the UI calls. */
    FxThreadCheckingProvider provider() {
        return provider;
    }

    ShellViewModel shell() {
        return shell;
    }

    UiTaskExecutor executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.close();
        backend.close();
    }
}
