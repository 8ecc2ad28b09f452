package dev.ecsdeck.ui.logs;

/** Lets the logs benchmark run what the view's drain timer runs after each drain (package-private in the view). */
public final class LogViewBenchAccess {
    private LogViewBenchAccess() {}

    public static void afterDrain(LogTailView view) {
        view.afterDrain();
    }
}
