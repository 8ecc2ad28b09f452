package dev.ecsdeck.ui.shell;

import dev.ecsdeck.provider.BackendDescription;
import dev.ecsdeck.provider.CallObserver;
import dev.ecsdeck.provider.EcsException;
import dev.ecsdeck.provider.Operation;
import dev.ecsdeck.ui.common.ErrorText;
import dev.ecsdeck.ui.common.Plural;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The main window's own state: which backend, read-only mode, theme, calls in flight and the last
 * error. It observes every provider call (from any thread) and publishes the counts to the UI
 * thread at most once per pending update, so a burst of calls costs one UI update.
 */
public final class ShellViewModel implements CallObserver {
    private final Consumer<Runnable> uiThread;
    private final BackendDescription backend;
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final StringProperty readOnlyReason = new SimpleStringProperty("");
    private final BooleanProperty readOnlyForced = new SimpleBooleanProperty();
    private final SimpleIntegerProperty callsInFlight = new SimpleIntegerProperty();
    private final StringProperty lastError = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final SimpleIntegerProperty retries = new SimpleIntegerProperty();
    private final SimpleIntegerProperty errors = new SimpleIntegerProperty();
    private final AtomicInteger retryCount = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicReference<String> pendingError = new AtomicReference<>();
    private final AtomicInteger pendingErrors = new AtomicInteger();
    private final AtomicBoolean publishQueued = new AtomicBoolean();
    /** Read by the read-only decorator on every call, from any thread. */
    private volatile boolean readOnlyNow;

    /** @param uiThread runs an update on the UI thread ({@code Platform::runLater}; {@code Runnable::run} in tests) */
    public ShellViewModel(BackendDescription backend, Consumer<Runnable> uiThread, boolean readOnlyAtStart) {
        this.backend = backend;
        this.uiThread = uiThread;
        this.readOnly.set(readOnlyAtStart);
        this.readOnlyNow = readOnlyAtStart;
        readOnly.addListener((obs, was, now) -> readOnlyNow = now);
    }

    public BackendDescription backend() {
        return backend;
    }

    public String backendLabel() {
        return backend.label();
    }

    /** For the read-only decorator: safe to call from any thread. */
    public boolean isReadOnlyNow() {
        return readOnlyNow;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** Why read-only is on ("profile prod-admin starts read-only …"); empty while it is off. */
    public ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason;
    }

    /** True when --read-only forces it on: the switch cannot turn it off. */
    public javafx.beans.property.ReadOnlyBooleanProperty readOnlyForcedProperty() {
        return readOnlyForced;
    }

    /**
     * Starts read-only (or not) as the rule decided for {@code backend}, and from then on hands each
     * switch the user makes to {@code remember} (for the settings), with the banner's reason kept
     * current. A forced start is not remembered and cannot be switched off.
     */
    public void governReadOnly(BackendChoice backend, ReadOnlyRule.Start start, Consumer<Boolean> remember) {
        readOnlyForced.set(start.forced());
        readOnly.set(start.readOnly());
        readOnlyReason.set(start.readOnly() ? start.reason() : "");
        readOnly.addListener((obs, was, now) -> {
            if (readOnlyForced.get()) {
                if (!now) {
                    readOnly.set(true); // --read-only: nothing switches it off
                }
                return;
            }
            readOnlyReason.set(now ? ReadOnlyRule.switchedOnReason(backend) : "");
            remember.accept(now);
        });
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public ReadOnlyIntegerProperty callsInFlightProperty() {
        return callsInFlight;
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /**
     * A passing message ("Retrying …", "Task … is not in the tree …"): it stays until the user's next
     * action or until {@link #expireStatus} takes it away, so it is never left to go stale.
     */
    public void setStatus(String text) {
        status.set(text == null ? "" : text);
    }

    /** Takes the message away if it is still {@code text} (a later message keeps its own time). */
    public void expireStatus(String text) {
        if (status.get().equals(text)) {
            status.set("");
        }
    }

    /** The user clicked or typed: the passing message has been seen and no longer describes what is on screen. */
    public void userActed() {
        status.set("");
    }

    /** The last error and the count of errors are dismissed together. */
    public void clearError() {
        lastError.set("");
        errors.set(0);
    }

    /** How many calls failed since the last error was dismissed. */
    public ReadOnlyIntegerProperty errorsProperty() {
        return errors;
    }

    /** The status bar's right-hand summary: "idle", or "2 calls in flight · 1 retry · 1 error". */
    public static String activity(int callsInFlight, int retries, int errors) {
        return (callsInFlight == 0 ? "idle" : Plural.of(callsInFlight, "call") + " in flight")
                + (retries == 0 ? "" : " · " + Plural.of(retries, "retry", "retries"))
                + (errors == 0 ? "" : " · " + Plural.of(errors, "error"));
    }

    /** How many times the backend retried a call (throttling, server errors) this session. */
    public ReadOnlyIntegerProperty retriesProperty() {
        return retries;
    }

    /** The backend retried a call: shown in the status bar, not as a dialog. */
    public void retried(String apiName, int attempt) {
        int n = retryCount.incrementAndGet();
        uiThread.accept(() -> {
            retries.set(n);
            status.set("Retrying " + apiName + " (attempt " + attempt + ")…");
        });
    }

    /** Any failure the UI did not handle itself lands here. */
    public void report(Throwable error) {
        String text = ErrorText.of(error);
        boolean counted = ErrorText.isFailedCall(error); // a failed call, counted when it finished
        uiThread.accept(() -> {
            lastError.set(text);
            if (!counted) {
                errors.set(errors.get() + 1);
            }
        });
    }

    @Override
    public void started(Operation operation) {
        inFlight.incrementAndGet();
        publish();
    }

    @Override
    public void finished(Operation operation, EcsException failure) {
        inFlight.decrementAndGet();
        if (failure != null) {
            pendingError.set(failure.summary());
            pendingErrors.incrementAndGet();
        }
        publish();
    }

    private void publish() {
        if (publishQueued.compareAndSet(false, true)) {
            uiThread.accept(() -> {
                publishQueued.set(false);
                callsInFlight.set(inFlight.get());
                String error = pendingError.getAndSet(null);
                if (error != null) {
                    lastError.set(error);
                }
                errors.set(errors.get() + pendingErrors.getAndSet(0));
            });
        }
    }
}
