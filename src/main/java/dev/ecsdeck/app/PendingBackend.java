package dev.ecsdeck.app;

import dev.ecsdeck.provider.BackendDescription;
import dev.ecsdeck.provider.EcsProvider;
import dev.ecsdeck.provider.RetryListener;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A backend that opens on its own thread while the window is built and shown: building the simulator
 * (its scenario, three hours of metric history, the warm-up) takes longer than the window does, and the
 * two run side by side on the two cores. It is an {@link EcsProvider} at once — its description is
 * known up front — and each call waits for the opening to end (the UI calls it off the FX thread).
 * A proxy rather than a class of ~100 forwarding methods: every call but these three is the same wait.
 */
final class PendingBackend implements InvocationHandler {
    private final BackendDescription description;
    private final CompletableFuture<EcsProvider> opened;
    private final List<RetryListener> retryListeners = new ArrayList<>();
    private EcsProvider backend;

    private PendingBackend(BackendDescription description, Supplier<EcsProvider> open) {
        this.description = description;
        this.opened = CompletableFuture.supplyAsync(() -> ready(open.get()), r -> {
            Thread t = new Thread(r, "open-backend");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Starts opening a backend (described by {@code description}) on a new thread, and returns it at once. */
    static EcsProvider open(BackendDescription description, Supplier<EcsProvider> open) {
        return (EcsProvider) Proxy.newProxyInstance(EcsProvider.class.getClassLoader(), new Class<?>[] {EcsProvider.class},
                new PendingBackend(description, open));
    }

    /** When {@code provider} is one made by {@link #open} and its opening fails: {@code failed} gets why (on the opening thread). */
    static void whenFailed(EcsProvider provider, Consumer<Throwable> failed) {
        if (Proxy.isProxyClass(provider.getClass()) && Proxy.getInvocationHandler(provider) instanceof PendingBackend pending) {
            pending.opened.whenComplete((opened, error) -> {
                if (error != null) {
                    failed.accept(error instanceof CompletionException ? error.getCause() : error);
                }
            });
        }
    }

    private synchronized EcsProvider ready(EcsProvider opened) {
        StartupTrace.mark("backend-ready");
        retryListeners.forEach(opened::onRetry);
        backend = opened;
        return opened;
    }

    private synchronized void onRetry(RetryListener listener) {
        if (backend != null) {
            backend.onRetry(listener);
        } else {
            retryListeners.add(listener);
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "description":
                return description;
            case "onRetry":
                onRetry((RetryListener) args[0]);
                return null;
            case "close":
                // Closed before it opened (the user quit at once): it closes when it has.
                opened.thenAccept(EcsProvider::close);
                return null;
            case "toString":
                return "backend " + description.label() + (opened.isDone() ? "" : " (opening)");
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            default:
                break;
        }
        EcsProvider target;
        try {
            target = opened.join();
        } catch (CompletionException e) {
            throw e.getCause();
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
