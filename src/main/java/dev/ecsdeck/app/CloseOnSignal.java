package dev.ecsdeck.app;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT close the console as its window's close button does: the close runs on the FX
 * thread (window state saved, session closed), then the JVM exits 128 + the signal's number. A JVM
 * shutdown hook cannot do this: by the time it runs, JavaFX's own hook may have stopped the
 * renderer and the FX thread with it, so the signals are handled before any shutdown begins.
 */
final class CloseOnSignal {
    private static final System.Logger LOG = System.getLogger(CloseOnSignal.class.getName());
    /** How long the close may take before the JVM exits anyway. */
    static final long CLOSE_SECONDS = 10;

    private CloseOnSignal() {}

    /** From now on SIGTERM and SIGINT run {@code close} on the FX thread, then exit. */
    static void install(Runnable close) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> closer(signal, close).start());
            } catch (IllegalArgumentException unavailable) {
                // not on this platform, or the JVM runs with -Xrs: the JVM's default applies
                LOG.log(System.Logger.Level.INFO, "SIG" + name + " closes without saving: " + unavailable.getMessage());
            }
        }
    }

    /**
     * The JVM runs signal handlers on daemon threads, and once the close has stopped the toolkit the
     * main thread returns from the launch and the JVM would end with 0 before a daemon handler calls
     * {@code System.exit}; a non-daemon thread keeps the JVM up until it has exited with the signal's code.
     */
    private static Thread closer(Signal signal, Runnable close) {
        Thread t = new Thread(() -> closeAndExit(signal, close), "close-on-SIG" + signal.getName());
        t.setDaemon(false);
        return t;
    }

    private static void closeAndExit(Signal signal, Runnable close) {
        LOG.log(System.Logger.Level.INFO, "SIG" + signal.getName() + ": closing");
        CountDownLatch done = new CountDownLatch(1);
        Thread[] fxThread = new Thread[1];
        Platform.runLater(() -> {
            fxThread[0] = Thread.currentThread();
            try {
                close.run();
            } finally {
                // The toolkit stops in order (no paint left for a stopped renderer to refuse on the terminal).
                Platform.exit();
                done.countDown();
            }
        });
        try {
            if (!done.await(CLOSE_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "SIG" + signal.getName() + ": the close took over " + CLOSE_SECONDS + " s; exiting");
            } else if (fxThread[0] != null) {
                fxThread[0].join(TimeUnit.SECONDS.toMillis(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(128 + signal.getNumber());
    }
}
